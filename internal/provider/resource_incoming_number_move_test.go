package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// A regulated (UK) number moves to a subaccount only with that account's bundle and address: a plan that
// drops the bundle or keeps the main account's fails at bundle_sid before any request; a move without an
// address is refused by Twilio with 21613, shown at address_sid; the move that carries both (the clone of
// the bundle, the subaccount's address) succeeds in one request.
func TestAccIncomingNumber_moveRegulated(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	bundle := env.Bundle(t, testAccUKBundle("", ""))
	address := testAccUKAddress(t, env, env.AccountSID)
	config := func(account, bundleSID, addressSID string) string {
		return env.Config(fmt.Sprintf(`
resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant"
}
resource "twilio_bundle_clone" "tenant" {
  account_sid = twilio_subaccount.tenant.sid
  bundle_sid  = %q
}
resource "twilio_address" "tenant" {
  account_sid   = twilio_subaccount.tenant.sid
  customer_name = "Tenant Ltd"
  street        = "1 Example Street"
  city          = "London"
  region        = "London"
  postal_code   = "SW1A 1AA"
  iso_country   = "GB"
}
`, bundle), testAccIncomingNumberConfig(fmt.Sprintf("phone_number = %q\n  account_sid = %s\n  bundle_sid = %s\n  address_sid = %s",
			testAccUKNumber, account, bundleSID, addressSID)))
	}
	main := fmt.Sprintf("%q", env.AccountSID)
	sub := "twilio_subaccount.tenant.sid"
	moves := func() []emulator.Request { return env.Requests("POST", "/IncomingPhoneNumbers/PN") }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{Config: config(main, fmt.Sprintf("%q", bundle), fmt.Sprintf("%q", address))},
			{
				Config:      config(sub, "null", "twilio_address.tenant.sid"),
				ExpectError: errorParts("Moving a regulated number needs the new account's bundle", "Nothing was moved"),
			},
			{
				Config:      config(sub, fmt.Sprintf("%q", bundle), "twilio_address.tenant.sid"),
				ExpectError: errorParts("not a bundle of account"),
			},
			{
				PreConfig: func() {
					if n := len(moves()); n != 0 {
						t.Fatalf("refused plans sent %d updates", n)
					}
				},
				// No address for the new account: Twilio's transfer code, at address_sid.
				Config:      config(sub, "twilio_bundle_clone.tenant.sid", "null"),
				ExpectError: regexp.MustCompile(`(?s)address_sid\s+= null\s.*error 21613`),
			},
			{
				Config: config(sub, "twilio_bundle_clone.tenant.sid", "twilio_address.tenant.sid"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(testAccIncomingNumberAddr, tfjsonpath.New("account_sid"),
						"twilio_subaccount.tenant", tfjsonpath.New("sid"), compare.ValuesSame()),
					statecheck.CompareValuePairs(testAccIncomingNumberAddr, tfjsonpath.New("bundle_sid"),
						"twilio_bundle_clone.tenant", tfjsonpath.New("sid"), compare.ValuesSame()),
				},
				Check: func(*terraform.State) error {
					last := moves()[len(moves())-1]
					if last.Form.Get("AccountSid") == "" || last.Form.Get("BundleSid") == "" || last.Form.Get("AddressSid") == "" {
						return fmt.Errorf("the move did not carry the account, bundle and address: %v", last.Form)
					}
					return nil
				},
			},
		},
	})
}
