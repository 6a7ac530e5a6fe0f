package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Reads can lag writes. Twilio does not document it, but users of both earlier Twilio providers reported
// a 404 for a number or a Studio flow fetched right after it was created
// (github.com/twilio/terraform-provider-twilio/issues/124, github.com/RJPearson94/terraform-provider-twilio/issues/86).
// Taking such a 404 for "gone" would drop a billed number from the state and the next apply would buy
// another, so Read retries a 404 for an object created recently, for a bounded time. An old object's 404
// is believed at once.
const (
	// staleReadWindow is how long after its creation (date_created in the state) an object's 404 may be a
	// read that lags the write.
	staleReadWindow = 5 * time.Minute
	// staleReadBudget bounds the retries of one Read; it is what a refresh costs for a recent object that
	// is really gone.
	staleReadBudget = 10 * time.Second
	// The same, as the documentation says them.
	staleReadWindowText = "5 minutes"
	staleReadBudgetText = "10 seconds"
)

// staleReadBackoff paces the retries of a 404 that may lag the write.
var staleReadBackoff = twilioclient.Backoff{Min: 250 * time.Millisecond, Max: 2 * time.Second}

// readAllowingLag calls fetch and, while it answers Twilio's 404 for an object created less than
// staleReadWindow ago (dateCreated, from the state), calls it again with growing waits for at most
// staleReadBudget. It returns the last answer. Other errors, closed subaccounts (reported as not found
// without a 404) and old objects are returned at once.
func readAllowingLag[T any](ctx context.Context, dateCreated types.String, fetch func() (T, error)) (T, error) {
	v, err := fetch()
	if !twilioclient.IsStatus(err, http.StatusNotFound) || !createdRecently(dateCreated, time.Now()) {
		return v, err
	}
	staleReadBackoff.Retry(ctx, time.Now().Add(staleReadBudget), func(attempt int) bool {
		if attempt > 0 {
			v, err = fetch()
		}
		if !twilioclient.IsStatus(err, http.StatusNotFound) {
			return false
		}
		tflog.Debug(ctx, "Twilio answered 404 for an object created recently; retrying in case the read lags the write",
			map[string]any{"attempt": attempt + 1, "date_created": dateCreated.ValueString()})
		return true
	})
	return v, err
}

// createdRecently reports whether a date_created from the state (Twilio's RFC 2822 dates, or RFC 3339 for
// Studio and IAM) is less than staleReadWindow before now. A date in the future (Twilio's clock is not
// ours) counts as recent; an unknown or unreadable date (an import) does not.
func createdRecently(dateCreated types.String, now time.Time) bool {
	if dateCreated.IsNull() || dateCreated.IsUnknown() {
		return false
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC3339} {
		if t, err := time.Parse(layout, dateCreated.ValueString()); err == nil {
			return now.Sub(t) < staleReadWindow
		}
	}
	return false
}

// incomingNumberSearchFailed explains a Read that could not tell a released number from a moved one: the
// number stays in the state (it may still exist, and be billed, in another account of the family).
func incomingNumberSearchFailed(account string, err error) string {
	msg := fmt.Sprintf("Account %s no longer has the number, and searching the other accounts of the family "+
		"for it failed, so the provider cannot tell whether it was moved (still billed) or released. The state "+
		"keeps it. ", account)
	if errors.Is(err, twilioclient.ErrFamilyTooLarge) {
		return msg + fmt.Sprintf("The family has more than %d accounts, more than the provider searches. If the "+
			"number was moved, set account_sid to its new account (the Console shows it); if it was released, "+
			"remove it with `terraform state rm`.\n\n%s.", twilioclient.FamilySearchLimit, err)
	}
	return msg + "Searching needs credentials that may list the accounts (the auth token or a Main API key, not " +
		"a standard key); fix the cause and refresh again.\n\n" + errorDetail(err)
}
