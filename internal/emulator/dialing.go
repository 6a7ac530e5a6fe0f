package emulator

import (
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/tenantwire/terraform-provider-twilio/internal/phonenumber"
)

// productVoice is voice.twilio.com (Voice v1): dialing permissions and their inheritance.
const productVoice = "voice"

// DialingPermission is one country's voice dialing permissions: the three groups of number prefixes of
// https://www.twilio.com/docs/voice/api/dialing-permissions-resources.
type DialingPermission struct {
	LowRisk           bool `json:"low_risk_numbers_enabled"`
	HighRiskSpecial   bool `json:"high_risk_special_numbers_enabled"`
	HighRiskTollfraud bool `json:"high_risk_tollfraud_numbers_enabled"`
}

// Voice dialing permissions act on the authenticated account, as every Voice v1 call does: Twilio's
// walkthrough updates a subaccount's countries and inheritance "with your subaccount Account SID"
// (https://www.twilio.com/blog/blog-voice-dialing-geo-permissions-rest-api).
//
// ASSUMPTION(dialing-defaults): Twilio enables a new account's own country at sign-up (same page) and
// documents no default for other accounts. The emulator's main account starts with low-risk numbers of
// US and CA enabled and a new subaccount with none of its own; the provider reads every country before it
// changes any and never assumes a default; test: TestDialingPermissions.

// defaultDialing is a new main account's permissions.
func defaultDialing() map[string]DialingPermission {
	return map[string]DialingPermission{"US": {LowRisk: true}, "CA": {LowRisk: true}}
}

// effectiveDialing is what an account may dial: "By default, new subaccounts will inherit the Master
// Project permissions" until inheritance is disabled
// (https://www.twilio.com/blog/blog-voice-dialing-geo-permissions-rest-api).
//
// ASSUMPTION(dialing-read-while-inheriting): Twilio does not say whether Countries, read by an inheriting
// subaccount, shows the parent's permissions (what applies) or the subaccount's own (what a bulk update
// wrote). The emulator shows the parent's. The provider reads Settings first and compares countries only
// when inheritance is off, so it never mistakes one set for the other; test: TestDialingPermissions.
func (e *Emulator) effectiveDialing(a *Account) map[string]DialingPermission {
	if !a.IsMain() && a.DialingInherit {
		if parent := e.st.accounts[a.OwnerAccountSid]; parent != nil {
			return parent.Dialing
		}
	}
	return a.Dialing
}

type dialingSettingsJSON struct {
	DialingPermissionsInheritance bool   `json:"dialing_permissions_inheritance"`
	URL                           string `json:"url"`
}

func (e *Emulator) fetchDialingSettings(c *call) result {
	return result{status: http.StatusOK, body: dialingSettingsJSON{
		DialingPermissionsInheritance: !c.target.IsMain() && c.target.DialingInherit,
		URL:                           c.base + "/v1/Settings",
	}}
}

// updateDialingSettings switches a subaccount's inheritance ("inheritance can be disabled and dialing
// permissions can be customized on that subaccount",
// https://www.twilio.com/docs/voice/api/dialing-permissions-resources); Twilio answers 202.
//
// ASSUMPTION(dialing-main-inheritance): the Settings resource "represents a subaccount's inheritance
// configurations" (https://www.twilio.com/docs/voice/api/dialingpermissions-settings-resource); what a
// main account gets is not documented. The emulator answers false to a read and refuses to turn it on
// (400/20001); the provider manages inheritance of subaccounts only and refuses a main account at plan
// time; test: TestDialingPermissions.
func (e *Emulator) updateDialingSettings(c *call) result {
	a := c.target
	inherit := a.DialingInherit
	b := binder{form: c.form}
	b.boolean("DialingPermissionsInheritance", &inherit)
	if b.err != nil {
		return result{err: b.err}
	}
	if a.IsMain() && inherit {
		return result{err: badRequest(codeInvalidParameter,
			"Account %s is a main account: only subaccounts inherit dialing permissions", a.Sid)}
	}
	if !a.IsMain() {
		a.DialingInherit = inherit
	}
	return result{status: http.StatusAccepted, body: dialingSettingsJSON{
		DialingPermissionsInheritance: !a.IsMain() && a.DialingInherit, URL: c.base + "/v1/Settings",
	}}
}

