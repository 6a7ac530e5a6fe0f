package provider

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*twimlAppResource)(nil)

// NewTwimlAppResource is the factory for twilio_twiml_app.
func NewTwimlAppResource() resource.Resource {
	r := &twimlAppResource{resourceBase: resourceBase{name: "twiml_app",
		plan: planSteps{kept: "Twilio TwiML app", keptLabel: "friendly_name", account: fixedAccountSID}}}
	r.accountObject = accountObject[twimlAppModel, twilioclient.Application]{base: &r.resourceBase,
		noun: "TwiML application", kept: "TwiML application",
		byKey: (*twilioclient.Client).FindApplication, prefix: "AP",
		create: r.create,
		flatten: flattenPlain(func(a *twilioclient.Application, m *twimlAppModel) {
			flattenTwimlApp(a, m)
			// A state from before skip_destroy reads as false, the default.
			m.SkipDestroy = falseWhenNull(m.SkipDestroy)
		}),
		// Every field is sent, not only the changed ones: a Console edit the plan is reverting may touch any
		// of them, and Twilio treats the update as idempotent.
		update: func(ctx context.Context, c *twilioclient.Client, plan, state *twimlAppModel) (*twilioclient.Application, error) {
			return c.UpdateApplication(ctx, state.AccountSID.ValueString(), state.SID.ValueString(), expandTwimlAppUpdate(plan))
		},
		// NOTE: Twilio unhooks a deleted application from the numbers that used it; those numbers then answer
		// with their own URLs, if any.
		remove: removeByKey[twimlAppModel]((*twilioclient.Client).DeleteApplication),
	}
	return r
}

type twimlAppResource struct {
	resourceBase
	accountObject[twimlAppModel, twilioclient.Application]
}

type twimlAppModel struct {
	accountObjectFields
	FriendlyName                    types.String   `tfsdk:"friendly_name"`
	VoiceURL                        types.String   `tfsdk:"voice_url"`
	VoiceMethod                     types.String   `tfsdk:"voice_method"`
	VoiceFallbackURL                types.String   `tfsdk:"voice_fallback_url"`
	VoiceFallbackMethod             types.String   `tfsdk:"voice_fallback_method"`
	StatusCallback                  types.String   `tfsdk:"status_callback"`
	StatusCallbackMethod            types.String   `tfsdk:"status_callback_method"`
	VoiceCallerIDLookup             types.Bool     `tfsdk:"voice_caller_id_lookup"`
	SMSURL                          types.String   `tfsdk:"sms_url"`
	SMSMethod                       types.String   `tfsdk:"sms_method"`
	SMSFallbackURL                  types.String   `tfsdk:"sms_fallback_url"`
	SMSFallbackMethod               types.String   `tfsdk:"sms_fallback_method"`
	SMSStatusCallback               types.String   `tfsdk:"sms_status_callback"`
	MessageStatusCallback           types.String   `tfsdk:"message_status_callback"`
	PublicApplicationConnectEnabled types.Bool     `tfsdk:"public_application_connect_enabled"`
	SkipDestroy                     types.Bool     `tfsdk:"skip_destroy"`
	Timeouts                        timeouts.Value `tfsdk:"timeouts"`
}

