package provider

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*messagingServiceResource)(nil)

// NewMessagingServiceResource is the factory for twilio_messaging_service.
func NewMessagingServiceResource() resource.Resource {
	r := &messagingServiceResource{resourceBase: resourceBase{name: "messaging_service",
		plan: planSteps{kept: "Messaging Service", keptLabel: "friendly_name", account: fixedAccountSID}}}
	r.accountObject = accountObject[messagingServiceModel, twilioclient.MessagingService]{base: &r.resourceBase,
		noun: "Messaging Service", kept: "Messaging Service",
		byKey: (*twilioclient.Client).FindMessagingService, prefix: "MG",
		create: r.create,
		flatten: flattenPlain(func(s *twilioclient.MessagingService, m *messagingServiceModel) {
			flattenMessagingService(s, m)
			// A state from before skip_destroy reads as false, the default.
			m.SkipDestroy = falseWhenNull(m.SkipDestroy)
		}),
		// Every setting is sent, not only the changed ones: a Console edit the plan reverts may touch any of them.
		update: func(ctx context.Context, c *twilioclient.Client, plan, state *messagingServiceModel) (*twilioclient.MessagingService, error) {
			return c.UpdateMessagingService(ctx, state.AccountSID.ValueString(), state.SID.ValueString(), expandMessagingServiceUpdate(plan))
		},
		// NOTE: the service's numbers stay in the account, out of any pool; a campaign registered on the service
		// goes with it.
		remove: removeByKey[messagingServiceModel]((*twilioclient.Client).DeleteMessagingService),
	}
	return r
}

type messagingServiceResource struct {
	resourceBase
	accountObject[messagingServiceModel, twilioclient.MessagingService]
}

type messagingServiceModel struct {
	accountObjectFields
	FriendlyName              types.String   `tfsdk:"friendly_name"`
	InboundRequestURL         types.String   `tfsdk:"inbound_request_url"`
	InboundMethod             types.String   `tfsdk:"inbound_method"`
	FallbackURL               types.String   `tfsdk:"fallback_url"`
	FallbackMethod            types.String   `tfsdk:"fallback_method"`
	StatusCallback            types.String   `tfsdk:"status_callback"`
	StickySender              types.Bool     `tfsdk:"sticky_sender"`
	MmsConverter              types.Bool     `tfsdk:"mms_converter"`
	SmartEncoding             types.Bool     `tfsdk:"smart_encoding"`
	ScanMessageContent        types.String   `tfsdk:"scan_message_content"`
	FallbackToLongCode        types.Bool     `tfsdk:"fallback_to_long_code"`
	AreaCodeGeomatch          types.Bool     `tfsdk:"area_code_geomatch"`
	ValidityPeriod            types.Int64    `tfsdk:"validity_period"`
	SynchronousValidation     types.Bool     `tfsdk:"synchronous_validation"`
	Usecase                   types.String   `tfsdk:"usecase"`
	UseInboundWebhookOnNumber types.Bool     `tfsdk:"use_inbound_webhook_on_number"`
	UsAppToPersonRegistered   types.Bool     `tfsdk:"us_app_to_person_registered"`
	SkipDestroy               types.Bool     `tfsdk:"skip_destroy"`
	Timeouts                  timeouts.Value `tfsdk:"timeouts"`
}

// Twilio's documented values (twilio_messaging_v1.json, CreateService; errors 90007 and 21713): a validity
// period "from 1 to 36,000. Default value is 36,000"; use cases in lower case.
const maxMessagingValidity = 36000

var (
	messagingUsecases  = []string{"notifications", "marketing", "verification", "discussion", "poll", "undeclared"}
	messagingScanModes = []string{"inherit", "enable", "disable"}
)

// messagingFlag is a service setting Twilio documents no default for: the provider picks one and always
// sends it, so the state is what Twilio holds and a Console change shows as drift.
func messagingFlag(desc string, def bool) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: fmt.Sprintf("%s Defaults to `%t` (Twilio documents no default; the provider always "+
			"sends the value, so a change in the Console shows in the next plan).", desc, def),
		Optional: true,
		Computed: true,
		Default:  booldefault.StaticBool(def),
	}
}

