package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*a2pCampaignResource)(nil)

// NewA2PCampaignResource is the factory for twilio_a2p_campaign.
func NewA2PCampaignResource() resource.Resource {
	r := &a2pCampaignResource{resourceBase: resourceBase{name: "a2p_campaign",
		plan: planSteps{kept: "A2P campaign", account: fixedAccountSID}}}
	// Update, identity and import are the campaign's own: an update is vetted (and charged) again, and a
	// campaign is found by its Messaging Service too (MG…/QE…).
	r.accountObject = accountObject[a2pCampaignModel, twilioclient.Campaign]{base: &r.resourceBase,
		noun: "A2P campaign", kept: "A2P campaign",
		// A FAILED campaign is worth nothing and, kept, would block the service's next one (as when Terraform
		// replaces the campaign a failed review left tainted): skip_destroy keeps only a campaign that may pass.
		keptWhen: func(m *a2pCampaignModel) bool {
			return m.CampaignStatus.ValueString() != twilioclient.CampaignStatusFailed
		},
		remove: func(ctx context.Context, c *twilioclient.Client, m *a2pCampaignModel) error {
			return c.DeleteCampaign(ctx, m.AccountSID.ValueString(), m.MessagingServiceSID.ValueString(), m.SID.ValueString())
		},
		find: func(ctx context.Context, c *twilioclient.Client, m *a2pCampaignModel) (*twilioclient.Campaign, error) {
			return c.FindCampaign(ctx, m.AccountSID.ValueString(), m.MessagingServiceSID.ValueString(), m.SID.ValueString())
		},
		create: r.create,
		flatten: func(ctx context.Context, k *twilioclient.Campaign, m *a2pCampaignModel) diag.Diagnostics {
			d := flattenA2PCampaign(ctx, k, m)
			// A state from before skip_destroy reads as false, the default.
			m.SkipDestroy = falseWhenNull(m.SkipDestroy)
			return d
		},
	}
	return r
}

type a2pCampaignResource struct {
	resourceBase
	accountObject[a2pCampaignModel, twilioclient.Campaign]
}

type a2pCampaignModel struct {
	accountObjectFields
	MessagingServiceSID  types.String   `tfsdk:"messaging_service_sid"`
	BrandRegistrationSID types.String   `tfsdk:"brand_registration_sid"`
	Usecase              types.String   `tfsdk:"us_app_to_person_usecase"`
	Description          types.String   `tfsdk:"description"`
	MessageFlow          types.String   `tfsdk:"message_flow"`
	MessageSamples       types.List     `tfsdk:"message_samples"`
	HasEmbeddedLinks     types.Bool     `tfsdk:"has_embedded_links"`
	HasEmbeddedPhone     types.Bool     `tfsdk:"has_embedded_phone"`
	OptInKeywords        types.List     `tfsdk:"opt_in_keywords"`
	OptInMessage         types.String   `tfsdk:"opt_in_message"`
	OptOutKeywords       types.List     `tfsdk:"opt_out_keywords"`
	OptOutMessage        types.String   `tfsdk:"opt_out_message"`
	HelpKeywords         types.List     `tfsdk:"help_keywords"`
	HelpMessage          types.String   `tfsdk:"help_message"`
	SubscriberOptIn      types.Bool     `tfsdk:"subscriber_opt_in"`
	AgeGated             types.Bool     `tfsdk:"age_gated"`
	DirectLending        types.Bool     `tfsdk:"direct_lending"`
	CampaignStatus       types.String   `tfsdk:"campaign_status"`
	CampaignID           types.String   `tfsdk:"campaign_id"`
	Errors               types.List     `tfsdk:"errors"`
	SkipDestroy          types.Bool     `tfsdk:"skip_destroy"`
	Timeouts             timeouts.Value `tfsdk:"timeouts"`
}

