package emulator

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
)

// The number inventory is deterministic: for each country, type and (for the
// US and Canada) area code there are 100 candidate numbers in ranges that
// are reserved for fiction (555-0100 to 555-0199, Ofcom's drama ranges).
// Only those numbers can be bought, by PhoneNumber or AreaCode: Twilio sells
// what its AvailablePhoneNumbers search offers and answers 21422 for any other
// number ("Twilio does not own the phone number in question",
// https://www.twilio.com/docs/errors/21422). A released number returns to the
// inventory.

// Magic values that reproduce the failures of Twilio's test credentials
// (https://www.twilio.com/docs/iam/test-credentials).
const (
	magicUnavailable = "+15005550000" // 21422: not available
	magicInvalid     = "+15005550001" // 21421: invalid
	areaCodeNoStock  = "533"          // 21452: no numbers in this area code
)

var (
	e164Pattern     = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)
	areaCodePattern = regexp.MustCompile(`^[2-9][0-9]{2}$`)
	tollFreeCodes   = []string{"800", "833", "844", "855", "866", "877", "888"}
)

// areaInfo is what Twilio reports about the places of a few area codes.
type areaInfo struct {
	locality, region, postal, rateCenter, lata string
	lat, long                                  float64
}

var areaCodes = map[string]areaInfo{
	"415": {"San Francisco", "CA", "94103", "SNFC CNTRL", "722", 37.77, -122.41},
	"212": {"New York", "NY", "10001", "NWYRCYZN01", "132", 40.75, -73.99},
	"312": {"Chicago", "IL", "60601", "CHCG ZN 01", "358", 41.88, -87.62},
	"206": {"Seattle", "WA", "98101", "SEATTLE", "674", 47.61, -122.33},
	"512": {"Austin", "TX", "78701", "AUSTIN", "558", 30.27, -97.74},
	"604": {"Vancouver", "BC", "V6B", "VANCOUVER", "", 49.28, -123.12},
	"416": {"Toronto", "ON", "M5H", "TORONTO", "", 43.65, -79.38},
}

var defaultAreaCodes = map[string][]string{"US": {"415", "212", "312", "206", "512"}, "CA": {"604", "416"}}

func isE164(s string) bool { return e164Pattern.MatchString(s) }

func isTollFree(number string) bool {
	return strings.HasPrefix(number, "+1") && len(number) == 12 && slices.Contains(tollFreeCodes, number[2:5]) ||
		strings.HasPrefix(number, "+44808")
}

// capabilitiesOf is what a number can do, by its kind.
func capabilitiesOf(number string) Capabilities {
	switch {
	case isTollFree(number):
		return Capabilities{Voice: true, SMS: true}
	case strings.HasPrefix(number, "+1"):
		return Capabilities{Voice: true, SMS: true, MMS: true}
	case strings.HasPrefix(number, "+447"):
		return Capabilities{Voice: true, SMS: true}
	}
	return Capabilities{Voice: true}
}

// displayName is Twilio's default friendly name of a number.
func displayName(number string) string {
	if strings.HasPrefix(number, "+1") && len(number) == 12 {
		return fmt.Sprintf("(%s) %s-%s", number[2:5], number[5:8], number[8:])
	}
	return number
}

// candidates lists a country's numbers of a type ("Local", "Mobile",
// "TollFree"); ok is false for combinations Twilio has no resource for.
func candidates(country, kind, areaCode string) (nums []string, ok bool) {
	series := func(prefix string) {
		for i := 100; i < 200; i++ {
			nums = append(nums, fmt.Sprintf("%s%04d", prefix, i))
		}
	}
	switch {
	case (country == "US" || country == "CA") && kind == "Local":
		codes := defaultAreaCodes[country]
		if areaCode != "" {
			codes = []string{areaCode}
		}
		for _, ac := range codes {
			if ac != areaCodeNoStock {
				series("+1" + ac + "555")
			}
		}
	case (country == "US" || country == "CA") && kind == "TollFree":
		codes := tollFreeCodes
		if areaCode != "" {
			codes = []string{areaCode}
		}
		for _, ac := range codes {
			if slices.Contains(tollFreeCodes, ac) {
				series("+1" + ac + "555")
			}
		}
	case country == "GB" && kind == "Local":
		series("+44207946")
	case country == "GB" && kind == "Mobile":
		series("+44770090")
	case country == "GB" && kind == "TollFree":
		series("+44808157")
	default:
		return nil, false
	}
	return nums, true
}

// inStock reports whether number is one of the inventory's numbers, whoever
// owns it now.
func inStock(number string) bool {
	var lists [][]string
	switch {
	case strings.HasPrefix(number, "+1") && len(number) == 12:
		for _, country := range []string{"US", "CA"} {
			for _, kind := range []string{"Local", "TollFree"} {
				if nums, ok := candidates(country, kind, number[2:5]); ok {
					lists = append(lists, nums)
				}
			}
		}
	case strings.HasPrefix(number, "+44"):
		for _, kind := range []string{"Local", "Mobile", "TollFree"} {
			nums, _ := candidates("GB", kind, "")
			lists = append(lists, nums)
		}
	}
	for _, nums := range lists {
		if slices.Contains(nums, number) {
			return true
		}
	}
	return false
}

