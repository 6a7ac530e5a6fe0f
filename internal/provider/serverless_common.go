package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// What the Serverless resources (services, environments, variables, and the code resources) share: the
// account note of their descriptions, parent SID attributes, nested import IDs and identities, and the
// handling of a subaccount whose own credentials Twilio refuses.

// serverlessAccountNote is the paragraph every Serverless resource's description ends with.
const serverlessAccountNote = "**In subaccounts with the parent's credentials.** Set `account_sid` to a subaccount " +
	"(the same on the service and everything in it). Serverless only accepts a subaccount's own credentials, so " +
	"with the main account's SID and auth token the provider reads the subaccount's auth token (which the parent " +
	"may do) and acts as the subaccount. This needs the main account's **auth token**: an API key of the main " +
	"account cannot act in subaccounts."

// serverlessSkipDestroyAttribute is the skip_destroy of services, environments and variables: a protected
// tenant's numbers keep calling its voice function after Terraform forgets it.
func serverlessSkipDestroyAttribute(what string) schema.BoolAttribute {
	return falseByDefaultAttribute(fmt.Sprintf("When `true`, destroying the resource only removes it from the Terraform "+
		"state and the %s stays in Twilio, so numbers that call its functions keep working (like `skip_destroy` of "+
		"`twilio_twiml_app`). Defaults to `false`.", what))
}

// parentSIDAttribute is a required reference to the object this one lives in; it cannot change.
func parentSIDAttribute(prefix, what string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("SID of the %s (`%s…`) this object belongs to. Changing it replaces the object.", what, prefix),
		Required:            true,
		Validators:          []validator.String{sidValidator(prefix)},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

// serverlessPath is one level of a Serverless object's address: its SID prefix and the state attribute
// holding it (the last level is always "sid").
type serverlessPath struct {
	prefix, attr, what string
}

// serverlessIdentitySchema identifies a Serverless object by its account (optional for import, as for every
// account-owned object) and the SIDs of its path.
func serverlessIdentitySchema(levels []serverlessPath) identityschema.Schema {
	attrs := map[string]identityschema.Attribute{
		"account_sid": identityschema.StringAttribute{
			OptionalForImport: true,
			Description: "SID of the account (`AC…`) that owns the service; an import block may leave it out to " +
				"mean the provider's account or one of its subaccounts.",
		},
	}
	for _, l := range levels {
		attrs[l.attr] = identityschema.StringAttribute{
			RequiredForImport: true,
			Description:       fmt.Sprintf("SID of the %s (`%s…`).", l.what, l.prefix),
		}
	}
	return identityschema.Schema{Attributes: attrs}
}

// serverlessFind looks the object with these SIDs (in levels order) up in one account.
type serverlessFind func(ctx context.Context, client *twilioclient.Client, accountSID string, sids []string) error

// importServerless resolves an import of a Serverless object: the string ID "[AC…/]ZS…[/ZE…[/ZV…]]" (the
// SIDs of its path, optionally preceded by its account) or an identity block. Without an account, the
// object is looked for in the provider's account, then in its open subaccounts.
func (r *resourceBase) importServerless(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse,
	levels []serverlessPath, find serverlessFind) {
	if r.importPath(ctx, req, resp, levels, find) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("skip_destroy"), false)...)
	}
}

// serverlessImport gives a Serverless object under the accountObject engine its identity and import by
// its path (importServerless).
type serverlessImport struct {
	levels []serverlessPath
	find   serverlessFind
}

func (s serverlessImport) identitySchema() identityschema.Schema {
	return serverlessIdentitySchema(s.levels)
}

func (s serverlessImport) importState(ctx context.Context, base *resourceBase, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	base.importServerless(ctx, req, resp, s.levels, s.find)
}

