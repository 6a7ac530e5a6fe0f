package provider

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// The compatibility set (scripts/test-compat.sh runs it on every Terraform and OpenTofu line the README
// names) is the paths users walk, on a tenant with one object of each 2010 and Studio type in its own
// subaccount. These tests need nothing newer than Terraform 1.8; the set also takes, each gated on its
// feature, TestAccIncomingNumber_transfer (a number moved between subaccounts in place),
// TestAccReadPolicy_oldObjectGoneAtOnce (every resource type deleted outside Terraform),
// TestAccResourceIdentity_importBlock, TestAccAccessTokenEphemeral_endToEnd,
// TestAccServerlessVariable_writeOnly and TestAccListResources_query.

// Create, import each object by its string ID (terraform import, and an import block), destroy.
func TestAccCompat_createImportDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	if env.Emulator != nil {
		// The number's emergency registration finishes with the first read after the purchase, so the
		// refresh below and the imports see the same status; a pending registration is
		// TestAccIncomingNumber_emergencyRegistrationHeld's business.
		env.Emulator.SetEmergencyRegistration(0, false)
	}
	config := env.Config(testAccIdentityTenantConfig("compat"))
	steps := []resource.TestStep{{Config: config}, {RefreshState: true}}
	for addr := range testAccTenantAddrs {
		steps = append(steps, resource.TestStep{
			Config:                               config,
			ResourceName:                         addr,
			ImportState:                          true,
			ImportStateIdFunc:                    testAccCompatImportID(addr),
			ImportStateVerify:                    true,
			ImportStateVerifyIdentifierAttribute: "sid",
			// Twilio shows a key's secret and a subaccount's token once, at creation; an imported flow's
			// definition is Twilio's compact JSON of the same document (TestAccStudioFlow_import compares it as JSON).
			ImportStateVerifyIgnore: []string{"secret", "auth_token", "definition", "skip_destroy", "release_numbers_on_close", "timeouts"},
		}, resource.TestStep{
			// The same ID in an import block: the plan that adopts the object changes nothing.
			Config:            config,
			ResourceName:      addr,
			ImportState:       true,
			ImportStateKind:   resource.ImportBlockWithID,
			ImportStateIdFunc: testAccCompatImportID(addr),
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             resource.ComposeTestCheckFunc(testAccCheckSubaccountClosed(t, env), testAccCheckIncomingNumberReleased(t, env)),
		Steps:                    steps,
	})
}

// An edit in the Console is planned as exactly that attribute, and one apply repairs it.
func TestAccCompat_consoleEdit(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	config := env.Config(testAccIdentityTenantConfig("compat"))
	var account, app string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr("twilio_twiml_app.t", "account_sid", &account),
				testAccCaptureAttr("twilio_twiml_app.t", "sid", &app))},
			{
				PreConfig: func() {
					params := &twilioclient.UpdateApplicationParams{}
					params.SetFriendlyName("renamed in the Console")
					if _, err := env.Client(t).UpdateApplication(context.Background(), account, app, params); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("twilio_twiml_app.t", plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes("twilio_twiml_app.t", "friendly_name"),
				}},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// Objects deleted outside Terraform are planned for creation again, never an error: first a key and an app,
// then every object at once when the whole subaccount is closed in the Console. Before Terraform 1.12 the
// CLI sends no identity, so this is where a Read that removes an object without one fails.
func TestAccCompat_deletedOutside(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	config := env.Config(testAccIdentityTenantConfig("compat"))
	var account, key, app string
	recreated := func(addrs ...string) []plancheck.PlanCheck {
		var checks []plancheck.PlanCheck
		for _, addr := range addrs {
			checks = append(checks, plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate))
		}
		return checks
	}
	all := make([]string, 0, len(testAccTenantAddrs))
	for addr := range testAccTenantAddrs {
		all = append(all, addr)
	}
	ctx := context.Background()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr("twilio_subaccount.t", "sid", &account),
				testAccCaptureAttr("twilio_api_key.t", "sid", &key),
				testAccCaptureAttr("twilio_twiml_app.t", "sid", &app))},
			{
				// Objects an hour old: their 404 is believed at once, without the retries that a read
				// lagging a recent write gets (TestAccReadPolicy_staleReadRetried).
				PreConfig: func() {
					for _, sid := range []string{account, key, app} {
						if err := env.Emulator.Backdate(sid, time.Hour); err != nil {
							t.Fatal(err)
						}
					}
				},
				RefreshState: true,
			},
			{
				PreConfig: func() {
					if err := env.Client(t).DeleteKey(ctx, account, key); err != nil {
						t.Fatal(err)
					}
					if err := env.Client(t).DeleteApplication(ctx, account, app); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: recreated("twilio_api_key.t", "twilio_twiml_app.t"),
				},
				Check: testAccCaptureAttr("twilio_subaccount.t", "sid", &account),
			},
			{
				PreConfig: func() {
					if _, err := env.Client(t).UpdateAccount(ctx, account, &twilioclient.UpdateAccountParams{Status: ptrTo("closed")}); err != nil {
						t.Fatal(err)
					}
				},
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: recreated(all...)},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// testAccCompatImportID is the string import ID a user writes: the subaccount's SID, or account/SID.
func testAccCompatImportID(addr string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		a := s.RootModule().Resources[addr].Primary.Attributes
		if testAccTenantAddrs[addr] == "AC" {
			return a["sid"], nil
		}
		return a["account_sid"] + "/" + a["sid"], nil
	}
}
