package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// A number's address (what its country requires on file), identity, and emergency address: set in the
// purchase request itself, checked at plan time where the provider can know, and removed before release
// (Twilio does not release a number that still has an emergency address).

var incomingNumberAddressAttributes = map[string]schema.Attribute{
	"address_sid": incomingNumberSIDAttribute("AD", "address (`twilio_address`) on file for the number, in the "+
		"number's account. Numbers of many countries need one before Twilio sells them (error 21631, or 21615 for "+
		"an address outside the number's country): see `address_requirements` here and in "+
		"`twilio_available_phone_numbers`. It is sent in the purchase request itself"),
	"identity_sid": incomingNumberSIDAttribute("RI", "identity (end user) some countries require for the number"),
	"emergency_address_sid": incomingNumberSIDAttribute("AD", "emergency address: an emergency-enabled "+
		"`twilio_address` of the number's account, registered for emergency calls from the number (in the US, "+
		"Canada and the UK an emergency call from a number without one costs a fee). Twilio registers it "+
		"asynchronously (`emergency_address_status`). To change it, the provider removes the current one and waits "+
		"until Twilio reports it `unregistered` before setting the new one, as Twilio's procedure says; a move to "+
		"another account does the same. Twilio does not release a number that has one, so destroying the resource "+
		"removes it and waits for `unregistered` first. Those waits count against the resource's `timeouts`"),
	"emergency_status": schema.StringAttribute{
		MarkdownDescription: "Whether the number can place emergency calls, as Twilio reports it: `Active` or " +
			"`Inactive`.",
		Computed:      true,
		PlanModifiers: []planmodifier.String{keepWhileEmergencyAddressSame{}},
	},
	"emergency_address_status": schema.StringAttribute{
		MarkdownDescription: "Registration of the emergency address, as Twilio reports it: `registered`, " +
			"`unregistered`, `pending-registration`, `registration-failure`, `pending-unregistration` or " +
			"`unregistration-failure`. Right after a change it is usually pending (the apply warns); a refresh " +
			"reports the outcome.",
		Computed:      true,
		PlanModifiers: []planmodifier.String{keepWhileEmergencyAddressSame{}},
	},
	"address_requirements": stableComputedAttribute("What address the number needs on file, as Twilio reports it: `none`, `any`, `local` " +
		"(in the number's country) or `foreign` (outside it)."),
}

// keepWhileEmergencyAddressSame keeps the emergency statuses from the state unless emergency_address_sid
// changes (then Twilio reports new ones, unknown until applied) or a registration is pending (Twilio may
// finish it before the apply answers).
type keepWhileEmergencyAddressSame struct{}

func (keepWhileEmergencyAddressSame) Description(context.Context) string {
	return "Unchanged unless emergency_address_sid changes or a registration is pending."
}

func (m keepWhileEmergencyAddressSame) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (keepWhileEmergencyAddressSame) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || !req.PlanValue.IsUnknown() || req.Plan.Raw.IsNull() ||
		strings.HasPrefix(req.StateValue.ValueString(), "pending-") {
		return
	}
	var planned, prior types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("emergency_address_sid"), &planned)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("emergency_address_sid"), &prior)...)
	if !planned.IsUnknown() && planned.ValueString() == prior.ValueString() {
		resp.PlanValue = req.StateValue
	}
}

func flattenIncomingNumberAddresses(n *twilioclient.IncomingNumber, m *incomingNumberModel) {
	m.AddressSID = optionalString(n.AddressSid)
	m.IdentitySID = optionalString(n.IdentitySid)
	m.EmergencyAddressSID = optionalString(n.EmergencyAddressSid)
	m.EmergencyStatus = stringValue(n.EmergencyStatus)
	m.EmergencyAddrStatus = stringValue(n.EmergencyAddressStatus)
	m.AddressRequirements = stringValue(n.AddressRequirements)
}

// checkIncomingNumberAddresses refuses, at plan time, addresses the purchase or update would be refused
// for, when their SIDs are known: an address of another account (numbers can use only their own account's
// addresses), an address outside the country of a number bought already that needs a local one, and an
// emergency address that is not emergency-enabled. One GET per changed address; a
// failed look-up leaves the decision to the apply.
func (r *incomingNumberResource) checkIncomingNumberAddresses(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || !r.data.known() {
		return
	}
	// Most numbers use no address: two attributes tell, where reading the whole plan and state (every plan
	// of every number) cost a tenth of a number's plan in the framework's reflection.
	var address, emergency types.String
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("address_sid"), &address)...)
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("emergency_address_sid"), &emergency)...)
	if resp.Diagnostics.HasError() || address.ValueString() == "" && emergency.ValueString() == "" {
		return
	}
	var plan, state incomingNumberModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	if resp.Diagnostics.HasError() || plan.AccountSID.IsUnknown() {
		return
	}
	account := plan.AccountSID.ValueString()
	for _, c := range []struct {
		attr        string
		planned     types.String
		prior       types.String
		emergency   bool
		description string
	}{
		{"address_sid", plan.AddressSID, state.AddressSID, false, "address"},
		{"emergency_address_sid", plan.EmergencyAddressSID, state.EmergencyAddressSID, true, "emergency address"},
	} {
		sid := c.planned.ValueString()
		if c.planned.IsUnknown() || sid == "" || (sid == c.prior.ValueString() && account == state.AccountSID.ValueString()) {
			continue
		}
		a, err := r.data.client.FindAddress(ctx, account, sid)
		switch {
		case twilioclient.IsNotFound(err):
			resp.Diagnostics.AddAttributeError(path.Root(c.attr), "Address not in the number's account",
				fmt.Sprintf("%s %s is no address of account %s, which owns (or will own) the number. A number can only "+
					"use addresses of its own account: create the twilio_address with account_sid = %q.",
					c.attr, sid, account, account))
		case err != nil:
			continue
		case !c.emergency && state.AddressRequirements.ValueString() == "local" &&
			!slices.Contains(numberCountries(plan.PhoneNumber.ValueString()), deref(a.IsoCountry)) &&
			numberCountries(plan.PhoneNumber.ValueString()) != nil:
			// Known only for a number already bought: Twilio reports the requirement on the number.
			resp.Diagnostics.AddAttributeError(path.Root(c.attr), "Address in another country",
				fmt.Sprintf("%s needs an address in its own country (address_requirements = \"local\"), and "+
					"address %s is in %s. Use a twilio_address with iso_country = %q.", plan.PhoneNumber.ValueString(),
					sid, deref(a.IsoCountry), numberCountries(plan.PhoneNumber.ValueString())[0]))
		case c.emergency && (a.EmergencyEnabled == nil || !*a.EmergencyEnabled):
			resp.Diagnostics.AddAttributeError(path.Root(c.attr), "Address is not emergency-enabled",
				fmt.Sprintf("Address %s cannot be an emergency address: its emergency_enabled is false. Set "+
					"emergency_enabled = true on the twilio_address (Twilio then validates it for emergency calls), "+
					"or use another address.", sid))
		}
	}
}

// incomingNumberAddressError points a refused purchase, update or move at address_sid when Twilio says the
// number needs an address (21631; 21613 for a move, https://www.twilio.com/docs/errors/21613) or one in
// its own country (21615). It reports false for other errors.
func incomingNumberAddressError(err error, summary, detail string, diags *diag.Diagnostics) bool {
	if !twilioclient.IsCode(err, 21631) && !twilioclient.IsCode(err, 21615) && !twilioclient.IsCode(err, 21613) {
		return false
	}
	diags.AddAttributeError(path.Root("address_sid"), summary, detail)
	return true
}
