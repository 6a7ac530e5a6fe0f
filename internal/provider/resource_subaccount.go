package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var (
	_ resource.ResourceWithConfigure   = (*subaccountResource)(nil)
	_ resource.ResourceWithImportState = (*subaccountResource)(nil)
)

// NewSubaccountResource is the factory for twilio_subaccount.
func NewSubaccountResource() resource.Resource { return &subaccountResource{} }

type subaccountResource struct {
	resourceBase
}

type subaccountModel struct {
	SID             types.String   `tfsdk:"sid"`
	FriendlyName    types.String   `tfsdk:"friendly_name"`
	Status          types.String   `tfsdk:"status"`
	SkipDestroy     types.Bool     `tfsdk:"skip_destroy"`
	OwnerAccountSID types.String   `tfsdk:"owner_account_sid"`
	AuthToken       types.String   `tfsdk:"auth_token"`
	DateCreated     types.String   `tfsdk:"date_created"`
	DateUpdated     types.String   `tfsdk:"date_updated"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

func (r *subaccountResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_subaccount"
}

func (r *subaccountResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Twilio subaccount of the provider's account: one per tenant, with its own " +
			"resources, usage and auth token.\n\n" +
			"~> **Destroying closes the subaccount, which is irreversible.** Twilio releases its phone numbers and " +
			"deletes the account 30 days later; nothing can reopen it. Set `skip_destroy = true` to leave the " +
			"subaccount untouched in Twilio when the resource is destroyed, and consider `lifecycle { " +
			"prevent_destroy = true }`.",
		Attributes: map[string]schema.Attribute{
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
			"skip_destroy": schema.BoolAttribute{
				MarkdownDescription: "When `true`, destroying the resource only removes it from the Terraform state and " +
					"leaves the subaccount open in Twilio. Defaults to `false`.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"owner_account_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the parent account.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"auth_token": schema.StringAttribute{
				MarkdownDescription: "The subaccount's own auth token, as Twilio returns it to the parent. Use it to " +
					"configure a provider, an SDK or the emulator for the subaccount.",
				Computed:      true,
				Sensitive:     true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"date_created": dateCreatedAttribute(),
			"date_updated": dateUpdatedAttribute(),
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *subaccountResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan subaccountModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client := r.data.ready(&resp.Diagnostics)
	if client == nil {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	wantStatus := plan.Status
	start := time.Now()
	acct, err := client.CreateSubaccount(ctx, plan.FriendlyName.ValueString())
	if twilioclient.IsAmbiguous(err) {
		// The answer was lost, not necessarily the subaccount: adopt it rather than leave it open unseen.
		if found, ferr := client.FindSubaccountCreatedSince(ctx, plan.FriendlyName.ValueString(), start); ferr == nil {
			resp.Diagnostics.AddWarning("Adopted Twilio subaccount after an unclear answer",
				fmt.Sprintf("Creating the subaccount failed without a clear answer (%s), but Twilio has subaccount %s "+
					"named %q created just now; it is now managed by this resource.", err, *found.Sid, *found.FriendlyName))
			acct, err = found, nil
		}
	}
	if err != nil {
		resp.Diagnostics.AddError("Creating Twilio subaccount", errorDetail(err)+ambiguousCreateHint(err, "subaccount",
			fmt.Sprintf("a subaccount named %q", plan.FriendlyName.ValueString())))
		return
	}
	flattenSubaccount(acct, &plan)
	// NOTE: record the subaccount before any further call, so a failure below cannot orphan it.
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	if wantStatus.ValueString() == twilioclient.AccountStatusSuspended {
		acct, err = client.UpdateAccount(ctx, plan.SID.ValueString(), &twilioclient.UpdateAccountParams{Status: wantStatus.ValueStringPointer()})
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
	var state subaccountModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.data.known() {
		return
	}
	acct, err := r.data.client.FindSubaccount(ctx, state.SID.ValueString())
	if err != nil {
		removeWhenGone(ctx, err, fmt.Sprintf("Twilio subaccount %s", state.SID.ValueString()), resp)
		return
	}
	flattenSubaccount(acct, &state)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *subaccountResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state subaccountModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client := r.data.ready(&resp.Diagnostics)
	if client == nil {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

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
	} else {
		// Only Terraform-side attributes (skip_destroy, timeouts) changed: nothing to send.
		plan.DateUpdated = state.DateUpdated
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *subaccountResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state subaccountModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if state.SkipDestroy.ValueBool() {
		resp.Diagnostics.AddWarning("Twilio subaccount left open",
			fmt.Sprintf("skip_destroy is set: subaccount %s was removed from the state but is still open in Twilio.", state.SID.ValueString()))
		return
	}
	client := r.data.ready(&resp.Diagnostics)
	if client == nil {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	// NOTE: Twilio has no way to delete an account; closing is the end of its life and cannot be undone.
	closed := twilioclient.AccountStatusClosed
	_, err := client.UpdateAccount(ctx, state.SID.ValueString(), &twilioclient.UpdateAccountParams{Status: &closed})
	if err != nil && !twilioclient.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Closing Twilio subaccount %s", state.SID.ValueString()), errorDetail(err))
	}
}

func (r *subaccountResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !twilioclient.ValidSID("AC", req.ID) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import a subaccount by its SID: AC followed by 32 hexadecimal digits, got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("sid"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("skip_destroy"), false)...)
}

func flattenSubaccount(a *twilioclient.Account, m *subaccountModel) {
	m.SID = stringValue(a.Sid)
	m.FriendlyName = stringValue(a.FriendlyName)
	m.Status = stringValue(a.Status)
	m.OwnerAccountSID = stringValue(a.OwnerAccountSid)
	if a.AuthToken != nil && *a.AuthToken != "" {
		m.AuthToken = types.StringValue(*a.AuthToken)
	}
	m.DateCreated = stringValue(a.DateCreated)
	m.DateUpdated = stringValue(a.DateUpdated)
}