// Limits Twilio's API description gives for CreateUsAppToPerson's fields.
const (
	campaignDescriptionMin, campaignDescriptionMax = 40, 4096
	campaignFlowMin, campaignFlowMax               = 40, 2048
	campaignSamplesMin, campaignSamplesMax         = 2, 5
	campaignSampleMin, campaignSampleMax           = 20, 1024
	campaignReplyMin, campaignReplyMax             = 20, 320
	campaignKeywordMax                             = 255
)

// campaignKeyword is a keyword: "Values must be alphanumeric. 255 character maximum" (the spec).
var campaignKeyword = regexp.MustCompile(`^[A-Za-z0-9]+$`)

// campaignUsecase: Twilio's use cases are upper case (error 21720 asks for "all uppercase letters").
var campaignUsecase = regexp.MustCompile(`^[A-Z0-9_]+$`)

func (r *a2pCampaignResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"account_sid": identityschema.StringAttribute{OptionalForImport: true,
			Description: "SID of the account (`AC…`) that owns the campaign; an import block may leave it out to mean " +
				"the provider's account or one of its subaccounts."},
		"messaging_service_sid": identityschema.StringAttribute{RequiredForImport: true,
			Description: "SID of the Messaging Service (`MG…`) the campaign belongs to."},
		"sid": identityschema.StringAttribute{RequiredForImport: true, Description: "SID of the campaign (`QE…`)."},
	}}
}

