package provider

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*tollfreeVerificationResource)(nil)

// NewTollfreeVerificationResource is the factory for twilio_tollfree_verification.
func NewTollfreeVerificationResource() resource.Resource {
	r := &tollfreeVerificationResource{resourceBase: resourceBase{name: "tollfree_verification", plan: planSteps{account: fixedAccountSID}}}
	// An edit is a new review, sent only when the details changed, and waited for like the create's.
	r.accountObject = accountObject[tollfreeVerificationModel, twilioclient.TollfreeVerification]{base: &r.resourceBase,
		noun:  "toll-free verification",
		byKey: (*twilioclient.Client).FindTollfreeVerification, prefix: "HH",
		create:      r.create,
		flatten:     flattenTollfreeVerification,
		update:      updateTollfreeVerification,
		updateError: tollfreeEditError,
		updated: func(ctx context.Context, c *twilioclient.Client, v *twilioclient.TollfreeVerification, plan *tollfreeVerificationModel,
			state *tfsdk.State, diags *diag.Diagnostics) {
			r.finishReview(ctx, c, v, plan, state, diags, "Set timeouts.update to wait longer next time.")
		},
		remove: removeByKey[tollfreeVerificationModel]((*twilioclient.Client).DeleteTollfreeVerification),
	}
	return r
}

type tollfreeVerificationResource struct {
	resourceBase
	accountObject[tollfreeVerificationModel, twilioclient.TollfreeVerification]
}

type tollfreeVerificationModel struct {
	accountObjectFields
	TollfreePhoneNumberSID      types.String   `tfsdk:"tollfree_phone_number_sid"`
	CustomerProfileSID          types.String   `tfsdk:"customer_profile_sid"`
	ExternalReferenceID         types.String   `tfsdk:"external_reference_id"`
	BusinessName                types.String   `tfsdk:"business_name"`
	BusinessWebsite             types.String   `tfsdk:"business_website"`
	NotificationEmail           types.String   `tfsdk:"notification_email"`
	UseCaseCategories           types.List     `tfsdk:"use_case_categories"`
	UseCaseSummary              types.String   `tfsdk:"use_case_summary"`
	ProductionMessageSample     types.String   `tfsdk:"production_message_sample"`
	OptInImageURLs              types.List     `tfsdk:"opt_in_image_urls"`
	OptInType                   types.String   `tfsdk:"opt_in_type"`
	MessageVolume               types.String   `tfsdk:"message_volume"`
	BusinessStreetAddress       types.String   `tfsdk:"business_street_address"`
	BusinessStreetAddress2      types.String   `tfsdk:"business_street_address2"`
	BusinessCity                types.String   `tfsdk:"business_city"`
	BusinessStateProvinceRegion types.String   `tfsdk:"business_state_province_region"`
	BusinessPostalCode          types.String   `tfsdk:"business_postal_code"`
	BusinessCountry             types.String   `tfsdk:"business_country"`
	BusinessContactFirstName    types.String   `tfsdk:"business_contact_first_name"`
	BusinessContactLastName     types.String   `tfsdk:"business_contact_last_name"`
	BusinessContactEmail        types.String   `tfsdk:"business_contact_email"`
	BusinessContactPhone        types.String   `tfsdk:"business_contact_phone"`
	AdditionalInformation       types.String   `tfsdk:"additional_information"`
	Status                      types.String   `tfsdk:"status"`
	RejectionReason             types.String   `tfsdk:"rejection_reason"`
	EditAllowed                 types.Bool     `tfsdk:"edit_allowed"`
	Timeouts                    timeouts.Value `tfsdk:"timeouts"`
}

// tollfreeOptInTypes are tollfree_verification_enum_opt_in_type of Twilio's Messaging v1 description.
var tollfreeOptInTypes = []string{"VERBAL", "WEB_FORM", "PAPER_FORM", "VIA_TEXT", "MOBILE_QR_CODE", "IMPORT"}

var (
	tollfreeE164 = regexp.MustCompile(`^\+[1-9]\d{1,14}$`)
	tollfreeURL  = regexp.MustCompile(`^https?://\S+$`)
)

