package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// The plan-time checks of a number's regulatory bundle: Twilio refuses a purchase under a bundle that is
// not approved, not of the number's account or not for its country (21649), and a plan that says so
// costs nothing, while an apply may already have made the subaccount or other numbers.

// checkIncomingNumberBundle fails the plan, pointing at bundle_sid, when a new or changed bundle_sid is
// known and its bundle cannot serve the number: not a bundle of the number's account, not approved, or
// for another country (or, for a purchase by area code, another number type than local). Values unknown
// at plan time (a clone made in the same apply, a new subaccount) and failed look-ups are left to the
// apply, where Twilio answers for itself.
func (r *incomingNumberResource) checkIncomingNumberBundle(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || !r.data.known() {
		return
	}
	var bundle, account, phone, area, country, stateBundle, stateAccount types.String
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("bundle_sid"), &bundle)...)
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("account_sid"), &account)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("phone_number"), &phone)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("area_code"), &area)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("country"), &country)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("bundle_sid"), &stateBundle)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("account_sid"), &stateAccount)...)
		if phone.IsNull() {
			resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("phone_number"), &phone)...)
		}
	}
	if !resp.Diagnostics.HasError() {
		checkMoveKeepsBundle(phone, bundle, account, stateBundle, stateAccount, &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() || bundle.IsNull() || bundle.IsUnknown() || account.IsUnknown() || account.IsNull() ||
		bundle.Equal(stateBundle) && account.Equal(stateAccount) {
		return
	}
	b, err := r.data.client.FindBundle(ctx, account.ValueString(), bundle.ValueString())
	switch {
	case twilioclient.IsNotFound(err):
		resp.Diagnostics.AddAttributeError(path.Root("bundle_sid"), "Regulatory bundle not in the number's account",
			fmt.Sprintf("Bundle %s is not a bundle of account %s, which the number belongs to (or it does not "+
				"exist). Twilio takes only a bundle of the number's own account; to use the main account's bundle "+
				"in a subaccount, clone it there with twilio_bundle_clone and set bundle_sid to the clone's sid. "+
				"Nothing was bought or moved.", bundle.ValueString(), account.ValueString()))
		return
	case err != nil:
		return // the apply reports whatever Twilio answers
	}
	checkBundleFitsNumber(b, phone, area, country, &resp.Diagnostics)
}

// checkBundleFitsNumber reports a bundle that is not approved or whose regulation is for another country
// or number type than the number's, where the configuration tells them.
func checkBundleFitsNumber(b *twilioclient.Bundle, phone, area, country types.String, diags *diag.Diagnostics) {
	if !bundleUsable(b.Status) {
		diags.AddAttributeError(path.Root("bundle_sid"), "Regulatory bundle not approved",
			fmt.Sprintf("Bundle %s (%q) is %s, not twilio-approved: Twilio refuses numbers under it (error 21649). "+
				"Wait for Twilio's review to approve it, or use an approved bundle. Nothing was bought.",
				b.SID, b.FriendlyName, b.Status))
		return
	}
	if !checkBundleNotExpired(b, time.Now(), diags) {
		return
	}
	if b.IsoCountry == "" {
		return
	}
	var countries []string
	switch {
	case !phone.IsNull() && !phone.IsUnknown():
		countries = numberCountries(phone.ValueString())
	case !area.IsNull() && !area.IsUnknown() && !country.IsUnknown():
		countries = []string{incomingNumberCountry(country)}
	}
	if countries != nil && !slices.Contains(countries, b.IsoCountry) {
		diags.AddAttributeError(path.Root("bundle_sid"), "Regulatory bundle for another country",
			fmt.Sprintf("Bundle %s (%q) is approved for %s %s numbers, but this number is in %s. Use a bundle "+
				"approved for the number's country. Nothing was bought.", b.SID, b.FriendlyName, b.IsoCountry,
				b.NumberType, strings.Join(countries[:min(len(countries), 2)], " or ")))
		return
	}
	// A purchase by area code outside North America buys a local number (pickAvailable).
	if !area.IsNull() && !area.IsUnknown() && phone.IsNull() && b.NumberType != "" &&
		b.NumberType != "local" && b.NumberType != "national" && !slices.Contains(nanp, incomingNumberCountry(country)) {
		diags.AddAttributeError(path.Root("bundle_sid"), "Regulatory bundle for another number type",
			fmt.Sprintf("Bundle %s (%q) is approved for %s %s numbers, but area_code buys a local number. Use a "+
				"bundle approved for local numbers. Nothing was bought.", b.SID, b.FriendlyName, b.IsoCountry, b.NumberType))
	}
}

// incomingNumberBundleError points a refused move at bundle_sid when Twilio refuses the number's bundle
// (21649, or 21650 which the client treats alike). It reports false for other errors.
func incomingNumberBundleError(err error, summary, detail string, diags *diag.Diagnostics) bool {
	if !twilioclient.IsCode(err, 21649) && !twilioclient.IsCode(err, 21650) {
		return false
	}
	diags.AddAttributeError(path.Root("bundle_sid"), summary, detail)
	return true
}

// checkMoveKeepsBundle fails the plan of a move that would leave a number that has a bundle (a regulated
// number) without one in the receiving account: the old account's bundle stays behind, and Twilio needs a
// bundle of the account "that will be receiving the phone number" in the move (Twilio support, "Move
// Phone Numbers Between Twilio Accounts and their Subaccounts"). A bundle_sid that is set is checked like
// any other (checkIncomingNumberBundle). A number of the +1 plan (the United States and Canada, whose
// numbers Twilio's regulatory guidelines leave without a bundle requirement) may carry a bundle it does not
// need; such a move is let through.
func checkMoveKeepsBundle(phone, bundle, account, stateBundle, stateAccount types.String, diags *diag.Diagnostics) {
	if !bundle.IsNull() || account.IsUnknown() || account.IsNull() || stateAccount.IsNull() ||
		account.Equal(stateAccount) || stateBundle.ValueString() == "" || strings.HasPrefix(phone.ValueString(), "+1") {
		return
	}
	diags.AddAttributeError(path.Root("bundle_sid"), "Moving a regulated number needs the new account's bundle",
		fmt.Sprintf("The number has regulatory bundle %s of account %s, and moving it to account %s needs a "+
			"twilio-approved bundle of account %s for the number's country and type: Twilio checks the receiving "+
			"account's compliance (error 21649). Set bundle_sid to such a bundle (twilio_bundle_clone copies one "+
			"into the account). Nothing was moved.", stateBundle.ValueString(), stateAccount.ValueString(),
			account.ValueString(), account.ValueString()))
}
