package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*a2pBrandResource)(nil)

// NewA2PBrandRegistrationResource is the factory for twilio_a2p_brand_registration.
func NewA2PBrandRegistrationResource() resource.Resource {
	r := &a2pBrandResource{resourceBase: resourceBase{name: "a2p_brand_registration"}}
	// Update and Delete are the brand's own: it cannot change, and Twilio cannot delete it.
	r.accountObject = accountObject[a2pBrandModel, twilioclient.BrandRegistration]{base: &r.resourceBase,
		noun:  "A2P brand registration",
		byKey: (*twilioclient.Client).FindBrandRegistration, prefix: "BN",
		create:  r.create,
		flatten: flattenPlain(flattenA2PBrand),
	}
	return r
}

type a2pBrandResource struct {
	resourceBase
	accountObject[a2pBrandModel, twilioclient.BrandRegistration]
}

type a2pBrandModel struct {
	accountObjectFields
	CustomerProfileBundleSID types.String   `tfsdk:"customer_profile_bundle_sid"`
	A2PProfileBundleSID      types.String   `tfsdk:"a2p_profile_bundle_sid"`
	BrandType                types.String   `tfsdk:"brand_type"`
	Mock                     types.Bool     `tfsdk:"mock"`
	SkipAutomaticSecVet      types.Bool     `tfsdk:"skip_automatic_sec_vet"`
	Status                   types.String   `tfsdk:"status"`
	FailureReason            types.String   `tfsdk:"failure_reason"`
	Errors                   types.List     `tfsdk:"errors"`
	IdentityStatus           types.String   `tfsdk:"identity_status"`
	TcrID                    types.String   `tfsdk:"tcr_id"`
	BrandScore               types.Int64    `tfsdk:"brand_score"`
	Timeouts                 timeouts.Value `tfsdk:"timeouts"`
}

// a2pBrandTypes are Twilio's three brand types ("A2P 10DLC Brand Registration",
// https://www.twilio.com/docs/trust-hub/registrations/a2p-10dlc-brand).
var a2pBrandTypes = []string{"STANDARD", "LOW_VOLUME_STANDARD", "SOLE_PROPRIETOR"}

