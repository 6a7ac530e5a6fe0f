package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Closing a subaccount releases every phone number it still owns (Twilio: "If a subaccount is closed ...
// Twilio will release all phone numbers in the subaccount",
// https://help.twilio.com/articles/223135987-Closing-a-Twilio-subaccount). That includes
// numbers bought outside Terraform and numbers a twilio_incoming_number left behind with skip_destroy, so
// twilio_subaccount refuses to close an account that owns numbers unless release_numbers_on_close says
// so, the way the AWS provider's S3 force_destroy guards a bucket's objects.

// numberSet remembers numbers by account for the rest of one Terraform command (one provider
// configuration serves one plan or one apply):
//   - kept: the numbers a twilio_incoming_number with skip_destroy = true left in their account, so
//     closing that account in the same apply can call the contradiction by its name (Terraform destroys
//     numbers before the subaccount they depend on);
//   - released: the numbers a destroy plan releases, so the subaccount's plan does not warn about them
//     when Terraform happens to plan them first.
type numberSet struct {
	mu        sync.Mutex
	byAccount map[string]map[string]bool
}

func (k *numberSet) note(accountSID, numberSID string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.byAccount == nil {
		k.byAccount = map[string]map[string]bool{}
	}
	if k.byAccount[accountSID] == nil {
		k.byAccount[accountSID] = map[string]bool{}
	}
	k.byAccount[accountSID][numberSID] = true
}

func (k *numberSet) has(accountSID, numberSID string) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.byAccount[accountSID][numberSID]
}

// numbersOwnedBy lists the numbers an account owns, as "+14155550100 (PN…)" lines, sorted; numbers a
// skip_destroy number resource left there in this command are marked, and numbers in skip are left out.
// listed holds the SIDs of every number the list returned, skipped ones included.
func numbersOwnedBy(ctx context.Context, client *twilioclient.Client, kept, skip *numberSet, accountSID string) (lines, listed []string, err error) {
	list, err := client.ListIncomingNumbers(ctx, accountSID)
	if err != nil {
		return nil, nil, err
	}
	lines = make([]string, 0, len(list))
	listed = make([]string, 0, len(list))
	for _, n := range list {
		sid := stringValue(n.Sid).ValueString()
		listed = append(listed, sid)
		if skip != nil && skip.has(accountSID, sid) {
			continue
		}
		line := fmt.Sprintf("%s (%s)", stringValue(n.PhoneNumber).ValueString(), sid)
		if kept != nil && kept.has(accountSID, sid) {
			line += ": its twilio_incoming_number has skip_destroy = true, which contradicts closing the " +
				"account that owns it (closing releases it anyway)"
		}
		lines = append(lines, line)
	}
	sort.Strings(lines)
	return lines, listed, nil
}

// The destroy plan lists the subaccount's numbers for its warning, and until then the apply listed them
// again right before the close, after the numbers' own releases: one more request per subaccount, on the
// critical path of every destroy. The plan's listing is handed to the apply in the plan's private state;
// when it is recent and every number it found was released by this same apply, the account owned no
// number then that is not gone now, and the apply closes without listing again. Otherwise (an old saved
// plan, numbers the plan saw that this apply did not release, a plan without a listing) it lists as before.
//
// NOTE: what this gives up is a number bought in the subaccount, outside this apply, in the window
// between the plan's listing and the close (at most closeListingValidity); before, the window was the
// time between the apply's list and the close. Either way only a Twilio-side check could close it.

// closeListingKey is the private-state key of the destroy plan's listing.
const closeListingKey = "close_guard_listing"

// closeListingValidity is how long a destroy plan's listing stands in for the apply's: enough for the
// apply of a large state to reach the close, short enough that a saved plan applied later lists again.
const closeListingValidity = 2 * time.Minute

// closeListing is what a destroy plan found in the account, as stored in the private state.
type closeListing struct {
	// At is when the list was answered (RFC 3339, UTC); zero means the plan has no listing.
	At time.Time `json:"at"`
	// Numbers are the SIDs of every number the account owned then.
	Numbers []string `json:"numbers"`
}

