package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// findFunc looks an object up in one account; ErrNotFound when the account has no such object.
type findFunc func(ctx context.Context, client *twilioclient.Client, accountSID, sid string) error

// importAccount resolves an import ID "AC…/XX…" or a bare "XX…" to the owning account. A bare SID is
// looked up in the provider's account first, then in each open subaccount, so a tenant's app, flow or key
// imports by its SID alone, as numbers do; when it is nowhere, the error shows the AC…/XX… form.
func (r *resourceBase) importAccount(ctx context.Context, id, prefix, what string, find findFunc, diags *diag.Diagnostics) (accountSID, sid string, ok bool) {
	accountSID, sid, ok = r.parseImportID(id, prefix, diags)
	if !ok || strings.Contains(id, "/") {
		return accountSID, sid, ok
	}
	client := r.data.client
	err := find(ctx, client, accountSID, sid)
	if err == nil {
		return accountSID, sid, true
	}
	if twilioclient.IsNotFound(err) {
		var owner string
		if owner, err = findOwner(ctx, client, sid, find); err == nil {
			return owner, sid, true
		}
	}
	form := fmt.Sprintf("AC…/%s (the SID of the account that owns it, a slash, then %s)", sid, sid)
	if twilioclient.IsNotFound(err) {
		diags.AddError(fmt.Sprintf("Cannot import %s %s", what, sid),
			fmt.Sprintf("There is no %s %s in account %s or in any of its open subaccounts. If it belongs to "+
				"another account the provider can reach, import it as %s.", what, sid, client.AccountSID(), form))
		return "", "", false
	}
	diags.AddError(fmt.Sprintf("Cannot import %s %s", what, sid),
		fmt.Sprintf("Looking for it in account %s and its subaccounts failed; import it as %s to name its "+
			"account. %s", client.AccountSID(), form, errorDetail(err)))
	return "", "", false
}

// findOwner searches the open subaccounts the client can list for the account that has sid.
func findOwner(ctx context.Context, client *twilioclient.Client, sid string, find findFunc) (string, error) {
	accts, err := client.ListAccounts(ctx, "")
	if err != nil {
		return "", err
	}
	for _, a := range accts {
		acct := stringValue(a.Sid).ValueString()
		if acct == client.AccountSID() || stringValue(a.Status).ValueString() == twilioclient.AccountStatusClosed {
			continue
		}
		switch err := find(ctx, client, acct, sid); {
		case err == nil:
			return acct, nil
		case !twilioclient.IsNotFound(err) && !twilioclient.IsAccountInactive(err):
			return "", err
		}
	}
	return "", twilioclient.ErrNotFound
}
