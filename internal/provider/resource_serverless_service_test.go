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
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

const testAccServerlessServiceAddr = "twilio_serverless_service.test"

func testAccServerlessServiceConfig(unique, friendly, extra string) string {
	return fmt.Sprintf(`
resource "twilio_serverless_service" "test" {
  unique_name   = %q
  friendly_name = %q
%s
}
`, unique, friendly, extra)
}

func TestAccServerlessService_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccServerlessServiceAddr, tfjsonpath.New(name), v)
	}
	config := env.Config(testAccServerlessServiceConfig("voice-fn", "Voice", ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					attr("sid", knownvalue.StringRegexp(sidRegexp("ZS"))),
					attr("account_sid", knownvalue.StringExact(env.AccountSID)),
					attr("unique_name", knownvalue.StringExact("voice-fn")),
					attr("friendly_name", knownvalue.StringExact("Voice")),
					attr("include_credentials", knownvalue.Bool(true)),
					attr("ui_editable", knownvalue.Bool(false)),
					attr("domain_base", knownvalue.StringRegexp(regexp.MustCompile(`^voice-fn-[0-9]{4}$`))),
					attr("date_created", knownvalue.NotNull()),
				},
				Check: testAccCheckServerlessServiceInTwilio(t, env, func(s *twilioclient.Service) error {
					if *s.FriendlyName != "Voice" || !*s.IncludeCredentials || *s.UiEditable {
						return fmt.Errorf("service in Twilio: %q include_credentials=%v ui_editable=%v", *s.FriendlyName, *s.IncludeCredentials, *s.UiEditable)
					}
					return nil
				}),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			testAccImportStep(testAccServerlessServiceAddr, "timeouts"),
		},
	})
}

// friendly_name, include_credentials and ui_editable change in place; unique_name replaces the service.
func TestAccServerlessService_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccServerlessServiceConfig("voice-fn", "Voice", ""))},
			{
				Config: env.Config(testAccServerlessServiceConfig("voice-fn", "Voice 2", "include_credentials = false\nui_editable = true")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccServerlessServiceAddr, plancheck.ResourceActionUpdate),
				}},
				Check: testAccCheckServerlessServiceInTwilio(t, env, func(s *twilioclient.Service) error {
					if *s.FriendlyName != "Voice 2" || *s.IncludeCredentials || !*s.UiEditable {
						return fmt.Errorf("service in Twilio: %q include_credentials=%v ui_editable=%v", *s.FriendlyName, *s.IncludeCredentials, *s.UiEditable)
					}
					return nil
				}),
			},
			{
				// Removing the flags goes back to Twilio's defaults.
				Config: env.Config(testAccServerlessServiceConfig("voice-fn", "Voice 2", "")),
				Check: testAccCheckServerlessServiceInTwilio(t, env, func(s *twilioclient.Service) error {
					if !*s.IncludeCredentials || *s.UiEditable {
						return fmt.Errorf("defaults not restored: include_credentials=%v ui_editable=%v", *s.IncludeCredentials, *s.UiEditable)
					}
					return nil
				}),
			},
			{
				Config: env.Config(testAccServerlessServiceConfig("voice-fn-2", "Voice 2", "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccServerlessServiceAddr, plancheck.ResourceActionReplace),
				}},
			},
		},
	})
}

// A service made outside Terraform imports by AC…/ZS…, by a bare ZS… and by identity; bad IDs are refused.
func TestAccServerlessService_import(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	params := &twilioclient.CreateServiceParams{}
	params.SetUniqueName("console-made").SetFriendlyName("Console")
	s, err := env.Client(t).CreateService(context.Background(), env.AccountSID, params)
	if err != nil {
		t.Fatal(err)
	}
	config := env.Config(testAccServerlessServiceConfig("console-made", "Console", ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: config, ResourceName: testAccServerlessServiceAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithID, ImportStateId: *s.Sid},
			{
				Config: config, ResourceName: testAccServerlessServiceAddr, ImportState: true, ImportStatePersist: true,
				ImportStateId: env.AccountSID + "/" + *s.Sid,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["sid"] != *s.Sid || states[0].Attributes["domain_base"] != *s.DomainBase {
						return fmt.Errorf("expected service %s, got %+v", *s.Sid, states)
					}
					return nil
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{Config: config, ResourceName: testAccServerlessServiceAddr, ImportState: true,
				ImportStateId: "ZE" + strings.Repeat("0", 32), ExpectError: acctest.ErrorRegexp("Expected ZS… or AC…/ZS…")},
			{Config: config, ResourceName: testAccServerlessServiceAddr, ImportState: true,
				ImportStateId: "ZS" + strings.Repeat("0", 32), ExpectError: acctest.ErrorRegexp("There is no Serverless service")},
		},
	})
}

// Import by identity (Terraform 1.12+, OpenTofu 1.12+), with and without account_sid.
func TestAccServerlessService_importIdentity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccServerlessServiceConfig("voice-fn", "Voice", ""))
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccServerlessServiceAddr, map[string]knownvalue.Check{
						"account_sid": knownvalue.StringExact(env.AccountSID), "sid": knownvalue.StringRegexp(sidRegexp("ZS")),
					}),
				},
			},
			{Config: config, ResourceName: testAccServerlessServiceAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}

// Deleting the service in the Console removes it from state; the next plan creates it again.
func TestAccServerlessService_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: testAccDisappearsSteps(env.Config(testAccServerlessServiceConfig("voice-fn", "Voice", "")), testAccServerlessServiceAddr,
			func(account, sid string) error {
				return env.Client(t).DeleteService(context.Background(), account, sid)
			}),
	})
}

