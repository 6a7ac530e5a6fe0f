package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*bundleCloneResource)(nil)

// NewBundleCloneResource is the factory for twilio_bundle_clone.
func NewBundleCloneResource() resource.Resource {
	r := &bundleCloneResource{resourceBase: resourceBase{name: "bundle_clone", plan: planSteps{kept: "Twilio cloned bundle"}}}
	// Update and Delete are the clone's own: an update only renames it, and Twilio's refusals to delete get
	// their own advice.
	r.accountObject = accountObject[bundleCloneModel, twilioclient.Bundle]{base: &r.resourceBase,
		noun: "cloned Twilio regulatory bundle", kept: "Cloned bundle",
		byKey: func(c *twilioclient.Client, ctx context.Context, account, sid string) (*twilioclient.Bundle, error) {
			return c.FindBundle(ctx, account, sid)
		},
		prefix: "BU", what: "regulatory bundle", identityWhat: "cloned bundle",
		named:  bundleCloneName,
		create: r.create,
		flatten: func(_ context.Context, b *twilioclient.Bundle, m *bundleCloneModel) diag.Diagnostics {
			// Only Read flattens through here (Create and Update flatten themselves), so only a refresh warns.
			var diags diag.Diagnostics
			if !bundleUsable(b.Status) {
				diags.AddWarning(bundleCloneName(m)+" is not approved",
					fmt.Sprintf("Twilio now reports it as %s: numbers cannot be bought under it until it is approved again.", b.Status))
			}
			flattenBundleClone(b, m)
			return diags
		},
	}
	return r
}

type bundleCloneResource struct {
	resourceBase
	accountObject[bundleCloneModel, twilioclient.Bundle]
}

type bundleCloneModel struct {
	accountObjectFields
	BundleSID     types.String   `tfsdk:"bundle_sid"`
	FriendlyName  types.String   `tfsdk:"friendly_name"`
	Status        types.String   `tfsdk:"status"`
	RegulationSID types.String   `tfsdk:"regulation_sid"`
	IsoCountry    types.String   `tfsdk:"iso_country"`
	NumberType    types.String   `tfsdk:"number_type"`
	EndUserType   types.String   `tfsdk:"end_user_type"`
	ValidUntil    types.String   `tfsdk:"valid_until"`
	SkipDestroy   types.Bool     `tfsdk:"skip_destroy"`
	Timeouts      timeouts.Value `tfsdk:"timeouts"`
}

// bundleCloneName names a clone in Read's messages with its account: the same SID is a bundle of the main
// account too.
func bundleCloneName(m *bundleCloneModel) string {
	return fmt.Sprintf("Cloned Twilio regulatory bundle %s in account %s", m.SID.ValueString(), m.AccountSID.ValueString())
}

func (r *bundleCloneResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A copy of one of the main account's `twilio-approved` regulatory bundles in a " +
			"subaccount (Twilio's Bundle Clones API), so that the subaccount can buy numbers in a country that " +
			"requires a bundle: a number takes only a bundle of its own account. Twilio sets the clone to " +
			"`twilio-approved` at once, with no new review.\n\n" +
			"The source bundle must be `twilio-approved` and belong to the provider's account; when its SID is " +
			"known at plan time, the plan fails otherwise. Changing the source or the account makes a new clone.\n\n" +
			"**Destroying** deletes the clone. Twilio refuses while a number uses it (error 21648): destroy or " +
			"re-bundle the numbers first (Terraform does, when they reference this resource's `sid`). Should Twilio " +
			"refuse to delete an approved bundle, the error says so and `skip_destroy = true` leaves the clone in " +
			"the subaccount (closing the subaccount removes it with the account).\n\n" +
			"**Import** as `AC…/BU…` (the subaccount and the clone). Twilio does not record which bundle a clone " +
			"was made from, so `bundle_sid` stays empty after an import until the configuration sets it, which " +
			"does not make a new clone.",
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("BU", "cloned bundle, in `account_sid`"),
			"account_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the account (`AC…`) the bundle is cloned into: a subaccount of the " +
					"provider's account. Changing it makes a new clone.",
				Required:      true,
				Validators:    []validator.String{sidValidator("AC")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"bundle_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the `twilio-approved` bundle (`BU…`) of the provider's account to clone, " +
					"e.g. from the `twilio_regulatory_bundle` data source. Changing it makes a new clone.",
				Required:   true,
				Validators: []validator.String{sidValidator("BU")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(
					func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
						// An imported clone has no recorded source: setting it is bookkeeping, not a new clone.
						resp.RequiresReplace = !req.StateValue.IsNull()
					}, "Replaces the clone when the source bundle changes.", "Replaces the clone when the source bundle changes.")},
			},
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "Name of the clone. Twilio names a clone after its source when none is given, " +
					"so an unset name is the source's name at the time of cloning; changing it renames the clone.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"status":         stableComputedAttribute("The clone's status, `twilio-approved` once cloned. A refresh shows it if Twilio later changes it."),
			"regulation_sid": stableComputedAttribute("SID (`RN…`) of the regulation the bundle was approved against."),
			"iso_country":    stableComputedAttribute("Country of the bundle's regulation, e.g. `GB`."),
			"number_type":    stableComputedAttribute("Number type of the bundle's regulation: `local`, `mobile`, `national` or `toll-free`."),
			"end_user_type":  stableComputedAttribute("End-user type of the bundle's regulation: `individual` or `business`."),
			"valid_until":    stableComputedAttribute("When the bundle stops being valid (RFC 3339), or null when it has no end date."),
			"date_created":   stableComputedAttribute("When the clone was made (RFC 3339)."),
			"skip_destroy": falseByDefaultAttribute("When `true`, destroying the resource only removes it from the Terraform state and " +
				"the clone stays in the account. Defaults to `false`."),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