func (r *tollfreeVerificationResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replaced := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	required := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Required: true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
	}
	optional := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc + " Removing it from the configuration clears it in Twilio.",
			Optional: true, Validators: append([]validator.String{stringvalidator.LengthAtLeast(1)}, v...)}
	}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The verification of a US or Canadian toll-free number that sends texts: the business behind " +
			"it and how its recipients opt in, reviewed by Twilio before the number may text at full volume.\n\n" +
			"The create waits, within `timeouts.create` (5 minutes by default), for the review: `TWILIO_APPROVED` ends it; " +
			"`TWILIO_REJECTED` fails the apply with Twilio's reason (the verification is kept in the state, tainted); a " +
			"review still going on when the timeout ends is reported with a warning and the verification is kept. Twilio " +
			"takes edits of a rejected verification within seven days (`edit_allowed`): run `terraform untaint`, fix the " +
			"details, and apply, which edits and resubmits it in place and waits again within `timeouts.update`. Twilio " +
			"refuses edits in other statuses; the number, customer profile and external reference replace the verification.",
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("HH", "toll-free verification"),
			"account_sid": accountSIDAttribute("verification (and the number)", stringplanmodifier.UseStateForUnknown(),
				stringplanmodifier.RequiresReplace()),
			"tollfree_phone_number_sid": schema.StringAttribute{
				MarkdownDescription: "SID (`PN…`) of the account's toll-free number. Changing it replaces the verification.",
				Required:            true, Validators: []validator.String{sidValidator("PN")}, PlanModifiers: replaced,
			},
			"customer_profile_sid": schema.StringAttribute{
				MarkdownDescription: "SID (`BU…`) of an approved customer profile whose business details Twilio uses. " +
					"Changing it replaces the verification.",
				Optional: true, Validators: []validator.String{sidValidator("BU")}, PlanModifiers: replaced,
			},
			"external_reference_id": schema.StringAttribute{
				MarkdownDescription: "Your own reference, echoed back by Twilio. Changing it replaces the verification.",
				Optional:            true, PlanModifiers: replaced,
			},
			"business_name":      required("Name of the business or organization using the number."),
			"business_website":   schema.StringAttribute{MarkdownDescription: "Website of the business (`https://…`).", Required: true, Validators: []validator.String{stringvalidator.RegexMatches(tollfreeURL, "must be an http(s) URL")}},
			"notification_email": required("Email address Twilio notifies of the verification's outcome."),
			"use_case_categories": schema.ListAttribute{
				MarkdownDescription: "Use-case categories of the messages (such as `ACCOUNT_NOTIFICATIONS`, `MARKETING`), as many as apply.",
				ElementType:         types.StringType, Required: true,
				Validators: []validator.List{listvalidator.SizeAtLeast(1)},
			},
			"use_case_summary":          required("How the business uses messaging."),
			"production_message_sample": required("A sample of the messages the number sends."),
			"opt_in_image_urls": schema.ListAttribute{
				MarkdownDescription: "Public URLs of images showing how recipients opt in.",
				ElementType:         types.StringType, Required: true,
				Validators: []validator.List{listvalidator.SizeAtLeast(1),
					listvalidator.ValueStringsAre(stringvalidator.RegexMatches(tollfreeURL, "must be a public http(s) URL"))},
			},
			"opt_in_type": schema.StringAttribute{
				MarkdownDescription: "How recipients opt in: `VERBAL`, `WEB_FORM`, `PAPER_FORM`, `VIA_TEXT`, `MOBILE_QR_CODE` or `IMPORT`.",
				Required:            true, Validators: []validator.String{stringvalidator.OneOf(tollfreeOptInTypes...)},
			},
			"message_volume":                 required("Estimated monthly messages, as Twilio's form offers them (such as `1,000`)."),
			"business_street_address":        optional("Street address of the business."),
			"business_street_address2":       optional("Second line of the street address."),
			"business_city":                  optional("City of the business."),
			"business_state_province_region": optional("State, province or region of the business."),
			"business_postal_code":           optional("Postal code of the business."),
			"business_country":               optional("Country of the business (ISO code, such as `US`)."),
			"business_contact_first_name":    optional("First name of the business contact."),
			"business_contact_last_name":     optional("Last name of the business contact."),
			"business_contact_email":         optional("Email address of the business contact."),
			// NOTE: Twilio's update takes only a phone number here (format phone-number), so it cannot clear one.
			"business_contact_phone": schema.StringAttribute{
				MarkdownDescription: "Phone number of the business contact, in E.164 (`+14155550100`). Twilio's update " +
					"cannot clear it: removing it from the configuration replaces the verification.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.RegexMatches(tollfreeE164, "must be an E.164 number such as +14155550100")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(
					func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
						resp.RequiresReplace = req.PlanValue.IsNull() && !req.StateValue.IsNull()
					}, "Removing it replaces the verification.", "Removing it replaces the verification.")},
			},
			"additional_information": optional("Anything else the reviewers should know."),
			"status":                 computed("Review status: `PENDING_REVIEW`, `IN_REVIEW`, `TWILIO_APPROVED` or `TWILIO_REJECTED`. Refreshed on every plan."),
			"rejection_reason":       computed("Why Twilio rejected the verification (empty otherwise)."),
			"edit_allowed": schema.BoolAttribute{
				MarkdownDescription: "Whether Twilio still takes an edit of the rejected verification (seven days after the rejection).",
				Computed:            true,
			},
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