type dialingCountryJSON struct {
	IsoCode                         string            `json:"iso_code"`
	Name                            *string           `json:"name"`
	Continent                       *string           `json:"continent"`
	CountryCodes                    []string          `json:"country_codes"`
	LowRiskNumbersEnabled           bool              `json:"low_risk_numbers_enabled"`
	HighRiskSpecialNumbersEnabled   bool              `json:"high_risk_special_numbers_enabled"`
	HighRiskTollfraudNumbersEnabled bool              `json:"high_risk_tollfraud_numbers_enabled"`
	URL                             string            `json:"url"`
	Links                           map[string]string `json:"links"`
}

// dialingCountry is one row of the Countries resource. The country list is the ISO codes with an E.164
// country code.
//
// ASSUMPTION(dialing-country-names): the emulator has no copy of Twilio's country names and continents
// and answers null for both (the spec allows it); the provider reads only the ISO code and the three
// permissions; test: TestDialingPermissions.
type dialingCountry struct {
	iso  string
	code string
	perm DialingPermission
}

// ASSUMPTION(dialing-country-set): every ISO code with a calling code is its own country here; Twilio's
// Countries list may group some (its example names US "United States/Canada").
func (e *Emulator) dialingCountries(a *Account) []*dialingCountry {
	perms := e.effectiveDialing(a)
	out := []*dialingCountry{}
	for _, iso := range phonenumber.Countries() {
		code, _ := phonenumber.CallingCode(iso)
		out = append(out, &dialingCountry{iso: iso, code: code, perm: perms[iso]})
	}
	return out
}

func renderDialingCountry(c *call, d *dialingCountry) any {
	u := c.base + "/v1/DialingPermissions/Countries/" + d.iso
	return dialingCountryJSON{
		IsoCode: d.iso, CountryCodes: []string{"+" + d.code},
		LowRiskNumbersEnabled:           d.perm.LowRisk,
		HighRiskSpecialNumbersEnabled:   d.perm.HighRiskSpecial,
		HighRiskTollfraudNumbersEnabled: d.perm.HighRiskTollfraud,
		URL:                             u,
		Links:                           map[string]string{"highrisk_special_prefixes": u + "/HighRiskSpecialPrefixes"},
	}
}

// listDialingCountries filters as the Countries resource documents: by ISO code, country code and each
// permission (https://www.twilio.com/docs/voice/api/dialingpermissions-country-resource).
func (e *Emulator) listDialingCountries(c *call) result {
	pg, err := parsePage(c.form)
	if err != nil {
		return result{err: err}
	}
	b := binder{form: c.form}
	var iso, code, continent string
	b.str("IsoCode", &iso)
	b.str("CountryCode", &code)
	b.str("Continent", &continent)
	flags := map[string]*bool{}
	for _, name := range []string{"LowRiskNumbersEnabled", "HighRiskSpecialNumbersEnabled", "HighRiskTollfraudNumbersEnabled"} {
		if c.form.Has(name) {
			v := false
			b.boolean(name, &v)
			flags[name] = &v
		}
	}
	if b.err != nil {
		return result{err: b.err}
	}
	all := slices.DeleteFunc(e.dialingCountries(c.target), func(d *dialingCountry) bool {
		switch {
		case iso != "" && !strings.EqualFold(iso, d.iso),
			code != "" && strings.TrimPrefix(code, "+") != d.code,
			continent != "": // NOTE: no continents are modelled (assumption dialing-country-names).
			return true
		}
		for name, want := range flags {
			got := map[string]bool{"LowRiskNumbersEnabled": d.perm.LowRisk,
				"HighRiskSpecialNumbersEnabled": d.perm.HighRiskSpecial, "HighRiskTollfraudNumbersEnabled": d.perm.HighRiskTollfraud}[name]
			if got != *want {
				return true
			}
		}
		return false
	})
	p := paginate(all, func(d *dialingCountry) string { return d.iso }, pg)
	f := filters{{"IsoCode", iso}, {"CountryCode", code}, {"Continent", continent}}
	for _, name := range slices.Sorted(maps.Keys(flags)) {
		f = append(f, [2]string{name, strconv.FormatBool(*flags[name])})
	}
	return result{status: http.StatusOK, body: listV1(c, "content", f, pg, p, func(d *dialingCountry) any { return renderDialingCountry(c, d) })}
}

