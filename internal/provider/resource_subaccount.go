package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*subaccountResource)(nil)

// NewSubaccountResource is the factory for twilio_subaccount.
func NewSubaccountResource() resource.Resource {
	return &subaccountResource{resourceBase: resourceBase{name: "subaccount",
		plan: planSteps{kept: "Twilio subaccount", keptLabel: "friendly_name"}}}
}

type subaccountResource struct {
	resourceBase
}

type subaccountModel struct {
	ID              types.String   `tfsdk:"id"`
	SID             types.String   `tfsdk:"sid"`
	FriendlyName    types.String   `tfsdk:"friendly_name"`
	Status          types.String   `tfsdk:"status"`
	SkipDestroy     types.Bool     `tfsdk:"skip_destroy"`
	ReleaseNumbers  types.Bool     `tfsdk:"release_numbers_on_close"`
	OwnerAccountSID types.String   `tfsdk:"owner_account_sid"`
	AuthToken       types.String   `tfsdk:"auth_token"`
	DateCreated     types.String   `tfsdk:"date_created"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

func (r *subaccountResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = subaccountIdentitySchema()
}

func (r *subaccountResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Twilio subaccount of the provider's account: one per tenant, with its own " +
			"resources, usage and auth token.\n\n" +
			"~> **Destroying closes the subaccount, which is irreversible.** Twilio releases every phone number it " +
			"still owns and deletes the account 30 days later; nothing can reopen it. So a destroy (or a " +
			"replacement) **fails while the subaccount owns numbers**, naming them, and releases nothing, unless " +
			"`release_numbers_on_close = true`. Set `skip_destroy = true` to leave the " +
			"subaccount untouched in Twilio when the resource is destroyed, and consider `lifecycle { " +
			"prevent_destroy = true }`.",
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("AC", "subaccount"),
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "Name of the subaccount, at most 64 characters.",
				Required:            true,
				Validators:          friendlyNameValidators(),
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "`active` (default) or `suspended`. A suspended subaccount cannot make calls or " +
					"use its credentials. Closing is what destroy does.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(twilioclient.AccountStatusActive),
				Validators: []validator.String{stringvalidator.OneOf(twilioclient.AccountStatusActive, twilioclient.AccountStatusSuspended)},
			},
			"skip_destroy": falseByDefaultAttribute("When `true`, destroying the resource only removes it from the Terraform state and " +
				"leaves the subaccount open in Twilio. Defaults to `false`."),
			"release_numbers_on_close": falseByDefaultAttribute("When `true`, destroying the subaccount closes it even while it owns phone " +
				"numbers, and Twilio releases them all, irreversibly. When `false` (the default), such a destroy " +
				"fails with an error listing the numbers, and nothing is closed or released. Like `skip_destroy`, " +
				"it takes effect once applied: set it and apply before destroying. The numbers are listed once " +
				"per command, where the list decides something: when `false`, by the apply right before the " +
				"close; when `true`, by the destroy plan, which warns naming the numbers the close will release."),
			"owner_account_sid": stableComputedAttribute("SID of the parent account."),
			"auth_token": returnedSecretAttribute("The subaccount's own auth token, as Twilio returns it to the parent. Use it to " +
				"configure a provider, an SDK or the emulator for the subaccount. Twilio returns it only when the " +
				"provider authenticates with the parent's auth token: with an API key (even a Main key) it stays " +
				"null until a refresh made with the auth token fills it in."),
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

func (r *subaccountResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	ctx, plan, client, done := beginCreate[subaccountModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}

	wantStatus := plan.Status
	name := plan.FriendlyName.ValueString()
	// The name is all the request sends, so any subaccount of that name made since is a candidate.
	acct := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.Account]{
		kind: "subaccount", scope: client.AccountSID(), name: name, what: fmt.Sprintf("a subaccount named %q", name),
		summary: "Creating Twilio subaccount",
		find: func(ctx context.Context, since time.Time) ([]twilioclient.Account, error) {
			return client.FindSubaccountsCreatedSince(ctx, name, since)
		},
		check: func(a *twilioclient.Account) candidate { return candidate{sid: *a.Sid} },
	}, func(ctx context.Context) (*twilioclient.Account, error) { return client.CreateSubaccount(ctx, name) })
	if acct == nil {
		return
	}
	flattenSubaccount(acct, &plan)
	r.data.accounts.note(plan.SID.ValueString())
	if plan.AuthToken.IsUnknown() {
		// NOTE: Twilio shows auth tokens only to auth-token callers; an API key (even a Main key) gets none.
		// An unknown value left after apply would make Terraform taint the new subaccount, and the next
		// apply would close it, irreversibly.
		plan.AuthToken = types.StringNull()
	}
	// NOTE: record the subaccount before any further call, so a failure below cannot orphan it.
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	if wantStatus.ValueString() == twilioclient.AccountStatusSuspended {
		acct, err := client.UpdateAccount(ctx, plan.SID.ValueString(), &twilioclient.UpdateAccountParams{Status: wantStatus.ValueStringPointer()})
		if err != nil {
			// NOTE: failing here would taint the subaccount, and the next apply would close it, irreversibly.
			// The state keeps the planned status instead; the next refresh reads the real one, and the plan
			// proposes the suspension again.
			plan.Status = wantStatus
			resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
			resp.Diagnostics.AddWarning(fmt.Sprintf("Twilio subaccount %s was created but not suspended", plan.SID.ValueString()),
				"The subaccount exists and is active; the next plan proposes to suspend it. "+errorDetail(err))
			return
		}
		flattenSubaccount(acct, &plan)
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

func (r *subaccountResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, client, done := beginRead[subaccountModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	acct := readObject(ctx, client, state.SID.ValueString(), state.DateCreated, fmt.Sprintf("Twilio subaccount %s", state.SID.ValueString()), resp, func() (*twilioclient.Account, error) {
		return client.FindSubaccount(ctx, state.SID.ValueString())
	})
	if acct == nil {
		return
	}
	flattenSubaccount(acct, &state)
	r.data.accounts.note(state.SID.ValueString())
	state.ReleaseNumbers = falseWhenNull(state.ReleaseNumbers)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *subaccountResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	ctx, plan, state, client, done := beginUpdate[subaccountModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}

	params := &twilioclient.UpdateAccountParams{}
	if !plan.FriendlyName.Equal(state.FriendlyName) {
		params.FriendlyName = plan.FriendlyName.ValueStringPointer()
	}
	if !plan.Status.Equal(state.Status) {
		params.Status = plan.Status.ValueStringPointer()
	}
	if params.FriendlyName != nil || params.Status != nil {
		acct, err := client.UpdateAccount(ctx, state.SID.ValueString(), params)
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Updating Twilio subaccount %s", state.SID.ValueString()), errorDetail(err))
			return
		}
		flattenSubaccount(acct, &plan)
	}
	// Otherwise only Terraform-side attributes (skip_destroy, release_numbers_on_close, timeouts) changed.
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *subaccountResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	ctx, state, client, done := beginDelete[subaccountModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if resp.Diagnostics.HasError() {
		return
	}
	if state.SkipDestroy.ValueBool() {
		resp.Diagnostics.AddWarning("Twilio subaccount left open",
			fmt.Sprintf("skip_destroy is set: subaccount %s was removed from the state but is still open in Twilio.", state.SID.ValueString()))
		return
	}
	if client == nil {
		return
	}

	sid := state.SID.ValueString()
	if !state.ReleaseNumbers.ValueBool() {
		// NOTE: closing releases every number the account still owns, so look first, right before the close
		// (close_guard.go says why the plan's listing does not stand in for this one).
		numbers, err := numbersOwnedBy(ctx, client, &r.data.kept, nil, sid)
		if twilioclient.IsNotFound(err) {
			return // closed or deleted already
		}
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Closing Twilio subaccount %s", sid),
				"Listing the phone numbers it owns failed, so it was not closed (closing would release them): "+errorDetail(err))
			return
		}
		if len(numbers) > 0 {
			resp.Diagnostics.AddError(fmt.Sprintf("Twilio subaccount %s still owns phone numbers; not closed", sid),
				closeRefusal(sid, numbers))
			return
		}
	}

	// NOTE: Twilio has no way to delete an account; closing is the end of its life and cannot be undone.
	closed := twilioclient.AccountStatusClosed
	_, err := client.UpdateAccount(ctx, sid, &twilioclient.UpdateAccountParams{Status: &closed})
	// NOTE: a close retried after a lost answer may meet 21479 ("subaccount has been closed"): the first
	// attempt did the job, so that answer means done.
	if err != nil && !twilioclient.IsNotFound(err) && !twilioclient.IsCode(err, twilioclient.CodeAccountClosed) {
		resp.Diagnostics.AddError(fmt.Sprintf("Closing Twilio subaccount %s", sid), errorDetail(err))
		return
	}
	if kept := r.data.kept.in(sid); len(kept) > 0 {
		resp.Diagnostics.AddWarning(fmt.Sprintf("Twilio released numbers kept with skip_destroy in subaccount %s", sid),
			fmt.Sprintf("release_numbers_on_close is set, so the subaccount was closed, and Twilio released every "+
				"number it still owned, including %s, whose twilio_incoming_number has skip_destroy = true and "+
				"left it there in this apply.", strings.Join(kept, ", ")))
	}
}