func (r *twimlAppResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A TwiML application: a named set of voice and messaging webhooks that phone numbers " +
			"and the Voice SDKs (as the outgoing application of an access token) can point at, instead of each " +
			"number carrying its own URLs.\n\n" +
			"Every optional URL is managed: removing it from the configuration clears it in Twilio.",
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("AP", "TwiML application"),
			// NOTE: Twilio has no way to move an application to another account; a new account means a new app.
			"account_sid": accountSIDAttribute("TwiML application", stringplanmodifier.UseStateForUnknown(),
				stringplanmodifier.RequiresReplace()),
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "Name of the application, at most 64 characters.",
				Required:            true,
				Validators:          friendlyNameValidators(),
			},
			"voice_url": webhookURLAttribute("URL Twilio requests for TwiML when a call reaches the application " +
				"(an incoming call to a number using it, or an outgoing call from a Voice SDK client)."),
			"voice_method": httpMethodAttribute("HTTP method for `voice_url`."),
			"voice_fallback_url": webhookURLAttribute("URL Twilio requests when `voice_url` fails or returns " +
				"invalid TwiML."),
			"voice_fallback_method":  httpMethodAttribute("HTTP method for `voice_fallback_url`."),
			"status_callback":        webhookURLAttribute("URL Twilio notifies when a call using the application ends."),
			"status_callback_method": httpMethodAttribute("HTTP method for `status_callback`."),
			"voice_caller_id_lookup": falseByDefaultAttribute("Whether Twilio looks up the caller's name (CNAM) for incoming calls; each lookup " +
				"is charged. Defaults to `false`, Twilio's default."),
			"sms_url":             webhookURLAttribute("URL Twilio requests for TwiML when a message reaches the application."),
			"sms_method":          httpMethodAttribute("HTTP method for `sms_url`."),
			"sms_fallback_url":    webhookURLAttribute("URL Twilio requests when `sms_url` fails or returns invalid TwiML."),
			"sms_fallback_method": httpMethodAttribute("HTTP method for `sms_fallback_url`."),
			"sms_status_callback": webhookURLAttribute("URL Twilio notifies (with POST) of the status of messages " +
				"sent through the application's TwiML."),
			"message_status_callback": webhookURLAttribute("URL Twilio notifies (with POST) of the status of " +
				"messages sent through the Messages API that name this application."),
			"public_application_connect_enabled": falseByDefaultAttribute("Whether other Twilio accounts may dial this application with the `<Application>` " +
				"noun of `<Dial>`. Defaults to `false`."),
			"skip_destroy": falseByDefaultAttribute("When `true`, destroying the resource only removes it from the Terraform state and " +
				"the application stays in Twilio, so numbers and Voice SDK clients that use it keep working (Twilio " +
				"unhooks a deleted application from its numbers). Defaults to `false`."),
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

func (r *twimlAppResource) create(ctx context.Context, client *twilioclient.Client, plan *twimlAppModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	accountSID := plan.AccountSID.ValueString()
	name := plan.FriendlyName.ValueString()
	sent := expandTwimlAppUpdate(plan)
	app := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.Application]{
		kind: "twiml_app", scope: accountSID, name: name, what: fmt.Sprintf("an application named %q", name),
		summary: fmt.Sprintf("Creating TwiML application in account %s", accountSID),
		find: func(ctx context.Context, since time.Time) ([]twilioclient.Application, error) {
			return client.FindApplicationsCreatedSince(ctx, accountSID, name, since)
		},
		check: func(a *twilioclient.Application) candidate {
			var m twimlAppModel
			flattenTwimlApp(a, &m)
			return differsIf(*a.Sid, !reflect.DeepEqual(expandTwimlAppUpdate(&m), sent), "configuration (URLs, methods or flags)")
		},
	}, func(ctx context.Context) (*twilioclient.Application, error) {
		return client.CreateApplication(ctx, accountSID, expandTwimlAppCreate(plan))
	})
	// The create response carries every field, so no read-back is needed.
	r.finishCreate(ctx, app, plan, resp)
}

// expandTwimlAppCreate sends every planned value; unset URLs are simply left out, which is the same as
// empty for a new application.
func expandTwimlAppCreate(m *twimlAppModel) *twilioclient.CreateApplicationParams {
	p := &twilioclient.CreateApplicationParams{}
	p.SetFriendlyName(m.FriendlyName.ValueString())
	p.VoiceUrl = m.VoiceURL.ValueStringPointer()
	p.SetVoiceMethod(m.VoiceMethod.ValueString())
	p.VoiceFallbackUrl = m.VoiceFallbackURL.ValueStringPointer()
	p.SetVoiceFallbackMethod(m.VoiceFallbackMethod.ValueString())
	p.StatusCallback = m.StatusCallback.ValueStringPointer()
	p.SetStatusCallbackMethod(m.StatusCallbackMethod.ValueString())
	p.SetVoiceCallerIdLookup(m.VoiceCallerIDLookup.ValueBool())
	p.SmsUrl = m.SMSURL.ValueStringPointer()
	p.SetSmsMethod(m.SMSMethod.ValueString())
	p.SmsFallbackUrl = m.SMSFallbackURL.ValueStringPointer()
	p.SetSmsFallbackMethod(m.SMSFallbackMethod.ValueString())
	p.SmsStatusCallback = m.SMSStatusCallback.ValueStringPointer()
	p.MessageStatusCallback = m.MessageStatusCallback.ValueStringPointer()
	p.SetPublicApplicationConnectEnabled(m.PublicApplicationConnectEnabled.ValueBool())
	return p
}

