package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

const testAccServerlessVariableAddr = "twilio_serverless_variable.test"

// testAccServerlessVariableConfig is a service, an environment and one variable whose value line is given
// (`value = "..."` or `value_wo = "..."` plus a version).
func testAccServerlessVariableConfig(key, valueLines string) string {
	return testAccServerlessEnvironmentConfig("staging", "stage") + fmt.Sprintf(`
resource "twilio_serverless_variable" "test" {
  service_sid     = twilio_serverless_service.test.sid
  environment_sid = twilio_serverless_environment.test.sid
  key             = %q
  %s
}
`, key, valueLines)
}

func testAccServerlessVariableImportID(s *terraform.State) (string, error) {
	rs, ok := s.RootModule().Resources[testAccServerlessVariableAddr]
	if !ok {
		return "", fmt.Errorf("%s not in state", testAccServerlessVariableAddr)
	}
	a := rs.Primary.Attributes
	return a["service_sid"] + "/" + a["environment_sid"] + "/" + a["sid"], nil
}

// testAccCheckServerlessVariableInTwilio checks the variable's key and value as Twilio holds them.
func testAccCheckServerlessVariableInTwilio(t *testing.T, env *acctest.Env, key, value string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[testAccServerlessVariableAddr]
		if !ok {
			return fmt.Errorf("%s not in state", testAccServerlessVariableAddr)
		}
		a := rs.Primary.Attributes
		v, err := env.Client(t).FindVariable(context.Background(), a["account_sid"], a["service_sid"], a["environment_sid"], a["sid"])
		if err != nil {
			return err
		}
		if *v.Key != key || *v.Value != value {
			return fmt.Errorf("variable in Twilio is %s=%q, want %s=%q", *v.Key, *v.Value, key, value)
		}
		return nil
	}
}

func TestAccServerlessVariable_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccServerlessVariableConfig("GREETING", `value = "hello"`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccServerlessVariableAddr, tfjsonpath.New("sid"), knownvalue.StringRegexp(sidRegexp("ZV"))),
					statecheck.ExpectKnownValue(testAccServerlessVariableAddr, tfjsonpath.New("key"), knownvalue.StringExact("GREETING")),
					statecheck.ExpectKnownValue(testAccServerlessVariableAddr, tfjsonpath.New("value"), knownvalue.StringExact("hello")),
					statecheck.ExpectKnownValue(testAccServerlessVariableAddr, tfjsonpath.New("account_sid"), knownvalue.StringExact(env.AccountSID)),
				},
				Check: testAccCheckServerlessVariableInTwilio(t, env, "GREETING", "hello"),
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				// Import cannot know whether the configuration uses value or value_wo, so it stores neither.
				ResourceName: testAccServerlessVariableAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts", "value"},
				ImportStateIdFunc: testAccServerlessVariableImportID,
			},
		},
	})
}

// Key and value change in place, in one call each.
func TestAccServerlessVariable_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	step := func(key, value string) resource.TestStep {
		return resource.TestStep{
			Config: env.Config(testAccServerlessVariableConfig(key, fmt.Sprintf("value = %q", value))),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testAccServerlessVariableAddr, plancheck.ResourceActionUpdate),
			}},
			Check: testAccCheckServerlessVariableInTwilio(t, env, key, value),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccServerlessVariableConfig("GREETING", `value = "hello"`))},
			step("GREETING", "bonjour"),
			step("WELCOME", "bonjour"),
			step("HELLO", "hi"),
		},
	})
}

// A write-only value reaches Twilio, never the state or the plan; a new version sends the new value, and a
// changed value without a new version changes nothing (Terraform cannot see it).
func TestAccServerlessVariable_writeOnly(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const secret1, secret2 = "wo-secret-first-4c1d", "wo-secret-second-9e7a"
	var a map[string]string
	wo := func(secret string, version int) string {
		return env.Config(testAccServerlessVariableConfig("API_SECRET", fmt.Sprintf("value_wo = %q\n  value_wo_version = %d", secret, version)))
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.WriteOnly),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: wo(secret1, 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccServerlessVariableAddr, tfjsonpath.New("value"), knownvalue.Null()),
					statecheck.ExpectKnownValue(testAccServerlessVariableAddr, tfjsonpath.New("value_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(testAccServerlessVariableAddr, tfjsonpath.New("value_wo_version"), knownvalue.Int64Exact(1)),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckServerlessVariableInTwilio(t, env, "API_SECRET", secret1),
					testAccCheckSecretNotInState(secret1),
					func(s *terraform.State) error {
						a = s.RootModule().Resources[testAccServerlessVariableAddr].Primary.Attributes
						return nil
					},
				),
			},
			{
				// Refresh reads the variable but keeps its value out of the state.
				Config:           wo(secret1, 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            testAccCheckSecretNotInState(secret1),
			},
			{
				// Without a new version nothing is sent: the documented limit of write-only attributes.
				Config:           wo(secret2, 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            testAccCheckServerlessVariableInTwilio(t, env, "API_SECRET", secret1),
			},
			{
				Config: wo(secret2, 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccServerlessVariableAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccServerlessVariableAddr, "value_wo_version"),
				}},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckServerlessVariableInTwilio(t, env, "API_SECRET", secret2),
					testAccCheckSecretNotInState(secret2),
				),
			},
			{
				// A Console edit of the value cannot be compared, but Twilio's date_updated gives it away: the
				// refresh records no configured version in Twilio, and the apply sends the configured value again.
				PreConfig: func() {
					p := (&twilioclient.UpdateVariableParams{}).SetValue("changed in the console")
					if _, err := env.Client(t).UpdateVariable(context.Background(), a["account_sid"], a["service_sid"], a["environment_sid"], a["sid"], p); err != nil {
						t.Fatal(err)
					}
				},
				Config: wo(secret2, 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccServerlessVariableAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccServerlessVariableAddr, "value_wo_version"),
				}},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckServerlessVariableInTwilio(t, env, "API_SECRET", secret2),
					testAccCheckSecretNotInState(secret2),
				),
			},
			{
				Config:           wo(secret2, 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// From write-only to a plain value and back: each switch sends the configured value.
				Config: env.Config(testAccServerlessVariableConfig("API_SECRET", `value = "plain"`)),
				Check:  testAccCheckServerlessVariableInTwilio(t, env, "API_SECRET", "plain"),
			},
			{
				Config: wo(secret1, 3),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccServerlessVariableAddr, tfjsonpath.New("value"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckServerlessVariableInTwilio(t, env, "API_SECRET", secret1),
					testAccCheckSecretNotInState(secret1),
				),
			},
		},
	})
}