func (r *tollfreeVerificationResource) create(ctx context.Context, client *twilioclient.Client, plan *tollfreeVerificationModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	account, number := plan.AccountSID.ValueString(), plan.TollfreePhoneNumberSID.ValueString()
	p := &twilioclient.CreateTollfreeVerificationParams{}
	p.SetTollfreePhoneNumberSid(number)
	p.CustomerProfileSid, p.ExternalReferenceId = plan.CustomerProfileSID.ValueStringPointer(), plan.ExternalReferenceID.ValueStringPointer()
	d := tollfreeDetails(ctx, plan, func(f tollfreeField) {
		if f.value != nil && *f.value != "" {
			f.setCreate(p, *f.value)
		}
	}, func(cats, urls []string) { p.SetUseCaseCategories(cats).SetOptInImageUrls(urls) })
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	what := fmt.Sprintf("a verification of number %s", number)
	v := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.TollfreeVerification]{
		kind: "tollfree_verification", scope: account, name: number, what: what,
		summary: fmt.Sprintf("Submitting the toll-free verification of number %s", number),
		find: func(ctx context.Context, since time.Time) ([]twilioclient.TollfreeVerification, error) {
			return client.FindTollfreeVerificationsCreatedSince(ctx, account, number, since)
		},
		check: func(v *twilioclient.TollfreeVerification) candidate {
			return differsIf(deref(v.Sid), deref(v.BusinessName) != plan.BusinessName.ValueString(), "business_name")
		},
	}, func(ctx context.Context) (*twilioclient.TollfreeVerification, error) {
		return client.CreateTollfreeVerification(ctx, account, p)
	})
	if v == nil {
		return
	}
	r.finishReview(ctx, client, v, plan, &resp.State, &resp.Diagnostics, "Messages from the number are limited until it is approved; set timeouts.create to wait longer next time.")
}

// finishReview waits for the verification's review, stores what it ends with and reports the outcome.
func (r *tollfreeVerificationResource) finishReview(ctx context.Context, client *twilioclient.Client, v *twilioclient.TollfreeVerification,
	m *tollfreeVerificationModel, state stateSetter, diags *diag.Diagnostics, hint string) {
	sid, account := deref(v.Sid), m.AccountSID.ValueString()
	v, outcome, lastErr := awaitReview(ctx, v, func(v *twilioclient.TollfreeVerification) string { return deref(v.Status) },
		twilioclient.TollfreeStatusApproved, twilioclient.TollfreeStatusRejected,
		func(ctx context.Context) (*twilioclient.TollfreeVerification, error) {
			return client.FindTollfreeVerification(ctx, account, sid)
		})
	diags.Append(flattenTollfreeVerification(ctx, v, m)...)
	diags.Append(state.Set(ctx, m)...)
	switch outcome {
	case reviewRejected:
		diags.AddError(fmt.Sprintf("Toll-free verification %s was rejected", sid),
			fmt.Sprintf("%s\n\nThe verification is kept in the state. Twilio takes an edit of it within seven days "+
				"(edit_allowed): fix the details, run terraform untaint on it if it is tainted, and apply to edit and "+
				"resubmit it in place; applying while it is tainted deletes it and submits a new one.",
				rejectionReason(m.RejectionReason.ValueString(), nil)))
	case reviewPending:
		reviewPendingWarning(diags, "Toll-free verification", sid, m.Status.ValueString(), hint, lastErr)
	}
}

// stateSetter is a create's or an update's response state.
type stateSetter interface {
	Set(ctx context.Context, val any) diag.Diagnostics
}

