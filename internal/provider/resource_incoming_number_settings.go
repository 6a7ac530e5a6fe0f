package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// incomingNumberSettings are a number's settings as Twilio stores them: "" is an unset URL or SID (and for
// friendly_name, Twilio's own name). Comparing the wanted settings with the current ones gives the one
// update request to send.
type incomingNumberSettings struct {
	friendlyName, voiceURL, voiceMethod, voiceApplicationSID, trunkSID          string
	voiceFallbackURL, voiceFallbackMethod, statusCallback, statusCallbackMethod string
	smsURL, smsMethod, smsFallbackURL, smsFallbackMethod, smsApplicationSID     string
	bundleSID                                                                   string
	// The number's regulatory and emergency references (resource_incoming_number_address.go).
	addressSID, identitySID, emergencyAddressSID string
	voiceCallerIDLookup                          bool
}

// incomingNumberSettingsOf is what a model asks of Twilio. A Studio flow is the voice URL Twilio knows it
// by; an unknown friendly_name (removed from the configuration) asks for Twilio's default name.
func incomingNumberSettingsOf(m *incomingNumberModel) incomingNumberSettings {
	s := incomingNumberSettings{
		friendlyName: m.FriendlyName.ValueString(), voiceURL: m.VoiceURL.ValueString(),
		voiceMethod: m.VoiceMethod.ValueString(), voiceApplicationSID: m.VoiceApplicationSID.ValueString(),
		trunkSID: m.TrunkSID.ValueString(), voiceFallbackURL: m.VoiceFallbackURL.ValueString(),
		voiceFallbackMethod: m.VoiceFallbackMethod.ValueString(), statusCallback: m.StatusCallback.ValueString(),
		statusCallbackMethod: m.StatusCallbackMethod.ValueString(), smsURL: m.SMSURL.ValueString(),
		smsMethod: m.SMSMethod.ValueString(), smsFallbackURL: m.SMSFallbackURL.ValueString(),
		smsFallbackMethod: m.SMSFallbackMethod.ValueString(), smsApplicationSID: m.SMSApplicationSID.ValueString(),
		voiceCallerIDLookup: m.VoiceCallerIDLookup.ValueBool(), bundleSID: m.BundleSID.ValueString(),
		addressSID:  m.AddressSID.ValueString(),
		identitySID: m.IdentitySID.ValueString(), emergencyAddressSID: m.EmergencyAddressSID.ValueString(),
	}
	if flow := m.StudioFlowSID.ValueString(); flow != "" {
		s.voiceURL = twilioclient.FlowWebhookURL(m.AccountSID.ValueString(), flow)
		s.voiceMethod = "POST"
	}
	return s
}

// createParams is the purchase request: every configured setting, so the number is never bought
// half-configured.
func (s incomingNumberSettings) createParams() *twilioclient.CreateIncomingNumberParams {
	p := &twilioclient.CreateIncomingNumberParams{}
	for _, f := range []struct {
		v   string
		set func(string) *twilioclient.CreateIncomingNumberParams
	}{
		{s.friendlyName, p.SetFriendlyName}, {s.voiceURL, p.SetVoiceUrl}, {s.voiceApplicationSID, p.SetVoiceApplicationSid},
		{s.trunkSID, p.SetTrunkSid}, {s.voiceFallbackURL, p.SetVoiceFallbackUrl}, {s.statusCallback, p.SetStatusCallback},
		{s.smsURL, p.SetSmsUrl}, {s.smsFallbackURL, p.SetSmsFallbackUrl}, {s.smsApplicationSID, p.SetSmsApplicationSid},
		{s.voiceMethod, p.SetVoiceMethod}, {s.voiceFallbackMethod, p.SetVoiceFallbackMethod},
		{s.statusCallbackMethod, p.SetStatusCallbackMethod}, {s.smsMethod, p.SetSmsMethod},
		{s.smsFallbackMethod, p.SetSmsFallbackMethod}, {s.bundleSID, p.SetBundleSid},
		{s.addressSID, p.SetAddressSid}, {s.identitySID, p.SetIdentitySid},
		{s.emergencyAddressSID, p.SetEmergencyAddressSid},
	} {
		if f.v != "" {
			f.set(f.v)
		}
	}
	if s.voiceCallerIDLookup {
		p.SetVoiceCallerIdLookup(true)
	}
	return p
}

