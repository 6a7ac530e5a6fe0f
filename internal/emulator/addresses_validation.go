package emulator

import (
	"strings"
	"unicode/utf8"
)

// Near matches: "If the address submitted is not an exact match but is similar to a valid address, we'll
// create the Address using the valid address we found, unless you include the AutoCorrectAddress=false
// parameter in the request. In that case, we'll provide it as a suggested address in error code 21629"
// (https://www.twilio.com/docs/usage/api/address, https://www.twilio.com/docs/errors/21629).

// nearMatches are the streets the emulator's validation finds nearly matching a valid one, with the valid
// one. Which addresses Twilio's validation provider corrects is its own; the emulator's near match is a
// misspelling of the street in Twilio's own 21629 example (the Emergency Calling API page), for tests.
var nearMatches = map[string]string{"645 harison st": "645 HARRISON ST"}

// nearMatch corrects a near-matching street (stored in upper case, as Twilio's suggestion reads) or, when
// autoCorrect is off, refuses it with 21629 in the message format of Twilio's example: "Failed to validate
// address. Check the suggested address. | FriendlyName: …, CustomerName: …, Street: …, Locality: …,
// Region: …, PostalCode: …, IsoCountry: …"
// (https://www.twilio.com/docs/sip-trunking/api/emergency-calling).
func nearMatch(a *Address, autoCorrect bool) *apiError {
	valid, ok := nearMatches[strings.ToLower(strings.TrimSpace(a.Street))]
	if !ok {
		return nil
	}
	if autoCorrect {
		a.Street = valid
		return nil
	}
	up := strings.ToUpper
	return badRequest(codeAddressSuggested, "Failed to validate address. Check the suggested address. | FriendlyName: %s, "+
		"CustomerName: %s, Street: %s, Locality: %s, Region: %s, PostalCode: %s, IsoCountry: %s",
		a.FriendlyName, a.CustomerName, valid, up(a.City), up(a.Region), up(a.PostalCode), a.IsoCountry)
}

// maxEmergencyFriendlyName is the longest friendly name of an emergency address: FriendlyName "can be up
// to 64 characters long for Regulatory Compliance addresses and 32 characters long for Emergency
// addresses" (UpdateAddress in the api v2010 spec; CreateAddress says only 64, and the limit is one of the
// address, so the emulator applies it to both).
const maxEmergencyFriendlyName = 32

// checkEmergencyFriendlyName enforces the emergency address limit.
//
// ASSUMPTION(emergency-friendly-name-on-create): Twilio states the 32-character limit for UpdateAddress
// only (CreateAddress says 64); the emulator applies it on create too. The provider refuses a longer name
// at plan for a new emergency address either way (its every update sends the name, and Twilio's update
// refuses it), so it is safe whichever way Twilio's create behaves.
//
// ASSUMPTION(emergency-friendly-name-code): the code of the refusal is not documented; the emulator
// answers 400/20002 as for a name over 64 characters. The provider refuses a longer name at plan time
// for an emergency_enabled address, so it never meets it; test: TestAccAddress_emergencyFriendlyName.
func checkEmergencyFriendlyName(a *Address) *apiError {
	if !a.EmergencyEnabled || utf8.RuneCountInString(a.FriendlyName) <= maxEmergencyFriendlyName {
		return nil
	}
	return badRequest(codeInvalidFriendly, "FriendlyName must be at most %d characters long for an emergency address "+
		"(EmergencyEnabled), got %d", maxEmergencyFriendlyName, utf8.RuneCountInString(a.FriendlyName))
}
