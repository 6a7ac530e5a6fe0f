package emulator

import (
	"net/url"
	"strings"
)

// Address rules of phone numbers: which numbers need an address on file, the emergency address of a
// number, and what they forbid.

// Address requirements as AvailablePhoneNumbers and IncomingPhoneNumbers report them: "Any: Requires an
// address anywhere in the world. Local: Requires an address that corresponds to the phone number's
// prefix ... Foreign: Requires an address outside the phone number's country"
// (https://help.twilio.com/articles/223182868-Why-do-some-phone-numbers-have-an-address-requirement).
const (
	addressNone    = "none"
	addressAny     = "any"
	addressLocal   = "local"
	addressForeign = "foreign"
)

// addressRequirement is the requirement of a number in the inventory. North American numbers need none.
//
// ASSUMPTION(gb-address-requirements): Twilio publishes the United Kingdom's requirements per number
// type on its regulatory guidelines pages, which change; the emulator stocks GB local numbers needing
// a local (United Kingdom) address, GB mobile numbers needing any address, and GB toll-free numbers
// needing none. The provider never derives a requirement: it shows what the search reports
// (twilio_available_phone_numbers) and relays Twilio's 21631/21615 with what to do, whichever type
// needs what.
func addressRequirement(number string) string {
	switch {
	case strings.HasPrefix(number, "+44808"):
		return addressNone
	case strings.HasPrefix(number, "+447"):
		return addressAny
	case strings.HasPrefix(number, "+44"):
		return addressLocal
	}
	return addressNone
}

// countryOf is the ISO country of a number in the inventory.
func countryOf(number string) string {
	switch {
	case strings.HasPrefix(number, "+44"):
		return "GB"
	case strings.HasPrefix(number, "+1") && len(number) >= 5 && (number[2:5] == "604" || number[2:5] == "416"):
		return "CA"
	}
	return "US"
}

// checkNumberAddresses enforces, on a purchase or an update of number n (already bound from form), that
// its address satisfies the number's requirement and that its emergency address is emergency-enabled.
// Both must be addresses of the account that owns (or will own) the number.
func (e *Emulator) checkNumberAddresses(n *IncomingNumber, form url.Values, buying, moving bool) *apiError {
	addressOf := func(sid string) *Address {
		if a := e.st.addresses[sid]; a != nil && a.AccountSid == n.AccountSid {
			return a
		}
		return nil
	}
	if buying || moving || form.Has("AddressSid") {
		a := addressOf(n.AddressSid)
		// ASSUMPTION(unknown-address-sid): Twilio does not document its answer to an AddressSid that names
		// no address of the account; the emulator treats it as no address at all (21631 where one is
		// required, 20001 otherwise). The provider checks at plan time that a configured address is in the
		// number's account when both are known, and relays either answer.
		if a == nil && n.AddressSid != "" {
			if form.Has("AddressSid") && addressRequirement(n.PhoneNumber) == addressNone {
				return badRequest(codeInvalidParameter, "AddressSid %s is not an address of account %s", n.AddressSid, n.AccountSid)
			}
			n.AddressSid = ""
		}
		if err := satisfies(n, a); err != nil {
			return err
		}
	}
	if form.Has("EmergencyAddressSid") && n.EmergencyAddressSid != "" {
		// "An emergency Address is an Address resource with the emergency_enabled property set to true"
		// (https://www.twilio.com/docs/sip-trunking/api/emergency-calling).
		// ASSUMPTION(emergency-address-code): the code of the refusal is not documented; the emulator
		// answers 400/20001. The provider refuses at plan time when it knows the address is not
		// emergency-enabled, and relays Twilio's answer otherwise.
		a := addressOf(n.EmergencyAddressSid)
		if a == nil || !a.EmergencyEnabled {
			return badRequest(codeInvalidParameter, "EmergencyAddressSid %s is not an emergency-enabled address of "+
				"account %s; create the address with EmergencyEnabled=true", n.EmergencyAddressSid, n.AccountSid)
		}
	}
	// ASSUMPTION(emergency-status-follows-address): Twilio does not say how emergency_status and
	// emergency_status changes when an emergency address is set or removed; the emulator makes the number
	// Active at once, and Inactive when it is removed (emergency_address_status passes through pending
	// states: numbers_emergency.go). The provider only reports it and decides nothing on it.
	if form.Has("EmergencyAddressSid") {
		n.EmergencyStatus = "Inactive"
		if n.EmergencyAddressSid != "" {
			n.EmergencyStatus = "Active"
		}
	}
	return nil
}

// satisfies checks a number's address against its requirement: 21631 when one is needed and none is
// given, 21615 when a local address is needed and the address is in another country.
func satisfies(n *IncomingNumber, a *Address) *apiError {
	req, country := addressRequirement(n.PhoneNumber), countryOf(n.PhoneNumber)
	switch {
	case req == addressNone:
		return nil
	case a == nil:
		return badRequest(codeAddressRequired, "Phone Number Requires an Address: %s needs an address (%s) on file "+
			"in account %s; pass its SID as AddressSid", n.PhoneNumber, req, n.AccountSid)
	case req == addressLocal && a.IsoCountry != country:
		return badRequest(codeLocalAddressRequired, "Phone Number Requires a Local Address: %s needs an address in "+
			"%s, and address %s is in %s", n.PhoneNumber, country, a.Sid, a.IsoCountry)
	case req == addressForeign && a.IsoCountry == country:
		return badRequest(codeAddressRequired, "Phone Number Requires an Address: %s needs an address outside %s",
			n.PhoneNumber, country)
	}
	return nil
}
