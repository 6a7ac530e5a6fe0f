package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
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

// importedIdentity reads an `import { identity = {...} }` block: ok is false when the import used a string
// ID instead (then req.Identity is absent or null).
func importedIdentity(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) (accountSID, sid string, ok bool) {
	if req.ID != "" || req.Identity == nil || req.Identity.Raw.IsNull() {
		return "", "", false
	}
	for name, dst := range map[string]*string{"account_sid": &accountSID, "sid": &sid} {
		if _, err := req.Identity.Schema.AttributeAtPath(ctx, path.Root(name)); err != nil {
			continue
		}
		var v types.String
		diags.Append(req.Identity.GetAttribute(ctx, path.Root(name), &v)...)
		*dst = v.ValueString()
	}
	return accountSID, sid, true
}

// importAccountObject resolves either import form of an account-owned object to its account and SID, and
// sets both in the state: the string ID "AC…/XX…" or a bare "XX…" (looked for in the provider's account,
// then its open subaccounts), or an identity { account_sid, sid }, where a missing account_sid means the
// same search as a bare SID.
func (r *resourceBase) importAccountObject(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse,
	prefix, what string, find findFunc) bool {
	id := req.ID
	if account, sid, byIdentity := importedIdentity(ctx, req, &resp.Diagnostics); byIdentity {
		if !checkImportIdentity(account, sid, prefix, &resp.Diagnostics) {
			return false
		}
		id = sid
		if account != "" {
			id = account + "/" + sid
		}
	}
	accountSID, sid, ok := r.importAccount(ctx, id, prefix, what, find, &resp.Diagnostics)
	if !ok || resp.Diagnostics.HasError() {
		return false
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("account_sid"), accountSID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("sid"), sid)...)
	return !resp.Diagnostics.HasError()
}

// checkImportIdentity validates an identity given in an import block, pointing at the identity attribute
// at fault.
func checkImportIdentity(accountSID, sid, prefix string, diags *diag.Diagnostics) bool {
	return checkIdentitySID("sid", prefix, sid, diags) && (accountSID == "" || checkIdentitySID("account_sid", "AC", accountSID, diags))
}

// checkIdentitySID reports an identity attribute that is not a SID of the given prefix on that attribute.
func checkIdentitySID(attr, prefix, value string, diags *diag.Diagnostics) bool {
	if !sids.Valid(prefix, value) {
		diags.AddAttributeError(path.Root(attr), "Invalid import identity",
			fmt.Sprintf("identity.%s must be %s, got %q.", attr, sids.Shape(prefix), value))
		return false
	}
	return true
}

// sidsInWords says what every SID looks like, for import errors that list several forms.
var sidsInWords = "SIDs are two capital letters and " + fmt.Sprint(sids.Digits) + " hexadecimal digits"

// parseImportID splits an import ID "AC…/XX…" or "XX…" into account and object SIDs; the account defaults
// to the provider's.
func (r *resourceBase) parseImportID(id, prefix string, diags *diag.Diagnostics) (accountSID, sid string, ok bool) {
	parts := strings.Split(id, "/")
	switch {
	case len(parts) == 1 && sids.Valid(prefix, parts[0]):
		client := r.data.ready(diags)
		if client == nil {
			return "", "", false
		}
		return client.AccountSID(), parts[0], true
	case len(parts) == 2 && sids.Valid("AC", parts[0]) && sids.Valid(prefix, parts[1]):
		return parts[0], parts[1], true
	}
	diags.AddError("Invalid import ID",
		fmt.Sprintf("Expected %s… or AC…/%s… (%s), got %q.", prefix, prefix, sidsInWords, id))
	return "", "", false
}
