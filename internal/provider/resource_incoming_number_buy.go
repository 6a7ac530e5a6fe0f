package provider

import (
	"context"
	"errors"
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

// lostPurchase is how a purchase whose answer was lost (timeout, reset, 5xx, Ctrl-C after the request was
// sent) finds its number: the account owns it (or, bought by area code, one number of that area code),
// bought since the request with exactly the settings the request carried. Then the purchase went through
// and the number is adopted instead of bought again (which would fail, or buy a second number).
func (r *incomingNumberResource) lostPurchase(client *twilioclient.Client, account, number, area string,
	want incomingNumberSettings) lostCreate[twilioclient.IncomingNumber] {
	return lostCreate[twilioclient.IncomingNumber]{
		kind: "incoming_number",
		find: func(ctx context.Context, since time.Time) ([]twilioclient.IncomingNumber, error) {
			if number == "" {
				// Bought by US or Canadian area code: the number is one of that area code bought just now.
				return client.FindIncomingNumbersCreatedSince(ctx, account, "+1"+area, since)
			}
			n, err := client.FindIncomingNumberByPhoneNumber(ctx, account, number)
			if err != nil || !twilioclient.CreatedSince(n.DateCreated, since) {
				return nil, err
			}
			return []twilioclient.IncomingNumber{*n}, nil
		},
		check: func(n *twilioclient.IncomingNumber) candidate {
			return candidate{sid: *n.Sid, differs: incomingNumberDiffers(n, want)}
		},
	}
}

// incomingNumberDiffers names the first setting of n that is not what a purchase with want would have
// given it ("" when all match). Without a configured friendly_name, Twilio's default name is not compared.
func incomingNumberDiffers(n *twilioclient.IncomingNumber, want incomingNumberSettings) string {
	var m incomingNumberModel
	flattenIncomingNumber(n, &m)
	have := incomingNumberSettingsOf(&m)
	if want.friendlyName == "" {
		have.friendlyName = ""
	}
	if _, changed := want.updateParams(have); changed {
		return "configuration (name, URLs, methods or applications)"
	}
	return ""
}

// adoptRefusedNumber handles Twilio refusing to sell an exact number (error 21422, "PhoneNumber requested
// is not available", https://www.twilio.com/docs/errors/21422): Twilio gives the same answer whoever owns
// it, the configured account included. When that account owns it with exactly the configured settings,
// an earlier purchase by this configuration most likely went through and its answer was lost with the
// process (a crash, a killed CI runner); it is adopted with a warning. Otherwise the error says who owns
// it. It returns nil when the error is something else or after reporting it.
func (r *incomingNumberResource) adoptRefusedNumber(ctx context.Context, client *twilioclient.Client, account, number string,
	rec *createRecord, want incomingNumberSettings, summary string, err error, diags *diag.Diagnostics,
) *twilioclient.IncomingNumber {
	var te *twilioclient.Error
	if number == "" || !errors.As(err, &te) || te.Code != 21422 {
		return nil
	}
	n, ferr := client.FindIncomingNumberByPhoneNumber(ctx, account, number)
	switch {
	case ferr == nil && inFlight.overlapping(rec) > 0:
		diags.AddError(summary, fmt.Sprintf("%s\n\nAccount %s owns %s (%s), and another resource of this apply "+
			"was buying it at the same time: it belongs to that resource. Each number can be managed by one "+
			"resource only.", errorDetail(err), account, number, *n.Sid))
	case ferr == nil && incomingNumberDiffers(n, want) == "":
		// NOTE: the provider cannot see other Terraform states: "no state tracks it" can only mean no other
		// resource of this provider process is buying it. The matching settings are the evidence that it is
		// this configuration's number; the warning says what to do if another state manages it too.
		diags.AddWarning("Adopted Twilio phone number "+number,
			fmt.Sprintf("Twilio refused to buy %s because account %s already owns it (%s), with exactly the "+
				"settings this resource configures: most likely an earlier apply bought it and its answer was lost "+
				"(a crash, or an interrupted run). It is now managed by this resource. If another Terraform state "+
				"manages it too, remove it from one of them (`terraform state rm`), or destroying either would "+
				"release it.", number, account, *n.Sid))
		return n
	case ferr == nil:
		diags.AddError(summary, fmt.Sprintf("%s\n\nAccount %s already owns %s (%s), but its %s is not what this "+
			"resource configures, so another configuration or a person may be using it; nothing was adopted. If "+
			"it is this resource's number, import it: terraform import <address> %s/%s.", errorDetail(err), account,
			number, *n.Sid, incomingNumberDiffers(n, want), account, *n.Sid))
	case !twilioclient.IsNotFound(ferr):
		diags.AddError(summary, fmt.Sprintf("%s\n\nChecking whether account %s already owns %s failed: %s",
			errorDetail(err), account, number, errorDetail(ferr)))
	default:
		owner, oerr := client.FindIncomingNumberOwnerInFamily(ctx, number)
		switch {
		case oerr == nil:
			diags.AddError(summary, fmt.Sprintf("%s\n\nNothing was bought: %s belongs to account %s (%s), another "+
				"account of this family. To manage it here, import it as %s/%s, or set account_sid = %q.",
				errorDetail(err), number, *owner.AccountSid, *owner.Sid, *owner.AccountSid, *owner.Sid, *owner.AccountSid))
		case twilioclient.IsNotFound(oerr):
			diags.AddError(summary, fmt.Sprintf("%s\n\nNothing was bought: no account of this family owns %s, so "+
				"another Twilio customer has it or it is not for sale. Choose another number.", errorDetail(err), number))
		default:
			diags.AddError(summary, fmt.Sprintf("%s\n\nNothing was bought. Account %s does not own %s; whether another "+
				"account of this family does could not be checked: %s", errorDetail(err), account, number, errorDetail(oerr)))
		}
	}
	return nil
}

// moveIncomingNumber moves a number to account to. Addresses belong to an account, so the configured
// address and emergency address (of the new account) travel in the move request itself: a number that
// needs an address could not arrive without one.
func moveIncomingNumber(ctx context.Context, client *twilioclient.Client, from, to, sid string, want incomingNumberSettings) (*twilioclient.IncomingNumber, error) {
	params := &twilioclient.UpdateIncomingNumberParams{}
	params.SetAccountSid(to)
	// A regulated number needs the receiving account's bundle and address in the move itself: the old
	// account's stay behind (Twilio support, "Move Phone Numbers Between Twilio Accounts and their
	// Subaccounts").
	if want.bundleSID != "" {
		params.SetBundleSid(want.bundleSID)
	}
	if want.addressSID != "" {
		params.SetAddressSid(want.addressSID)
	}
	if want.emergencyAddressSID != "" {
		params.SetEmergencyAddressSid(want.emergencyAddressSID)
	}
	n, err := client.UpdateIncomingNumber(ctx, from, sid, params)
	if twilioclient.IsNotFound(err) {
		// NOTE: a move retried after a lost answer finds the number gone from the old account.
		if moved, findErr := client.FindIncomingNumber(ctx, to, sid); findErr == nil {
			return moved, nil
		}
	}
	return n, err
}

// incomingNumberBuyHint adds what to do after a failed purchase that was not a lost answer.
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
