package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// What the incoming number resource, its data source and the available-numbers data source say about a
// number, in one place: they read the same Twilio object and must read it the same way.

// numberCapabilityTypes are a number's capabilities.
var numberCapabilityTypes = map[string]attr.Type{
	"voice": types.BoolType, "sms": types.BoolType, "mms": types.BoolType, "fax": types.BoolType,
}

// numberCapabilities is the capabilities object; Twilio's incoming and available numbers carry the same
// four flags in two Go types.
func numberCapabilities(voice, sms, mms, fax bool) types.Object {
	return types.ObjectValueMust(numberCapabilityTypes, map[string]attr.Value{
		"voice": types.BoolValue(voice), "sms": types.BoolValue(sms), "mms": types.BoolValue(mms), "fax": types.BoolValue(fax),
	})
}

// numberCapabilitiesDataSourceAttribute is the capabilities object in a data source's schema.
func numberCapabilitiesDataSourceAttribute() dsschema.SingleNestedAttribute {
	return dsschema.SingleNestedAttribute{
		MarkdownDescription: "What the number can do.",
		Computed:            true,
		Attributes: map[string]dsschema.Attribute{
			"voice": computedBool("Receives and makes calls."),
			"sms":   computedBool("Receives and sends SMS."),
			"mms":   computedBool("Receives and sends MMS."),
			"fax":   computedBool("Receives and sends faxes."),
		},
	}
}

// numberView is the part of an incoming number the resource and the data source share, flattened once.
type numberView struct {
	SID                  types.String `tfsdk:"sid"`
	AccountSID           types.String `tfsdk:"account_sid"`
	PhoneNumber          types.String `tfsdk:"phone_number"`
	FriendlyName         types.String `tfsdk:"friendly_name"`
	VoiceURL             types.String `tfsdk:"voice_url"`
	VoiceMethod          types.String `tfsdk:"voice_method"`
	VoiceApplicationSID  types.String `tfsdk:"voice_application_sid"`
	StudioFlowSID        types.String `tfsdk:"studio_flow_sid"`
	TrunkSID             types.String `tfsdk:"trunk_sid"`
	VoiceFallbackURL     types.String `tfsdk:"voice_fallback_url"`
	VoiceFallbackMethod  types.String `tfsdk:"voice_fallback_method"`
	StatusCallback       types.String `tfsdk:"status_callback"`
	StatusCallbackMethod types.String `tfsdk:"status_callback_method"`
	VoiceCallerIDLookup  types.Bool   `tfsdk:"voice_caller_id_lookup"`
	SMSURL               types.String `tfsdk:"sms_url"`
	SMSMethod            types.String `tfsdk:"sms_method"`
	SMSFallbackURL       types.String `tfsdk:"sms_fallback_url"`
	SMSFallbackMethod    types.String `tfsdk:"sms_fallback_method"`
	SMSApplicationSID    types.String `tfsdk:"sms_application_sid"`
	BundleSID            types.String `tfsdk:"bundle_sid"`
	Capabilities         types.Object `tfsdk:"capabilities"`
	DateCreated          types.String `tfsdk:"date_created"`
}

// flatten copies Twilio's view of n. A voice URL that is the webhook of a Studio flow of the number's own
// account is that flow's binding: studio_flow_sid names it (a flow of another account would not run for
// this number). The data source shows both; the resource shows the one its configuration uses.
func (v *numberView) flatten(n *twilioclient.IncomingNumber) {
	v.SID = stringValue(n.Sid)
	v.AccountSID = stringValue(n.AccountSid)
	v.PhoneNumber = stringValue(n.PhoneNumber)
	v.FriendlyName = stringValue(n.FriendlyName)
	v.VoiceURL, v.StudioFlowSID = optionalString(n.VoiceUrl), types.StringNull()
	if account, flow, ok := twilioclient.ParseFlowWebhookURL(v.VoiceURL.ValueString()); ok && account == v.AccountSID.ValueString() {
		v.StudioFlowSID = types.StringValue(flow)
	}
	v.VoiceMethod = stringValue(n.VoiceMethod)
	v.VoiceApplicationSID = optionalString(n.VoiceApplicationSid)
	v.TrunkSID = optionalString(n.TrunkSid)
	v.VoiceFallbackURL = optionalString(n.VoiceFallbackUrl)
	v.VoiceFallbackMethod = stringValue(n.VoiceFallbackMethod)
	v.StatusCallback = optionalString(n.StatusCallback)
	v.StatusCallbackMethod = stringValue(n.StatusCallbackMethod)
	v.VoiceCallerIDLookup = types.BoolValue(n.VoiceCallerIdLookup != nil && *n.VoiceCallerIdLookup)
	v.SMSURL = optionalString(n.SmsUrl)
	v.SMSMethod = stringValue(n.SmsMethod)
	v.SMSFallbackURL = optionalString(n.SmsFallbackUrl)
	v.SMSFallbackMethod = stringValue(n.SmsFallbackMethod)
	v.SMSApplicationSID = optionalString(n.SmsApplicationSid)
	v.BundleSID = optionalString(n.BundleSid)
	var c twilioclient.IncomingNumberCapabilities
	if n.Capabilities != nil {
		c = *n.Capabilities
	}
	v.Capabilities = numberCapabilities(c.Voice, c.Sms, c.Mms, c.Fax)
	v.DateCreated = stringValue(n.DateCreated)
}