// A Console edit shows in the plan as exactly that attribute; applying restores the configuration.
func TestAccServerlessService_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid string
	config := env.Config(testAccServerlessServiceConfig("voice-fn", "Voice", ""))
	step := func(edit func(*twilioclient.UpdateServiceParams), changed string) resource.TestStep {
		return resource.TestStep{
			PreConfig: func() {
				p := &twilioclient.UpdateServiceParams{}
				edit(p)
				if _, err := env.Client(t).UpdateService(context.Background(), env.AccountSID, sid, p); err != nil {
					t.Fatal(err)
				}
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testAccServerlessServiceAddr, plancheck.ResourceActionUpdate),
				acctest.ExpectChangedAttributes(testAccServerlessServiceAddr, changed),
			}},
			Check: testAccCheckServerlessServiceInTwilio(t, env, func(s *twilioclient.Service) error {
				if *s.FriendlyName != "Voice" || !*s.IncludeCredentials || *s.UiEditable {
					return fmt.Errorf("not restored: %q include_credentials=%v ui_editable=%v", *s.FriendlyName, *s.IncludeCredentials, *s.UiEditable)
				}
				return nil
			}),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: config, Check: testAccCaptureAttr(testAccServerlessServiceAddr, "sid", &sid)},
			step(func(p *twilioclient.UpdateServiceParams) { p.SetFriendlyName("renamed in console") }, "friendly_name"),
			step(func(p *twilioclient.UpdateServiceParams) { p.SetIncludeCredentials(false) }, "include_credentials"),
			step(func(p *twilioclient.UpdateServiceParams) { p.SetUiEditable(true) }, "ui_editable"),
		},
	})
}

// Plan-time validation: nothing reaches Twilio.
func TestAccServerlessService_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	for _, tc := range []struct{ unique, friendly, want string }{
		{"has.dot", "x", "letters, digits and dashes"},
		{strings.Repeat("a", 51), "x", "length must be between 1 and 50"},
		{"ok", strings.Repeat("f", 256), "between 1 and 255"},
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{{
				Config: env.Config(testAccServerlessServiceConfig(tc.unique, tc.friendly, "")), PlanOnly: true,
				ExpectError: acctest.ErrorRegexp(tc.want),
			}},
		})
	}
	testAccCheckNoRequests(t, env)
}

// A taken unique name fails the create with Twilio's conflict and the hint; nothing is stored.
func TestAccServerlessService_nameTaken(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	params := &twilioclient.CreateServiceParams{}
	params.SetUniqueName("taken").SetFriendlyName("Console")
	if _, err := env.Client(t).CreateService(context.Background(), env.AccountSID, params); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      env.Config(testAccServerlessServiceConfig("taken", "Mine", "")),
			ExpectError: acctest.ErrorRegexp("already taken"),
		}},
	})
}

func testAccCheckServerlessServiceInTwilio(t *testing.T, env *acctest.Env, check func(*twilioclient.Service) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[testAccServerlessServiceAddr]
		if !ok {
			return fmt.Errorf("%s not in state", testAccServerlessServiceAddr)
		}
		svc, err := env.Client(t).FindService(context.Background(), rs.Primary.Attributes["account_sid"], rs.Primary.Attributes["sid"])
		if err != nil {
			return err
		}
		return check(svc)
	}
}

// testAccCheckServerlessDestroyed is the CheckDestroy of Serverless tests: no service, environment or
// variable the test managed is left in Twilio.
func testAccCheckServerlessDestroyed(t *testing.T, env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		ctx := context.Background()
		for _, rs := range s.RootModule().Resources {
			a := rs.Primary.Attributes
			var err error
			switch rs.Type {
			case "twilio_serverless_service":
				_, err = env.Client(t).FindService(ctx, a["account_sid"], a["sid"])
			case "twilio_serverless_environment":
				_, err = env.Client(t).FindEnvironment(ctx, a["account_sid"], a["service_sid"], a["sid"])
			case "twilio_serverless_variable":
				_, err = env.Client(t).FindVariable(ctx, a["account_sid"], a["service_sid"], a["environment_sid"], a["sid"])
			default:
				continue
			}
			switch {
			case err == nil:
				return fmt.Errorf("%s %s still exists after destroy", rs.Type, a["sid"])
			case !twilioclient.IsNotFound(err) && !twilioclient.IsAccountInactive(err):
				return err
			}
		}
		return nil
	}
}

// skip_destroy on the service, its environment and a variable: destroying forgets them and Twilio keeps
// them, so a protected tenant's numbers keep calling its function.
func TestAccServerlessService_skipDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(strings.NewReplacer(
		"unique_name   = \"voice-fn\"", "unique_name   = \"voice-fn\"\n  skip_destroy  = true",
		"unique_name = \"staging\"", "unique_name = \"staging\"\n  skip_destroy = true",
		"key             = \"KEPT\"", "key             = \"KEPT\"\n  skip_destroy    = true",
	).Replace(testAccServerlessVariableConfig("KEPT", `value = "v"`)))
	var sids []string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(*terraform.State) error {
			live := acctest.LiveObjects(env.Emulator.Snapshot())
			for _, sid := range sids {
				if live[sid] == "" {
					return fmt.Errorf("%s was deleted despite skip_destroy", sid)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testAccServerlessServiceAddr, tfjsonpath.New("skip_destroy"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(testAccServerlessEnvironmentAddr, tfjsonpath.New("skip_destroy"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(testAccServerlessVariableAddr, tfjsonpath.New("skip_destroy"), knownvalue.Bool(true)),
			},
			Check: func(s *terraform.State) error {
				for _, addr := range []string{testAccServerlessServiceAddr, testAccServerlessEnvironmentAddr, testAccServerlessVariableAddr} {
					sids = append(sids, s.RootModule().Resources[addr].Primary.Attributes["sid"])
				}
				return nil
			},
		}},
	})
}
