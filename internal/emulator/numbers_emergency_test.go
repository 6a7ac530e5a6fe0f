package emulator

import (
	"net/url"
	"testing"
	"time"
)

// Emergency address registration takes time: a set passes through pending-registration, a removal
// through pending-unregistration; a new address waits for unregistered, and so does a release. The test
// control holds the pending states and sets their duration.
func TestEmergencyRegistration(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	numbers := accountPath(m.user, "/IncomingPhoneNumbers")
	a := h.must(h.post(m, accountPath(m.user, "/Addresses.json"), addressForm("US", true)), 201).str("sid")
	b := h.must(h.post(m, accountPath(m.user, "/Addresses.json"), addressForm("US", true)), 201).str("sid")
	status := func(pn string) string {
		return h.must(h.get(m, numbers+"/"+pn+".json", nil), 200).str("emergency_address_status")
	}
	wait := func(pn, want string) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); status(pn) != want; time.Sleep(50 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: emergency_address_status %s, want %s", pn, status(pn), want)
			}
		}
	}

	h.e.SetEmergencyRegistration(200*time.Millisecond, true)
	r := h.must(h.post(m, numbers+".json", url.Values{"PhoneNumber": {"+14155550180"}, "EmergencyAddressSid": {a}}), 201)
	pn := r.str("sid")
	if r.str("emergency_address_status") != "pending-registration" {
		t.Fatalf("a purchase with an emergency address answered %v", r.body)
	}
	time.Sleep(300 * time.Millisecond)
	if got := status(pn); got != "pending-registration" {
		t.Fatalf("held registration settled: %s", got)
	}
	// Still registering: a new address is refused, and so is a release.
	wantError(t, h.post(m, numbers+"/"+pn+".json", url.Values{"EmergencyAddressSid": {b}}), 400, 20001, "unregistered")
	wantError(t, h.del(m, numbers+"/"+pn+".json"), 400, 20001, "emergency address")
	h.e.SetEmergencyRegistration(200*time.Millisecond, false)
	wait(pn, "registered")
	// Registered: a swap is refused; the removal unregisters, during which a new address and a release are
	// refused.
	wantError(t, h.post(m, numbers+"/"+pn+".json", url.Values{"EmergencyAddressSid": {b}}), 400, 20001, "unregistered")
	r = h.must(h.post(m, numbers+"/"+pn+".json", url.Values{"EmergencyAddressSid": {""}}), 200)
	if r.str("emergency_address_status") != "pending-unregistration" || r.body["emergency_address_sid"] != nil {
		t.Fatalf("removal answered %v", r.body)
	}
	wantError(t, h.post(m, numbers+"/"+pn+".json", url.Values{"EmergencyAddressSid": {b}}), 400, 20001, "being removed")
	wantError(t, h.del(m, numbers+"/"+pn+".json"), 400, 20001, "pending-unregistration")
	wait(pn, "unregistered")
	r = h.must(h.post(m, numbers+"/"+pn+".json", url.Values{"EmergencyAddressSid": {b}}), 200)
	if r.str("emergency_address_status") != "pending-registration" || r.str("emergency_address_sid") != b {
		t.Fatalf("setting the new address answered %v", r.body)
	}
	wait(pn, "registered")
	// Re-sending the same address changes nothing.
	if r = h.must(h.post(m, numbers+"/"+pn+".json", url.Values{"EmergencyAddressSid": {b}}), 200); r.str("emergency_address_status") != "registered" {
		t.Fatalf("re-sending the address answered %v", r.body)
	}
	h.must(h.post(m, numbers+"/"+pn+".json", url.Values{"EmergencyAddressSid": {""}}), 200)
	wait(pn, "unregistered")
	h.must(h.del(m, numbers+"/"+pn+".json"), 204)
}

// The alternatives: a swap accepted while registered, and a release accepted while unregistering.
func TestEmergencyRegistrationAlternatives(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	numbers := accountPath(m.user, "/IncomingPhoneNumbers")
	a := h.must(h.post(m, accountPath(m.user, "/Addresses.json"), addressForm("US", true)), 201).str("sid")
	b := h.must(h.post(m, accountPath(m.user, "/Addresses.json"), addressForm("US", true)), 201).str("sid")
	h.e.SetEmergencyRegistration(time.Hour, false)
	h.e.SetAlternative(AltEmergencySwapAccepted, true)
	h.e.SetAlternative(AltReleaseWhileUnregistering, true)
	pn := h.must(h.post(m, numbers+".json", url.Values{"PhoneNumber": {"+14155550181"}, "EmergencyAddressSid": {a}}), 201).str("sid")
	r := h.must(h.post(m, numbers+"/"+pn+".json", url.Values{"EmergencyAddressSid": {b}}), 200)
	if r.str("emergency_address_sid") != b || r.str("emergency_address_status") != "pending-registration" {
		t.Fatalf("accepted swap answered %v", r.body)
	}
	wantError(t, h.del(m, numbers+"/"+pn+".json"), 400, 20001, "emergency address")
	h.must(h.post(m, numbers+"/"+pn+".json", url.Values{"EmergencyAddressSid": {""}}), 200)
	h.must(h.del(m, numbers+"/"+pn+".json"), 204)
}
