package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

// Resource identity (Terraform 1.12+, OpenTofu 1.12+) names an object by the same SIDs the string import
// IDs use: `sid` for a subaccount, `account_sid` + `sid` for everything an account owns. Every identity
// attribute is also a state attribute of the same name, so one helper copies the identity out of the
// state at the end of each operation (deferred, so no return path is missed, including Read's early
// returns that keep the last known state of a suspended tenant).

// subaccountIdentitySchema identifies a subaccount by its SID.
func subaccountIdentitySchema() identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"sid": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "SID of the subaccount (`AC…`).",
			},
		},
	}
}

// accountObjectIdentitySchema identifies an object an account owns: its account and its own SID.
func accountObjectIdentitySchema(prefix, what string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"account_sid": identityschema.StringAttribute{
				OptionalForImport: true,
				Description: fmt.Sprintf("SID of the account (`AC…`) that owns the %s; an import block may leave it "+
					"out to mean the provider's account.", what),
			},
			"sid": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       fmt.Sprintf("SID of the %s (`%s…`).", what, prefix),
			},
		},
	}
}

// syncIdentity copies the identity attributes out of a (non-removed) state. Attributes still unknown or
// null are left as they are.
func syncIdentity(ctx context.Context, state tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if identity == nil || state.Raw.IsNull() {
		return
	}
	for name := range identity.Schema.GetAttributes() {
		var v types.String
		if d := state.GetAttribute(ctx, path.Root(name), &v); d.HasError() {
			diags.Append(d...)
			return
		}
		if v.IsNull() || v.IsUnknown() {
			continue
		}
		diags.Append(identity.SetAttribute(ctx, path.Root(name), v)...)
	}
}

// The CRUD methods defer one of these, so the identity follows the state on every return path.
func identityAfterCreate(ctx context.Context, resp *resource.CreateResponse) {
	syncIdentity(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}

// identityAfterRead also answers a Read that removed the object (gone outside Terraform) with the
// object's identity, taken from the prior state. terraform-plugin-framework refuses a null identity after
// any error-free Read, removals included, and a null one is all it has when the client sends none
// (Terraform before 1.12, OpenTofu before 1.12) or the state was written before identity existed: the
// plan would fail with "Missing Resource Identity After Read" instead of planning a re-creation.
func identityAfterRead(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	from := resp.State
	if from.Raw.IsNull() {
		from = req.State
	}
	syncIdentity(ctx, from, resp.Identity, &resp.Diagnostics)
}

func identityAfterUpdate(ctx context.Context, resp *resource.UpdateResponse) {
	syncIdentity(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}

func identityAfterImport(ctx context.Context, resp *resource.ImportStateResponse) {
	syncIdentity(ctx, resp.State, resp.Identity, &resp.Diagnostics)
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
