package provider

import (
	"context"
	"fmt"
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
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

const testAccServerlessEnvironmentAddr = "twilio_serverless_environment.test"

// testAccServerlessEnvironmentConfig is a service and one environment; suffix "" leaves domain_suffix out.
func testAccServerlessEnvironmentConfig(unique, suffix string) string {
	s := ""
	if suffix != "" {
		s = fmt.Sprintf("domain_suffix = %q", suffix)
	}
	return testAccServerlessServiceConfig("voice-fn", "Voice", "") + fmt.Sprintf(`
resource "twilio_serverless_environment" "test" {
  service_sid = twilio_serverless_service.test.sid
  unique_name = %q
  %s
}
`, unique, s)
}

func testAccServerlessEnvironmentImportID(s *terraform.State) (string, error) {
	rs, ok := s.RootModule().Resources[testAccServerlessEnvironmentAddr]
	if !ok {
		return "", fmt.Errorf("%s not in state", testAccServerlessEnvironmentAddr)
	}
	return rs.Primary.Attributes["service_sid"] + "/" + rs.Primary.Attributes["sid"], nil
}

func TestAccServerlessEnvironment_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccServerlessEnvironmentAddr, tfjsonpath.New(name), v)
	}
	config := env.Config(testAccServerlessEnvironmentConfig("staging", "stage"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					attr("sid", knownvalue.StringRegexp(sidRegexp("ZE"))),
					attr("account_sid", knownvalue.StringExact(env.AccountSID)),
					attr("unique_name", knownvalue.StringExact("staging")),
					attr("domain_suffix", knownvalue.StringExact("stage")),
					attr("domain_name", knownvalue.StringRegexp(regexp.MustCompile(`^voice-fn-[0-9]{4}-stage\.twil\.io$`))),
					attr("build_sid", knownvalue.StringExact("")),
					attr("date_created", knownvalue.NotNull()),
					statecheck.CompareValuePairs(testAccServerlessEnvironmentAddr, tfjsonpath.New("service_sid"),
						testAccServerlessServiceAddr, tfjsonpath.New("sid"), compare.ValuesSame()),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				ResourceName: testAccServerlessEnvironmentAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: testAccServerlessEnvironmentImportID,
			},
		},
	})
}

// Environments have no update in Twilio's API: a new unique name or suffix replaces the environment; without
// a suffix the environment gets the service's bare domain.
func TestAccServerlessEnvironment_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	replace := func(config string, check statecheck.StateCheck) resource.TestStep {
		return resource.TestStep{
			Config: env.Config(config),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testAccServerlessEnvironmentAddr, plancheck.ResourceActionReplace),
			}},
			ConfigStateChecks: []statecheck.StateCheck{check},
		}
	}
	domain := func(re string) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccServerlessEnvironmentAddr, tfjsonpath.New("domain_name"),
			knownvalue.StringRegexp(regexp.MustCompile(re)))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccServerlessEnvironmentConfig("staging", "stage"))},
			replace(testAccServerlessEnvironmentConfig("staging", "stg"), domain(`^voice-fn-[0-9]{4}-stg\.twil\.io$`)),
			replace(testAccServerlessEnvironmentConfig("production", "stg"), domain(`-stg\.twil\.io$`)),
			replace(testAccServerlessEnvironmentConfig("production", ""), domain(`^voice-fn-[0-9]{4}\.twil\.io$`)),
		},
	})
}

// An environment made outside Terraform imports by ZS…/ZE…, AC…/ZS…/ZE… and by identity; bad IDs are refused.
func TestAccServerlessEnvironment_import(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	sp := &twilioclient.CreateServiceParams{}
	sp.SetUniqueName("voice-fn").SetFriendlyName("Voice")
	svc, err := env.Client(t).CreateService(ctx, env.AccountSID, sp)
	if err != nil {
		t.Fatal(err)
	}
	ep := &twilioclient.CreateEnvironmentParams{}
	ep.SetUniqueName("staging").SetDomainSuffix("stage")
	e, err := env.Client(t).CreateEnvironment(ctx, env.AccountSID, *svc.Sid, ep)
	if err != nil {
		t.Fatal(err)
	}
	config := env.Config(fmt.Sprintf(`
resource "twilio_serverless_environment" "test" {
  service_sid   = %q
  unique_name   = "staging"
  domain_suffix = "stage"
}
`, *svc.Sid))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: config, ResourceName: testAccServerlessEnvironmentAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithID, ImportStateId: *svc.Sid + "/" + *e.Sid},
			{
				Config: config, ResourceName: testAccServerlessEnvironmentAddr, ImportState: true, ImportStatePersist: true,
				ImportStateId: env.AccountSID + "/" + *svc.Sid + "/" + *e.Sid,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["domain_name"] != *e.DomainName {
						return fmt.Errorf("expected environment %s, got %+v", *e.Sid, states)
					}
					return nil
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{Config: config, ResourceName: testAccServerlessEnvironmentAddr, ImportState: true,
				ImportStateId: *e.Sid, ExpectError: acctest.ErrorRegexp("Expected ZS…/ZE… or AC…/ZS…/ZE…")},
			{Config: config, ResourceName: testAccServerlessEnvironmentAddr, ImportState: true,
				ImportStateId: *svc.Sid + "/ZE" + strings.Repeat("0", 32), ExpectError: acctest.ErrorRegexp("There is no Serverless environment")},
		},
	})
}

