package provider

import (
	"errors"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// stringValue maps an optional API string to a Terraform string; Twilio's null and "" both mean "not
// set", and both become "" so a plan never flips between them.
func stringValue(p *string) types.String {
	if p == nil {
		return types.StringValue("")
	}
	return types.StringValue(*p)
}

// optionalString maps an optional API string to null when empty, for attributes that are null in
// configuration when unset.
func optionalString(p *string) types.String {
	if p == nil || *p == "" {
		return types.StringNull()
	}
	return types.StringValue(*p)
}

// errorDetail is the detail of a diagnostic for a failed Twilio call: what Twilio said, plus where to
// look it up.
func errorDetail(err error) string {
	var te *twilioclient.Error
	if errors.As(err, &te) {
		return te.Error()
	}
	return "The request to Twilio failed: " + err.Error()
}

// deref is the value of an optional string Twilio returns, empty when absent.
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// timeValue is a date Twilio returns parsed (Studio, Serverless, Numbers) as RFC 3339 in UTC, null when absent.
func timeValue(t *time.Time) types.String {
	if t == nil || t.IsZero() {
		return types.StringNull()
	}
	return types.StringValue(t.UTC().Format(time.RFC3339))
}