func (r *a2pCampaignResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replaced := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	length := func(lo, hi int) []validator.String { return []validator.String{stringvalidator.LengthBetween(lo, hi)} }
	keywords := func(what string) schema.ListAttribute {
		return schema.ListAttribute{
			MarkdownDescription: fmt.Sprintf("Keywords end users text to %s: alphanumeric, at most %d characters each. "+
				"Changing them registers a new campaign.", what, campaignKeywordMax),
			ElementType: types.StringType,
			Optional:    true,
			Validators: []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ValueStringsAre(
				stringvalidator.LengthAtMost(campaignKeywordMax),
				stringvalidator.RegexMatches(campaignKeyword, "must be alphanumeric (letters and digits only)"))},
			PlanModifiers: []planmodifier.List{listplanmodifier.RequiresReplace()},
		}
	}
	reply := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s %d to %d characters. Changing it registers a new campaign.", desc,
				campaignReplyMin, campaignReplyMax),
			Optional: true, Validators: length(campaignReplyMin, campaignReplyMax), PlanModifiers: replaced,
		}
	}
	flag := func(desc string, replace bool) schema.BoolAttribute {
		if !replace {
			return falseByDefaultAttribute(desc + " Defaults to `false`.")
		}
		a := falseByDefaultAttribute(desc + " Defaults to `false`; changing it registers a new campaign.")
		a.PlanModifiers = []planmodifier.Bool{boolplanmodifier.RequiresReplace()}
		return a
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A US A2P 10DLC campaign: what a Messaging Service's messages are for, registered for an " +
			"`APPROVED` brand. A Messaging Service carries one campaign.\n\n" +
			"The create waits, within `timeouts.create` (5 minutes by default), for the review: `VERIFIED` ends it; " +
			"`FAILED` fails the apply with Twilio's reason (the campaign is kept in the state, tainted, so the next " +
			"apply registers it again; Twilio charges for each campaign vetting); a review still going on when the " +
			"timeout ends is reported with a warning and the campaign is kept. `description`, `message_flow`, " +
			"`message_samples`, `has_embedded_links`, `has_embedded_phone`, `age_gated` and `direct_lending` change in " +
			"place (Twilio's update); any other change registers a new campaign.",
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("QE", "campaign"),
			"account_sid": accountSIDAttribute("campaign (and its Messaging Service and brand)",
				stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
			"messaging_service_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the Messaging Service (`MG…`) whose messages the campaign covers. Changing it " +
					"registers a new campaign.",
				Required: true, Validators: []validator.String{sidValidator("MG")}, PlanModifiers: replaced,
			},
			"brand_registration_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the `APPROVED` brand registration (`BN…`). Changing it registers a new campaign.",
				Required:            true, Validators: []validator.String{sidValidator("BN")}, PlanModifiers: replaced,
			},
			"us_app_to_person_usecase": schema.StringAttribute{
				MarkdownDescription: "The A2P use case, upper case, such as `ACCOUNT_NOTIFICATION`, `2FA`, `MARKETING`, " +
					"`MIXED` or `LOW_VOLUME` (Twilio lists the use cases a brand may register). Changing it registers a " +
					"new campaign.",
				Required: true, PlanModifiers: replaced,
				Validators: []validator.String{stringvalidator.RegexMatches(campaignUsecase,
					"must be an upper-case A2P use case such as ACCOUNT_NOTIFICATION")},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("What the campaign's messages are for, %d to %d characters.",
					campaignDescriptionMin, campaignDescriptionMax),
				Required: true, Validators: length(campaignDescriptionMin, campaignDescriptionMax),
			},
			"message_flow": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("How end users opt in (every way, if several), %d to %d characters.",
					campaignFlowMin, campaignFlowMax),
				Required: true, Validators: length(campaignFlowMin, campaignFlowMax),
			},
			"message_samples": schema.ListAttribute{
				MarkdownDescription: fmt.Sprintf("%d to %d sample messages, %d to %d characters each.", campaignSamplesMin,
					campaignSamplesMax, campaignSampleMin, campaignSampleMax),
				ElementType: types.StringType, Required: true,
				Validators: []validator.List{listvalidator.SizeBetween(campaignSamplesMin, campaignSamplesMax),
					listvalidator.ValueStringsAre(stringvalidator.LengthBetween(campaignSampleMin, campaignSampleMax))},
			},
			"has_embedded_links": schema.BoolAttribute{MarkdownDescription: "Whether the messages contain links.", Required: true},
			"has_embedded_phone": schema.BoolAttribute{MarkdownDescription: "Whether the messages contain phone numbers.", Required: true},
			"opt_in_keywords":    keywords("start receiving messages (required when they can)"),
			"opt_in_message":     reply("The reply to an opt-in keyword: brand name, recurring-message confirmation, help and opt-out instructions."),
			"opt_out_keywords":   keywords("stop receiving messages (required when not using Twilio's opt-out handling)"),
			"opt_out_message":    reply("The reply to an opt-out keyword, confirming no more messages will be sent."),
			"help_keywords":      keywords("get help (required when not using Twilio's opt-out handling)"),
			"help_message":       reply("The reply to a help keyword, with support contact details."),
			"subscriber_opt_in":  flag("Whether the campaign has subscriber opt-in.", true),
			"age_gated":          flag("Whether the campaign's content is age-gated.", false),
			"direct_lending":     flag("Whether the campaign covers direct lending.", false),
			"campaign_status": schema.StringAttribute{
				MarkdownDescription: "Review status: `IN_PROGRESS`, `VERIFIED` or `FAILED`. Refreshed on every plan.",
				Computed:            true,
			},
			"campaign_id": schema.StringAttribute{
				MarkdownDescription: "The Campaign Registry's campaign ID, once verified.", Computed: true,
			},
			"errors": schema.ListAttribute{
				MarkdownDescription: "Twilio's registration errors, one sentence each.", ElementType: types.StringType, Computed: true,
			},
			"date_created": dateCreatedAttribute(),
			"skip_destroy": skipDestroyAttribute("a new campaign is vetted again (weeks) and charged again, so " +
				"keep one when the configuration that made it goes. A `FAILED` campaign is deleted anyway (kept, it " +
				"would block the service's next campaign), and a replacement is refused while it is set."),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

