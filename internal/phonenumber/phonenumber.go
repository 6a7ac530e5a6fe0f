// Package phonenumber normalises phone numbers to E.164, offline, from a table of country calling codes
// and national (trunk) prefixes. It is a leaf package: no network, no Terraform.
//
// It checks what E.164 and the tables can tell (an assigned calling code, at most 15 digits, the North
// American Numbering Plan's 10-digit shape); it does not know which numbers a country has allocated, so a
// number it accepts may still not exist. Twilio's own Lookup API is the authority for that.
package phonenumber

import (
	"fmt"
	"sort"
	"strings"
)

// MaxDigits is E.164's limit on a number's length, calling code included ("Be limited to a total of 15
// digits", Twilio's glossary: What is E.164?).
const MaxDigits = 15

// minNationalDigits is the shortest national number the function accepts: Saint Helena's and Niue's
// numbers have 4 or 5 digits, and nothing shorter is a subscriber number anywhere.
const minNationalDigits = 4

const trunkUnknown = "?"

type country struct {
	// code is the country calling code without "+".
	code string
	// trunk is the national prefix dialled before a national number and dropped in E.164; "" when the
	// country has none, trunkUnknown when the table does not know it.
	trunk string
}

// Error says why a number cannot be normalised. Reason is a sentence for the user.
type Error struct {
	Reason string
}

func (e *Error) Error() string { return e.Reason }

func errorf(format string, args ...any) error { return &Error{Reason: fmt.Sprintf(format, args...)} }

// CallingCode returns the country calling code (without "+") of an ISO 3166-1 alpha-2 code, any case.
func CallingCode(iso string) (string, bool) {
	c, ok := countries[strings.ToUpper(iso)]
	return c.code, ok
}

// ValidCountry reports whether iso is an ISO 3166-1 alpha-2 code the table knows, in upper case.
func ValidCountry(iso string) bool {
	_, ok := countries[iso]
	return ok
}

// Countries lists the ISO codes the table knows, sorted.
func Countries() []string {
	out := make([]string, 0, len(countries))
	for iso := range countries {
		out = append(out, iso)
	}
	sort.Strings(out)
	return out
}

var assigned = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range countries {
		m[c.code] = true
	}
	for _, c := range globalCodes {
		m[c] = true
	}
	return m
}()

// E164 normalises number to E.164 ("+" and digits). A number starting with "+" is international; any
// other is national to defaultCountry (an ISO 3166-1 alpha-2 code, any case; "" accepts international
// numbers only), whose trunk prefix is dropped. Spaces, hyphens, dots, slashes and parentheses are
// ignored. The error is an *Error saying what is wrong.
func E164(number, defaultCountry string) (string, error) {
	digits, international, err := clean(number)
	if err != nil {
		return "", err
	}
	if international {
		return checkInternational(number, digits)
	}
	if strings.HasPrefix(digits, "00") {
		return "", errorf("%q starts with 00, an international call prefix: write the number with + and its country calling code instead (for example +44...)", number)
	}
	if defaultCountry == "" {
		return "", errorf("%q has no country calling code: write it in international format (+ and the country calling code), or give a default country", number)
	}
	iso := strings.ToUpper(defaultCountry)
	c, ok := countries[iso]
	if !ok {
		return "", errorf("default country %q is not an ISO 3166-1 alpha-2 country code this provider knows (such as US, GB or DE)", defaultCountry)
	}
	national, err := dropTrunk(number, iso, c, digits)
	if err != nil {
		return "", err
	}
	return checkInternational(number, c.code+national)
}