// privateData is the part of the framework's private state the close guard uses: ModifyPlanResponse.Private
// and DeleteRequest.Private.
type privateData interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// recordCloseListing stores the plan's listing (listed nil: none) for the apply; any earlier one is replaced.
func recordCloseListing(ctx context.Context, private privateData, at time.Time, listed []string) diag.Diagnostics {
	if private == nil || reflect.ValueOf(private).IsNil() {
		return nil
	}
	l := closeListing{}
	if listed != nil {
		l = closeListing{At: at.UTC(), Numbers: listed}
	}
	b, err := json.Marshal(l)
	if err != nil {
		return nil // cannot happen for these types; without a listing the apply lists again
	}
	return private.SetKey(ctx, closeListingKey, b)
}

// planListingCovers reports whether the plan's listing proves the account owns no number now that this
// apply did not release: recent, and every number in it released (deleted) by this provider process.
func planListingCovers(ctx context.Context, private privateData, now time.Time, deleted *numberSet, accountSID string) bool {
	if private == nil || reflect.ValueOf(private).IsNil() {
		return false
	}
	b, diags := private.GetKey(ctx, closeListingKey)
	if diags.HasError() || len(b) == 0 {
		return false
	}
	var l closeListing
	if err := json.Unmarshal(b, &l); err != nil || l.At.IsZero() || l.At.After(now) || now.Sub(l.At) > closeListingValidity {
		return false
	}
	for _, sid := range l.Numbers {
		if !deleted.has(accountSID, sid) {
			return false
		}
	}
	return true
}

// closeGuardDependents says what a refused close does not undo. Terraform destroys whatever depends on a
// subaccount (its numbers, keys, apps, flows, Serverless services) before it asks for the close, so those are
// gone by the time the provider sees the numbers that block it.
const closeGuardDependents = "Terraform destroys what depends on the subaccount before it tries the close: " +
	"every twilio_incoming_number (released, unless skip_destroy), twilio_api_key (revoked), twilio_twiml_app, " +
	"Studio flow and Serverless service of it that this apply destroys is gone before the close is refused, " +
	"and stays gone. Only the subaccount, and the numbers no destroyed resource manages, are left."

// closeGuardWaysOut is what the user can do about numbers that block a close.
const closeGuardWaysOut = "Ways out, in the configuration:\n" +
	"  - keep a number: move it to an account that stays open by setting account_sid on its " +
	"twilio_incoming_number (import it first if Terraform does not manage it), and apply before destroying;\n" +
	"  - release a number: destroy its twilio_incoming_number (without skip_destroy);\n" +
	"  - release them all with the subaccount: set release_numbers_on_close = true on the twilio_subaccount " +
	"and apply, then destroy;\n" +
	"  - keep the subaccount open: set skip_destroy = true on the twilio_subaccount.\n" +
	"When the subaccount is being replaced, lifecycle { create_before_destroy = true } lets its numbers " +
	"move to the new subaccount before the old one closes.\n" +
	"Once its configuration is gone (a tenant removed from a for_each map), the subaccount stays in the state " +
	"and every apply tries the close again; then:\n" +
	"  - release (or move) the numbers in the Twilio Console, and apply again: the close goes through;\n" +
	"  - or import a number into a twilio_incoming_number of the root configuration (import block, id " +
	"\"AC…/PN…\") with account_sid set to an account that stays, apply (it moves there), and apply again;\n" +
	"  - or keep the subaccount open and forget it: terraform state rm '<its address>'."

// closeRefusal is the error detail for a close that would release numbers.
func closeRefusal(accountSID string, numbers []string) string {
	return fmt.Sprintf("Subaccount %s still owns %d phone number(s):\n  - %s\n\n"+
		"Closing a subaccount makes Twilio release every number it owns, irreversibly (a released number may "+
		"never be bought back), so the subaccount was not closed and these numbers were not released.\n\n%s\n\n%s",
		accountSID, len(numbers), strings.Join(numbers, "\n  - "), closeGuardDependents, closeGuardWaysOut)
}