func (r *a2pBrandResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A US A2P 10DLC brand registration: the business behind a tenant's text messages, registered " +
			"with The Campaign Registry from an approved secondary customer profile and an approved A2P trust product.\n\n" +
			"**Twilio charges a fee for every registration and has no way to change or delete one.** So this resource " +
			"never registers a brand twice on its own: a create whose answer was lost adopts the brand its two bundles " +
			"made instead of registering again; any change to an attribute (in the configuration, or a brand that " +
			"differs after import) is refused at plan time instead of planning a replacement; destroying it only " +
			"removes it from the state, with a warning.\n\n" +
			"The create waits, within `timeouts.create` (5 minutes by default), for the review: `APPROVED` ends it; " +
			"`FAILED` fails the apply with Twilio's reason (the brand is kept in the state, tainted: fix the bundles and " +
			"resubmit it in the Console, or see the guide); a review still going on when the timeout ends is reported " +
			"with a warning and the brand is kept, and later refreshes show its status. Secondary vetting " +
			"(`/Vettings`) is not managed: Twilio runs it automatically unless `skip_automatic_sec_vet` is set.",
		Attributes: map[string]schema.Attribute{
			"id":          idAttribute(),
			"sid":         sidAttribute("BN", "brand registration"),
			"account_sid": accountSIDAttribute("brand registration", stringplanmodifier.UseStateForUnknown()),
			"customer_profile_bundle_sid": schema.StringAttribute{
				MarkdownDescription: "SID (`BU…`) of the account's `twilio-approved` secondary customer profile.",
				Required:            true,
				Validators:          []validator.String{sidValidator("BU")},
			},
			"a2p_profile_bundle_sid": schema.StringAttribute{
				MarkdownDescription: "SID (`BU…`) of the account's `twilio-approved` A2P messaging profile (trust product).",
				Required:            true,
				Validators:          []validator.String{sidValidator("BU")},
			},
			"brand_type": schema.StringAttribute{
				MarkdownDescription: "`STANDARD`, `LOW_VOLUME_STANDARD` or `SOLE_PROPRIETOR` (Twilio's three brand types). " +
					"Defaults to `STANDARD`, Twilio's default.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString("STANDARD"),
				Validators: []validator.String{stringvalidator.OneOf(a2pBrandTypes...)},
			},
			"mock": falseByDefaultAttribute("Register a mock brand, for testing: Twilio does not send it to The Campaign Registry. " +
				"Defaults to `false`."),
			"skip_automatic_sec_vet": falseByDefaultAttribute("Skip the secondary vetting Twilio would otherwise run automatically (Low-Volume " +
				"Standard brands skip it). Defaults to `false`."),
			"status": schema.StringAttribute{
				MarkdownDescription: "Review status: `PENDING`, `IN_REVIEW`, `APPROVED`, `FAILED`, `SUSPENDED`… Refreshed " +
					"on every plan.",
				Computed: true,
			},
			"failure_reason": schema.StringAttribute{
				MarkdownDescription: "Why the registration failed, when `status` is `FAILED` (empty otherwise).",
				Computed:            true,
			},
			"errors": schema.ListAttribute{
				MarkdownDescription: "Twilio's registration errors, one sentence each.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"identity_status": schema.StringAttribute{
				MarkdownDescription: "The Campaign Registry's verdict on the brand's identity (`SELF_DECLARED`, `UNVERIFIED`, " +
					"`VERIFIED`, `VETTED_VERIFIED`).",
				Computed: true,
			},
			"tcr_id":       stableComputedAttribute("The Campaign Registry's brand ID, once registered."),
			"brand_score":  schema.Int64Attribute{MarkdownDescription: "The secondary vetting score, or The Campaign Registry's brand score; null when there is none.", Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}},
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

// ModifyPlan defaults account_sid, refuses any change to what the brand was registered from (a new brand
// is a new fee, and only the user may decide that), and warns when a destroy only forgets the brand.
func (r *a2pBrandResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		var sid, account types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("sid"), &sid)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("account_sid"), &account)...)
		resp.Diagnostics.AddWarning(fmt.Sprintf("A2P brand %s will only be forgotten", sid.ValueString()),
			a2pBrandForgetNote(sid.ValueString(), account.ValueString()))
		return
	}
	// A brand never moves, but its account_sid is refused below rather than replaced.
	r.defaultAccountSID(ctx, req, resp, true)
	if req.State.Raw.IsNull() || resp.Diagnostics.HasError() {
		return
	}
	var plan, state a2pBrandModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	refuseChanges(&resp.Diagnostics, []planned{
		{"account_sid", state.AccountSID, plan.AccountSID},
		{"customer_profile_bundle_sid", state.CustomerProfileBundleSID, plan.CustomerProfileBundleSID},
		{"a2p_profile_bundle_sid", state.A2PProfileBundleSID, plan.A2PProfileBundleSID},
		{"brand_type", state.BrandType, plan.BrandType},
		{"mock", state.Mock, plan.Mock},
		{"skip_automatic_sec_vet", state.SkipAutomaticSecVet, plan.SkipAutomaticSecVet},
	}, func(attr, from, to string) string {
		return fmt.Sprintf("Brand registration %s was registered with %s = %s; this plan would make it %s. Twilio cannot "+
			"change a brand, and registering another one is charged, so this provider never replaces a brand on its "+
			"own. Set %s back to %s (after an import, to what Twilio shows). To register a new brand on purpose, "+
			"first remove this one from the state (terraform state rm, or a removed block; it stays in Twilio) "+
			"and, when the bundles stay the same, from the Twilio Console (a brand of the same bundles is taken over, "+
			"not registered again), then apply.", state.SID.ValueString(), attr, from, to, attr, from)
	})
	if state.Status.ValueString() == twilioclient.BrandStatusFailed {
		resp.Diagnostics.AddWarning(fmt.Sprintf("A2P brand %s was rejected", state.SID.ValueString()),
			fmt.Sprintf("%s Fix the customer profile or trust product, then resubmit the brand in the Twilio Console "+
				"(Messaging > Regulatory Compliance > Brands). If Terraform marked it tainted after the failed create, "+
				"this plan replaces it: with the same bundles, the create takes this brand over and waits for its review.", rejectionReason(state.FailureReason.ValueString(), nil)))
	}
}

