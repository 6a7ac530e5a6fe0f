package emulator

import (
	"net/url"
	"testing"
)

// TestEmergencyStatusIgnored: "Attempting to set the EmergencyStatus to Active or Inactive will be ignored,
// and will not have any effect on the enablement or disablement of emergency calling"
// (https://www.twilio.com/changelog/changes-to-the-emergency-calling-api, 2021-10-06). A client's
// EmergencyStatus is accepted and changes nothing: the number's status is what the same request without it
// gives.
func TestEmergencyStatusIgnored(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	numbers := accountPath(m.user, "/IncomingPhoneNumbers")
	us := h.must(h.post(m, accountPath(m.user, "/Addresses.json"), addressForm("US", true)), 201).str("sid")

	plain := h.must(h.post(m, numbers+".json", url.Values{"PhoneNumber": {"+14155550180"}, "EmergencyAddressSid": {us}}), 201)
	withStatus := h.must(h.post(m, numbers+".json", url.Values{"PhoneNumber": {"+14155550181"},
		"EmergencyAddressSid": {us}, "EmergencyStatus": {"Inactive"}}), 201)
	if plain.str("emergency_status") != withStatus.str("emergency_status") {
		t.Errorf("buying with EmergencyStatus=Inactive gave emergency_status %q, without it %q; Twilio ignores the parameter",
			withStatus.str("emergency_status"), plain.str("emergency_status"))
	}

	bare := h.must(h.post(m, numbers+".json", url.Values{"PhoneNumber": {"+14155550182"}}), 201)
	before := bare.str("emergency_status")
	after := h.must(h.post(m, numbers+"/"+bare.str("sid")+".json", url.Values{"EmergencyStatus": {"Active"}}), 200)
	if after.str("emergency_status") != before {
		t.Errorf("EmergencyStatus=Active on a number without an emergency address changed emergency_status from %q to %q",
			before, after.str("emergency_status"))
	}
}
