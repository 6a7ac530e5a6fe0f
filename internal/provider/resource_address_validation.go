package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// maxEmergencyFriendlyName is Twilio's limit for an emergency address's friendly name: "up to 64
// characters long for Regulatory Compliance addresses and 32 characters long for Emergency addresses"
// (FriendlyName of UpdateAddress, api v2010). CreateAddress states only 64, but the provider sends the
// friendly name with every update, so a longer name on an emergency address would be refused by the first
// update after the create: it is refused before the create too.
const maxEmergencyFriendlyName = 32

// checkEmergencyFriendlyName refuses, at plan time, a friendly name Twilio would refuse for an emergency
// address, when the plan creates the address or changes its name or emergency_enabled. A destroy, or a plan
// that leaves both as they are (an address made in the Console with a longer name and imported), is never
// blocked by it.
func checkEmergencyFriendlyName(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan addressModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !plan.EmergencyEnabled.ValueBool() || plan.FriendlyName.IsUnknown() {
		return
	}
	if !req.State.Raw.IsNull() {
		var state addressModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if resp.Diagnostics.HasError() || (state.FriendlyName.Equal(plan.FriendlyName) && state.EmergencyEnabled.Equal(plan.EmergencyEnabled)) {
			return
		}
	}
	if n := utf8.RuneCountInString(plan.FriendlyName.ValueString()); n > maxEmergencyFriendlyName {
		resp.Diagnostics.AddAttributeError(path.Root("friendly_name"), "Friendly name too long for an emergency address",
			fmt.Sprintf("friendly_name has %d characters; Twilio allows at most %d for an address with "+
				"emergency_enabled = true (64 for other addresses). Shorten it.", n, maxEmergencyFriendlyName))
	}
}

// addressSuggestionFields maps the fields of Twilio's 21629 suggestion to the attributes that hold them.
var addressSuggestionFields = []struct{ field, attr string }{
	{"CustomerName", "customer_name"}, {"Street", "street"}, {"Locality", "city"}, {"Region", "region"},
	{"PostalCode", "postal_code"}, {"IsoCountry", "iso_country"},
}

// addressSuggestionError turns Twilio's 21629 (the address nearly matches a valid one and
// auto_correct_address is false) into errors at the attributes whose value differs from Twilio's suggestion,
// each naming the suggested value, so the fix is where the error points. Twilio writes the suggestion into
// the message: "Failed to validate address. Check the suggested address. | FriendlyName: …, Street: …, …"
// (https://www.twilio.com/docs/sip-trunking/api/emergency-calling). It reports false for other errors.
func addressSuggestionError(err error, plan *addressModel, summary string, diags *diag.Diagnostics) bool {
	var te *twilioclient.Error
	if !twilioclient.IsCode(err, 21629) || !errors.As(err, &te) {
		return false
	}
	suggested := parseAddressSuggestion(te.Message)
	have := map[string]string{"customer_name": plan.CustomerName.ValueString(), "street": plan.Street.ValueString(),
		"city": plan.City.ValueString(), "region": plan.Region.ValueString(), "postal_code": plan.PostalCode.ValueString(),
		"iso_country": plan.IsoCountry.ValueString()}
	fix := "Write the suggested value in the configuration if it is the right address, or set " +
		"auto_correct_address = true to let Twilio store its correction (the next plan then shows it as a change)."
	pointed := false
	for _, f := range addressSuggestionFields {
		v, ok := suggested[f.field]
		if !ok || strings.EqualFold(strings.TrimSpace(v), strings.TrimSpace(have[f.attr])) {
			continue
		}
		pointed = true
		diags.AddAttributeError(path.Root(f.attr), summary,
			fmt.Sprintf("Twilio could not validate the address as written and suggests %s = %q instead of %q. %s\n\n%s",
				f.attr, v, have[f.attr], fix, errorDetail(err)))
	}
	if !pointed {
		diags.AddAttributeError(path.Root("street"), summary,
			fmt.Sprintf("Twilio could not validate the address as written and suggests another form of it. %s\n\n%s",
				fix, errorDetail(err)))
	}
	return true
}

// parseAddressSuggestion reads the "Key: value, Key: value" list after the "|" of a 21629 message.
func parseAddressSuggestion(msg string) map[string]string {
	_, list, ok := strings.Cut(msg, "|")
	if !ok {
		return nil
	}
	out := map[string]string{}
	key := ""
	for _, part := range strings.Split(list, ",") {
		k, v, ok := strings.Cut(part, ":")
		if k = strings.TrimSpace(k); ok && k != "" && !strings.Contains(k, " ") {
			key = k
			out[key] = strings.TrimSpace(v)
		} else if key != "" {
			// A comma inside a value (a street such as "1 Main St, Suite 2").
			out[key] += "," + part
		}
	}
	return out
}