// owned reports whether any account currently owns number. Callers hold e.mu.
func (e *Emulator) owned(number string) bool {
	for _, n := range e.st.numbers {
		if n.PhoneNumber == number {
			return true
		}
	}
	return false
}

// keypad maps letters to phone keypad digits, as Twilio's Contains does.
func keypad(r rune) rune {
	const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	const digits = "22233344455566677778889999"
	if i := strings.IndexRune(letters, r); i >= 0 {
		return rune(digits[i])
	}
	return r
}

// containsPattern matches Twilio's Contains/PhoneNumber patterns: digits,
// letters (keypad digits) and '*' for any one digit, anywhere in the number;
// a leading '+' anchors the pattern at the start of the E.164 number.
func containsPattern(number, pattern string) bool {
	if pattern == "" {
		return true
	}
	anchored := strings.HasPrefix(pattern, "+")
	pat := []rune(strings.Map(keypad, strings.ToUpper(strings.TrimPrefix(pattern, "+"))))
	digits := []rune(strings.TrimPrefix(number, "+"))
	for start := 0; start+len(pat) <= len(digits); start++ {
		ok := true
		for i, p := range pat {
			if p != '*' && p != digits[start+i] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
		if anchored {
			break
		}
	}
	return false
}

// availableJSON is api.v2010.account.available_phone_number_country.available_phone_number_local
// (the mobile and toll-free schemas are identical).
type availableJSON struct {
	FriendlyName        string       `json:"friendly_name"`
	PhoneNumber         string       `json:"phone_number"`
	Lata                *string      `json:"lata"`
	Locality            *string      `json:"locality"`
	RateCenter          *string      `json:"rate_center"`
	Latitude            *float64     `json:"latitude"`
	Longitude           *float64     `json:"longitude"`
	Region              *string      `json:"region"`
	PostalCode          *string      `json:"postal_code"`
	IsoCountry          string       `json:"iso_country"`
	AddressRequirements string       `json:"address_requirements"`
	Beta                bool         `json:"beta"`
	Capabilities        Capabilities `json:"capabilities"`
}

func renderAvailable(country, number string) availableJSON {
	out := availableJSON{FriendlyName: displayName(number), PhoneNumber: number, IsoCountry: country,
		AddressRequirements: addressRequirement(number), Capabilities: capabilitiesOf(number)}
	if info, ok := areaCodes[number[2:5]]; ok && strings.HasPrefix(number, "+1") && !isTollFree(number) {
		out.Lata, out.Locality, out.RateCenter = nullable(info.lata), &info.locality, &info.rateCenter
		out.Region, out.PostalCode = &info.region, &info.postal
		out.Latitude, out.Longitude = &info.lat, &info.long
	}
	return out
}

// listAvailable searches numbers that nobody owns. Twilio does not page this
// resource: it answers one page of at most PageSize matches.
func (e *Emulator) listAvailable(c *call) result {
	country, kind := strings.ToUpper(c.params["CountryCode"]), c.params["Type"]
	pg, err := parsePage(c.form)
	if err != nil {
		return result{err: err}
	}
	areaCode, contains := c.form.Get("AreaCode"), c.form.Get("Contains")
	if areaCode != "" && !areaCodePattern.MatchString(areaCode) {
		return result{err: badRequest(codeInvalidAreaCode, "AreaCode %q is invalid", areaCode)}
	}
	var want struct{ sms, voice, mms *bool }
	b := binder{form: c.form}
	for name, dst := range map[string]**bool{"SmsEnabled": &want.sms, "VoiceEnabled": &want.voice, "MmsEnabled": &want.mms} {
		if c.form.Has(name) {
			v := new(bool)
			b.boolean(name, v)
			*dst = v
		}
	}
	if b.err != nil {
		return result{err: b.err}
	}
	nums, ok := candidates(country, kind, areaCode)
	if !ok {
		return result{err: notFound(c.path)}
	}
	matches := []*string{}
	for _, n := range nums {
		caps := capabilitiesOf(n)
		if e.owned(n) || !containsPattern(n, contains) ||
			want.sms != nil && *want.sms != caps.SMS || want.voice != nil && *want.voice != caps.Voice ||
			want.mms != nil && *want.mms != caps.MMS {
			continue
		}
		matches = append(matches, &n)
		if len(matches) == pg.size {
			break
		}
	}
	f := filters{{"AreaCode", areaCode}, {"Contains", contains}, {"SmsEnabled", c.form.Get("SmsEnabled")},
		{"VoiceEnabled", c.form.Get("VoiceEnabled")}, {"MmsEnabled", c.form.Get("MmsEnabled")}}
	p := pageOf[string]{items: matches}
	return result{status: http.StatusOK, body: list2010(c, "available_phone_numbers", f, pageReq{size: pg.size}, p,
		func(n *string) any { return renderAvailable(country, *n) })}
}
