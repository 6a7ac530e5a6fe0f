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
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

const (
	testAccPoolNumberAddr  = "twilio_messaging_service_phone_number.test"
	testAccPoolNumber2Addr = "twilio_messaging_service_phone_number.second"
)

// testAccMessagingPoolConfig is a tenant subaccount with two numbers and a Messaging Service, and extra
// configuration (the pool members).
func testAccMessagingPoolConfig(extra string) string {
	return `
resource "twilio_subaccount" "tenant" {
  friendly_name            = "tenant-pool"
  release_numbers_on_close = true
}

resource "twilio_incoming_number" "main" {
  account_sid = twilio_subaccount.tenant.sid
  area_code   = "415"
}

resource "twilio_incoming_number" "second" {
  account_sid = twilio_subaccount.tenant.sid
  area_code   = "212"
}

resource "twilio_messaging_service" "tenant" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "tenant texts"
}
` + extra
}

// testAccPoolMembers puts both numbers in the tenant's service.
const testAccPoolMembers = `
resource "twilio_messaging_service_phone_number" "test" {
  account_sid      = twilio_subaccount.tenant.sid
  service_sid      = twilio_messaging_service.tenant.sid
  phone_number_sid = twilio_incoming_number.main.sid
}

resource "twilio_messaging_service_phone_number" "second" {
  account_sid      = twilio_subaccount.tenant.sid
  service_sid      = twilio_messaging_service.tenant.sid
  phone_number_sid = twilio_incoming_number.second.sid
}
`

// testAccPoolImportID is the member's string import ID, AC…/MG…/PN….
func testAccPoolImportID(addr string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s not in state", addr)
		}
		a := rs.Primary.Attributes
		return a["account_sid"] + "/" + a["service_sid"] + "/" + a["phone_number_sid"], nil
	}
}

func TestAccMessagingServicePhoneNumber_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccMessagingPoolConfig(testAccPoolMembers))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccPoolNumberAddr, tfjsonpath.New("country_code"), knownvalue.StringExact("US")),
					statecheck.ExpectKnownValue(testAccPoolNumberAddr, tfjsonpath.New("capabilities"), knownvalue.ListPartial(
						map[int]knownvalue.Check{1: knownvalue.StringExact("SMS")})),
					statecheck.CompareValuePairs(testAccPoolNumberAddr, tfjsonpath.New("phone_number"),
						"twilio_incoming_number.main", tfjsonpath.New("phone_number"), compare.ValuesSame()),
					statecheck.CompareValuePairs(testAccPoolNumber2Addr, tfjsonpath.New("id"),
						"twilio_incoming_number.second", tfjsonpath.New("sid"), compare.ValuesSame()),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				ResourceName: testAccPoolNumberAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "phone_number_sid", ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: testAccPoolImportID(testAccPoolNumberAddr),
			},
		},
	})
}

// A number taken out of the pool in the Console plans as exactly that: this member to be created, nothing
// else; the apply puts it back.
func TestAccMessagingServicePhoneNumber_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var account, service, number string
	config := env.Config(testAccMessagingPoolConfig(testAccPoolMembers))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr(testAccPoolNumber2Addr, "account_sid", &account),
				testAccCaptureAttr(testAccPoolNumber2Addr, "service_sid", &service),
				testAccCaptureAttr(testAccPoolNumber2Addr, "phone_number_sid", &number))},
			{
				PreConfig: func() {
					if err := env.Client(t).RemoveServicePhoneNumber(context.Background(), account, service, number); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPoolNumber2Addr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(testAccPoolNumberAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction("twilio_messaging_service.tenant", plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction("twilio_incoming_number.second", plancheck.ResourceActionNoop),
				}},
				Check: func(*terraform.State) error {
					_, err := env.Client(t).FindServicePhoneNumber(context.Background(), account, service, number)
					return err
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// A service deleted in the Console takes its pool with it: the next plan creates the service and its
// members again, and the numbers (still in the account) are untouched.
func TestAccMessagingServicePhoneNumber_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var account, service string
	config := env.Config(testAccMessagingPoolConfig(testAccPoolMembers))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr(testAccPoolNumberAddr, "account_sid", &account),
				testAccCaptureAttr(testAccPoolNumberAddr, "service_sid", &service))},
			{
				PreConfig: func() {
					if err := env.Client(t).DeleteMessagingService(context.Background(), account, service); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("twilio_messaging_service.tenant", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(testAccPoolNumberAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(testAccPoolNumber2Addr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("twilio_incoming_number.main", plancheck.ResourceActionNoop),
				}},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// Twilio's one-service rule: a number another service holds is refused with an error naming that service;
// a number already in this service (added in the Console) is simply taken over, whether Twilio answers the
// re-add with the member or refuses it with 21712 (assumption messaging-sender-readd, both outcomes).
func TestAccMessagingServicePhoneNumber_inOtherService(t *testing.T) {
	t.Parallel()
	for _, refused := range []bool{false, true} {
		t.Run(fmt.Sprintf("readdRefused=%t", refused), func(t *testing.T) {
			t.Parallel()
			testAccPoolNumberInOtherService(t, refused)
		})
	}
}

func testAccPoolNumberInOtherService(t *testing.T, readdRefused bool) {
	env := acctest.New(t)
	env.RequireEmulator(t)
	env.Emulator.SetAlternative(emulator.AltSenderReaddRefused, readdRefused)
	var account, service, number string
	other := `
resource "twilio_messaging_service" "other" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "other texts"
}

resource "twilio_messaging_service_phone_number" "other" {
  account_sid      = twilio_subaccount.tenant.sid
  service_sid      = twilio_messaging_service.other.sid
  phone_number_sid = twilio_incoming_number.main.sid
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccMessagingPoolConfig("")), Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr("twilio_messaging_service.tenant", "account_sid", &account),
				testAccCaptureAttr("twilio_messaging_service.tenant", "sid", &service),
				testAccCaptureAttr("twilio_incoming_number.main", "sid", &number))},
			{
				PreConfig: func() {
					if _, err := env.Client(t).AddServicePhoneNumber(context.Background(), account, service, number); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(testAccMessagingPoolConfig(testAccPoolMembers)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(testAccPoolNumberAddr, tfjsonpath.New("service_sid"),
						"twilio_messaging_service.tenant", tfjsonpath.New("sid"), compare.ValuesSame()),
				},
			},
			{
				Config:      env.Config(testAccMessagingPoolConfig(testAccPoolMembers + other)),
				ExpectError: regexp.MustCompile(`(?s)already\s+in\s+Messaging\s+Service\s+MG[0-9a-f]{32}\s+\("tenant\s+texts"\).*error\s+21712.*Take\s+it\s+out`),
			},
		},
	})
}

// TestAccMessagingServicePhoneNumber_identity checks the identity after apply and imports by it.
func TestAccMessagingServicePhoneNumber_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccMessagingPoolConfig(testAccPoolMembers))
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccPoolNumberAddr, map[string]knownvalue.Check{
						"account_sid": knownvalue.StringRegexp(sidRegexp("AC")), "service_sid": knownvalue.StringRegexp(sidRegexp("MG")),
						"phone_number_sid": knownvalue.StringRegexp(sidRegexp("PN")),
					}),
				},
			},
			{Config: config, ResourceName: testAccPoolNumberAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}
