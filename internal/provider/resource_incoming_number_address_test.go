package provider

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// A London number needs a United Kingdom address (the emulator's GB stock, as Twilio's): without one the
// purchase fails with Twilio's 21631, pointed at address_sid, and buys nothing; with one it is bought in a
// single request carrying the address.
func TestAccIncomingNumber_addressRequired(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	const number = "+442079460120"
	// UK numbers also need an approved bundle (TestAccIncomingNumber_bundle); both purchases carry one.
	bundle := env.Bundle(t, emulator.BundleOptions{IsoCountry: "GB", NumberType: "local", EndUserType: "business"})
	purchases := func() []emulator.Request {
		var out []emulator.Request
		for _, r := range env.Requests("POST", "/IncomingPhoneNumbers.json") {
			if r.Form.Get("PhoneNumber") == number {
				out = append(out, r)
			}
		}
		return out
	}
	owned := func() bool {
		for _, n := range env.Emulator.Snapshot().IncomingNumbers {
			if n.PhoneNumber == number {
				return true
			}
		}
		return false
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccAddressConfig("GB", ""), testAccIncomingNumberConfig(
					fmt.Sprintf("phone_number = %q\n  bundle_sid = %q", number, bundle))),
				ExpectError: acctest.ErrorRegexp("error 21631 (HTTP 400): Phone Number Requires an Address"),
			},
			{
				PreConfig: func() {
					if owned() || len(purchases()) != 1 {
						t.Fatalf("the refused purchase bought the number (owned %t) or was sent %d times", owned(), len(purchases()))
					}
				},
				Config: env.Config(testAccAddressConfig("GB", ""), testAccIncomingNumberConfig(fmt.Sprintf(`
  phone_number = %q
  bundle_sid   = %q
  address_sid  = twilio_address.test.sid
`, number, bundle))),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("address_requirements"), knownvalue.StringExact("local")),
					statecheck.CompareValuePairs(testAccIncomingNumberAddr, tfjsonpath.New("address_sid"),
						testAccAddressAddr, tfjsonpath.New("sid"), compare.ValuesSame()),
				},
				Check: func(*terraform.State) error {
					p := purchases()
					if len(p) != 2 || p[1].Status != 201 || !strings.HasPrefix(p[1].Form.Get("AddressSid"), "AD") {
						return fmt.Errorf("expected one more purchase carrying AddressSid, got %d: %+v", len(p), p)
					}
					if n := len(env.Requests("POST", "/IncomingPhoneNumbers/PN")); n != 0 {
						return fmt.Errorf("the purchase was followed by %d updates; the address belongs in the purchase", n)
					}
					return nil
				},
			},
			testAccImportStep(testAccIncomingNumberAddr, "timeouts", "area_code", "country"),
			{
				Config: env.Config(testAccAddressConfig("GB", ""), testAccUSAddressConfig, testAccIncomingNumberConfig(fmt.Sprintf(`
  phone_number = %q
  bundle_sid   = %q
  address_sid  = twilio_address.test.sid
`, number, bundle))),
			},
			{
				// A US address for the London number: the number reports "local", so the plan refuses it
				// and nothing is sent.
				PreConfig: env.Emulator.ResetRequests,
				Config: env.Config(testAccAddressConfig("GB", ""), testAccUSAddressConfig, testAccIncomingNumberConfig(fmt.Sprintf(`
  phone_number = %q
  bundle_sid   = %q
  address_sid  = twilio_address.us.sid
`, number, bundle))),
				ExpectError: acctest.ErrorRegexp("needs an address in its own country (address_requirements = \"local\")"),
			},
			{
				PreConfig: func() {
					if n := len(env.Requests("POST", "/IncomingPhoneNumbers/")); n != 0 {
						t.Fatalf("the refused plan sent %d updates", n)
					}
				},
				Config: env.Config(testAccAddressConfig("GB", ""), testAccUSAddressConfig, testAccIncomingNumberConfig(fmt.Sprintf(`
  phone_number = %q
  bundle_sid   = %q
  address_sid  = twilio_address.test.sid
`, number, bundle))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

const testAccUSAddressConfig = `
resource "twilio_address" "us" {
  customer_name = "Tenant Inc"
  street        = "1 Main St"
  city          = "Austin"
  region        = "TX"
  postal_code   = "78701"
  iso_country   = "US"
}
`

// releaseIncomingNumber sends the extra requests only when needed: none for a number without an emergency
// address; the removal and a check for `unregistered` when the state knows it; and when the state does not
// (set in the Console, not refreshed) the refused release is followed by a look, the removal, the check
// and the release again. (Unregistration is instant here; the waits are TestAccIncomingNumber_emergency*.)
func TestReleaseIncomingNumber(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	client := env.Client(t)
	env.Emulator.SetEmergencyRegistration(0, false)
	p := testAccAddressParams("US")
	p.SetEmergencyEnabled(true)
	addr, err := client.CreateAddress(ctx, env.AccountSID, p)
	if err != nil {
		t.Fatal(err)
	}
	buy := func(number string, emergency bool) string {
		bp := &twilioclient.CreateIncomingNumberParams{}
		bp.SetPhoneNumber(number)
		if emergency {
			bp.SetEmergencyAddressSid(*addr.Sid)
		}
		n, err := client.CreateIncomingNumber(ctx, env.AccountSID, bp)
		if err != nil {
			t.Fatal(err)
		}
		return *n.Sid
	}
	for _, tt := range []struct {
		name             string
		emergency, known bool
		requests         int
	}{
		{"no emergency address", false, false, 1},
		{"emergency address in the state", true, true, 3},
		{"emergency address not in the state", true, false, 5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sid := buy(map[string]string{"no emergency address": "+14155550164", "emergency address in the state": "+14155550165",
				"emergency address not in the state": "+14155550166"}[tt.name], tt.emergency)
			before := len(env.Emulator.Requests())
			known := ""
			if tt.known {
				known = *addr.Sid
			}
			if err := releaseIncomingNumber(ctx, client, env.AccountSID, sid, known); err != nil {
				t.Fatal(err)
			}
			if n := len(env.Emulator.Requests()) - before; n != tt.requests {
				t.Fatalf("%d requests, want %d", n, tt.requests)
			}
			if _, err := client.FindIncomingNumber(ctx, env.AccountSID, sid); !twilioclient.IsNotFound(err) {
				t.Fatalf("number not released: %v", err)
			}
		})
	}
}

// Bad input the provider can know before buying: an address of another account, an emergency address
// that is not emergency-enabled. Both fail the plan at the attribute and buy nothing.
func TestAccIncomingNumber_addressBadInput(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	sub := testAccMakeSubaccount(t, env, "other-tenant")
	elsewhere, err := env.Client(t).CreateAddress(ctx, sub, testAccAddressParams("GB"))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := env.Client(t).CreateAddress(ctx, env.AccountSID, testAccAddressParams("US"))
	if err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccIncomingNumberConfig(fmt.Sprintf(`
  phone_number = "+442079460121"
  address_sid  = %q
`, *elsewhere.Sid))),
				ExpectError: acctest.ErrorRegexp("address_sid " + *elsewhere.Sid + " is no address of account " + env.AccountSID),
			},
			{
				Config: env.Config(testAccIncomingNumberConfig(fmt.Sprintf(`
  phone_number          = "+14155550163"
  emergency_address_sid = %q
`, *plain.Sid))),
				ExpectError: acctest.ErrorRegexp("cannot be an emergency address: its emergency_enabled is false"),
			},
		},
	})
	if n := len(env.Requests("POST", "/IncomingPhoneNumbers")); n != 0 {
		t.Fatalf("bad input reached the purchase: %d requests", n)
	}
}

