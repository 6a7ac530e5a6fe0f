package emulator

import "time"

// Bundle expiry: "A new parameter, ValidUntil, is being added to the Bundles resource. This new parameter
// is applied to a Bundle in the twilio-approved state but will be transitioned to a twilio-rejected state
// unless the compliance information is updated"; once updated, "the Bundle will no longer have a
// ValidUntil date"
// (https://www.twilio.com/docs/phone-numbers/regulatory/getting-started/api-getting-started-compliance-information-update).
// The emulator rejects an approved bundle as soon as its valid_until has passed, the next time it is read
// or used. The update itself (a bundle copy, reviewed, whose items replace the bundle's) is not modeled:
// a test re-approves the bundle without valid_until through ReviewBundle.

// expireBundle rejects b when it is approved and its validity has ended. Callers hold e.mu.
//
// ASSUMPTION(bundle-expiry-at-valid-until): Twilio does not say how soon after valid_until the bundle is
// rejected; the emulator rejects it at once (AltBundleExpiryLate keeps it approved, and usable, after the
// date). The provider refuses a number's bundle past its valid_until at plan whatever its status; test:
// TestAccIncomingNumber_bundleExpired (both outcomes).
func (e *Emulator) expireBundle(b *Bundle) {
	if b == nil || e.alternative(AltBundleExpiryLate) || b.Status != BundleApproved || b.ValidUntil.IsZero() || time.Now().Before(b.ValidUntil) {
		return
	}
	b.Status = BundleRejected
	b.DateUpdated = touched(b.DateUpdated)
}