func (r *a2pBrandResource) create(ctx context.Context, client *twilioclient.Client, plan *a2pBrandModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	account := plan.AccountSID.ValueString()
	profile, product := plan.CustomerProfileBundleSID.ValueString(), plan.A2PProfileBundleSID.ValueString()
	params := &twilioclient.CreateBrandRegistrationParams{}
	params.SetCustomerProfileBundleSid(profile).SetA2PProfileBundleSid(product).SetBrandType(plan.BrandType.ValueString())
	params.SetMock(plan.Mock.ValueBool()).SetSkipAutomaticSecVet(plan.SkipAutomaticSecVet.ValueBool())
	what := fmt.Sprintf("a brand registered from customer profile %s and trust product %s", profile, product)
	// A brand already registered from these bundles is taken over, never registered again (charged): one a
	// failed create left tainted, which Terraform now replaces, or one made in the Console.
	b, stop := r.takeOver(ctx, client, plan, what, &resp.Diagnostics)
	if stop {
		return
	}
	if b == nil {
		b = createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.BrandRegistration]{
			kind: "a2p_brand_registration", scope: account, name: profile + "/" + product, what: what,
			summary: fmt.Sprintf("Registering an A2P brand in account %s", account),
			find: func(ctx context.Context, since time.Time) ([]twilioclient.BrandRegistration, error) {
				return findBrandsAllowingLag(ctx, func(ctx context.Context) ([]twilioclient.BrandRegistration, error) {
					return client.FindBrandRegistrationsCreatedSince(ctx, account, profile, product, since)
				})
			},
			check: func(b *twilioclient.BrandRegistration) candidate {
				var m a2pBrandModel
				flattenA2PBrand(b, &m)
				return differsIf(deref(b.Sid), !m.BrandType.Equal(plan.BrandType) || !m.Mock.Equal(plan.Mock) ||
					!m.SkipAutomaticSecVet.Equal(plan.SkipAutomaticSecVet), "brand_type, mock or skip_automatic_sec_vet")
			},
			lostAdvice: fmt.Sprintf("Do not apply again yet: another registration would be charged. Look in the Twilio "+
				"Console (Messaging > Regulatory Compliance > Brands) of account %s for a brand of customer profile %s "+
				"registered just now; if there is one, import it (see the twilio_a2p_brand_registration documentation); "+
				"if there is none after a few minutes, apply again.", account, profile),
		}, func(ctx context.Context) (*twilioclient.BrandRegistration, error) {
			return client.CreateBrandRegistration(ctx, account, params)
		})
	}
	if b == nil {
		return
	}
	sid := deref(b.Sid)
	b, outcome, lastErr := awaitReview(ctx, b, func(b *twilioclient.BrandRegistration) string { return deref(b.Status) },
		twilioclient.BrandStatusApproved, twilioclient.BrandStatusFailed,
		func(ctx context.Context) (*twilioclient.BrandRegistration, error) {
			return client.FindBrandRegistration(ctx, account, sid)
		})
	flattenA2PBrand(b, plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	switch outcome {
	case reviewRejected:
		resp.Diagnostics.AddError(fmt.Sprintf("A2P brand %s was rejected", sid),
			fmt.Sprintf("%s\n\nOne registration was made and is kept in the state (Terraform marks it tainted). Fix the "+
				"customer profile or trust product, then resubmit the brand in the Twilio Console (Messaging > "+
				"Regulatory Compliance > Brands) and apply again: while customer_profile_bundle_sid and "+
				"a2p_profile_bundle_sid stay the same, the replacement Terraform plans for it takes this brand over and "+
				"waits for its new review, registering nothing; with other bundles it registers, and pays for, a new brand.", rejectionReason(plan.FailureReason.ValueString(), twilioclient.BrandProblems(b))))
	case reviewPending:
		reviewPendingWarning(&resp.Diagnostics, "A2P brand", sid, plan.Status.ValueString(),
			"Campaigns need it APPROVED; set timeouts.create to wait longer next time.", lastErr)
	}
}

