package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

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

// in returns the numbers noted for an account, sorted.
func (k *numberSet) in(accountSID string) []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := make([]string, 0, len(k.byAccount[accountSID]))
	for sid := range k.byAccount[accountSID] {
		out = append(out, sid)
	}
	sort.Strings(out)
	return out
}

func (k *numberSet) has(accountSID, numberSID string) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.byAccount[accountSID][numberSID]
}

// numbersOwnedBy lists the numbers an account owns, as "+14155550100 (PN…)" lines, sorted; numbers a
// skip_destroy number resource left there in this command are marked, and numbers in skip are left out.
func numbersOwnedBy(ctx context.Context, client *twilioclient.Client, kept, skip *numberSet, accountSID string) ([]string, error) {
	list, err := client.ListIncomingNumbers(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	lines := make([]string, 0, len(list))
	for _, n := range list {
		sid := stringValue(n.Sid).ValueString()
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
	return lines, nil
}

// A command lists a subaccount's numbers once, where the list decides something (issue 25). Without
// release_numbers_on_close, the apply lists them right before the close, after the numbers' own releases,
// and refuses to close while any is left; the plan does not list them (a refusal names the numbers, as the
// AWS provider's S3 bucket without force_destroy fails at apply). With it, the close goes ahead whatever
// the list says, so only the destroy plan lists them, to name in its warning what the close will release.
// A build once let the plan's listing stand in for the apply's guard when it was under two minutes old; it
// was reverted: a number bought in the subaccount in that window (a person in the Console, another state)
// would have been released by the close without anyone seeing it, and releasing is irreversible. The
// apply's own list leaves only the milliseconds between it and the close.

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
