package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

const testAccShortCodeAddr = "twilio_messaging_service_short_code.test"

// testAccShortCodeSetup gives the provider's account a short code, as Twilio does after an application
// (the emulator's test control), and returns the configuration putting it in a Messaging Service's pool,
// plus extra configuration.
func testAccShortCodeSetup(t *testing.T, env *acctest.Env, extra string) (config, shortCode string) {
	t.Helper()
	env.RequireEmulator(t)
	sc, err := env.Emulator.AddShortCode(env.AccountSID, "55123")
	if err != nil {
		t.Fatal(err)
	}
	return env.Config(fmt.Sprintf(`
resource "twilio_messaging_service" "tenant" {
  friendly_name = "tenant texts"
}

resource "twilio_messaging_service_short_code" "test" {
  service_sid    = twilio_messaging_service.tenant.sid
  short_code_sid = %q
}
`, sc) + extra), sc
}

// testAccCheckShortCodeKept checks that destroy left the short code in the account, out of any pool.
func testAccCheckShortCodeKept(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		snap := env.Emulator.Snapshot()
		if n := len(snap.MessagingServices); n != 0 {
			return fmt.Errorf("%d Messaging Services left", n)
		}
		if len(snap.MessagingSenders) != 1 {
			return fmt.Errorf("want the account's short code and nothing else, got %v", snap.MessagingSenders)
		}
		if m := snap.MessagingSenders[0]; m.ServiceSid != "" {
			return fmt.Errorf("%s is still in the pool of %s", m.Sid, m.ServiceSid)
		}
		return nil
	}
}

func TestAccMessagingServiceShortCode_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config, sc := testAccShortCodeSetup(t, env, "")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckShortCodeKept(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccShortCodeAddr, tfjsonpath.New("sid"), knownvalue.StringExact(sc)),
					statecheck.ExpectKnownValue(testAccShortCodeAddr, tfjsonpath.New("short_code"), knownvalue.StringExact("55123")),
					statecheck.ExpectKnownValue(testAccShortCodeAddr, tfjsonpath.New("country_code"), knownvalue.StringExact("US")),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				ResourceName: testAccShortCodeAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					a := s.RootModule().Resources[testAccShortCodeAddr].Primary.Attributes
					return a["service_sid"] + "/" + a["short_code_sid"], nil
				},
			},
		},
	})
}

// A short code taken out of the pool in the Console plans as exactly that member to be created; the apply
// puts it back. Another service of the configuration asking for it fails naming the service holding it.
func TestAccMessagingServiceShortCode_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config, sc := testAccShortCodeSetup(t, env, "")
	var service string
	other, _ := testAccShortCodeConfigWith(config, sc)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckShortCodeKept(env),
		Steps: []resource.TestStep{
			{Config: config, Check: testAccCaptureAttr(testAccShortCodeAddr, "service_sid", &service)},
			{
				PreConfig: func() {
					if err := env.Client(t).RemoveServiceShortCode(context.Background(), env.AccountSID, service, sc); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccShortCodeAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("twilio_messaging_service.tenant", plancheck.ResourceActionNoop),
				}},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				Config:      other,
				ExpectError: regexp.MustCompile(`(?s)Short\s+code\s+SC[0-9a-f]{32}\s+is\s+already\s+in\s+Messaging\s+Service\s+MG[0-9a-f]{32}\s+\("tenant\s+texts"\).*error\s+21712`),
			},
		},
	})
}

// testAccShortCodeConfigWith adds a second service asking for the same short code.
func testAccShortCodeConfigWith(config, sc string) (string, string) {
	return config + fmt.Sprintf(`
resource "twilio_messaging_service" "other" {
  friendly_name = "other texts"
}

resource "twilio_messaging_service_short_code" "other" {
  service_sid    = twilio_messaging_service.other.sid
  short_code_sid = %q
}
`, sc), sc
}

// A service deleted in the Console frees its short code: the next plan creates the service and the member.
func TestAccMessagingServiceShortCode_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config, _ := testAccShortCodeSetup(t, env, "")
	var service string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckShortCodeKept(env),
		Steps: []resource.TestStep{
			{Config: config, Check: testAccCaptureAttr(testAccShortCodeAddr, "service_sid", &service)},
			{
				PreConfig: func() {
					if err := env.Client(t).DeleteMessagingService(context.Background(), env.AccountSID, service); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("twilio_messaging_service.tenant", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(testAccShortCodeAddr, plancheck.ResourceActionCreate),
				}},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// TestAccMessagingServiceShortCode_identity checks the identity after apply and imports by it.
func TestAccMessagingServiceShortCode_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config, sc := testAccShortCodeSetup(t, env, "")
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckShortCodeKept(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccShortCodeAddr, map[string]knownvalue.Check{
						"account_sid": knownvalue.StringExact(env.AccountSID), "service_sid": knownvalue.StringRegexp(sidRegexp("MG")),
						"short_code_sid": knownvalue.StringExact(sc),
					}),
				},
			},
			{Config: config, ResourceName: testAccShortCodeAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}
