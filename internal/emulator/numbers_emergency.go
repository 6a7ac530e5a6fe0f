package emulator

import (
	"net/http"
	"time"
)

// Emergency address registration. Setting or removing a number's emergency address starts a registration
// that completes later: emergency_address_status is one of registered, unregistered, pending-registration,
// registration-failure, pending-unregistration and unregistration-failure (the enum of api_v2010;
// https://www.twilio.com/changelog/changes-to-the-emergency-calling-api), and Twilio's procedure to change
// the address is "Dis-associate the Emergency Address ... Check Emergency Address Status on a Twilio number
// to ensure it's unregistered. Associate new Emergency Address"
// (https://www.twilio.com/docs/voice/sip/api/emergency-calling-api).
const (
	emergencyRegistered          = "registered"
	emergencyUnregistered        = "unregistered"
	emergencyPendingRegistration = "pending-registration"
	emergencyPendingUnregister   = "pending-unregistration"
)

// DefaultEmergencyRegistrationDelay is how long a pending emergency registration or unregistration takes.
//
// ASSUMPTION(emergency-registration-delay): Twilio says the states pass but not how long they take; the
// emulator settles them after a second (SetEmergencyRegistration changes it or holds them). The provider
// polls until the state it needs, within the resource's timeouts, whatever the delay; a hold longer than
// the timeout fails the apply with the status and keeps the number; test:
// TestAccIncomingNumber_emergencyRegistrationHeld.
const DefaultEmergencyRegistrationDelay = time.Second

// SetEmergencyRegistration sets how long emergency registrations take from now on and whether they are
// held: a held registration stays pending until released (hold false) and its delay has passed. A test
// control, not Twilio behaviour.
func (e *Emulator) SetEmergencyRegistration(delay time.Duration, hold bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.emergencyDelay, e.emergencyHeld = delay, hold
}

// settleEmergency completes a pending registration whose time has come. Callers hold e.mu.
func (e *Emulator) settleEmergency(n *IncomingNumber) {
	if e.emergencyHeld || n.emergencySettles.IsZero() || time.Now().Before(n.emergencySettles) {
		return
	}
	switch n.EmergencyAddressStatus {
	case emergencyPendingRegistration:
		n.EmergencyAddressStatus = emergencyRegistered
	case emergencyPendingUnregister:
		n.EmergencyAddressStatus = emergencyUnregistered
	}
	n.emergencySettles = time.Time{}
}

func (e *Emulator) startEmergency(n *IncomingNumber, status string) {
	n.EmergencyAddressStatus = status
	n.emergencySettles = time.Now().Add(e.emergencyDelay)
}

// changeEmergency applies a purchase's or update's EmergencyAddressSid to the registration of next, whose
// registration before the request is prev's (nil on a purchase). A move has already cleared next's
// address, so it unregisters whatever prev had.
//
// ASSUMPTION(emergency-swap-refused): Twilio documents the procedure (remove, wait for unregistered, set)
// but not what it answers to a new address while the old one is registered or unregistering; the emulator
// refuses with 400/20001 (AltEmergencySwapAccepted accepts and registers the new one). The provider always
// follows the procedure; test: TestAccIncomingNumber_emergencyAddress (both outcomes).
func (e *Emulator) changeEmergency(prev, next *IncomingNumber) *apiError {
	had := ""
	status := emergencyUnregistered
	if prev != nil {
		had, status = prev.EmergencyAddressSid, prev.EmergencyAddressStatus
	}
	switch want := next.EmergencyAddressSid; {
	case want == had:
		return nil
	case want == "":
		if had != "" {
			e.startEmergency(next, emergencyPendingUnregister)
		}
	case status != emergencyUnregistered && !e.alternative(AltEmergencySwapAccepted):
		return badRequest(codeInvalidParameter, "Emergency address of %s is %s (%s): remove it (EmergencyAddressSid "+
			"empty) and wait for emergency_address_status unregistered before setting %s", next.PhoneNumber,
			status, or(had, "being removed"), want)
	default:
		e.startEmergency(next, emergencyPendingRegistration)
	}
	return nil
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// checkRelease refuses to release a number that still has an emergency address: "Before a number can be
// released any registered emergency address will need to be removed"
// (https://help.twilio.com/articles/223183028-Cancel-or-release-a-Twilio-number).
//
// ASSUMPTION(release-emergency-code): the code of the refusal is not documented; the emulator answers
// 400/20001. The provider removes the emergency address before releasing, so it never meets it.
//
// ASSUMPTION(release-pending-unregistration): whether a number whose address is still unregistering
// (pending-unregistration) may be released is not documented; the emulator refuses it like a registered
// one (AltReleaseWhileUnregistering releases it). The provider waits for unregistered before it releases,
// and after a refused release; test: TestAccIncomingNumber_emergencyRelease (both outcomes).
func (e *Emulator) checkRelease(n *IncomingNumber) *apiError {
	switch {
	case n.EmergencyAddressSid != "":
		return newError(http.StatusBadRequest, codeInvalidParameter, "Phone number %s cannot be released while it has "+
			"emergency address %s registered; remove it first (EmergencyAddressSid empty)", n.PhoneNumber, n.EmergencyAddressSid)
	case n.EmergencyAddressStatus == emergencyPendingUnregister && !e.alternative(AltReleaseWhileUnregistering):
		return newError(http.StatusBadRequest, codeInvalidParameter, "Phone number %s cannot be released while its "+
			"emergency address is being unregistered (pending-unregistration); wait for unregistered", n.PhoneNumber)
	}
	return nil
}