// ModifyPlan defaults account_sid (a campaign cannot move, so another account replaces it), refuses a
// replacement that skip_destroy would turn into two campaigns on one service, and warns when an update
// sends the campaign back to Twilio's (charged) vetting.
func (r *a2pCampaignResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.resourceBase.ModifyPlan(ctx, req, resp)
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || resp.Diagnostics.HasError() {
		return
	}
	var plan, state a2pCampaignModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sid := state.SID.ValueString()
	// The framework hands a resource's ModifyPlan no RequiresReplace of the attributes' own plan modifiers,
	// so the arguments that replace a campaign are compared here.
	replaced := campaignReplacedBy(&plan, &state)
	if len(replaced) > 0 && state.SkipDestroy.ValueBool() && state.CampaignStatus.ValueString() != twilioclient.CampaignStatusFailed {
		resp.Diagnostics.AddError(fmt.Sprintf("A2P campaign %s cannot be replaced while skip_destroy is set", sid),
			fmt.Sprintf("This plan replaces campaign %s (%s changed), but skip_destroy = true would keep the old one in "+
				"Twilio, and a Messaging Service carries one campaign: the new one could not be registered. Set "+
				"skip_destroy = false for this change (the old campaign is then deleted, and the new one is vetted, "+
				"and charged, again), apply, and set it back; or keep the campaign as it is.", sid, strings.Join(replaced, ", ")))
		return
	}
	if len(replaced) == 0 && !campaignVettedFieldsChange(&plan, &state) {
		// Nothing reaches Twilio (Update keeps the state), so the review's outcome stays as it is.
		plan.CampaignStatus, plan.CampaignID, plan.Errors = state.CampaignStatus, state.CampaignID, state.Errors
		resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
		return
	}
	if len(replaced) == 0 {
		resp.Diagnostics.AddWarning(fmt.Sprintf("A2P campaign %s will be updated and vetted again", sid),
			"Twilio sends an updated campaign back to vetting, which is charged and can take days; messages may be "+
				"filtered until it is VERIFIED again. After an import, set the configuration to what Twilio shows to "+
				"change nothing.")
	}
}