// updateTollfreeVerification edits the verification with every detail (a cleared optional one is sent
// empty); the engine then waits for the review it starts again (updated). Twilio takes edits of a rejected
// verification only.
func updateTollfreeVerification(ctx context.Context, c *twilioclient.Client, plan, state *tollfreeVerificationModel) (
	*twilioclient.TollfreeVerification, error) {
	edit := func(m *tollfreeVerificationModel) (*twilioclient.UpdateTollfreeVerificationParams, diag.Diagnostics) {
		p := &twilioclient.UpdateTollfreeVerificationParams{}
		d := tollfreeDetails(ctx, m, func(f tollfreeField) {
			v := ""
			if f.value != nil {
				v = *f.value
			}
			if v == "" && f.noClear {
				return
			}
			f.setUpdate(p, v)
		}, func(cats, urls []string) { p.SetUseCaseCategories(cats).SetOptInImageUrls(urls) })
		return p, d
	}
	p, d := edit(plan)
	if d.HasError() {
		return nil, tollfreeDetailsError{d}
	}
	// An edit resubmits the verification for review (and Twilio takes one only while it is rejected): when the
	// details are what the state holds (only timeouts changed), nothing is sent.
	if last, d := edit(state); !d.HasError() && reflect.DeepEqual(p, last) {
		t := plan.Timeouts
		*plan = *state
		plan.Timeouts = t
		return nil, nil
	}
	return c.UpdateTollfreeVerification(ctx, state.AccountSID.ValueString(), state.SID.ValueString(), p)
}

// tollfreeDetailsError carries the diagnostics of details that cannot be sent from the update to
// tollfreeEditError, which reports them as they are.
type tollfreeDetailsError struct{ diags diag.Diagnostics }

func (e tollfreeDetailsError) Error() string {
	return "the toll-free verification's details cannot be sent"
}

// tollfreeEditError says when Twilio takes an edit, and how to submit new details otherwise.
func tollfreeEditError(err error, _ string, _, state *tollfreeVerificationModel, diags *diag.Diagnostics) bool {
	var details tollfreeDetailsError
	if errors.As(err, &details) {
		diags.Append(details.diags...)
		return true
	}
	diags.AddError(fmt.Sprintf("Editing toll-free verification %s", state.SID.ValueString()),
		errorDetail(err)+fmt.Sprintf("\n\nTwilio takes edits of a rejected verification, within seven days of the "+
			"rejection; this one is %s. To submit new details otherwise, replace it (terraform apply "+
			"-replace=<address>), which deletes it and submits a new verification.", state.Status.ValueString()))
	return true
}

// tollfreeField is one string detail: its planned value (nil when null) and how the create and the update
// send it.
type tollfreeField struct {
	value     *string
	noClear   bool // Twilio's update cannot take it empty
	setCreate func(*twilioclient.CreateTollfreeVerificationParams, string)
	setUpdate func(*twilioclient.UpdateTollfreeVerificationParams, string)
}

// tollfreeDetails hands each string detail of m to each, and the two lists to lists.
func tollfreeDetails(ctx context.Context, m *tollfreeVerificationModel, each func(tollfreeField), lists func(cats, urls []string)) diag.Diagnostics {
	type (
		cp = twilioclient.CreateTollfreeVerificationParams
		up = twilioclient.UpdateTollfreeVerificationParams
	)
	f := func(v types.String, c func(*cp, string), u func(*up, string)) {
		each(tollfreeField{value: v.ValueStringPointer(), setCreate: c, setUpdate: u})
	}
	each(tollfreeField{value: m.BusinessContactPhone.ValueStringPointer(), noClear: true,
		setCreate: func(p *cp, v string) { p.SetBusinessContactPhone(v) }, setUpdate: func(p *up, v string) { p.SetBusinessContactPhone(v) }})
	f(m.BusinessName, func(p *cp, v string) { p.SetBusinessName(v) }, func(p *up, v string) { p.SetBusinessName(v) })
	f(m.BusinessWebsite, func(p *cp, v string) { p.SetBusinessWebsite(v) }, func(p *up, v string) { p.SetBusinessWebsite(v) })
	f(m.NotificationEmail, func(p *cp, v string) { p.SetNotificationEmail(v) }, func(p *up, v string) { p.SetNotificationEmail(v) })
	f(m.UseCaseSummary, func(p *cp, v string) { p.SetUseCaseSummary(v) }, func(p *up, v string) { p.SetUseCaseSummary(v) })
	f(m.ProductionMessageSample, func(p *cp, v string) { p.SetProductionMessageSample(v) }, func(p *up, v string) { p.SetProductionMessageSample(v) })
	f(m.OptInType, func(p *cp, v string) { p.SetOptInType(v) }, func(p *up, v string) { p.SetOptInType(v) })
	f(m.MessageVolume, func(p *cp, v string) { p.SetMessageVolume(v) }, func(p *up, v string) { p.SetMessageVolume(v) })
	f(m.BusinessStreetAddress, func(p *cp, v string) { p.SetBusinessStreetAddress(v) }, func(p *up, v string) { p.SetBusinessStreetAddress(v) })
	f(m.BusinessStreetAddress2, func(p *cp, v string) { p.SetBusinessStreetAddress2(v) }, func(p *up, v string) { p.SetBusinessStreetAddress2(v) })
	f(m.BusinessCity, func(p *cp, v string) { p.SetBusinessCity(v) }, func(p *up, v string) { p.SetBusinessCity(v) })
	f(m.BusinessStateProvinceRegion, func(p *cp, v string) { p.SetBusinessStateProvinceRegion(v) }, func(p *up, v string) { p.SetBusinessStateProvinceRegion(v) })
	f(m.BusinessPostalCode, func(p *cp, v string) { p.SetBusinessPostalCode(v) }, func(p *up, v string) { p.SetBusinessPostalCode(v) })
	f(m.BusinessCountry, func(p *cp, v string) { p.SetBusinessCountry(v) }, func(p *up, v string) { p.SetBusinessCountry(v) })
	f(m.BusinessContactFirstName, func(p *cp, v string) { p.SetBusinessContactFirstName(v) }, func(p *up, v string) { p.SetBusinessContactFirstName(v) })
	f(m.BusinessContactLastName, func(p *cp, v string) { p.SetBusinessContactLastName(v) }, func(p *up, v string) { p.SetBusinessContactLastName(v) })
	f(m.BusinessContactEmail, func(p *cp, v string) { p.SetBusinessContactEmail(v) }, func(p *up, v string) { p.SetBusinessContactEmail(v) })
	f(m.AdditionalInformation, func(p *cp, v string) { p.SetAdditionalInformation(v) }, func(p *up, v string) { p.SetAdditionalInformation(v) })
	var diags diag.Diagnostics
	var cats, urls []string
	diags.Append(m.UseCaseCategories.ElementsAs(ctx, &cats, false)...)
	diags.Append(m.OptInImageURLs.ElementsAs(ctx, &urls, false)...)
	lists(cats, urls)
	return diags
}

