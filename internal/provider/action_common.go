package provider

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Actions (Terraform 1.14+) act on subaccounts of the provider's account only: the main account's
// status cannot change (Twilio error 21477) and rotating the provider's own token would cut the provider
// off mid-run; an account of another family is not this configuration's to touch.

// actionBase holds what every action's Configure hands it, and its type name without the provider's prefix
// (Metadata).
type actionBase struct {
	data *providerData
	name string
}

func (a *actionBase) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + a.name
}

func (a *actionBase) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = configureClient(req.ProviderData, &resp.Diagnostics)
}

// subaccountActionModel is the configuration every action has: the subaccount it acts on.
type subaccountActionModel struct {
	AccountSID types.String `tfsdk:"account_sid"`
}

func (m subaccountActionModel) subaccount() types.String { return m.AccountSID }

// subaccountActionConfig is an action's configuration: subaccountActionModel and what the action adds.
type subaccountActionConfig interface{ subaccount() types.String }

var (
	_ action.ActionWithConfigure  = (*subaccountAction[subaccountActionModel])(nil)
	_ action.ActionWithModifyPlan = (*subaccountAction[subaccountActionModel])(nil)
)

// subaccountAction is an action on a subaccount of the provider's account, as a declaration: its words, the
// attributes beside account_sid, and what it does. The schema, the plan-time refusal of the provider's own
// account and the start of Invoke (the configuration, a ready client) live here once.
type subaccountAction[M subaccountActionConfig] struct {
	actionBase
	description string
	// accountDesc is account_sid's MarkdownDescription.
	accountDesc string
	attributes  map[string]schema.Attribute
	// verb is what the plan refuses to do to the main account: "rotate the auth token of".
	verb string
	// plan, when set, checks more at plan time, once the configuration was read.
	plan   func(a *actionBase, resp *action.ModifyPlanResponse)
	invoke func(ctx context.Context, client *twilioclient.Client, cfg M, resp *action.InvokeResponse)
}

func (a *subaccountAction[M]) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"account_sid": schema.StringAttribute{
			MarkdownDescription: a.accountDesc,
			Required:            true,
			Validators:          []validator.String{sidValidator("AC")},
		},
	}
	maps.Copy(attrs, a.attributes)
	resp.Schema = schema.Schema{MarkdownDescription: a.description, Attributes: attrs}
}

// ModifyPlan reads the configuration and refuses the provider's own account.
func (a *subaccountAction[M]) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	var cfg M
	if resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...); resp.Diagnostics.HasError() {
		return
	}
	a.refuseMainAccount(cfg.subaccount(), a.verb, &resp.Diagnostics)
	if a.plan != nil {
		a.plan(&a.actionBase, resp)
	}
}

func (a *subaccountAction[M]) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var cfg M
	if resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...); resp.Diagnostics.HasError() {
		return
	}
	if client := a.data.ready(&resp.Diagnostics); client != nil {
		a.invoke(ctx, client, cfg, resp)
	}
}

// refuseMainAccount is the plan-time refusal that needs no Twilio call: the account is the provider's own.
func (a *actionBase) refuseMainAccount(sid types.String, what string, diags *diag.Diagnostics) {
	if sid.IsNull() || sid.IsUnknown() || !a.data.known() {
		return
	}
	if sid.ValueString() == a.data.client.AccountSID() {
		diags.AddAttributeError(path.Root("account_sid"), fmt.Sprintf("Cannot %s the main account", what),
			fmt.Sprintf("%s is the account the provider is configured with, not a subaccount. Twilio lets only "+
				"subaccounts be suspended or reactivated, and rotating the provider's own auth token would cut "+
				"this run off. Set account_sid to a subaccount's SID. Nothing was changed.", sid.ValueString()))
	}
}

// findActionSubaccount fetches the account and refuses, with nothing changed, one that is not an open
// subaccount of the provider's account.
func findActionSubaccount(ctx context.Context, client *twilioclient.Client, sid, what string, diags *diag.Diagnostics) *twilioclient.Account {
	summary := fmt.Sprintf("Cannot %s account %s", what, sid)
	if sid == client.AccountSID() {
		diags.AddAttributeError(path.Root("account_sid"), summary, "It is the provider's own (main) account, "+
			"not a subaccount. Nothing was changed.")
		return nil
	}
	acct, err := client.FindAccount(ctx, sid)
	switch {
	case twilioclient.IsNotFound(err):
		diags.AddAttributeError(path.Root("account_sid"), summary, "Twilio knows no such account (or not to "+
			"these credentials). Check account_sid. Nothing was changed.\n\n"+err.Error())
		return nil
	case err != nil:
		diags.AddError(summary, "Reading the account failed, so nothing was changed. Apply again once Twilio "+
			"answers.\n\n"+err.Error())
		return nil
	}
	if owner := stringValue(acct.OwnerAccountSid).ValueString(); owner != client.AccountSID() {
		diags.AddAttributeError(path.Root("account_sid"), summary, fmt.Sprintf("It is not a subaccount of the "+
			"provider's account %s (its owner is %q). Configure the provider with the parent's credentials. "+
			"Nothing was changed.", client.AccountSID(), owner))
		return nil
	}
	if stringValue(acct.Status).ValueString() == twilioclient.AccountStatusClosed {
		diags.AddAttributeError(path.Root("account_sid"), summary, "The subaccount is closed: Twilio never "+
			"re-opens a closed account, and nothing can be done with it. Nothing was changed.")
		return nil
	}
	return acct
}

// progress shows msg while the action runs (Terraform prints it under the action's name).
func progress(resp *action.InvokeResponse, msg string) {
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: msg})
	}
}