// clean strips the separators people write and reports whether the number was international.
func clean(number string) (digits string, international bool, err error) {
	s := strings.TrimSpace(number)
	if s == "" {
		return "", false, errorf("the phone number is empty")
	}
	if strings.HasPrefix(s, "+") {
		international = true
		s = s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')' || r == '/':
		case r == '+':
			return "", false, errorf("%q has a + that is not at the start: only the first character may be +", number)
		case (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'):
			return "", false, errorf("%q contains the letter %q: letters (vanity numbers, extensions such as \"ext. 12\") are not converted; give digits only", number, r)
		default:
			return "", false, errorf("%q contains %q at position %d: only digits, a leading +, spaces, hyphens, dots, slashes and parentheses are allowed", number, r, i+1)
		}
	}
	if b.Len() == 0 {
		return "", false, errorf("%q contains no digits", number)
	}
	return b.String(), international, nil
}

func dropTrunk(number, iso string, c country, digits string) (string, error) {
	switch c.trunk {
	case trunkUnknown:
		return "", errorf("%q is in national format, and the national prefix of %s is not in this provider's table: write it in international format, +%s and the national number", number, iso, c.code)
	case "1": // NANP: 10 digits, or 11 with the leading 1.
		if len(digits) == 11 && digits[0] == '1' {
			return digits[1:], nil
		}
		return digits, nil
	case "":
		return digits, nil
	default:
		if !strings.HasPrefix(digits, c.trunk) {
			return "", errorf("%q is in national format for %s but does not start with its national prefix %s: write it as dialled within %s (for example %s...) or in international format (+%s...)", number, iso, c.trunk, iso, c.trunk, c.code)
		}
		return digits[len(c.trunk):], nil
	}
}

func checkInternational(number, digits string) (string, error) {
	if digits[0] == '0' {
		return "", errorf("%q: no country calling code starts with 0", number)
	}
	code := ""
	for n := 1; n <= 3 && n <= len(digits); n++ {
		if assigned[digits[:n]] {
			code = digits[:n]
			break
		}
	}
	if code == "" {
		return "", errorf("%q: +%s is not an assigned country calling code", number, digits[:min(3, len(digits))])
	}
	national := digits[len(code):]
	switch {
	case len(digits) > MaxDigits:
		return "", errorf("%q has %d digits with its country calling code; E.164 allows at most %d", number, len(digits), MaxDigits)
	case code == "1":
		if err := checkNANP(number, national); err != nil {
			return "", err
		}
	case trunkKept(code, national) != "":
		t := trunkKept(code, national)
		return "", errorf("%q keeps the national prefix %s after +%s: in international format it is dropped (+%s %s...)",
			number, t, code, code, national[len(t):min(len(national), len(t)+4)])
	case len(national) < minNationalDigits:
		return "", errorf("%q has only %d digits after the country calling code +%s: too short to be a phone number", number, len(national), code)
	}
	return "+" + digits, nil
}

// trunkKept is the national (trunk) prefix that national starts with when every country of the calling
// code dials one and it is the same (+44 020..., written for +44 20...); "" otherwise, including where a
// country keeps its leading 0 in international format (Italy's trunk is "" in the table).
func trunkKept(code, national string) string {
	trunk := ""
	for _, c := range countries {
		if c.code != code {
			continue
		}
		if c.trunk == "" || c.trunk == trunkUnknown || (trunk != "" && c.trunk != trunk) {
			return ""
		}
		trunk = c.trunk
	}
	if trunk != "" && strings.HasPrefix(national, trunk) {
		return trunk
	}
	return ""
}

// checkNANP applies the North American Numbering Plan's shape (NANPA): a 3-digit area code and a 3-digit
// central office code, neither starting with 0 or 1, then 4 digits.
func checkNANP(number, national string) error {
	switch {
	case len(national) != 10:
		return errorf("%q: a North American (+1) number has 10 digits after the 1 (area code, exchange, line), this one has %d", number, len(national))
	case national[0] == '0' || national[0] == '1':
		return errorf("%q: a North American area code cannot start with %c", number, national[0])
	case national[3] == '0' || national[3] == '1':
		return errorf("%q: a North American exchange code (the three digits after the area code) cannot start with %c", number, national[3])
	}
	return nil
}