func TestAccServerlessEnvironment_importIdentity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccServerlessEnvironmentConfig("staging", "stage"))
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccServerlessEnvironmentAddr, map[string]knownvalue.Check{
						"account_sid": knownvalue.StringExact(env.AccountSID),
						"service_sid": knownvalue.StringRegexp(sidRegexp("ZS")),
						"sid":         knownvalue.StringRegexp(sidRegexp("ZE")),
					}),
				},
			},
			{Config: config, ResourceName: testAccServerlessEnvironmentAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}

// Deleting the environment in the Console removes it from state; the next plan creates it again. Deleting
// the whole service takes the environment with it.
func TestAccServerlessEnvironment_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccServerlessEnvironmentConfig("staging", "stage"))
	var serviceSID string
	steps := testAccDisappearsSteps(config, testAccServerlessEnvironmentAddr, func(account, sid string) error {
		return env.Client(t).DeleteEnvironment(context.Background(), account, serviceSID, sid)
	})
	steps[0].Check = resource.ComposeTestCheckFunc(testAccCaptureAttr(testAccServerlessServiceAddr, "sid", &serviceSID), steps[0].Check)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps:                    steps,
	})
}

// Environments have nothing a Console user can edit through the API: a Console user can only delete one and
// make another under the same name. The refresh then finds the old one gone and the apply fails clearly on
// the name taken instead of adopting an environment nobody imported.
func TestAccServerlessEnvironment_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccServerlessEnvironmentConfig("staging", "stage"))
	var serviceSID, envSID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckServerlessDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr(testAccServerlessServiceAddr, "sid", &serviceSID),
				testAccCaptureAttr(testAccServerlessEnvironmentAddr, "sid", &envSID))},
			{
				PreConfig: func() {
					ctx := context.Background()
					if err := env.Client(t).DeleteEnvironment(ctx, env.AccountSID, serviceSID, envSID); err != nil {
						t.Fatal(err)
					}
					p := &twilioclient.CreateEnvironmentParams{}
					p.SetUniqueName("staging").SetDomainSuffix("stage")
					if _, err := env.Client(t).CreateEnvironment(ctx, env.AccountSID, serviceSID, p); err != nil {
						t.Fatal(err)
					}
				},
				Config:      config,
				ExpectError: acctest.ErrorRegexp("import the existing object"),
			},
		},
	})
}

// An environment in a subaccount, made with the parent's auth token (Serverless needs the subaccount's own
// credentials, which the provider obtains).
func TestAccServerlessEnvironment_subaccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(`
resource "twilio_subaccount" "t" {
  friendly_name = "tenant-serverless"
}

resource "twilio_serverless_service" "test" {
  account_sid   = twilio_subaccount.t.sid
  unique_name   = "tenant-voice"
  friendly_name = "Tenant voice"
}

resource "twilio_serverless_environment" "test" {
  account_sid = twilio_subaccount.t.sid
  service_sid = twilio_serverless_service.test.sid
  unique_name = "production"
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: resource.ComposeTestCheckFunc(
			testAccCheckServerlessDestroyed(t, env),
			testAccCheckSubaccountClosed(t, env),
		),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(testAccServerlessEnvironmentAddr, tfjsonpath.New("account_sid"),
						"twilio_subaccount.t", tfjsonpath.New("sid"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(testAccServerlessEnvironmentAddr, tfjsonpath.New("domain_name"),
						knownvalue.StringRegexp(regexp.MustCompile(`^tenant-voice-[0-9]{4}\.twil\.io$`))),
				},
				Check: func(s *terraform.State) error {
					// The main account sees no such service: it lives in the subaccount.
					sid := s.RootModule().Resources[testAccServerlessServiceAddr].Primary.Attributes["sid"]
					if _, err := env.Client(t).FindService(context.Background(), env.AccountSID, sid); !twilioclient.IsNotFound(err) {
						return fmt.Errorf("service %s visible in the main account: %v", sid, err)
					}
					return nil
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				ResourceName: testAccServerlessEnvironmentAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
				// A bare ZS…/ZE… is found in the subaccount.
				ImportStateIdFunc: testAccServerlessEnvironmentImportID,
			},
		},
	})
}