// takeOver looks for a brand already registered from the plan's bundles. One, as planned, is returned
// with a warning, so the create waits for its review instead of paying for another; one registered
// differently, or several, end the create with an error (done) that says what to do. None returns nil.
func (r *a2pBrandResource) takeOver(ctx context.Context, client *twilioclient.Client, plan *a2pBrandModel, what string,
	diags *diag.Diagnostics) (b *twilioclient.BrandRegistration, done bool) {
	account := plan.AccountSID.ValueString()
	existing, err := readBeforeCharge(ctx, func(ctx context.Context) ([]twilioclient.BrandRegistration, error) {
		return client.FindBrandRegistrationsCreatedSince(ctx, account, plan.CustomerProfileBundleSID.ValueString(),
			plan.A2PProfileBundleSID.ValueString(), time.Time{})
	})
	summary := fmt.Sprintf("Registering an A2P brand in account %s", account)
	switch {
	case err != nil:
		diags.AddError(summary, "Could not check for "+what+" before registering one (nothing was registered): "+errorDetail(err))
		return nil, true
	case len(existing) == 0:
		return nil, bundlesNotApproved(ctx, client, plan, summary, diags)
	case len(existing) > 1:
		diags.AddError(summary, fmt.Sprintf("Account %s already holds %d brands registered from these bundles; nothing "+
			"was registered. Import the one to keep (see the twilio_a2p_brand_registration documentation).", account, len(existing)))
		return nil, true
	}
	b = &existing[0]
	var m a2pBrandModel
	flattenA2PBrand(b, &m)
	if !m.BrandType.Equal(plan.BrandType) || !m.Mock.Equal(plan.Mock) || !m.SkipAutomaticSecVet.Equal(plan.SkipAutomaticSecVet) {
		diags.AddError(summary, fmt.Sprintf("Brand %s was already registered from these bundles, with brand_type = %s, mock = %s "+
			"and skip_automatic_sec_vet = %s; nothing was registered, since another brand would be charged. Set the "+
			"configuration to match it, or remove it in the Twilio Console first.", deref(b.Sid), m.BrandType.ValueString(),
			m.Mock.String(), m.SkipAutomaticSecVet.String()))
		return nil, true
	}
	diags.AddWarning(fmt.Sprintf("A2P brand %s taken over, not registered again", deref(b.Sid)), fmt.Sprintf("Brand %s (status %s) "+
		"was already registered from these bundles, for example by a create that failed its review, which Terraform "+
		"then replaces; registering another would be charged. It is now in the state. A FAILED brand needs its "+
		"customer profile or trust product fixed and a resubmission in the Twilio Console (Messaging > Regulatory "+
		"Compliance > Brands).", deref(b.Sid), deref(b.Status)))
	return b, false
}