func (e *Emulator) fetchDialingCountry(c *call) result {
	iso := c.params["IsoCode"]
	for _, d := range e.dialingCountries(c.target) {
		if d.iso == iso {
			return result{status: http.StatusOK, body: renderDialingCountry(c, d)}
		}
	}
	return result{err: notFound(c.path)}
}

// bulkUpdate is one object of UpdateRequest: "a URL-encoded, JSON array of update objects", each with
// iso_code and the three permissions, written as the strings "true" and "false" in Twilio's example
// (https://www.twilio.com/docs/voice/api/dialingpermissions-bulkcountryupdate-resource).
//
// ASSUMPTION(dialing-bulk-shape): Twilio's example writes the permissions as strings; the emulator also
// accepts JSON booleans, and leaves a permission an object omits unchanged. The provider always sends all
// three, as strings, exactly as in the example; test: TestDialingPermissions.
type bulkUpdate struct {
	IsoCode           string          `json:"iso_code"`
	LowRisk           json.RawMessage `json:"low_risk_numbers_enabled"`
	HighRiskSpecial   json.RawMessage `json:"high_risk_special_numbers_enabled"`
	HighRiskTollfraud json.RawMessage `json:"high_risk_tollfraud_numbers_enabled"`
}

type bulkUpdateJSON struct {
	UpdateCount   int    `json:"update_count"`
	UpdateRequest string `json:"update_request"`
}

// createDialingBulkUpdate applies UpdateRequest to the authenticated account's own permissions, all or
// nothing.
//
// ASSUMPTION(dialing-bulk-errors): Twilio documents neither the answer to a malformed request or an
// unknown ISO code nor whether the valid objects of a rejected request apply. The emulator refuses the
// whole request with 400/20001 naming the problem. The provider checks ISO codes at plan time and never
// sends an unknown one; test: TestDialingPermissions.
//
// ASSUMPTION(dialing-bulk-while-inheriting): Twilio's walkthrough sends the bulk update before it
// disables inheritance, so an inheriting subaccount's update is kept; the emulator stores it and applies
// it when inheritance is disabled. The provider disables inheritance first; test: TestDialingPermissions.
func (e *Emulator) createDialingBulkUpdate(c *call) result {
	raw := c.form.Get("UpdateRequest")
	if raw == "" {
		return result{err: missingParam("UpdateRequest")}
	}
	var updates []bulkUpdate
	if err := json.Unmarshal([]byte(raw), &updates); err != nil {
		return result{err: badRequest(codeInvalidParameter, "UpdateRequest must be a JSON array of update objects: %v", err)}
	}
	a := c.target
	next := maps.Clone(a.Dialing)
	if next == nil {
		next = map[string]DialingPermission{}
	}
	for i, u := range updates {
		if _, ok := phonenumber.CallingCode(u.IsoCode); !ok || strings.ToUpper(u.IsoCode) != u.IsoCode {
			return result{err: badRequest(codeInvalidParameter, "UpdateRequest[%d]: iso_code %q is not a country Twilio can dial", i, u.IsoCode)}
		}
		p := next[u.IsoCode]
		for _, f := range []struct {
			name string
			raw  json.RawMessage
			dst  *bool
		}{
			{"low_risk_numbers_enabled", u.LowRisk, &p.LowRisk},
			{"high_risk_special_numbers_enabled", u.HighRiskSpecial, &p.HighRiskSpecial},
			{"high_risk_tollfraud_numbers_enabled", u.HighRiskTollfraud, &p.HighRiskTollfraud},
		} {
			if len(f.raw) == 0 {
				continue
			}
			switch strings.Trim(string(f.raw), `"`) {
			case "true":
				*f.dst = true
			case "false":
				*f.dst = false
			default:
				return result{err: badRequest(codeInvalidParameter, "UpdateRequest[%d].%s must be \"true\" or \"false\", got %s", i, f.name, f.raw)}
			}
		}
		if p == (DialingPermission{}) {
			delete(next, u.IsoCode)
		} else {
			next[u.IsoCode] = p
		}
	}
	a.Dialing = next
	return result{status: http.StatusCreated, body: bulkUpdateJSON{UpdateCount: len(updates), UpdateRequest: raw}}
}
