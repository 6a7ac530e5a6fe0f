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

// sidValidator checks a Twilio SID by sids.Check: its prefix, its digits, and lower case.
func sidValidator(prefix string) validator.String { return sidCheck{prefix: prefix} }

type sidCheck struct{ prefix string }

func (v sidCheck) Description(context.Context) string {
	return "must be a Twilio SID: " + sids.Shape(v.prefix)
}

func (v sidCheck) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v sidCheck) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); sids.Check(v.prefix, s) != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Twilio SID",
			fmt.Sprintf("%s %s, got %q.", req.Path, sids.Check(v.prefix, s), s))
	}
}

var e164Pattern = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// e164Validator checks a phone number in E.164 form, e.g. +14155550100.
type e164Validator struct{}

func (e164Validator) Description(context.Context) string {
	return "must be a phone number in E.164 form: + followed by 7 to 15 digits, e.g. +14155550100"
}

func (v e164Validator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v e164Validator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); !e164Pattern.MatchString(s) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid phone number",
			fmt.Sprintf("%s %s, got %q.", req.Path, v.Description(ctx), s))
	}
}

// webhookURLValidator checks a URL Twilio will call: absolute http or https. Twilio accepts http://, so it
// is a warning, not an error: Twilio would send call and message data (numbers, recordings' URLs) in
// clear. Diagnostics never repeat the URL: webhook URLs often carry basic-auth credentials
// (https://user:password@host/...), which Twilio supports for authenticating its requests.
type webhookURLValidator struct{}

func (webhookURLValidator) Description(context.Context) string {
	return "must be an absolute http:// or https:// URL"
}

func (v webhookURLValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v webhookURLValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	u, err := url.Parse(req.ConfigValue.ValueString())
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL",
			fmt.Sprintf("%s %s, such as https://voice.example.com/twiml (the value is not repeated here, as "+
				"it may hold credentials).", req.Path, v.Description(ctx)))
		return
	}
	if u.Scheme == "http" {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Unencrypted webhook URL",
			fmt.Sprintf("%s is an http:// URL: Twilio will send its requests, with the caller's and callee's "+
				"numbers and any basic-auth credentials in the URL, unencrypted. Use https:// unless the "+
				"endpoint cannot serve it.", req.Path))
	}
}

// baseURLValidator applies the client layer's rule for the emulator override at plan time.
type baseURLValidator struct{}

func (baseURLValidator) Description(context.Context) string {
	return "must be an https:// URL, or an http:// URL to a loopback address"
}

func (v baseURLValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v baseURLValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := twilioclient.ValidateBaseURL(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Twilio base URL", err.Error()+".")
	}
}

// routingValidator checks a region (edge false) or an edge against the values Twilio serves, at validate
// time; the pair and the environment variables are checked again when the provider is configured.
type routingValidator struct{ edge bool }

func (v routingValidator) Description(context.Context) string {
	if v.edge {
		return "must be a Twilio edge location: " + strings.Join(twilioregion.Edges(), ", ")
	}
	return "must be a Twilio processing region: " + strings.Join(twilioregion.Regions(), ", ")
}

func (v routingValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v routingValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	region, edge, what := req.ConfigValue.ValueString(), "", "region"
	if v.edge {
		region, edge, what = "", region, "edge"
	}
	if _, _, err := twilioregion.Resolve(region, edge); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Twilio "+what, err.Error()+".")
	}
}