func (r *messagingServiceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Messaging Service: the sender pool (numbers, alpha sender, short codes) and the settings " +
			"Twilio applies to messages sent and received through it. Add numbers with " +
			"`twilio_messaging_service_phone_number`; a US A2P 10DLC campaign is registered on a service.\n\n" +
			"Every setting is managed: an optional URL removed from the configuration is cleared in Twilio, and any " +
			"other setting removed goes back to its default. Destroying the service removes its senders from the pool " +
			"(the numbers stay in the account).\n\n" + messagingAccountNote,
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("MG", "Messaging Service"),
			"account_sid": accountSIDAttribute("Messaging Service; changing it replaces the service",
				stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service, at most 64 characters. Twilio allows several services of one name.",
				Required:            true,
				Validators:          friendlyNameValidators(),
			},
			"inbound_request_url": webhookURLAttribute("URL Twilio requests when a message reaches any sender of the " +
				"service. While it is unset, Twilio neither logs nor delivers inbound messages for the service's senders " +
				"(unless `use_inbound_webhook_on_number` defers to each number's own webhook)."),
			"inbound_method": httpMethodAttribute("HTTP method for `inbound_request_url`."),
			"fallback_url":   webhookURLAttribute("URL Twilio requests when `inbound_request_url` fails."),
			"fallback_method": httpMethodAttribute("HTTP method for `fallback_url` (Twilio documents no default; " +
				"the provider sends it)."),
			"status_callback": webhookURLAttribute("URL Twilio notifies of the delivery status of messages sent " +
				"through the service."),
			"sticky_sender": messagingFlag("Whether a recipient keeps getting messages from the same sender of the pool.", true),
			"mms_converter": messagingFlag("Whether MMS to recipients that cannot take them is sent as SMS with a link.", true),
			"smart_encoding": messagingFlag("Whether Unicode look-alike characters are replaced so messages stay "+
				"in the cheaper GSM-7 encoding.", true),
			"scan_message_content": schema.StringAttribute{
				MarkdownDescription: "Content scanning of the service (Twilio: reserved): `inherit`, `enable` or `disable`. " +
					"Defaults to `inherit` (Twilio documents no default; the provider always sends it).",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString("inherit"),
				Validators: []validator.String{stringvalidator.OneOf(messagingScanModes...)},
			},
			"fallback_to_long_code": messagingFlag("Obsolete in Twilio: a former fallback from short codes to "+
				"long codes.", false),
			"area_code_geomatch": messagingFlag("Whether Twilio picks a sender of the pool with the recipient's "+
				"area code when it has one.", true),
			"validity_period": schema.Int64Attribute{
				MarkdownDescription: "How long, in seconds, a message may wait in Twilio's queue before it is dropped: " +
					"1 to 36000. Defaults to `36000`, Twilio's default.",
				Optional:   true,
				Computed:   true,
				Default:    int64default.StaticInt64(maxMessagingValidity),
				Validators: []validator.Int64{int64validator.Between(1, maxMessagingValidity)},
			},
			"synchronous_validation": messagingFlag("Reserved by Twilio.", false),
			"usecase": schema.StringAttribute{
				MarkdownDescription: "What the service is used for: `notifications`, `marketing`, `verification`, " +
					"`discussion`, `poll` or `undeclared` (lower case). Defaults to `undeclared` (Twilio documents no " +
					"default; the provider always sends it).",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString("undeclared"),
				Validators: []validator.String{stringvalidator.OneOf(messagingUsecases...)},
			},
			"use_inbound_webhook_on_number": messagingFlag("Whether each number's own messaging webhook is used "+
				"instead of `inbound_request_url` and `fallback_url`.", false),
			"us_app_to_person_registered": schema.BoolAttribute{
				MarkdownDescription: "Whether a US A2P 10DLC campaign is registered on the service.",
				Computed:            true,
				// A campaign is registered by its own resource, never by an update of the service, so an update
				// keeps the value the refresh read.
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"date_created": dateCreatedAttribute(),
			"skip_destroy": skipDestroyAttribute("its numbers stay in its sender pool, and an A2P campaign " +
				"registered on it (which Twilio deletes with the service) stays registered."),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

func (r *messagingServiceResource) create(ctx context.Context, client *twilioclient.Client, plan *messagingServiceModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	accountSID, name := plan.AccountSID.ValueString(), plan.FriendlyName.ValueString()
	sent := expandMessagingServiceUpdate(plan)
	s := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.MessagingService]{
		kind: "messaging_service", scope: accountSID, name: name, what: fmt.Sprintf("a Messaging Service named %q", name),
		summary: fmt.Sprintf("Creating Messaging Service %q in account %s", name, accountSID),
		find: func(ctx context.Context, since time.Time) ([]twilioclient.MessagingService, error) {
			return client.FindMessagingServicesCreatedSince(ctx, accountSID, name, since)
		},
		check: func(s *twilioclient.MessagingService) candidate {
			var m messagingServiceModel
			flattenMessagingService(s, &m)
			return differsIf(*s.Sid, !reflect.DeepEqual(expandMessagingServiceUpdate(&m), sent), "settings (URLs, methods or flags)")
		},
	}, func(ctx context.Context) (*twilioclient.MessagingService, error) {
		return client.CreateMessagingService(ctx, accountSID, expandMessagingServiceCreate(plan))
	})
	r.finishCreate(ctx, s, plan, resp)
}

