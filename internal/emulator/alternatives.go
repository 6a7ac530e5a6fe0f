package emulator

import "fmt"

// Alternative outcomes of assumptions (FIDELITY.md): where Twilio documents nothing, the emulator picks
// one behaviour, and tests switch on the other with [Emulator.SetAlternative] to prove the provider is
// safe under both. Each name is an assumption's ID in the ledger.
const (
	// AltCloseAgainRefused answers 21479 to Status=closed on an already closed account, instead of
	// accepting the no-op (assumption close-again).
	AltCloseAgainRefused = "close-again"
	// AltMoveKeepsReferences keeps a moved number's application and trunk SIDs, instead of clearing them
	// (assumption move-clears-references).
	AltMoveKeepsReferences = "move-clears-references"
	// AltBundleDeleteRefused refuses to delete a bundle that is not a draft, instead of deleting any bundle
	// no number uses (assumption bundle-delete).
	AltBundleDeleteRefused = "bundle-delete"
	// AltEmergencySwapAccepted accepts a new emergency address while the old one is registered or
	// unregistering, instead of refusing it (assumption emergency-swap-refused).
	AltEmergencySwapAccepted = "emergency-swap-refused"
	// AltReleaseWhileUnregistering releases a number whose emergency address is still being unregistered,
	// instead of refusing (assumption release-pending-unregistration).
	AltReleaseWhileUnregistering = "release-pending-unregistration"
	// AltBundleExpiryLate keeps a bundle twilio-approved after its valid_until, as if Twilio's rejection
	// came later, instead of rejecting it at once (assumption bundle-expiry-at-valid-until).
	AltBundleExpiryLate = "bundle-expiry-at-valid-until"
	// AltSecondaryExistsRefused refuses to create a secondary auth token while one exists, instead of
	// replacing it (assumption secondary-recreate).
	AltSecondaryExistsRefused = "secondary-recreate"
	// AltSenderReaddRefused refuses with 21712 to add a number to the Messaging Service that already holds
	// it, instead of answering 200 with the member (assumption messaging-sender-readd).
	AltSenderReaddRefused = "messaging-sender-readd"
	// AltTrustProfileSubmitted lets a trust product's evaluation pass with a submitted (pending-review or
	// in-review) customer profile, instead of only an approved one (assumption a2p-profile-approved).
	AltTrustProfileSubmitted = "a2p-profile-approved"
)

var knownAlternatives = map[string]bool{AltCloseAgainRefused: true, AltMoveKeepsReferences: true, AltBundleDeleteRefused: true,
	AltEmergencySwapAccepted: true, AltReleaseWhileUnregistering: true, AltBundleExpiryLate: true, AltSecondaryExistsRefused: true,
	AltSenderReaddRefused: true, AltTrustProfileSubmitted: true}

// SetAlternative switches an assumption to its other outcome (on) or back. It panics on an unknown name,
// since that is a bug in the test.
func (e *Emulator) SetAlternative(name string, on bool) {
	if !knownAlternatives[name] {
		panic(fmt.Sprintf("twilio emulator: no alternative %q", name))
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.alternatives == nil {
		e.alternatives = map[string]bool{}
	}
	e.alternatives[name] = on
}

// alternative reports whether a test switched name on. Callers hold e.mu.
func (e *Emulator) alternative(name string) bool { return e.alternatives[name] }