func flattenTollfreeVerification(ctx context.Context, v *twilioclient.TollfreeVerification, m *tollfreeVerificationModel) diag.Diagnostics {
	var diags diag.Diagnostics
	list := func(p *[]string) types.List {
		var vals []string
		if p != nil {
			vals = *p
		}
		l, d := types.ListValueFrom(ctx, types.StringType, append([]string{}, vals...))
		diags.Append(d...)
		return l
	}
	m.SID = stringValue(v.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(v.AccountSid)
	m.TollfreePhoneNumberSID = stringValue(v.TollfreePhoneNumberSid)
	m.CustomerProfileSID = optionalString(v.CustomerProfileSid)
	m.ExternalReferenceID = optionalString(v.ExternalReferenceId)
	m.BusinessName = stringValue(v.BusinessName)
	m.BusinessWebsite = stringValue(v.BusinessWebsite)
	m.NotificationEmail = stringValue(v.NotificationEmail)
	m.UseCaseCategories = list(v.UseCaseCategories)
	m.UseCaseSummary = stringValue(v.UseCaseSummary)
	m.ProductionMessageSample = stringValue(v.ProductionMessageSample)
	m.OptInImageURLs = list(v.OptInImageUrls)
	m.OptInType = stringValue(v.OptInType)
	m.MessageVolume = stringValue(v.MessageVolume)
	m.BusinessStreetAddress = optionalString(v.BusinessStreetAddress)
	m.BusinessStreetAddress2 = optionalString(v.BusinessStreetAddress2)
	m.BusinessCity = optionalString(v.BusinessCity)
	m.BusinessStateProvinceRegion = optionalString(v.BusinessStateProvinceRegion)
	m.BusinessPostalCode = optionalString(v.BusinessPostalCode)
	m.BusinessCountry = optionalString(v.BusinessCountry)
	m.BusinessContactFirstName = optionalString(v.BusinessContactFirstName)
	m.BusinessContactLastName = optionalString(v.BusinessContactLastName)
	m.BusinessContactEmail = optionalString(v.BusinessContactEmail)
	m.BusinessContactPhone = optionalString(v.BusinessContactPhone)
	m.AdditionalInformation = optionalString(v.AdditionalInformation)
	m.Status = stringValue(v.Status)
	m.RejectionReason = stringValue(v.RejectionReason)
	m.EditAllowed = types.BoolValue(v.EditAllowed != nil && *v.EditAllowed)
	m.DateCreated = timeValue(v.DateCreated)
	return diags
}
