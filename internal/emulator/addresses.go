package emulator

import (
	"regexp"
	"sort"
	"strings"
)

// Addresses (https://www.twilio.com/docs/usage/api/address): the end user's physical location, which
// some countries require on file before a number can be bought there, and which emergency calling uses
// when emergency_enabled is set.

// isoCountryPattern is the spec's iso-country-code format: two upper-case letters.
var isoCountryPattern = regexp.MustCompile(`^[A-Z]{2}$`)

// magicInvalidStreet is a street the emulator's address validation rejects with 21628 ("Address
// Validation Error", https://www.twilio.com/docs/errors/21628), so tests can exercise the refusal.
// Which real addresses fail is up to Twilio's validation provider; the code is documented on
// https://www.twilio.com/docs/usage/api/address.
const magicInvalidStreet = "0 Nowhere Street"

// validatingCountries are the countries whose addresses the emulator reports as validated.
//
// ASSUMPTION(address-validated): Twilio says only that "in some countries" addresses are validated
// (https://www.twilio.com/docs/usage/api/address) and which ones is not listed. The provider treats
// validated and verified as read-only information and never decides anything on them.
var validatingCountries = map[string]bool{"US": true, "CA": true, "GB": true}

// Address is an address on file in an account. Empty strings mean "not set".
type Address struct {
	Sid              string `json:"sid"`
	AccountSid       string `json:"account_sid"`
	CustomerName     string `json:"customer_name"`
	FriendlyName     string `json:"friendly_name"`
	Street           string `json:"street"`
	StreetSecondary  string `json:"street_secondary"`
	City             string `json:"city"`
	Region           string `json:"region"`
	PostalCode       string `json:"postal_code"`
	IsoCountry       string `json:"iso_country"`
	EmergencyEnabled bool   `json:"emergency_enabled"`
	Validated        bool   `json:"validated"`
	stamp
}

// addressJSON is api.v2010.account.address.
type addressJSON struct {
	AccountSid       string  `json:"account_sid"`
	City             string  `json:"city"`
	CustomerName     string  `json:"customer_name"`
	DateCreated      string  `json:"date_created"`
	DateUpdated      string  `json:"date_updated"`
	FriendlyName     *string `json:"friendly_name"`
	IsoCountry       string  `json:"iso_country"`
	PostalCode       string  `json:"postal_code"`
	Region           string  `json:"region"`
	Sid              string  `json:"sid"`
	Street           string  `json:"street"`
	StreetSecondary  *string `json:"street_secondary"`
	URI              string  `json:"uri"`
	EmergencyEnabled bool    `json:"emergency_enabled"`
	Validated        bool    `json:"validated"`
	Verified         bool    `json:"verified"`
}

func renderAddress(a *Address) any {
	return addressJSON{
		AccountSid: a.AccountSid, City: a.City, CustomerName: a.CustomerName,
		DateCreated: fmt2822(a.DateCreated), DateUpdated: fmt2822(a.DateUpdated),
		FriendlyName: nullable(a.FriendlyName), IsoCountry: a.IsoCountry, PostalCode: a.PostalCode,
		Region: a.Region, Sid: a.Sid, Street: a.Street, StreetSecondary: nullable(a.StreetSecondary),
		URI:              apiPrefix + "Accounts/" + a.AccountSid + "/Addresses/" + a.Sid + ".json",
		EmergencyEnabled: a.EmergencyEnabled, Validated: a.Validated,
		// Verification is document-backed (regulatory bundles); no emulator address is verified.
		Verified: false,
	}
}

// bindAddress applies the parameters create and update share and reports AutoCorrectAddress, which
// Twilio does not store ("the default is `true`", CreateAddress in the api v2010 spec). IsoCountry is
// create-only: UpdateAddress does not take it (api v2010 spec), so an address never changes country.
func bindAddress(b *binder, a *Address) (autoCorrect bool) {
	b.str("CustomerName", &a.CustomerName)
	b.friendlyName(&a.FriendlyName, "")
	b.str("Street", &a.Street)
	b.str("StreetSecondary", &a.StreetSecondary)
	b.str("City", &a.City)
	b.str("Region", &a.Region)
	b.str("PostalCode", &a.PostalCode)
	b.boolean("EmergencyEnabled", &a.EmergencyEnabled)
	autoCorrect = true
	b.boolean("AutoCorrectAddress", &autoCorrect)
	return autoCorrect
}