// bundlesNotApproved refuses, before anything is registered, a brand whose customer profile or trust
// product is not twilio-approved (say, a review that outlasted its resource's timeouts.create in the same
// apply): Twilio's refusal of such a registration is undocumented (assumption a2p-brand-bundle-refusal),
// and the fetch costs nothing. It reports whether it refused.
func bundlesNotApproved(ctx context.Context, client *twilioclient.Client, plan *a2pBrandModel, summary string, diags *diag.Diagnostics) bool {
	account := plan.AccountSID.ValueString()
	for _, b := range []struct {
		kind      twilioclient.TrustBundleKind
		sid, what string
	}{
		{twilioclient.TrustCustomerProfile, plan.CustomerProfileBundleSID.ValueString(), "customer profile"},
		{twilioclient.TrustProduct, plan.A2PProfileBundleSID.ValueString(), "trust product"},
	} {
		bundle, err := readBeforeCharge(ctx, func(ctx context.Context) (*twilioclient.TrustBundle, error) {
			return client.FindTrustBundle(ctx, b.kind, account, b.sid)
		})
		switch {
		case twilioclient.IsNotFound(err):
			diags.AddError(summary, fmt.Sprintf("There is no %s %s in account %s; nothing was registered.", b.what, b.sid, account))
			return true
		case err != nil:
			diags.AddError(summary, fmt.Sprintf("Could not read %s %s before registering (nothing was registered): %s", b.what, b.sid, errorDetail(err)))
			return true
		case bundle.Status != twilioclient.TrustStatusApproved:
			diags.AddError(summary, fmt.Sprintf("The %s %s is %s; a brand needs it twilio-approved, so nothing was "+
				"registered. Apply again once Twilio's review approves it (its resource's next plan goes on waiting).",
				b.what, b.sid, bundle.Status))
			return true
		}
	}
	return false
}

// findBrandsAllowingLag asks again, for a while, when a lookup after a lost registration finds nothing:
// Twilio may list a new brand late, and "nothing" must not be taken for "not registered" too early.
func findBrandsAllowingLag(ctx context.Context, find func(context.Context) ([]twilioclient.BrandRegistration, error)) ([]twilioclient.BrandRegistration, error) {
	var (
		found []twilioclient.BrandRegistration
		err   error
	)
	brandListingLag.Retry(ctx, time.Now().Add(brandListingLagWindow), func(int) bool {
		found, err = find(ctx)
		return err == nil && len(found) == 0
	})
	return found, err
}

// brandListingLag and brandListingLagWindow pace and bound the lookups of findBrandsAllowingLag.
var (
	brandListingLag       = twilioclient.Backoff{Min: time.Second, Max: 5 * time.Second}
	brandListingLagWindow = 20 * time.Second
)

// Update only ever changes timeouts: ModifyPlan refuses every other change.
func (r *a2pBrandResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	_, plan, state, _, done := beginUpdate[a2pBrandModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if resp.Diagnostics.HasError() {
		return
	}
	state.Timeouts = plan.Timeouts
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// Delete forgets the brand: Twilio has no DELETE for brand registrations.
func (r *a2pBrandResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state a2pBrandModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.AddWarning(fmt.Sprintf("A2P brand %s forgotten, not deleted", state.SID.ValueString()),
		a2pBrandForgetNote(state.SID.ValueString(), state.AccountSID.ValueString()))
}

func a2pBrandForgetNote(sid, account string) string {
	return fmt.Sprintf("Twilio has no way to delete a brand registration: brand %s stays registered in account %s and "+
		"is only removed from the Terraform state. Import it to manage it again; closing the account ends it.", sid, account)
}

func flattenA2PBrand(b *twilioclient.BrandRegistration, m *a2pBrandModel) {
	m.SID = stringValue(b.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(b.AccountSid)
	m.CustomerProfileBundleSID = stringValue(b.CustomerProfileBundleSid)
	m.A2PProfileBundleSID = stringValue(b.A2pProfileBundleSid)
	m.BrandType = stringValue(b.BrandType)
	if deref(b.BrandType) == "" {
		m.BrandType = types.StringValue("STANDARD")
	}
	m.Mock = types.BoolValue(b.Mock != nil && *b.Mock)
	m.SkipAutomaticSecVet = types.BoolValue(b.SkipAutomaticSecVet != nil && *b.SkipAutomaticSecVet)
	m.Status = stringValue(b.Status)
	m.FailureReason = stringValue(b.FailureReason)
	m.Errors = problemList(twilioclient.BrandProblems(b))
	m.IdentityStatus = stringValue(b.IdentityStatus)
	m.TcrID = stringValue(b.TcrId)
	m.BrandScore = types.Int64Null()
	if b.BrandScore != nil {
		m.BrandScore = types.Int64Value(int64(*b.BrandScore))
	}
	m.DateCreated = timeValue(b.DateCreated)
}