// ModifyPlan checks, when its SID is known, that the source bundle is a twilio-approved bundle of the
// provider's account: Twilio clones only "a twilio-approved regulatory bundle"
// (https://www.twilio.com/docs/phone-numbers/regulatory/api/clones-resource), and a plan that says so
// costs nothing.
func (r *bundleCloneResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.resourceBase.ModifyPlan(ctx, req, resp)
	if req.Plan.Raw.IsNull() || !r.data.known() {
		return
	}
	var plan bundleCloneModel
	var prior types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("bundle_sid"), &prior)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	client := r.data.client
	if plan.AccountSID.ValueString() == client.AccountSID() {
		resp.Diagnostics.AddAttributeError(path.Root("account_sid"), "A bundle is cloned into another account",
			fmt.Sprintf("account_sid is the provider's own account %s, where the bundle already is. Set it to the "+
				"subaccount that needs the bundle, e.g. twilio_subaccount.<name>.sid.", client.AccountSID()))
		return
	}
	source := plan.BundleSID
	if source.IsUnknown() || source.Equal(prior) || !req.State.Raw.IsNull() && prior.IsNull() {
		return
	}
	b, err := client.FindBundle(ctx, client.AccountSID(), source.ValueString())
	switch {
	case twilioclient.IsNotFound(err):
		resp.Diagnostics.AddAttributeError(path.Root("bundle_sid"), "No such bundle in the provider's account",
			fmt.Sprintf("Account %s has no bundle %s. The source of a clone is a bundle of the provider's (main) "+
				"account; check the SID.", client.AccountSID(), source.ValueString()))
	case err != nil:
		// The apply reports whatever Twilio answers.
	case b.Status != twilioclient.BundleStatusApproved:
		resp.Diagnostics.AddAttributeError(path.Root("bundle_sid"), "Only an approved bundle can be cloned",
			fmt.Sprintf("Bundle %s (%q) is %s. Twilio clones only twilio-approved bundles; wait for Twilio's review "+
				"to approve it. Nothing was cloned.", b.SID, b.FriendlyName, b.Status))
	}
}