// updateParams carries the settings that differ from have, with "" clearing a URL or SID (or restoring
// Twilio's name); changed is false when there is nothing to send.
func (s incomingNumberSettings) updateParams(have incomingNumberSettings) (p *twilioclient.UpdateIncomingNumberParams, changed bool) {
	p = &twilioclient.UpdateIncomingNumberParams{}
	for _, f := range []struct {
		want, have string
		set        func(string) *twilioclient.UpdateIncomingNumberParams
	}{
		{s.friendlyName, have.friendlyName, p.SetFriendlyName},
		{s.voiceURL, have.voiceURL, p.SetVoiceUrl},
		{s.voiceMethod, have.voiceMethod, p.SetVoiceMethod},
		{s.voiceApplicationSID, have.voiceApplicationSID, p.SetVoiceApplicationSid},
		{s.trunkSID, have.trunkSID, p.SetTrunkSid},
		{s.voiceFallbackURL, have.voiceFallbackURL, p.SetVoiceFallbackUrl},
		{s.voiceFallbackMethod, have.voiceFallbackMethod, p.SetVoiceFallbackMethod},
		{s.statusCallback, have.statusCallback, p.SetStatusCallback},
		{s.statusCallbackMethod, have.statusCallbackMethod, p.SetStatusCallbackMethod},
		{s.smsURL, have.smsURL, p.SetSmsUrl},
		{s.smsMethod, have.smsMethod, p.SetSmsMethod},
		{s.smsFallbackURL, have.smsFallbackURL, p.SetSmsFallbackUrl},
		{s.smsFallbackMethod, have.smsFallbackMethod, p.SetSmsFallbackMethod},
		{s.smsApplicationSID, have.smsApplicationSID, p.SetSmsApplicationSid},
		{s.bundleSID, have.bundleSID, p.SetBundleSid},
		{s.addressSID, have.addressSID, p.SetAddressSid},
		{s.identitySID, have.identitySID, p.SetIdentitySid},
		{s.emergencyAddressSID, have.emergencyAddressSID, p.SetEmergencyAddressSid},
	} {
		if f.want != f.have {
			f.set(f.want)
			changed = true
		}
	}
	if s.voiceCallerIDLookup != have.voiceCallerIDLookup {
		p.SetVoiceCallerIdLookup(s.voiceCallerIDLookup)
		changed = true
	}
	return p, changed
}

// flattenIncomingNumber copies Twilio's view of a number into m. A configuration that spells a Studio
// flow's webhook out as voice_url (m.VoiceURL is then already set) keeps it as voice_url.
func flattenIncomingNumber(n *twilioclient.IncomingNumber, m *incomingNumberModel) {
	voiceURLConfigured := !m.VoiceURL.IsNull()
	m.flatten(n)
	switch {
	case m.StudioFlowSID.IsNull():
	case voiceURLConfigured:
		m.StudioFlowSID = types.StringNull()
	default:
		m.VoiceURL = types.StringNull()
	}
	m.ID = m.SID
	flattenIncomingNumberAddresses(n, m)
}

// checkIncomingNumberTargets allows at most one voice target, with one error that names them. ValidateConfig
// checks known values (atPlan false); ModifyPlan checks again counting values not known yet, such as the
// SID of a flow created in the same apply (atPlan true), so that conflict fails the plan rather than the
// apply, after the flow was made. Validation cannot count unknowns: there, even a module's
// `cond ? value : null` is unknown.
func checkIncomingNumberTargets(cfg *incomingNumberModel, atPlan bool, diags *diag.Diagnostics) {
	values := map[string]types.String{
		"voice_url": cfg.VoiceURL, "voice_application_sid": cfg.VoiceApplicationSID,
		"studio_flow_sid": cfg.StudioFlowSID, "trunk_sid": cfg.TrunkSID,
	}
	var set []string
	unknown := false
	for _, name := range incomingNumberVoiceTargets {
		v := values[name]
		if v.IsNull() || (v.IsUnknown() && !atPlan) {
			continue
		}
		set = append(set, name)
		unknown = unknown || v.IsUnknown()
	}
	if len(set) < 2 || (atPlan && !unknown) {
		return // at plan time, known conflicts were reported by ValidateConfig already
	}
	detail := fmt.Sprintf("A number hands its calls to one target, but %s are set. Keep exactly one of "+
		"voice_url, voice_application_sid, studio_flow_sid and trunk_sid.", strings.Join(set, " and "))
	if !cfg.StudioFlowSID.IsNull() && !cfg.VoiceURL.IsNull() {
		detail += " A Studio flow is bound through the number's voice URL: with studio_flow_sid, the provider " +
			"sets voice_url to the flow's webhook itself, so remove voice_url."
	}
	diags.AddAttributeError(path.Root(set[len(set)-1]), "Conflicting voice targets", detail)
}

// incomingNumberNameKey is the private-state flag recording that friendly_name was configured at the last
// apply. Twilio names every number, so friendly_name is also computed; the flag tells "removed from the
// configuration" (restore Twilio's name) from "never configured" (keep whatever name the number has).
const incomingNumberNameKey = "friendly_name_configured"

type incomingNumberPrivateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

func setIncomingNumberNameConfigured(ctx context.Context, private incomingNumberPrivateSetter, configured bool) diag.Diagnostics {
	return private.SetKey(ctx, incomingNumberNameKey, fmt.Appendf(nil, "%t", configured))
}

// incomingNumberFriendlyNamePlan keeps the current name when friendly_name is not configured, and plans
// Twilio's default name (unknown until applied) once a configured name is removed.
type incomingNumberFriendlyNamePlan struct{}

func (incomingNumberFriendlyNamePlan) Description(context.Context) string {
	return "Keeps the number's name unless a configured friendly_name was removed."
}

func (m incomingNumberFriendlyNamePlan) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (incomingNumberFriendlyNamePlan) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || !req.ConfigValue.IsNull() {
		return
	}
	configured, diags := req.Private.GetKey(ctx, incomingNumberNameKey)
	resp.Diagnostics.Append(diags...)
	if string(configured) == "true" {
		// NOTE: the framework leaves a computed attribute at its prior value when nothing else changes, so
		// removing only friendly_name would plan nothing; unknown makes it an update that restores Twilio's
		// default name.
		resp.PlanValue = types.StringUnknown()
		return
	}
	if req.PlanValue.IsUnknown() {
		resp.PlanValue = req.StateValue
	}
}
