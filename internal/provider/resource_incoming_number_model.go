package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The incoming number resource's type and model, which its CRUD file and the helper files around it
// (settings, address, bundle, emergency, purchase) all use: the family's base, so no helper reaches back
// into the CRUD file.

type incomingNumberResource struct {
	resourceBase
}

type incomingNumberModel struct {
	numberView
	ID                  types.String   `tfsdk:"id"`
	AreaCode            types.String   `tfsdk:"area_code"`
	Country             types.String   `tfsdk:"country"`
	AddressSID          types.String   `tfsdk:"address_sid"`
	IdentitySID         types.String   `tfsdk:"identity_sid"`
	EmergencyAddressSID types.String   `tfsdk:"emergency_address_sid"`
	EmergencyStatus     types.String   `tfsdk:"emergency_status"`
	EmergencyAddrStatus types.String   `tfsdk:"emergency_address_status"`
	AddressRequirements types.String   `tfsdk:"address_requirements"`
	SkipDestroy         types.Bool     `tfsdk:"skip_destroy"`
	Timeouts            timeouts.Value `tfsdk:"timeouts"`
}

// incomingNumberVoiceTargets are the attributes that say where calls go; a number has at most one.
var incomingNumberVoiceTargets = []string{"voice_url", "voice_application_sid", "studio_flow_sid", "trunk_sid"}

// incomingNumberCountry is the country an area code is in; unset means the US.
func incomingNumberCountry(v types.String) string {
	if v.IsNull() || v.IsUnknown() || v.ValueString() == "" {
		return "US"
	}
	return v.ValueString()
}

// nanp are the countries of the North American Numbering Plan (+1).
var nanp = []string{"US", "CA", "AG", "AI", "AS", "BB", "BM", "BS", "DM", "DO", "GD", "GU", "JM", "KN", "KY", "LC",
	"MP", "MS", "PR", "SX", "TC", "TT", "VC", "VG", "VI"}

// numberCountries are the countries an E.164 number can belong to; nil when the provider cannot tell.
func numberCountries(number string) []string {
	if strings.HasPrefix(number, "+1") {
		return nanp
	}
	for code, country := range callingCodes {
		if strings.HasPrefix(number, code) {
			return []string{country}
		}
	}
	return nil
}

// incomingNumberSIDAttribute is an optional reference to another Twilio object; removing it clears it.
func incomingNumberSIDAttribute(prefix, desc string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("SID (`%s…`) of the %s. Removing it from the configuration clears it in Twilio.", prefix, desc),
		Optional:            true,
		Validators:          append([]validator.String{sidValidator(prefix)}, validators...),
	}
}

// callingCodes map a country calling code to its country, for the countries whose code is theirs alone.
var callingCodes = map[string]string{
	"+44": "GB", "+353": "IE", "+61": "AU", "+64": "NZ", "+49": "DE", "+33": "FR", "+34": "ES", "+39": "IT",
	"+31": "NL", "+32": "BE", "+41": "CH", "+43": "AT", "+45": "DK", "+46": "SE", "+47": "NO", "+48": "PL",
	"+351": "PT", "+81": "JP", "+65": "SG", "+52": "MX", "+55": "BR", "+27": "ZA",
}
