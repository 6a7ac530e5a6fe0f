package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

const testAccAlphaSenderAddr = "twilio_messaging_service_alpha_sender.test"

// testAccAlphaSenderConfig is a tenant's Messaging Service with an alpha sender, in a subaccount.
func testAccAlphaSenderConfig(alpha string) string {
	return fmt.Sprintf(`
resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant-alpha"
}

resource "twilio_messaging_service" "tenant" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "tenant texts"
}

resource "twilio_messaging_service_alpha_sender" "test" {
  account_sid  = twilio_subaccount.tenant.sid
  service_sid  = twilio_messaging_service.tenant.sid
  alpha_sender = %q
}
`, alpha)
}

func TestAccMessagingServiceAlphaSender_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccAlphaSenderConfig("Acme & Co"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAlphaSenderAddr, tfjsonpath.New("sid"), knownvalue.StringRegexp(sidRegexp("AI"))),
					statecheck.CompareValuePairs(testAccAlphaSenderAddr, tfjsonpath.New("service_sid"),
						"twilio_messaging_service.tenant", tfjsonpath.New("sid"), compare.ValuesSame()),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				ResourceName: testAccAlphaSenderAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					a := s.RootModule().Resources[testAccAlphaSenderAddr].Primary.Attributes
					return a["account_sid"] + "/" + a["service_sid"] + "/" + a["sid"], nil
				},
			},
		},
	})
}

// A new sender ID replaces the old one: Twilio cannot update it, and a service holds one at a time, so the
// old one goes first.
func TestAccMessagingServiceAlphaSender_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccAlphaSenderConfig("Acme"))},
			{
				Config: env.Config(testAccAlphaSenderConfig("Acme-Shop")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAlphaSenderAddr, plancheck.ResourceActionDestroyBeforeCreate)}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAlphaSenderAddr, tfjsonpath.New("alpha_sender"), knownvalue.StringExact("Acme-Shop")),
				},
			},
		},
	})
}

// An alpha sender removed in the Console is planned for creation again; a second one added in the Console
// makes the apply fail naming it.
func TestAccMessagingServiceAlphaSender_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var account, service, sid string
	config := env.Config(testAccAlphaSenderConfig("Acme"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr(testAccAlphaSenderAddr, "account_sid", &account),
				testAccCaptureAttr(testAccAlphaSenderAddr, "service_sid", &service),
				testAccCaptureAttr(testAccAlphaSenderAddr, "sid", &sid))},
			{
				PreConfig: func() {
					ctx := context.Background()
					if err := env.Client(t).RemoveAlphaSender(ctx, account, service, sid); err != nil {
						t.Fatal(err)
					}
					if _, err := env.Client(t).AddAlphaSender(ctx, account, service, "Console"); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAlphaSenderAddr, plancheck.ResourceActionCreate)}},
				ExpectError: regexp.MustCompile(`(?s)already\s+has\s+the\s+alpha\s+sender\s+"Console"\s+\(AI[0-9a-f]{32}\).*one\s+per\s+service`),
			},
		},
	})
}

func TestAccMessagingServiceAlphaSender_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var service string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: testAccDisappearsSteps(env.Config(testAccAlphaSenderConfig("Acme")), testAccAlphaSenderAddr,
			func(account, sid string) error {
				for _, m := range env.Emulator.Snapshot().MessagingSenders {
					if m.Sid == sid {
						service = m.ServiceSid
					}
				}
				return env.Client(t).RemoveAlphaSender(context.Background(), account, service, sid)
			}),
	})
}

// TestAccMessagingServiceAlphaSender_identity checks the identity after apply and imports by it.
func TestAccMessagingServiceAlphaSender_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccAlphaSenderConfig("Acme"))
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccAlphaSenderAddr, map[string]knownvalue.Check{
						"account_sid": knownvalue.StringRegexp(sidRegexp("AC")), "service_sid": knownvalue.StringRegexp(sidRegexp("MG")),
						"sid": knownvalue.StringRegexp(sidRegexp("AI")),
					}),
				},
			},
			{Config: config, ResourceName: testAccAlphaSenderAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}