// importPath resolves an import of any object addressed by a path of SIDs under an account (Serverless
// objects, Messaging Service pool members) and sets account_sid, the levels' attributes and id (the last
// SID). It reports whether it did.
func (r *resourceBase) importPath(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse,
	levels []serverlessPath, find serverlessFind) bool {
	what := levels[len(levels)-1].what
	account, sids, ok := serverlessImportID(ctx, req, levels, &resp.Diagnostics)
	if !ok {
		return false
	}
	client := r.data.ready(&resp.Diagnostics)
	if client == nil {
		return false
	}
	if account == "" {
		err := find(ctx, client, client.AccountSID(), sids)
		switch {
		case err == nil:
			account = client.AccountSID()
		case twilioclient.IsNotFound(err):
			account, err = findOwner(ctx, client, sids[len(sids)-1], func(ctx context.Context, c *twilioclient.Client, acct, _ string) error {
				return find(ctx, c, acct, sids)
			})
		}
		if err != nil {
			detail := fmt.Sprintf("There is no %s %s in account %s or in any of its open subaccounts. If it belongs "+
				"to another account the provider can reach, import it as AC…/%s.", what, sids[len(sids)-1],
				client.AccountSID(), strings.Join(sids, "/"))
			if !twilioclient.IsNotFound(err) {
				detail = fmt.Sprintf("Looking for it in account %s and its subaccounts failed; import it as AC…/%s "+
					"to name its account. %s", client.AccountSID(), strings.Join(sids, "/"), errorDetail(err))
			}
			resp.Diagnostics.AddError(fmt.Sprintf("Cannot import %s %s", what, sids[len(sids)-1]), detail)
			return false
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("account_sid"), account)...)
	for i, l := range levels {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(l.attr), sids[i])...)
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), sids[len(sids)-1])...)
	return !resp.Diagnostics.HasError()
}

// serverlessImportID reads the account ("" when not given) and the path's SIDs from an import's string ID
// or identity, checking each SID's prefix.
func serverlessImportID(ctx context.Context, req resource.ImportStateRequest, levels []serverlessPath, diags *diag.Diagnostics) (string, []string, bool) {
	prefixes := make([]string, len(levels))
	for i, l := range levels {
		prefixes[i] = l.prefix + "…"
	}
	form := strings.Join(prefixes, "/")
	if req.ID == "" && req.Identity != nil && !req.Identity.Raw.IsNull() {
		var account types.String
		diags.Append(req.Identity.GetAttribute(ctx, path.Root("account_sid"), &account)...)
		got := make([]string, len(levels))
		for i, l := range levels {
			var v types.String
			diags.Append(req.Identity.GetAttribute(ctx, path.Root(l.attr), &v)...)
			got[i] = v.ValueString()
			checkIdentitySID(l.attr, l.prefix, got[i], diags)
		}
		if a := account.ValueString(); a != "" {
			checkIdentitySID("account_sid", "AC", a, diags)
		}
		return account.ValueString(), got, !diags.HasError()
	}
	parts := strings.Split(req.ID, "/")
	account := ""
	if len(parts) == len(levels)+1 && sids.Valid("AC", parts[0]) {
		account, parts = parts[0], parts[1:]
	}
	valid := len(parts) == len(levels)
	for i := 0; valid && i < len(levels); i++ {
		valid = sids.Valid(levels[i].prefix, parts[i])
	}
	if !valid {
		diags.AddError("Invalid import ID", fmt.Sprintf("Expected %s or AC…/%s (%s), got %q.", form, form, sidsInWords, req.ID))
		return "", nil, false
	}
	return account, parts, true
}

// serverlessWriteHint explains a create or update that Twilio answered 404 for: the parent (service or
// environment) is not in the account the resource names.
func serverlessWriteHint(err error, accountSID string) string {
	if !twilioclient.IsNotFound(err) {
		return ""
	}
	return fmt.Sprintf("\n\nTwilio found no such service or environment in account %s. Check that service_sid "+
		"(and environment_sid) exist, and that account_sid is the same as the service's: a service in a subaccount "+
		"needs account_sid on every object in it.", accountSID)
}

// createServerless is createAdopting for the Serverless creates, whose other errors get the hint for a 404
// (the service or environment is not in the account).
func createServerless[T any](ctx context.Context, diags *diag.Diagnostics, kind, account, name, what, summary string,
	create func(context.Context) (*T, error), find func(context.Context, time.Time) ([]T, error), check func(*T) candidate) *T {
	return createAdopting(ctx, diags, lostCreate[T]{kind: kind, scope: account, name: name, what: what, summary: summary,
		find: find, check: check,
		failed: func(err error, _ *createRecord) *T {
			diags.AddError(summary, errorDetail(err)+serverlessWriteHint(err, account)+ambiguousCreateHint(err, kind, what))
			return nil
		},
	}, create)
}
