package provider

import (
	"fmt"
	"math"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// An approved bundle with a valid_until "will be transitioned to a twilio-rejected state unless the
// compliance information is updated"
// (https://www.twilio.com/docs/phone-numbers/regulatory/getting-started/api-getting-started-compliance-information-update);
// numbers can then no longer be bought under it. The provider warns ahead of the date and refuses a
// purchase under a bundle whose date has passed, even while Twilio still reports it approved.

// bundleExpiryWarning is how long before its valid_until a bundle is warned about.
const bundleExpiryWarning = 30 * 24 * time.Hour

const bundleUpdateGuide = "https://www.twilio.com/docs/phone-numbers/regulatory/getting-started/api-getting-started-compliance-information-update"

// bundleExpiry tells whether a bundle that Twilio has not rejected yet has expired, or expires within
// bundleExpiryWarning (warning is then its summary and detail); both are empty otherwise.
func bundleExpiry(b *twilioclient.Bundle, now time.Time) (expired bool, summary, detail string) {
	if b.ValidUntil == nil || b.Status == twilioclient.BundleStatusRejected {
		return false, "", ""
	}
	until := b.ValidUntil.UTC().Format(time.RFC3339)
	if !now.Before(*b.ValidUntil) {
		return true, "Regulatory bundle expired", fmt.Sprintf("Bundle %s (%q) was valid until %s: Twilio rejects it "+
			"(twilio-rejected) unless its compliance information is updated (%s), and refuses numbers under it "+
			"(error 21649).", b.SID, b.FriendlyName, until, bundleUpdateGuide)
	}
	if left := b.ValidUntil.Sub(now); left <= bundleExpiryWarning {
		return false, "Regulatory bundle expires soon", fmt.Sprintf("Bundle %s (%q) is valid until %s (in %d days): "+
			"Twilio then rejects it unless its compliance information is updated (%s), and no number can be bought "+
			"under it any more. Update it before then.", b.SID, b.FriendlyName, until, int(math.Ceil(left.Hours()/24)),
			bundleUpdateGuide)
	}
	return false, "", ""
}

// warnBundleExpiry warns about a bundle that has expired or expires soon (the data source).
func warnBundleExpiry(b *twilioclient.Bundle, now time.Time, diags *diag.Diagnostics) {
	if _, summary, detail := bundleExpiry(b, now); summary != "" {
		diags.AddWarning(summary, detail)
	}
}

// checkBundleNotExpired fails the plan of a number whose bundle's validity has ended, at bundle_sid, and
// warns there when it ends soon. It reports false when the bundle has expired.
func checkBundleNotExpired(b *twilioclient.Bundle, now time.Time, diags *diag.Diagnostics) bool {
	expired, summary, detail := bundleExpiry(b, now)
	switch {
	case expired:
		diags.AddAttributeError(path.Root("bundle_sid"), summary, detail+" Update the bundle, or use another "+
			"approved bundle. Nothing was bought.")
	case summary != "":
		diags.AddAttributeWarning(path.Root("bundle_sid"), summary, detail)
	}
	return !expired
}

// bundleUsable reports whether a bundle's status may let Twilio accept numbers under it. Only the
// statuses that are surely not approved are refused: Twilio documents "an approved BundleSid"
// (https://www.twilio.com/en-us/changelog/regulated-number-bundle-provisioning-requirement) without saying
// whether provisionally-approved counts, so that one is left to Twilio (ASSUMPTION provisional-bundle in
// the emulator's ledger).
func bundleUsable(status string) bool {
	switch status {
	case twilioclient.BundleStatusDraft, twilioclient.BundleStatusPendingReview, twilioclient.BundleStatusInReview,
		twilioclient.BundleStatusRejected:
		return false
	}
	return true
}
