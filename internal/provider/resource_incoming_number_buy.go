package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Buying, adopting and moving numbers: the irreversible or billed side of twilio_incoming_number.

// pickAvailable finds a number to buy outside the US and Canada, where Twilio's purchase call takes no area
// code: it searches the country's local numbers and takes the first whose national number starts with it.
func (r *incomingNumberResource) pickAvailable(ctx context.Context, client *twilioclient.Client, account, country, area string, diags *diag.Diagnostics) (string, bool) {
	found, err := client.SearchAvailableNumbers(ctx, account, twilioclient.AvailableNumberQuery{
		Country: country, Type: twilioclient.NumberTypeLocal, Contains: area, Limit: 50,
	})
	if err != nil {
		diags.AddAttributeError(path.Root("area_code"), fmt.Sprintf("Searching Twilio for numbers in %s area code %s", country, area),
			errorDetail(err)+"\n\nCheck that country is a country where Twilio sells local numbers.")
		return "", false
	}
	for _, a := range found {
		if a.PhoneNumber != nil && incomingNumberInArea(*a.PhoneNumber, country, area) {
			return *a.PhoneNumber, true
		}
	}
	diags.AddAttributeError(path.Root("area_code"), fmt.Sprintf("No Twilio numbers in %s area code %s", country, area),
		"Twilio offers no local number there right now. Try another area code, or buy a specific number with "+
			"phone_number.")
	return "", false
}

// adoptAfterLostAnswer handles a purchase whose outcome is unknown (timeout, reset, 5xx): when the account
// now owns the number (or, bought by area code, exactly one number of that area code bought since the
// request), the purchase went through and only the answer was lost, so the number is adopted instead of
// bought again (which would fail, or buy a second number). It returns nil when there
// is nothing to adopt (the caller then reports the original error), or after reporting why adopting failed.
func (r *incomingNumberResource) adoptAfterLostAnswer(ctx context.Context, client *twilioclient.Client, account, number, area string,
	since time.Time, want incomingNumberSettings, err error, diags *diag.Diagnostics,
) *twilioclient.IncomingNumber {
	if !twilioclient.IsAmbiguous(err) {
		return nil
	}
	var n *twilioclient.IncomingNumber
	var findErr error
	if number != "" {
		n, findErr = client.FindIncomingNumberByPhoneNumber(ctx, account, number)
	} else {
		// Bought by US or Canadian area code: the number is the one in that area code bought just now, if
		// there is exactly one.
		n, findErr = client.FindIncomingNumberCreatedSince(ctx, account, "+1"+area, want.friendlyName, since)
	}
	if findErr != nil {
		return nil
	}
	number = *n.PhoneNumber
	var found incomingNumberModel
	flattenIncomingNumber(n, &found)
	have := incomingNumberSettingsOf(&found)
	if want.friendlyName == "" {
		want.friendlyName = have.friendlyName
	}
	if params, changed := want.updateParams(have); changed {
		updated, upErr := client.UpdateIncomingNumber(ctx, account, *n.Sid, params)
		if upErr != nil {
			diags.AddError("Configuring Twilio phone number "+number,
				fmt.Sprintf("The answer to the purchase was lost (%s), but account %s owns %s (%s) now; configuring "+
					"it failed: %s\n\nImport it with the ID %s/%s and apply again.", err, account, number, *n.Sid,
					errorDetail(upErr), account, *n.Sid))
			return nil
		}
		n = updated
	}
	diags.AddWarning("Adopted Twilio phone number "+number,
		fmt.Sprintf("Twilio's answer to the purchase was lost (%s). Account %s owns %s (%s), so the purchase went "+
			"through: the number was recorded in the state instead of being bought again.", err, account, number, *n.Sid))
	return n
}

func moveIncomingNumber(ctx context.Context, client *twilioclient.Client, from, to, sid string) (*twilioclient.IncomingNumber, error) {
	params := &twilioclient.UpdateIncomingNumberParams{}
	params.SetAccountSid(to)
	n, err := client.UpdateIncomingNumber(ctx, from, sid, params)
	if twilioclient.IsNotFound(err) {
		// NOTE: a move retried after a lost answer finds the number gone from the old account.
		if moved, findErr := client.FindIncomingNumber(ctx, to, sid); findErr == nil {
			return moved, nil
		}
	}
	return n, err
}

// incomingNumberBuyHint adds what to do after a failed purchase.
func incomingNumberBuyHint(err error, what string) string {
	if hint := ambiguousCreateHint(err, "incoming_number", what); hint != "" {
		return hint
	}
	if twilioclient.IsStatus(err, http.StatusBadRequest) {
		return "\n\nNothing was bought. If the number or area code has no stock, choose another."
	}
	return ""
}

var nanpAreaCode = regexp.MustCompile(`^[2-9][0-9]{2}$`)

// incomingNumberCountry is the country an area code is in; unset means the US.
func incomingNumberCountry(v types.String) string {
	if v.IsNull() || v.IsUnknown() || v.ValueString() == "" {
		return "US"
	}
	return v.ValueString()
}

func incomingNumberNANP(country types.String) bool {
	c := incomingNumberCountry(country)
	return c == "US" || c == "CA"
}

// incomingNumberInArea reports whether an E.164 number lies in an area code. Outside the North American
// plan the country calling code is one to three digits, and the national number must start with the area
// code after it.
func incomingNumberInArea(number, country, area string) bool {
	if country == "US" || country == "CA" {
		return strings.HasPrefix(number, "+1"+area)
	}
	if strings.HasPrefix(number, "+1") {
		return false
	}
	for cc := 1; cc <= 3 && 1+cc < len(number); cc++ {
		if strings.HasPrefix(number[1+cc:], area) {
			return true
		}
	}
	return false
}
