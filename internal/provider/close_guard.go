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
// https://support.twilio.com/hc/en-us/articles/223135987-Closing-a-Twilio-subaccount). That includes
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

// closeGuardWaysOut is what the user can do about numbers that block a close.
const closeGuardWaysOut = "Ways out, in the configuration:\n" +
	"  - keep a number: move it to an account that stays open by setting account_sid on its " +
	"twilio_incoming_number (import it first if Terraform does not manage it), and apply before destroying;\n" +
	"  - release a number: destroy its twilio_incoming_number (without skip_destroy);\n" +
	"  - release them all with the subaccount: set release_numbers_on_close = true on the twilio_subaccount " +
	"and apply, then destroy;\n" +
	"  - keep the subaccount open: set skip_destroy = true on the twilio_subaccount.\n" +
	"When the subaccount is being replaced, lifecycle { create_before_destroy = true } lets its numbers " +
	"move to the new subaccount before the old one closes."

// closeRefusal is the error detail for a close that would release numbers.
func closeRefusal(accountSID string, numbers []string) string {
	return fmt.Sprintf("Subaccount %s still owns %d phone number(s):\n  - %s\n\n"+
		"Closing a subaccount makes Twilio release every number it owns, irreversibly (a released number may "+
		"never be bought back), so the subaccount was not closed and no number was released.\n\n%s",
		accountSID, len(numbers), strings.Join(numbers, "\n  - "), closeGuardWaysOut)
}
