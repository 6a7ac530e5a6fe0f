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
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

const testAccMessagingServiceAddr = "twilio_messaging_service.test"

// testAccMessagingServiceConfig is a tenant's Messaging Service in its subaccount, with extra settings.
func testAccMessagingServiceConfig(name, extra string) string {
	return fmt.Sprintf(`
resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant-texting"
}

resource "twilio_messaging_service" "test" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = %q
%s
}
`, name, extra)
}

// testAccCheckMessagingServicesGone checks that destroy left no service and no pool member.
func testAccCheckMessagingServicesGone(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if env.Emulator == nil {
			return nil
		}
		snap := env.Emulator.Snapshot()
		if n, m := len(snap.MessagingServices), len(snap.MessagingSenders); n != 0 || m != 0 {
			return fmt.Errorf("%d Messaging Services and %d pool members left after destroy", n, m)
		}
		return nil
	}
}

func TestAccMessagingService_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccMessagingServiceAddr, tfjsonpath.New(name), v)
	}
	config := env.Config(testAccMessagingServiceConfig("tenant texts", ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: resource.ComposeTestCheckFunc(testAccCheckMessagingServicesGone(env),
			env.CheckDeletedOneByOne("twilio_messaging_service")),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					attr("sid", knownvalue.StringRegexp(sidRegexp("MG"))),
					attr("inbound_request_url", knownvalue.Null()),
					attr("inbound_method", knownvalue.StringExact("POST")),
					attr("validity_period", knownvalue.Int64Exact(36000)),
					attr("usecase", knownvalue.StringExact("undeclared")),
					attr("sticky_sender", knownvalue.Bool(true)),
					attr("fallback_to_long_code", knownvalue.Bool(false)),
					attr("scan_message_content", knownvalue.StringExact("inherit")),
					attr("us_app_to_person_registered", knownvalue.Bool(false)),
					statecheck.CompareValuePairs(testAccMessagingServiceAddr, tfjsonpath.New("account_sid"),
						"twilio_subaccount.tenant", tfjsonpath.New("sid"), compare.ValuesSame()),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				ResourceName: testAccMessagingServiceAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					rs := s.RootModule().Resources[testAccMessagingServiceAddr].Primary.Attributes
					return rs["account_sid"] + "/" + rs["sid"], nil
				},
			},
			// A bare MG… is found in the provider's subaccounts.
			{
				ResourceName: testAccMessagingServiceAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: testAccAttr(testAccMessagingServiceAddr, "sid"),
			},
		},
	})
}

// Every setting changes in place; removing the optional ones puts back the defaults and clears the URLs.
func TestAccMessagingService_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	full := `
  inbound_request_url           = "https://tenant.example.com/sms"
  inbound_method                = "GET"
  fallback_url                  = "https://tenant.example.com/fallback"
  fallback_method               = "GET"
  status_callback               = "https://tenant.example.com/status"
  sticky_sender                 = false
  mms_converter                 = false
  smart_encoding                = false
  scan_message_content          = "enable"
  fallback_to_long_code         = true
  area_code_geomatch            = false
  validity_period               = 600
  synchronous_validation        = true
  usecase                       = "notifications"
  use_inbound_webhook_on_number = true
`
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccMessagingServiceAddr, tfjsonpath.New(name), v)
	}
	update := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(testAccMessagingServiceAddr, plancheck.ResourceActionUpdate)}}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccMessagingServiceConfig("tenant texts", ""))},
			{
				Config: env.Config(testAccMessagingServiceConfig("tenant texts v2", full)), ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					attr("friendly_name", knownvalue.StringExact("tenant texts v2")),
					attr("inbound_request_url", knownvalue.StringExact("https://tenant.example.com/sms")),
					attr("fallback_method", knownvalue.StringExact("GET")),
					attr("validity_period", knownvalue.Int64Exact(600)),
					attr("usecase", knownvalue.StringExact("notifications")),
					attr("smart_encoding", knownvalue.Bool(false)),
					attr("use_inbound_webhook_on_number", knownvalue.Bool(true)),
				},
			},
			{Config: env.Config(testAccMessagingServiceConfig("tenant texts v2", full)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				Config: env.Config(testAccMessagingServiceConfig("tenant texts v2", "")), ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					attr("inbound_request_url", knownvalue.Null()),
					attr("status_callback", knownvalue.Null()),
					attr("inbound_method", knownvalue.StringExact("POST")),
					attr("validity_period", knownvalue.Int64Exact(36000)),
					attr("sticky_sender", knownvalue.Bool(true)),
					attr("usecase", knownvalue.StringExact("undeclared")),
				},
			},
			{Config: env.Config(testAccMessagingServiceConfig("tenant texts v2", "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// Console edits of any setting show in the plan as exactly those attributes; applying puts them back.
func TestAccMessagingService_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var account, sid string
	config := env.Config(testAccMessagingServiceConfig("tenant texts", `  inbound_request_url = "https://tenant.example.com/sms"`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr(testAccMessagingServiceAddr, "account_sid", &account),
				testAccCaptureAttr(testAccMessagingServiceAddr, "sid", &sid))},
			{
				PreConfig: func() {
					p := &twilioclient.UpdateMessagingServiceParams{}
					p.SetInboundRequestUrl("https://attacker.example.com/sms")
					p.SetStickySender(false)
					p.SetValidityPeriod(60)
					p.SetUsecase("marketing")
					p.SetStatusCallback("https://attacker.example.com/status")
					if _, err := env.Client(t).UpdateMessagingService(context.Background(), account, sid, p); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectChangedAttributes(testAccMessagingServiceAddr, "inbound_request_url", "status_callback",
						"sticky_sender", "usecase", "validity_period")}},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

func TestAccMessagingService_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: testAccDisappearsSteps(env.Config(testAccMessagingServiceConfig("tenant texts", "")), testAccMessagingServiceAddr,
			func(account, sid string) error {
				return env.Client(t).DeleteMessagingService(context.Background(), account, sid)
			}),
	})
}