// An address a number uses cannot be deleted: the error names the number and says what to do, and the
// address stays.
func TestAccAddress_inUse(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	bundle := env.Bundle(t, emulator.BundleOptions{IsoCountry: "GB", NumberType: "local", EndUserType: "business"})
	withNumber := env.Config(testAccAddressConfig("GB", ""), testAccIncomingNumberConfig(fmt.Sprintf(`
  phone_number = "+442079460122"
  bundle_sid   = %q
  address_sid  = twilio_address.test.sid
  skip_destroy = true
`, bundle)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: withNumber},
			// The number leaves Terraform but stays in Twilio with the address.
			{Config: env.Config(testAccAddressConfig("GB", ""))},
			{
				Config:      env.Config(testAccAddressConfig("IE", "")),
				ExpectError: acctest.ErrorRegexp("is the address or emergency address of +442079460122, so it cannot be deleted"),
			},
			{
				// Once the number is released (outside Terraform), the replacement goes through.
				PreConfig: func() {
					if n := len(env.Requests("DELETE", "/Addresses/AD")); n != 0 {
						t.Fatalf("the provider sent %d DELETEs for an address in use", n)
					}
					snap := env.Emulator.Snapshot()
					if len(snap.Addresses) != 1 || len(snap.IncomingNumbers) != 1 {
						t.Fatalf("the address in use or its number is gone: %+v", snap)
					}
					n := snap.IncomingNumbers[0]
					if err := env.Client(t).DeleteIncomingNumber(context.Background(), n.AccountSid, n.Sid); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(testAccAddressConfig("IE", "")),
			},
		},
	})
}

// The non-US examples of twilio_incoming_number's documentation apply as written against the emulator.
func TestAccIncomingNumber_examplesAbroad(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	src, err := os.ReadFile("../../examples/resources/twilio_incoming_number/resource.tf")
	if err != nil {
		t.Fatal(err)
	}
	// The example finds the main account's approved UK bundle by name, as made in the Console.
	env.Bundle(t, emulator.BundleOptions{FriendlyName: "UK business", IsoCountry: "GB", NumberType: "local", EndUserType: "business"})
	env.Baseline()
	var blocks []string
	for _, name := range []string{`data "twilio_regulatory_bundle" "uk"`, `resource "twilio_address" "london_office"`, `resource "twilio_incoming_number" "london"`,
		`resource "twilio_address" "hq"`, `resource "twilio_incoming_number" "front_desk"`} {
		m := regexp.MustCompile(`(?ms)^` + regexp.QuoteMeta(name) + ` \{.*?^\}`).FindString(string(src))
		if m == "" {
			t.Fatalf("example resource %s not found in resource.tf", name)
		}
		blocks = append(blocks, m)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             resource.ComposeTestCheckFunc(testAccCheckIncomingNumberReleased(t, env), env.CheckDestroyNoOrphans()),
		Steps: []resource.TestStep{{
			Config: env.Config(blocks...),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("twilio_incoming_number.london", tfjsonpath.New("phone_number"),
					knownvalue.StringRegexp(regexp.MustCompile(`^\+4420`))),
				statecheck.ExpectKnownValue("twilio_incoming_number.front_desk", tfjsonpath.New("emergency_status"),
					knownvalue.StringExact("Active")),
			},
		}},
	})
}

// testAccUKAddress files a United Kingdom address in account outside Terraform, as the Console would: UK
// local numbers need one (and a bundle) to be bought.
func testAccUKAddress(t *testing.T, env *acctest.Env, account string) string {
	t.Helper()
	a, err := env.Client(t).CreateAddress(context.Background(), account, testAccAddressParams("GB"))
	if err != nil {
		t.Fatal(err)
	}
	return *a.Sid
}
