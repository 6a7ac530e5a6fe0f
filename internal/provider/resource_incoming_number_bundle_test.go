package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// The UK numbers of the emulator's inventory: every type needs a regulatory bundle.
const testAccUKNumber = "+442079460100"

func testAccUKBundle(account, status string) emulator.BundleOptions {
	return emulator.BundleOptions{AccountSid: account, FriendlyName: "uk business", IsoCountry: "GB", NumberType: "local",
		EndUserType: "business", Status: status}
}

// errorParts matches a diagnostic containing each part in order, however Terraform wraps its lines.
func errorParts(parts ...string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = strings.TrimPrefix(acctest.ErrorRegexp(p).String(), "(?s)")
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, `.*`))
}

// testAccCheckNoPurchase proves that nothing was bought: no purchase request reached Twilio (plan-time
// errors), or none succeeded, and no account owns a number.
func testAccCheckNoPurchase(t *testing.T, env *acctest.Env, wantRequests int) {
	t.Helper()
	if n := len(env.Requests("POST", "/IncomingPhoneNumbers.json")); n != wantRequests {
		t.Errorf("%d purchase requests, want %d", n, wantRequests)
	}
	if n := len(env.Emulator.Snapshot().IncomingNumbers); n != 0 {
		t.Errorf("%d numbers were bought", n)
	}
}

// A UK number without a bundle is refused with Twilio's 21649 and nothing is bought; with an approved
// bundle of the account it is bought in one request that carries the bundle, and changing the bundle is
// one update.
func TestAccIncomingNumber_bundle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	first := env.Bundle(t, testAccUKBundle("", ""))
	second := env.Bundle(t, testAccUKBundle("", ""))
	address := testAccUKAddress(t, env, env.AccountSID)
	env.Baseline()
	config := func(bundle string) string {
		body := fmt.Sprintf("phone_number = %q\n  voice_url = \"https://example.com/uk\"\n  address_sid = %q", testAccUKNumber, address)
		if bundle != "" {
			body += fmt.Sprintf("\n  bundle_sid = %q", bundle)
		}
		return env.Config(testAccIncomingNumberConfig(body))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				Config:      config(""),
				ExpectError: errorParts("21649", "Requires a Bundle", "set bundle_sid"),
			},
			{
				PreConfig: func() {
					testAccCheckNoPurchase(t, env, 1)
					env.Emulator.ResetRequests()
				},
				// The data source shows the bundle of a number too.
				Config: config(first) + `
data "twilio_incoming_number" "read" {
  sid = twilio_incoming_number.test.sid
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("bundle_sid"), knownvalue.StringExact(first)),
					statecheck.ExpectKnownValue("data.twilio_incoming_number.read", tfjsonpath.New("bundle_sid"), knownvalue.StringExact(first)),
				},
				Check: func(*terraform.State) error {
					buys := env.Requests("POST", "/IncomingPhoneNumbers.json")
					if len(buys) != 1 || buys[0].Form.Get("BundleSid") != first || buys[0].Status != 201 {
						return fmt.Errorf("want one purchase carrying BundleSid %s, got %+v", first, buys)
					}
					if n := len(env.Requests("POST", "/IncomingPhoneNumbers/")); n != 0 {
						return fmt.Errorf("%d updates after the purchase; the bundle belongs in the purchase itself", n)
					}
					return nil
				},
			},
			testAccImportStep(testAccIncomingNumberAddr),
			{
				PreConfig: env.Emulator.ResetRequests,
				Config:    config(second),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccIncomingNumberAddr, "bundle_sid"),
				}},
				Check: testAccCheckIncomingNumberWrites(env, 1),
			},
		},
	})
}

// A bundle that is known at plan time and cannot serve the number fails the plan, pointing at bundle_sid,
// before anything is bought: not approved, of another account, for another country. A provisionally
// approved bundle is left to Twilio, which the emulator answers with 21649 (assumption provisional-bundle).
func TestAccIncomingNumber_bundleNotApproved(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sub, err := env.Client(t).CreateSubaccount(context.Background(), "tenant")
	if err != nil {
		t.Fatal(err)
	}
	subSID := *sub.Sid
	pending := env.Bundle(t, testAccUKBundle("", emulator.BundlePendingReview))
	rejected := env.Bundle(t, testAccUKBundle("", emulator.BundleRejected))
	provisional := env.Bundle(t, testAccUKBundle("", emulator.BundleProvisionallyApproved))
	approved := env.Bundle(t, testAccUKBundle("", ""))
	config := func(account, number, bundle string) string {
		return env.Config(testAccIncomingNumberConfig(fmt.Sprintf("account_sid = %q\n  phone_number = %q\n  bundle_sid = %q",
			account, number, bundle)))
	}
	env.Emulator.ResetRequests()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      config(env.AccountSID, testAccUKNumber, pending),
				ExpectError: errorParts("Regulatory bundle not approved", "is pending-review, not twilio-approved", "Nothing was bought"),
			},
			{
				Config:      config(env.AccountSID, testAccUKNumber, rejected),
				ExpectError: errorParts("bundle_sid", "is twilio-rejected"),
			},
			{
				Config:      config(subSID, testAccUKNumber, approved),
				ExpectError: errorParts("not in the number's account", "twilio_bundle_clone"),
			},
			{
				Config:      config(env.AccountSID, "+14155550100", approved),
				ExpectError: errorParts("Regulatory bundle for another country", "approved for GB local numbers"),
			},
			{
				PreConfig: func() { testAccCheckNoPurchase(t, env, 0) },
				Config:    config(env.AccountSID, testAccUKNumber, provisional),
				// ASSUMPTION(provisional-bundle) in the emulator: Twilio judges, the provider does not guess.
				ExpectError: errorParts("21649", "status is not twilio-approved"),
			},
		},
	})
	testAccCheckNoPurchase(t, env, 1)
}

// Removing bundle_sid from a UK number sends the removal; Twilio refuses (assumption bundle-clear in the
// emulator), the apply fails with its answer and the state keeps the bundle, so restoring the
// configuration plans nothing.
func TestAccIncomingNumber_bundleClearRefused(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	bundle := env.Bundle(t, testAccUKBundle("", ""))
	address := testAccUKAddress(t, env, env.AccountSID)
	with := env.Config(testAccIncomingNumberConfig(fmt.Sprintf("phone_number = %q\n  bundle_sid = %q\n  address_sid = %q",
		testAccUKNumber, bundle, address)))
	without := env.Config(testAccIncomingNumberConfig(fmt.Sprintf("phone_number = %q\n  address_sid = %q", testAccUKNumber, address)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{Config: with},
			{
				Config:      without,
				ExpectError: errorParts("Updating Twilio phone number", "21649"),
			},
			{
				Config: with,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
		},
	})
}