// TestAccMessagingService_import imports a service made outside Terraform (in the provider's account) by
// its SID and by an import block with its identity, each planning no change.
func TestAccMessagingService_import(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	p := &twilioclient.CreateMessagingServiceParams{}
	p.SetFriendlyName("console made")
	p.SetInboundRequestUrl("https://console.example.com/sms")
	p.SetValidityPeriod(3600)
	p.SetUsecase("verification")
	p.SetStickySender(false)
	made, err := env.Client(t).CreateMessagingService(context.Background(), "", p)
	if err != nil {
		t.Fatal(err)
	}
	sid := *made.Sid
	config := env.Config(fmt.Sprintf(`
import {
  to       = twilio_messaging_service.test
  identity = { sid = %q }
}

resource "twilio_messaging_service" "test" {
  friendly_name       = "console made"
  inbound_request_url = "https://console.example.com/sms"
  validity_period     = 3600
  usecase             = "verification"
  sticky_sender       = false
  mms_converter       = %t
  smart_encoding      = %t
  area_code_geomatch  = %t
}
`, sid, *made.MmsConverter, *made.SmartEncoding, *made.AreaCodeGeomatch))
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccMessagingServiceAddr, plancheck.ResourceActionNoop)}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccMessagingServiceAddr, map[string]knownvalue.Check{
						"account_sid": knownvalue.StringExact(env.AccountSID), "sid": knownvalue.StringExact(sid),
					}),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// Bad values are refused at plan time, pointed at the attribute, before any request.
func TestAccMessagingService_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	base := func(extra string) string {
		return env.Config(fmt.Sprintf(`
resource "twilio_messaging_service" "test" {
  friendly_name = "x"
  %s
}
`, extra))
	}
	var steps []resource.TestStep
	for _, tc := range []struct{ config, want string }{
		{base(`validity_period = 0`), `validity_period[\s\S]*between\s+1\s+and\s+36000`},
		{base(`validity_period = 36001`), `validity_period[\s\S]*between\s+1\s+and\s+36000`},
		{base(`usecase = "Marketing"`), `usecase[\s\S]*value\s+must\s+be\s+one\s+of`},
		{base(`inbound_request_url = "/sms"`), `inbound_request_url`},
		{base(`fallback_method = "PUT"`), `fallback_method[\s\S]*value\s+must\s+be\s+one\s+of`},
		{base(`scan_message_content = "on"`), `scan_message_content`},
	} {
		steps = append(steps, resource.TestStep{Config: tc.config, PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    steps,
		CheckDestroy:             func(*terraform.State) error { testAccCheckNoRequests(t, env); return nil },
	})
}

// TestAccMessagingService_identity checks the identity after apply and imports by it.
func TestAccMessagingService_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(`
resource "twilio_messaging_service" "test" {
  friendly_name = "tenant texts"
  usecase       = "notifications"
}
`)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckMessagingServicesGone(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccMessagingServiceAddr, map[string]knownvalue.Check{
						"account_sid": knownvalue.StringExact(env.AccountSID), "sid": knownvalue.StringRegexp(sidRegexp("MG")),
					}),
				},
			},
			{Config: config, ResourceName: testAccMessagingServiceAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}