// validateAddress is Twilio's address validation: a street its validation cannot find is refused with
// 21628, a near match is corrected or, without auto-correction, refused with 21629 naming the suggestion
// (addresses_validation.go), and an emergency address's friendly name is limited.
func validateAddress(a *Address, autoCorrect bool) *apiError {
	for name, v := range map[string]string{"CustomerName": a.CustomerName, "Street": a.Street, "City": a.City,
		"Region": a.Region, "PostalCode": a.PostalCode} {
		if v == "" {
			return missingParam(name)
		}
	}
	if strings.EqualFold(a.Street, magicInvalidStreet) {
		return badRequest(codeAddressInvalid, "Address Validation Error: the address %q, %s could not be validated; "+
			"check it for typos or try another format", a.Street, a.City)
	}
	if err := checkEmergencyFriendlyName(a); err != nil {
		return err
	}
	if err := nearMatch(a, autoCorrect); err != nil {
		return err
	}
	a.Validated = validatingCountries[a.IsoCountry]
	return nil
}

func (e *Emulator) addressIn(c *call) (*Address, *apiError) {
	return findIn(c, e.st.addresses, c.params["Sid"], func(a *Address) bool { return a.AccountSid == c.target.Sid })
}

func (e *Emulator) listAddresses(c *call) result {
	customer, name, country := c.form.Get("CustomerName"), c.form.Get("FriendlyName"), c.form.Get("IsoCountry")
	emergency := c.form.Get("EmergencyEnabled")
	all := sorted(e.st.addresses, func(a *Address) bool {
		return a.AccountSid == c.target.Sid && (customer == "" || a.CustomerName == customer) &&
			(name == "" || a.FriendlyName == name) && (country == "" || a.IsoCountry == country) &&
			(emergency == "" || strings.EqualFold(emergency, "true") == a.EmergencyEnabled)
	})
	f := filters{{"CustomerName", customer}, {"FriendlyName", name}, {"EmergencyEnabled", emergency}, {"IsoCountry", country}}
	return listed(c, list2010, "addresses", f, all, func(a *Address) string { return a.Sid }, renderAddress)
}

func (e *Emulator) createAddress(c *call) result {
	country := c.form.Get("IsoCountry")
	if country == "" {
		return result{err: missingParam("IsoCountry")}
	}
	if !isoCountryPattern.MatchString(country) {
		return result{err: badRequest(codeInvalidParameter, "IsoCountry must be an ISO 3166-1 alpha-2 code such as US or GB, not %q", country)}
	}
	t := now()
	a := &Address{Sid: newSID("AD"), AccountSid: c.target.Sid, IsoCountry: country, stamp: stamp{DateCreated: t, DateUpdated: t}}
	b := binder{form: c.form}
	autoCorrect := bindAddress(&b, a)
	if b.err != nil {
		return result{err: b.err}
	}
	if err := validateAddress(a, autoCorrect); err != nil {
		return result{err: err}
	}
	return created(e, e.st.addresses, a.Sid, a, func() any { return renderAddress(a) })
}

// addressKind serves an account's addresses.
var addressKind = objectKind[Address, *Address]{
	find:   (*Emulator).addressIn,
	render: func(_ *Emulator, _ *call, a *Address) any { return renderAddress(a) },
	edit: func(e *Emulator, c *call, a, next *Address) *apiError {
		b := binder{form: c.form}
		autoCorrect := bindAddress(&b, next)
		if b.err != nil {
			return b.err
		}
		if err := validateAddress(next, autoCorrect); err != nil {
			return err
		}
		// A number's emergency address must stay emergency-enabled (see checkEmergencyAddress).
		if users := e.addressUsers(a.Sid, true); a.EmergencyEnabled && !next.EmergencyEnabled && len(users) > 0 {
			return badRequest(codeInvalidParameter, "Address %s is the emergency address of %s; "+
				"remove it from those numbers before disabling emergency calling on it", a.Sid, strings.Join(users, ", "))
		}
		return nil
	},
	// refuse refuses to delete an address a number uses, as address or emergency address.
	//
	// ASSUMPTION(address-in-use): Twilio lists the numbers that depend on an address
	// (DependentPhoneNumbers in the api v2010 spec) but documents neither that deleting such an address is
	// refused nor with which code; the emulator refuses with 400/20001 naming the numbers. The provider
	// checks the account's numbers itself before deleting and refuses with their names, so it never relies on
	// Twilio's answer.
	refuse: func(e *Emulator, a *Address) *apiError {
		if users := e.addressUsers(a.Sid, false); len(users) > 0 {
			return badRequest(codeInvalidParameter, "Address %s cannot be deleted: it is used by %s",
				a.Sid, strings.Join(users, ", "))
		}
		return nil
	},
	drop: func(e *Emulator, a *Address) { delete(e.st.addresses, a.Sid) },
}

// addressUsers lists the phone numbers that use the address (only as emergency address when
// emergencyOnly). Callers hold e.mu.
func (e *Emulator) addressUsers(sid string, emergencyOnly bool) []string {
	var out []string
	for _, n := range e.st.numbers {
		if n.EmergencyAddressSid == sid || !emergencyOnly && n.AddressSid == sid {
			out = append(out, n.PhoneNumber)
		}
	}
	sort.Strings(out)
	return out
}