func (r *a2pCampaignResource) create(ctx context.Context, client *twilioclient.Client, plan *a2pCampaignModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	account, service := plan.AccountSID.ValueString(), plan.MessagingServiceSID.ValueString()
	params, d := expandA2PCampaignCreate(ctx, plan)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	what := fmt.Sprintf("a campaign of Messaging Service %s", service)
	// A service carries one campaign; one already there (registered in the Console, or kept by skip_destroy)
	// is never registered over, and never taken over silently: its content may differ, and an update is vetted.
	existing, err := readBeforeCharge(ctx, func(ctx context.Context) ([]twilioclient.Campaign, error) {
		return client.ListCampaigns(ctx, account, service)
	})
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Registering an A2P campaign on Messaging Service %s", service),
			"Could not check the service for a campaign before registering one (nothing was registered): "+errorDetail(err))
		return
	}
	if len(existing) > 0 {
		resp.Diagnostics.AddError(fmt.Sprintf("Messaging Service %s already has campaign %s", service, deref(existing[0].Sid)),
			fmt.Sprintf("Nothing was registered: a Messaging Service carries one campaign. To manage the one it has, "+
				"import it (id %s/%s/%s) with a configuration that matches it; to register a new one, delete it first "+
				"(in the Console, or by destroying the resource that manages it).", account, service, deref(existing[0].Sid)))
		return
	}
	k := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.Campaign]{
		kind: "a2p_campaign", scope: account, name: service, what: what,
		summary: fmt.Sprintf("Registering an A2P campaign on Messaging Service %s", service),
		// A service carries one campaign, so any campaign of it created since the request is a candidate.
		find: func(ctx context.Context, since time.Time) ([]twilioclient.Campaign, error) {
			return client.FindCampaignsCreatedSince(ctx, account, service, since)
		},
		check: func(k *twilioclient.Campaign) candidate {
			return differsIf(deref(k.Sid), deref(k.BrandRegistrationSid) != plan.BrandRegistrationSID.ValueString() ||
				deref(k.Description) != plan.Description.ValueString(), "brand or description")
		},
		lostAdvice: fmt.Sprintf("Do not apply again yet: each campaign vetting is charged. Look in the Twilio Console "+
			"(Messaging > Services > %s > Integration/Compliance) for a campaign registered just now; if there is one, "+
			"import it (see the twilio_a2p_campaign documentation); if there is none after a few minutes, apply again.", service),
	}, func(ctx context.Context) (*twilioclient.Campaign, error) {
		return client.CreateCampaign(ctx, account, service, params)
	})
	if k == nil {
		return
	}
	sid := deref(k.Sid)
	k, outcome, lastErr := awaitReview(ctx, k, func(k *twilioclient.Campaign) string { return deref(k.CampaignStatus) },
		twilioclient.CampaignStatusVerified, twilioclient.CampaignStatusFailed,
		func(ctx context.Context) (*twilioclient.Campaign, error) {
			return client.FindCampaign(ctx, account, service, sid)
		})
	resp.Diagnostics.Append(flattenA2PCampaign(ctx, k, plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	switch outcome {
	case reviewRejected:
		resp.Diagnostics.AddError(fmt.Sprintf("A2P campaign %s was rejected", sid),
			fmt.Sprintf("%s\n\nThe campaign is kept in the state (Terraform marks it tainted). Fix what Twilio names; "+
				"the next apply deletes it and registers the campaign again, which Twilio charges for.",
				rejectionReason("", a2pCampaignProblems(k))))
	case reviewPending:
		reviewPendingWarning(&resp.Diagnostics, "A2P campaign", sid, plan.CampaignStatus.ValueString(),
			"Messages are filtered until it is VERIFIED; set timeouts.create to wait longer next time.", lastErr)
	}
}

// Update sends what Twilio's update takes, all of it (Twilio requires every field); RequiresReplace covers
// the rest.
func (r *a2pCampaignResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	ctx, plan, state, client, done := beginUpdate[a2pCampaignModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	// An update may send the campaign back to vetting, which is charged: skip_destroy alone changes only the state.
	if !campaignVettedFieldsChange(&plan, &state) {
		// Every other argument replaces the campaign, so only these two can differ; the computed attributes
		// (unknown in the plan) keep what Twilio last said.
		state.SkipDestroy, state.Timeouts = plan.SkipDestroy, plan.Timeouts
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		return
	}
	var samples []string
	resp.Diagnostics.Append(plan.MessageSamples.ElementsAs(ctx, &samples, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	p := &twilioclient.UpdateCampaignParams{}
	p.SetDescription(plan.Description.ValueString()).SetMessageFlow(plan.MessageFlow.ValueString()).SetMessageSamples(samples)
	p.SetHasEmbeddedLinks(plan.HasEmbeddedLinks.ValueBool()).SetHasEmbeddedPhone(plan.HasEmbeddedPhone.ValueBool())
	p.SetAgeGated(plan.AgeGated.ValueBool()).SetDirectLending(plan.DirectLending.ValueBool())
	k, err := client.UpdateCampaign(ctx, state.AccountSID.ValueString(), state.MessagingServiceSID.ValueString(), state.SID.ValueString(), p)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Updating A2P campaign %s", state.SID.ValueString()), errorDetail(err))
		return
	}
	resp.Diagnostics.Append(flattenA2PCampaign(ctx, k, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// ImportState takes MG…/QE…, AC…/MG…/QE…, or an identity { account_sid, messaging_service_sid, sid }.
// Without an account, the campaign is looked for in the provider's account, then in its open subaccounts.
func (r *a2pCampaignResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	defer identityAfterImport(ctx, resp)
	account, service, sid, ok := a2pCampaignImportID(ctx, req, &resp.Diagnostics)
	if !ok {
		return
	}
	client := r.data.ready(&resp.Diagnostics)
	if client == nil {
		return
	}
	find := func(ctx context.Context, c *twilioclient.Client, acct, _ string) error {
		_, err := c.FindCampaign(ctx, acct, service, sid)
		return err
	}
	if account == "" {
		err := find(ctx, client, client.AccountSID(), sid)
		account = client.AccountSID()
		if twilioclient.IsNotFound(err) {
			account, err = findOwner(ctx, client, sid, find)
		}
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Cannot import A2P campaign %s", sid),
				fmt.Sprintf("There is no campaign %s of Messaging Service %s in account %s or its open subaccounts (%s). "+
					"If it belongs to another account the provider can reach, import it as AC…/%s/%s.", sid, service,
					client.AccountSID(), errorDetail(err), service, sid))
			return
		}
	}
	for attr, v := range map[string]string{"account_sid": account, "messaging_service_sid": service, "sid": sid, "id": sid} {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(attr), v)...)
	}
}

// a2pCampaignImportID reads [AC…/]MG…/QE… or the identity.
func a2pCampaignImportID(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) (account, service, sid string, ok bool) {
	if req.ID == "" && req.Identity != nil && !req.Identity.Raw.IsNull() {
		var a, s, q types.String
		diags.Append(req.Identity.GetAttribute(ctx, path.Root("account_sid"), &a)...)
		diags.Append(req.Identity.GetAttribute(ctx, path.Root("messaging_service_sid"), &s)...)
		diags.Append(req.Identity.GetAttribute(ctx, path.Root("sid"), &q)...)
		checkIdentitySID("messaging_service_sid", "MG", s.ValueString(), diags)
		checkIdentitySID("sid", "QE", q.ValueString(), diags)
		if a.ValueString() != "" {
			checkIdentitySID("account_sid", "AC", a.ValueString(), diags)
		}
		return a.ValueString(), s.ValueString(), q.ValueString(), !diags.HasError()
	}
	parts := strings.Split(req.ID, "/")
	if len(parts) == 3 && sids.Valid("AC", parts[0]) {
		account, parts = parts[0], parts[1:]
	}
	if len(parts) != 2 || !sids.Valid("MG", parts[0]) || !sids.Valid("QE", parts[1]) {
		diags.AddError("Invalid import ID", fmt.Sprintf("Expected MG…/QE… or AC…/MG…/QE… (the Messaging Service, then "+
			"the campaign; %s), got %q.", sidsInWords, req.ID))
		return "", "", "", false
	}
	return account, parts[0], parts[1], true
}

func expandA2PCampaignCreate(ctx context.Context, m *a2pCampaignModel) (*twilioclient.CreateCampaignParams, diag.Diagnostics) {
	var diags diag.Diagnostics
	list := func(l types.List) *[]string {
		if l.IsNull() || l.IsUnknown() {
			return nil
		}
		var out []string
		diags.Append(l.ElementsAs(ctx, &out, false)...)
		return &out
	}
	p := &twilioclient.CreateCampaignParams{}
	p.SetBrandRegistrationSid(m.BrandRegistrationSID.ValueString()).SetUsAppToPersonUsecase(m.Usecase.ValueString())
	p.SetDescription(m.Description.ValueString()).SetMessageFlow(m.MessageFlow.ValueString())
	p.MessageSamples = list(m.MessageSamples)
	p.SetHasEmbeddedLinks(m.HasEmbeddedLinks.ValueBool()).SetHasEmbeddedPhone(m.HasEmbeddedPhone.ValueBool())
	p.OptInKeywords, p.OptOutKeywords, p.HelpKeywords = list(m.OptInKeywords), list(m.OptOutKeywords), list(m.HelpKeywords)
	p.OptInMessage, p.OptOutMessage, p.HelpMessage = m.OptInMessage.ValueStringPointer(), m.OptOutMessage.ValueStringPointer(), m.HelpMessage.ValueStringPointer()
	p.SetSubscriberOptIn(m.SubscriberOptIn.ValueBool()).SetAgeGated(m.AgeGated.ValueBool()).SetDirectLending(m.DirectLending.ValueBool())
	return p, diags
}

func flattenA2PCampaign(ctx context.Context, k *twilioclient.Campaign, m *a2pCampaignModel) diag.Diagnostics {
	var diags diag.Diagnostics
	strs := func(p *[]string, keepNull bool) types.List {
		if p == nil || len(*p) == 0 && keepNull {
			return types.ListNull(types.StringType)
		}
		l, d := types.ListValueFrom(ctx, types.StringType, *p)
		diags.Append(d...)
		return l
	}
	m.SID = stringValue(k.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(k.AccountSid)
	m.MessagingServiceSID = stringValue(k.MessagingServiceSid)
	m.BrandRegistrationSID = stringValue(k.BrandRegistrationSid)
	m.Usecase = stringValue(k.UsAppToPersonUsecase)
	m.Description = stringValue(k.Description)
	m.MessageFlow = stringValue(k.MessageFlow)
	m.MessageSamples = strs(k.MessageSamples, false)
	if k.MessageSamples == nil {
		m.MessageSamples = types.ListValueMust(types.StringType, []attr.Value{})
	}
	m.HasEmbeddedLinks = types.BoolValue(k.HasEmbeddedLinks != nil && *k.HasEmbeddedLinks)
	m.HasEmbeddedPhone = types.BoolValue(k.HasEmbeddedPhone != nil && *k.HasEmbeddedPhone)
	// Twilio answers [] and null for keywords and replies never set; both read as null, as configured.
	m.OptInKeywords, m.OptOutKeywords, m.HelpKeywords = strs(k.OptInKeywords, true), strs(k.OptOutKeywords, true), strs(k.HelpKeywords, true)
	m.OptInMessage, m.OptOutMessage, m.HelpMessage = optionalString(k.OptInMessage), optionalString(k.OptOutMessage), optionalString(k.HelpMessage)
	m.SubscriberOptIn = types.BoolValue(k.SubscriberOptIn != nil && *k.SubscriberOptIn)
	m.AgeGated = types.BoolValue(k.AgeGated != nil && *k.AgeGated)
	m.DirectLending = types.BoolValue(k.DirectLending != nil && *k.DirectLending)
	m.CampaignStatus = stringValue(k.CampaignStatus)
	m.CampaignID = stringValue(k.CampaignId)
	m.Errors = problemList(a2pCampaignProblems(k))
	m.DateCreated = timeValue(k.DateCreated)
	return diags
}

func a2pCampaignProblems(k *twilioclient.Campaign) []string {
	if k == nil || k.Errors == nil {
		return nil
	}
	return twilioclient.RegistrationProblems(slices.Clone(*k.Errors))
}

// campaignVettedFieldsChange reports whether the plan changes what Twilio's campaign update takes (and vets
// again); every other argument replaces the campaign.
func campaignVettedFieldsChange(plan, state *a2pCampaignModel) bool {
	return !plan.Description.Equal(state.Description) || !plan.MessageFlow.Equal(state.MessageFlow) ||
		!plan.MessageSamples.Equal(state.MessageSamples) || !plan.HasEmbeddedLinks.Equal(state.HasEmbeddedLinks) ||
		!plan.HasEmbeddedPhone.Equal(state.HasEmbeddedPhone) || !plan.AgeGated.Equal(state.AgeGated) ||
		!plan.DirectLending.Equal(state.DirectLending)
}

// campaignReplacedBy names the changed arguments that register a new campaign (their schema says
// RequiresReplace); an unknown value counts as a change.
func campaignReplacedBy(plan, state *a2pCampaignModel) []string {
	var out []string
	for _, a := range []struct {
		name        string
		plan, state attr.Value
	}{
		{"account_sid", plan.AccountSID, state.AccountSID}, {"messaging_service_sid", plan.MessagingServiceSID, state.MessagingServiceSID},
		{"brand_registration_sid", plan.BrandRegistrationSID, state.BrandRegistrationSID},
		{"us_app_to_person_usecase", plan.Usecase, state.Usecase},
		{"opt_in_keywords", plan.OptInKeywords, state.OptInKeywords}, {"opt_in_message", plan.OptInMessage, state.OptInMessage},
		{"opt_out_keywords", plan.OptOutKeywords, state.OptOutKeywords}, {"opt_out_message", plan.OptOutMessage, state.OptOutMessage},
		{"help_keywords", plan.HelpKeywords, state.HelpKeywords}, {"help_message", plan.HelpMessage, state.HelpMessage},
		{"subscriber_opt_in", plan.SubscriberOptIn, state.SubscriberOptIn},
	} {
		if !a.plan.Equal(a.state) {
			out = append(out, a.name)
		}
	}
	return out
}
