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

const testAccUsageTriggerAddr = "twilio_usage_trigger.test"

// testAccUsageTriggerConfig is a tenant's monthly spend alert in a subaccount.
func testAccUsageTriggerConfig(value, callback, extra string) string {
	return fmt.Sprintf(`
resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant-spend"
}

resource "twilio_usage_trigger" "test" {
  account_sid    = twilio_subaccount.tenant.sid
  friendly_name  = "spend alert"
  usage_category = "totalprice"
  trigger_by     = "price"
  trigger_value  = %q
  recurring      = "monthly"
  callback_url   = %q
%s
}
`, value, callback, extra)
}

func testAccCheckUsageTriggersGone(t *testing.T, env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if env.Emulator == nil {
			return nil
		}
		if n := len(env.Emulator.Snapshot().UsageTriggers); n != 0 {
			return fmt.Errorf("%d usage triggers left after destroy", n)
		}
		return nil
	}
}

func TestAccUsageTrigger_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccUsageTriggerConfig("100", "https://ops.example.com/spend", ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             resource.ComposeTestCheckFunc(testAccCheckUsageTriggersGone(t, env), env.CheckDeletedOneByOne("twilio_usage_trigger")),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccUsageTriggerAddr, tfjsonpath.New("sid"), knownvalue.StringRegexp(sidRegexp("UT"))),
					statecheck.ExpectKnownValue(testAccUsageTriggerAddr, tfjsonpath.New("callback_method"), knownvalue.StringExact("POST")),
					statecheck.ExpectKnownValue(testAccUsageTriggerAddr, tfjsonpath.New("trigger_value"), knownvalue.StringExact("100")),
					statecheck.CompareValuePairs(testAccUsageTriggerAddr, tfjsonpath.New("account_sid"),
						"twilio_subaccount.tenant", tfjsonpath.New("sid"), compare.ValuesSame()),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				ResourceName: testAccUsageTriggerAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					rs := s.RootModule().Resources[testAccUsageTriggerAddr].Primary.Attributes
					return rs["account_sid"] + "/" + rs["sid"], nil
				},
			},
		},
	})
}

// The callback and the name change in place; the value replaces the trigger (Twilio cannot update it).
func TestAccUsageTrigger_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckUsageTriggersGone(t, env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccUsageTriggerConfig("100", "https://ops.example.com/spend", ""))},
			{
				Config: env.Config(testAccUsageTriggerConfig("100", "https://ops.example.com/v2/spend", `  callback_method = "GET"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccUsageTriggerAddr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccUsageTriggerAddr, tfjsonpath.New("callback_method"), knownvalue.StringExact("GET")),
				},
			},
			{
				Config: env.Config(testAccUsageTriggerConfig("250.50", "https://ops.example.com/v2/spend", `  callback_method = "GET"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccUsageTriggerAddr, plancheck.ResourceActionReplace)}},
			},
		},
	})
}

// A Console edit of the callback shows in the plan as exactly that attribute; applying restores it.
func TestAccUsageTrigger_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var account, sid string
	config := env.Config(testAccUsageTriggerConfig("100", "https://ops.example.com/spend", ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckUsageTriggersGone(t, env),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr(testAccUsageTriggerAddr, "account_sid", &account),
				testAccCaptureAttr(testAccUsageTriggerAddr, "sid", &sid))},
			{
				PreConfig: func() {
					p := &twilioclient.UpdateUsageTriggerParams{}
					p.SetCallbackUrl("https://attacker.example.com/x")
					if _, err := env.Client(t).UpdateUsageTrigger(context.Background(), account, sid, p); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectChangedAttributes(testAccUsageTriggerAddr, "callback_url")}},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

func TestAccUsageTrigger_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckUsageTriggersGone(t, env),
		Steps: testAccDisappearsSteps(env.Config(testAccUsageTriggerConfig("100", "https://ops.example.com/spend", "")), testAccUsageTriggerAddr,
			func(account, sid string) error {
				return env.Client(t).DeleteUsageTrigger(context.Background(), account, sid)
			}),
	})
}

// TestAccUsageTrigger_identity checks the identity after apply and imports by it.
func TestAccUsageTrigger_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(`
resource "twilio_usage_trigger" "test" {
  friendly_name  = "calls"
  usage_category = "calls"
  trigger_by     = "count"
  trigger_value  = "1000"
  recurring      = "daily"
  callback_url   = "https://ops.example.com/calls"
}
`)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckUsageTriggersGone(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccUsageTriggerAddr, map[string]knownvalue.Check{
						"account_sid": knownvalue.StringExact(env.AccountSID), "sid": knownvalue.StringRegexp(sidRegexp("UT")),
					}),
				},
			},
			{Config: config, ResourceName: testAccUsageTriggerAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}

// Bad values are refused at plan time, pointed at the attribute, before any request.
func TestAccUsageTrigger_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	base := func(value, category string) string {
		return env.Config(fmt.Sprintf(`
resource "twilio_usage_trigger" "test" {
  friendly_name  = "x"
  usage_category = %q
  trigger_by     = "price"
  trigger_value  = %q
  recurring      = "monthly"
  callback_url   = "https://ops.example.com/spend"
}
`, category, value))
	}
	var steps []resource.TestStep
	for _, tc := range []struct{ config, want string }{
		{base("+30", "totalprice"), `relative\s+form`},
		{base("0", "totalprice"), `is\s+not\s+positive`},
		{base("ten", "totalprice"), `is\s+not\s+a\s+number`},
		{base("100", "Total Price"), `must\s+be\s+a\s+Twilio\s+usage\s+category`},
	} {
		steps = append(steps, resource.TestStep{Config: tc.config, PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    steps,
		CheckDestroy:             func(*terraform.State) error { testAccCheckNoRequests(t, env); return nil },
	})
}