func (r *bundleCloneResource) create(ctx context.Context, client *twilioclient.Client, plan *bundleCloneModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	account, source := plan.AccountSID.ValueString(), plan.BundleSID.ValueString()
	summary := fmt.Sprintf("Cloning Twilio regulatory bundle %s into account %s", source, account)
	// The source's name is the clone's default name, and the name is how a lost answer finds the clone.
	src, err := client.FindBundle(ctx, client.AccountSID(), source)
	if err != nil {
		resp.Diagnostics.AddError(summary, fmt.Sprintf("Reading the source bundle failed; nothing was cloned. %s", errorDetail(err)))
		return
	}
	name := plan.FriendlyName.ValueString()
	if plan.FriendlyName.IsUnknown() || name == "" {
		name = src.FriendlyName
	}
	// The clone request sends the source, the target and the name; a bundle of that name in the target made
	// since, from the same regulation, is the clone.
	clone := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.Bundle]{
		kind: "bundle_clone", scope: account, name: name, what: fmt.Sprintf("a clone named %q", name), summary: summary,
		find: func(ctx context.Context, since time.Time) ([]twilioclient.Bundle, error) {
			return client.FindBundlesCreatedSince(ctx, account, name, since)
		},
		check: func(b *twilioclient.Bundle) candidate {
			return differsIf(b.SID, b.RegulationSID != src.RegulationSID, "regulation")
		},
	}, func(ctx context.Context) (*twilioclient.Bundle, error) {
		return client.CloneBundle(ctx, client.AccountSID(), source, account, name)
	})
	if clone == nil {
		return
	}
	// Record the clone at once: it exists now, whatever the read below answers.
	plan.SID, plan.ID = types.StringValue(clone.SID), types.StringValue(clone.SID)
	clone.IsoCountry, clone.NumberType, clone.EndUserType = src.IsoCountry, src.NumberType, src.EndUserType
	flattenBundleClone(clone, plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, *plan)...)
}

// Update renames the clone; every other change replaces it or is Terraform-side only.
func (r *bundleCloneResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer identityAfterUpdate(ctx, resp)
	var plan, state bundleCloneModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if name := plan.FriendlyName; !name.IsUnknown() && !name.Equal(state.FriendlyName) {
		client := r.data.ready(&resp.Diagnostics)
		if client == nil {
			return
		}
		timeout, diags := plan.Timeouts.Update(ctx, defaultTimeout)
		resp.Diagnostics.Append(diags...)
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		b, err := client.RenameBundle(ctx, state.AccountSID.ValueString(), state.SID.ValueString(), name.ValueString())
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Renaming cloned Twilio regulatory bundle %s", state.SID.ValueString()), errorDetail(err))
			return
		}
		flattenBundleClone(b, &plan)
	} else if plan.FriendlyName.IsUnknown() {
		plan.FriendlyName = state.FriendlyName
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// Delete is the clone's own: Twilio's refusals (a number uses it, an approved bundle kept) get their advice.
func (r *bundleCloneResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	ctx, state, client, done := beginDelete[bundleCloneModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if resp.Diagnostics.HasError() {
		return
	}
	account, sid := state.AccountSID.ValueString(), state.SID.ValueString()
	if skipDestroy(state.SkipDestroy, "Cloned bundle", sid, account, &resp.Diagnostics) {
		return
	}
	if client == nil {
		return
	}
	err := client.DeleteBundle(ctx, account, sid)
	switch {
	case err == nil || twilioclient.IsNotFound(err):
	case twilioclient.IsCode(err, 21648):
		resp.Diagnostics.AddError(fmt.Sprintf("Deleting cloned Twilio regulatory bundle %s", sid),
			fmt.Sprintf("%s\n\nNumbers of account %s still use it. Release them or give them another bundle first; "+
				"a twilio_incoming_number whose bundle_sid references this resource is destroyed before it.", errorDetail(err), account))
	case twilioclient.IsStatus(err, 400):
		resp.Diagnostics.AddError(fmt.Sprintf("Deleting cloned Twilio regulatory bundle %s", sid),
			fmt.Sprintf("%s\n\nTwilio refused to delete the clone, which is still in account %s. Twilio may keep "+
				"approved bundles: to leave it there, set skip_destroy = true, apply, and destroy again (closing the "+
				"subaccount removes it with the account).", errorDetail(err), account))
	default:
		resp.Diagnostics.AddError(fmt.Sprintf("Deleting cloned Twilio regulatory bundle %s", sid), errorDetail(err))
	}
}

// flattenBundleClone copies Twilio's view of the clone into m.
func flattenBundleClone(b *twilioclient.Bundle, m *bundleCloneModel) {
	m.SID, m.ID = types.StringValue(b.SID), types.StringValue(b.SID)
	m.AccountSID = types.StringValue(b.AccountSID)
	m.FriendlyName = types.StringValue(b.FriendlyName)
	m.Status = types.StringValue(b.Status)
	m.RegulationSID = optionalString(&b.RegulationSID)
	m.IsoCountry = optionalString(&b.IsoCountry)
	m.NumberType = optionalString(&b.NumberType)
	m.EndUserType = optionalString(&b.EndUserType)
	m.ValidUntil = timeValue(b.ValidUntil)
	m.DateCreated = timeValue(b.DateCreated)
}
