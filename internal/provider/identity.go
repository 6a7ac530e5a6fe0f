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