// testAccCheckSecretNotInState fails when the secret appears in any attribute of the state Terraform
// reports (TestAccSecretsNeverLogged in internal/e2e reads the state file itself).
func testAccCheckSecretNotInState(secret string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, m := range s.Modules {
			for addr, rs := range m.Resources {
				for k, v := range rs.Primary.Attributes {
					if strings.Contains(v, secret) {
						return fmt.Errorf("the write-only secret is in the state at %s.%s", addr, k)
					}
				}
			}
		}
		return nil
	}
}

// Console edits: a changed key or plain value shows in the plan; a write-only value's change cannot.
func TestAccServerlessVariable_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccServerlessVariableConfig("GREETING", `value = "hello"`))
	var a map[string]string
	edit := func(p *twilioclient.UpdateVariableParams) func() {
		return func() {
			if _, err := env.Client(t).UpdateVariable(context.Background(), a["account_sid"], a["service_sid"], a["environment_sid"], a["sid"], p); err != nil {
				t.Fatal(err)
			}
		}
	}
	driftStep := func(p *twilioclient.UpdateVariableParams, changed string) resource.TestStep {
		return resource.TestStep{
			PreConfig: edit(p),
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testAccServerlessVariableAddr, plancheck.ResourceActionUpdate),
				acctest.ExpectChangedAttributes(testAccServerlessVariableAddr, changed),
			}},
			Check: testAccCheckServerlessVariableInTwilio(t, env, "GREETING", "hello"),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: config, Check: func(s *terraform.State) error {
				a = s.RootModule().Resources[testAccServerlessVariableAddr].Primary.Attributes
				return nil
			}},
			driftStep((&twilioclient.UpdateVariableParams{}).SetValue("changed in console"), "value"),
			driftStep((&twilioclient.UpdateVariableParams{}).SetKey("RENAMED"), "key"),
		},
	})
}

func TestAccServerlessVariable_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var a map[string]string
	config := env.Config(testAccServerlessVariableConfig("GREETING", `value = "hello"`))
	steps := testAccDisappearsSteps(config, testAccServerlessVariableAddr, func(account, sid string) error {
		return env.Client(t).DeleteVariable(context.Background(), account, a["service_sid"], a["environment_sid"], sid)
	})
	steps[0].Check = resource.ComposeTestCheckFunc(func(s *terraform.State) error {
		a = s.RootModule().Resources[testAccServerlessVariableAddr].Primary.Attributes
		return nil
	}, steps[0].Check)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps:                    steps,
	})
}

// A variable imports by its path (with or without the account) and by identity. Import stores no value, so
// a write-only configuration imports with no change at all.
func TestAccServerlessVariable_import(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccServerlessVariableConfig("GREETING", `value_wo = "hello"`))
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccServerlessVariableAddr, map[string]knownvalue.Check{
						"account_sid":     knownvalue.StringExact(env.AccountSID),
						"service_sid":     knownvalue.StringRegexp(sidRegexp("ZS")),
						"environment_sid": knownvalue.StringRegexp(sidRegexp("ZE")),
						"sid":             knownvalue.StringRegexp(sidRegexp("ZV")),
					}),
				},
			},
			{Config: config, ResourceName: testAccServerlessVariableAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{Config: config, ResourceName: testAccServerlessVariableAddr, ImportState: true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					id, err := testAccServerlessVariableImportID(s)
					return env.AccountSID + "/" + id, err
				},
				ImportStateVerify: true, ImportStateVerifyIdentifierAttribute: "sid",
				ImportStateVerifyIgnore: []string{"timeouts"}},
			{Config: config, ResourceName: testAccServerlessVariableAddr, ImportState: true,
				ImportStateId: "ZV" + strings.Repeat("0", 32), ExpectError: acctest.ErrorRegexp("Expected ZS…/ZE…/ZV…")},
		},
	})
}

// Exactly one of value and value_wo; limits are checked at plan time; nothing reaches Twilio.
func TestAccServerlessVariable_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	for _, tc := range []struct{ key, lines, want string }{
		{"K", "", "Exactly one of these attributes must be configured"},
		{"K", `value = "a"` + "\n" + `value_wo = "b"`, "Invalid Attribute Combination"},
		{"K", `value = "` + strings.Repeat("v", 451) + `"`, "length must be between 1 and 450"},
		{strings.Repeat("k", 129), `value = "a"`, "character count must be between 1 and 128"},
		{"K", `value = "a"` + "\n" + "value_wo_version = 1", "value_wo"},
	} {
		resource.Test(t, resource.TestCase{
			TerraformVersionChecks:   acctest.Needs(acctest.WriteOnly),
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{{
				Config: env.Config(testAccServerlessVariableConfig(tc.key, tc.lines)), PlanOnly: true,
				ExpectError: acctest.ErrorRegexp(tc.want),
			}},
		})
	}
	testAccCheckNoRequests(t, env)
}
