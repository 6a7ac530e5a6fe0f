package provider

import (
	"errors"

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