// expandMessagingServiceCreate sends every setting; unset URLs are left out, the same as empty for a new service.
func expandMessagingServiceCreate(m *messagingServiceModel) *twilioclient.CreateMessagingServiceParams {
	u := expandMessagingServiceUpdate(m)
	p := &twilioclient.CreateMessagingServiceParams{
		FriendlyName: u.FriendlyName, InboundMethod: u.InboundMethod, FallbackMethod: u.FallbackMethod,
		StickySender: u.StickySender, MmsConverter: u.MmsConverter, SmartEncoding: u.SmartEncoding,
		ScanMessageContent: u.ScanMessageContent, FallbackToLongCode: u.FallbackToLongCode,
		AreaCodeGeomatch: u.AreaCodeGeomatch, ValidityPeriod: u.ValidityPeriod,
		SynchronousValidation: u.SynchronousValidation, Usecase: u.Usecase,
		UseInboundWebhookOnNumber: u.UseInboundWebhookOnNumber,
	}
	p.InboundRequestUrl = m.InboundRequestURL.ValueStringPointer()
	p.FallbackUrl = m.FallbackURL.ValueStringPointer()
	p.StatusCallback = m.StatusCallback.ValueStringPointer()
	return p
}

// expandMessagingServiceUpdate sends every setting; a URL that is null in the plan is sent empty, which
// clears it.
func expandMessagingServiceUpdate(m *messagingServiceModel) *twilioclient.UpdateMessagingServiceParams {
	p := &twilioclient.UpdateMessagingServiceParams{}
	p.SetFriendlyName(m.FriendlyName.ValueString())
	p.InboundRequestUrl = clearable(m.InboundRequestURL)
	p.SetInboundMethod(m.InboundMethod.ValueString())
	p.FallbackUrl = clearable(m.FallbackURL)
	p.SetFallbackMethod(m.FallbackMethod.ValueString())
	p.StatusCallback = clearable(m.StatusCallback)
	p.SetStickySender(m.StickySender.ValueBool())
	p.SetMmsConverter(m.MmsConverter.ValueBool())
	p.SetSmartEncoding(m.SmartEncoding.ValueBool())
	p.SetScanMessageContent(m.ScanMessageContent.ValueString())
	p.SetFallbackToLongCode(m.FallbackToLongCode.ValueBool())
	p.SetAreaCodeGeomatch(m.AreaCodeGeomatch.ValueBool())
	p.SetValidityPeriod(int(m.ValidityPeriod.ValueInt64()))
	p.SetSynchronousValidation(m.SynchronousValidation.ValueBool())
	p.SetUsecase(m.Usecase.ValueString())
	p.SetUseInboundWebhookOnNumber(m.UseInboundWebhookOnNumber.ValueBool())
	return p
}

func flattenMessagingService(s *twilioclient.MessagingService, m *messagingServiceModel) {
	m.SID = stringValue(s.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(s.AccountSid)
	m.FriendlyName = stringValue(s.FriendlyName)
	m.InboundRequestURL = optionalString(s.InboundRequestUrl)
	m.InboundMethod = messagingMethod(s.InboundMethod)
	m.FallbackURL = optionalString(s.FallbackUrl)
	m.FallbackMethod = messagingMethod(s.FallbackMethod)
	m.StatusCallback = optionalString(s.StatusCallback)
	m.StickySender = types.BoolValue(s.StickySender != nil && *s.StickySender)
	m.MmsConverter = types.BoolValue(s.MmsConverter != nil && *s.MmsConverter)
	m.SmartEncoding = types.BoolValue(s.SmartEncoding != nil && *s.SmartEncoding)
	m.ScanMessageContent = stringOr(s.ScanMessageContent, "inherit")
	m.FallbackToLongCode = types.BoolValue(s.FallbackToLongCode != nil && *s.FallbackToLongCode)
	m.AreaCodeGeomatch = types.BoolValue(s.AreaCodeGeomatch != nil && *s.AreaCodeGeomatch)
	m.ValidityPeriod = types.Int64Value(int64(s.ValidityPeriod))
	m.SynchronousValidation = types.BoolValue(s.SynchronousValidation != nil && *s.SynchronousValidation)
	m.Usecase = stringOr(s.Usecase, "undeclared")
	m.UseInboundWebhookOnNumber = types.BoolValue(s.UseInboundWebhookOnNumber != nil && *s.UseInboundWebhookOnNumber)
	m.UsAppToPersonRegistered = types.BoolValue(s.UsAppToPersonRegistered != nil && *s.UsAppToPersonRegistered)
	m.DateCreated = timeValue(s.DateCreated)
}

// stringOr reads a setting Twilio may leave null (content scanning is "reserved", the use case optional) as
// the value the provider sends by default, so a null answer is not a change against the default.
func stringOr(p *string, def string) types.String {
	if p == nil || *p == "" {
		return types.StringValue(def)
	}
	return types.StringValue(*p)
}