// expandTwimlAppUpdate sends every field; a URL that is null in the plan is sent empty, which clears it.
func expandTwimlAppUpdate(m *twimlAppModel) *twilioclient.UpdateApplicationParams {
	p := &twilioclient.UpdateApplicationParams{}
	p.SetFriendlyName(m.FriendlyName.ValueString())
	p.VoiceUrl = clearable(m.VoiceURL)
	p.SetVoiceMethod(m.VoiceMethod.ValueString())
	p.VoiceFallbackUrl = clearable(m.VoiceFallbackURL)
	p.SetVoiceFallbackMethod(m.VoiceFallbackMethod.ValueString())
	p.StatusCallback = clearable(m.StatusCallback)
	p.SetStatusCallbackMethod(m.StatusCallbackMethod.ValueString())
	p.SetVoiceCallerIdLookup(m.VoiceCallerIDLookup.ValueBool())
	p.SmsUrl = clearable(m.SMSURL)
	p.SetSmsMethod(m.SMSMethod.ValueString())
	p.SmsFallbackUrl = clearable(m.SMSFallbackURL)
	p.SetSmsFallbackMethod(m.SMSFallbackMethod.ValueString())
	p.SmsStatusCallback = clearable(m.SMSStatusCallback)
	p.MessageStatusCallback = clearable(m.MessageStatusCallback)
	p.SetPublicApplicationConnectEnabled(m.PublicApplicationConnectEnabled.ValueBool())
	return p
}

func flattenTwimlApp(a *twilioclient.Application, m *twimlAppModel) {
	m.SID = stringValue(a.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(a.AccountSid)
	m.FriendlyName = stringValue(a.FriendlyName)
	m.VoiceURL = optionalString(a.VoiceUrl)
	m.VoiceMethod = twimlAppMethod(a.VoiceMethod)
	m.VoiceFallbackURL = optionalString(a.VoiceFallbackUrl)
	m.VoiceFallbackMethod = twimlAppMethod(a.VoiceFallbackMethod)
	m.StatusCallback = optionalString(a.StatusCallback)
	m.StatusCallbackMethod = twimlAppMethod(a.StatusCallbackMethod)
	m.VoiceCallerIDLookup = types.BoolValue(a.VoiceCallerIdLookup != nil && *a.VoiceCallerIdLookup)
	m.SMSURL = optionalString(a.SmsUrl)
	m.SMSMethod = twimlAppMethod(a.SmsMethod)
	m.SMSFallbackURL = optionalString(a.SmsFallbackUrl)
	m.SMSFallbackMethod = twimlAppMethod(a.SmsFallbackMethod)
	m.SMSStatusCallback = optionalString(a.SmsStatusCallback)
	m.MessageStatusCallback = optionalString(a.MessageStatusCallback)
	m.PublicApplicationConnectEnabled = types.BoolValue(a.PublicApplicationConnectEnabled != nil && *a.PublicApplicationConnectEnabled)
	m.DateCreated = stringValue(a.DateCreated)
}

// twimlAppMethod maps a webhook method; Twilio uses POST when none is set, so a missing one reads as POST
// rather than as a change against the default.
func twimlAppMethod(p *string) types.String {
	if p == nil || *p == "" {
		return types.StringValue("POST")
	}
	return types.StringValue(*p)
}
