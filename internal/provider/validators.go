package provider

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// stringCheck is a plan-time string validator made of its description and a check of the configured text;
// a null or unknown value passes (an unknown one is checked once it is known). The check reports its own
// attribute error.
type stringCheck struct {
	description string
	check       func(req validator.StringRequest, resp *validator.StringResponse)
}

func (v stringCheck) Description(context.Context) string         { return v.description }
func (v stringCheck) MarkdownDescription(context.Context) string { return v.description }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	v.check(req, resp)
}

// The provider's own string validators, each a stringCheck: its description and the check of a configured
// value.

// sidValidator checks a Twilio SID by sids.Check: its prefix, its digits, and lower case.
func sidValidator(prefix string) validator.String {
	return stringCheck{description: "must be a Twilio SID: " + sids.Shape(prefix), check: func(req validator.StringRequest, resp *validator.StringResponse) {
		if s := req.ConfigValue.ValueString(); sids.Check(prefix, s) != nil {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid Twilio SID",
				fmt.Sprintf("%s %s, got %q.", req.Path, sids.Check(prefix, s), s))
		}
	}}
}

var e164Pattern = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

const e164Description = "must be a phone number in E.164 form: + followed by 7 to 15 digits, e.g. +14155550100"

// e164Validator checks a phone number in E.164 form, e.g. +14155550100.
var e164Validator = stringCheck{description: e164Description, check: func(req validator.StringRequest, resp *validator.StringResponse) {
	if s := req.ConfigValue.ValueString(); !e164Pattern.MatchString(s) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid phone number",
			fmt.Sprintf("%s %s, got %q.", req.Path, e164Description, s))
	}
}}

const webhookURLDescription = "must be an absolute http:// or https:// URL"

// webhookURLValidator checks a URL Twilio will call: absolute http or https. Twilio accepts http://, so it
// is a warning, not an error: Twilio would send call and message data (numbers, recordings' URLs) in
// clear. Diagnostics never repeat the URL: webhook URLs often carry basic-auth credentials
// (https://user:password@host/...), which Twilio supports for authenticating its requests.
var webhookURLValidator = stringCheck{description: webhookURLDescription, check: func(req validator.StringRequest, resp *validator.StringResponse) {
	u, err := url.Parse(req.ConfigValue.ValueString())
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL",
			fmt.Sprintf("%s %s, such as https://voice.example.com/twiml (the value is not repeated here, as "+
				"it may hold credentials).", req.Path, webhookURLDescription))
		return
	}
	if u.Scheme == "http" {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Unencrypted webhook URL",
			fmt.Sprintf("%s is an http:// URL: Twilio will send its requests, with the caller's and callee's "+
				"numbers and any basic-auth credentials in the URL, unencrypted. Use https:// unless the "+
				"endpoint cannot serve it.", req.Path))
	}
}}

// baseURLValidator applies the client layer's rule for the emulator override at plan time.
var baseURLValidator = stringCheck{description: "must be an https:// URL, or an http:// URL to a loopback address",
	check: func(req validator.StringRequest, resp *validator.StringResponse) {
		if err := twilioclient.ValidateBaseURL(req.ConfigValue.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid Twilio base URL", err.Error()+".")
		}
	}}

// routingValidator checks a region (edge false) or an edge against the values Twilio serves, at validate
// time; the pair and the environment variables are checked again when the provider is configured.
func routingValidator(edge bool) validator.String {
	description, what := "must be a Twilio processing region: "+strings.Join(twilioregion.Regions(), ", "), "region"
	if edge {
		description, what = "must be a Twilio edge location: "+strings.Join(twilioregion.Edges(), ", "), "edge"
	}
	return stringCheck{description: description, check: func(req validator.StringRequest, resp *validator.StringResponse) {
		region, e := req.ConfigValue.ValueString(), ""
		if edge {
			region, e = "", region
		}
		if _, _, err := twilioregion.Resolve(region, e); err != nil {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid Twilio "+what, err.Error()+".")
		}
	}}
}