// ModifyPlan warns in a destroy plan with release_numbers_on_close when the subaccount owns numbers, naming
// the ones the close will release. Numbers whose twilio_incoming_number is destroyed in the same apply are
// released before the account closes and are not named. Without release_numbers_on_close the plan does not
// list (issue 25: one list per command, where it decides something): the apply's list right before the
// close is the guard, and a refusal there names the numbers.
func (r *subaccountResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.resourceBase.ModifyPlan(ctx, req, resp)
	if !req.Plan.Raw.IsNull() || req.State.Raw.IsNull() || !r.data.known() {
		return
	}
	var state subaccountModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || state.SkipDestroy.ValueBool() || !state.ReleaseNumbers.ValueBool() {
		return
	}
	sid := state.SID.ValueString()
	numbers, err := numbersOwnedBy(ctx, r.data.client, nil, &r.data.released, sid)
	if err != nil || len(numbers) == 0 {
		// A failed look-up must not block the plan: a warning is all it would give.
		return
	}
	resp.Diagnostics.AddWarning(fmt.Sprintf("Closing Twilio subaccount %s will release its phone numbers", sid),
		fmt.Sprintf("release_numbers_on_close is set, and the subaccount owns %d number(s) now:\n  - %s\n\n"+
			"Every one still in it when it closes is released, irreversibly.", len(numbers), strings.Join(numbers, "\n  - ")))
}

func (r *subaccountResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	defer identityAfterImport(ctx, resp)
	sid := req.ID
	if _, idSID, byIdentity := importedIdentity(ctx, req, &resp.Diagnostics); byIdentity {
		sid = idSID
	}
	if !sids.Valid("AC", sid) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import a subaccount by its SID: %s, got %q.", sids.Shape("AC"), sid))
		return
	}
	if !r.importableSubaccount(ctx, sid, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("sid"), sid)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("skip_destroy"), false)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("release_numbers_on_close"), false)...)
}

// importableSubaccount refuses to import anything but a subaccount of the provider's account. The main
// account (or the provider's own account) would be renamed by the next apply and closed by a destroy; an
// account of another family cannot be managed with these credentials at all.
func (r *subaccountResource) importableSubaccount(ctx context.Context, sid string, diags *diag.Diagnostics) bool {
	client := r.data.ready(diags)
	if client == nil {
		return false
	}
	summary := "Cannot import Twilio account " + sid + " as a twilio_subaccount"
	if sid == client.AccountSID() {
		diags.AddError(summary, fmt.Sprintf("%s is the provider's own account, not a subaccount of it. "+
			"twilio_subaccount manages subaccounts only: destroying one closes it. Read your own account with "+
			"the twilio_account data source instead.", sid))
		return false
	}
	acct, err := client.FindAccount(ctx, sid)
	if err != nil {
		diags.AddError(summary, fmt.Sprintf("Looking the account up with the provider's credentials (account %s) "+
			"failed; only subaccounts of the provider's account can be imported, with the parent's credentials.\n\n%s",
			client.AccountSID(), errorDetail(err)))
		return false
	}
	if owner := stringValue(acct.OwnerAccountSid).ValueString(); owner != client.AccountSID() {
		diags.AddError(summary, fmt.Sprintf("Account %s is not a subaccount of the provider's account %s (its "+
			"owner is %q). Configure the provider with the credentials of its parent account to import it.",
			sid, client.AccountSID(), owner))
		return false
	}
	return true
}

func flattenSubaccount(a *twilioclient.Account, m *subaccountModel) {
	m.SID = stringValue(a.Sid)
	m.ID = m.SID
	m.FriendlyName = stringValue(a.FriendlyName)
	m.Status = stringValue(a.Status)
	m.OwnerAccountSID = stringValue(a.OwnerAccountSid)
	if a.AuthToken != nil && *a.AuthToken != "" {
		m.AuthToken = types.StringValue(*a.AuthToken)
	}
	m.DateCreated = stringValue(a.DateCreated)
}
