package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

const (
	testAccBuildAddr      = "twilio_serverless_build.test"
	testAccDeploymentAddr = "twilio_serverless_deployment.test"
)

// testAccServerlessStackConfig is a function, a build of its latest version and a deployment to the
// environment: what a user writes to deploy a voice function in one apply.
func testAccServerlessStackConfig(code string) string {
	return testAccServerlessFunctionConfig("voice", "/voice", code) + `
resource "twilio_serverless_build" "test" {
  service_sid           = local.service_sid
  function_version_sids = [twilio_serverless_function.test.latest_version_sid]
  dependencies          = { twilio = "5.3.0" }
  runtime               = "node22"
}

resource "twilio_serverless_deployment" "test" {
  service_sid     = local.service_sid
  environment_sid = local.environment_sid
  build_sid       = twilio_serverless_build.test.sid
}
`
}

// runs is the build the environment currently runs, read from Twilio.
func (s *testAccServerless) runs(t *testing.T) string {
	t.Helper()
	r, err := s.env.Client(t).FindEnvironmentRuns(context.Background(), s.env.AccountSID, s.service, s.environment)
	if err != nil {
		t.Fatal(err)
	}
	return r.BuildSid
}

func (s *testAccServerless) checkRuns(t *testing.T, want *string) resource.TestCheckFunc {
	return func(*terraformState) error {
		if got := s.runs(t); got != *want {
			return fmt.Errorf("the environment runs %q, want %q", got, *want)
		}
		return nil
	}
}

// TestAccServerlessDeployment_codeChange: the first apply uploads, builds and deploys; a code change is a
// new version, a new build and a new deployment in one apply, with the function's SID and URL unchanged;
// the build and the deployment import.
func TestAccServerlessDeployment_codeChange(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	var fnSID, build1, build2 string
	url := "https://" + s.domain
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: s.config(testAccServerlessStackConfig("// v1\n")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccBuildAddr, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
					statecheck.ExpectKnownValue(testAccBuildAddr, tfjsonpath.New("runtime"), knownvalue.StringExact("node22")),
					statecheck.ExpectKnownValue(testAccBuildAddr, tfjsonpath.New("dependencies"),
						knownvalue.MapExact(map[string]knownvalue.Check{"twilio": knownvalue.StringExact("5.3.0")})),
					statecheck.ExpectKnownValue(testAccDeploymentAddr, tfjsonpath.New("sid"), knownvalue.StringRegexp(sidRegexp("ZD"))),
					statecheck.ExpectKnownValue(testAccDeploymentAddr, tfjsonpath.New("domain_name"), knownvalue.StringExact(s.domain)),
					statecheck.ExpectKnownValue(testAccDeploymentAddr, tfjsonpath.New("url"), knownvalue.StringExact(url)),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCaptureAttr(testAccFunctionAddr, "sid", &fnSID),
					testAccCaptureAttr(testAccBuildAddr, "sid", &build1),
					s.checkRuns(t, &build1)),
			},
			{
				Config: s.config(testAccServerlessStackConfig("// v2\n")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccFunctionAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(testAccBuildAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction(testAccDeploymentAddr, plancheck.ResourceActionUpdate),
					// The function's URL (deployment url + path) is known at plan time and unchanged.
					plancheck.ExpectKnownValue(testAccDeploymentAddr, tfjsonpath.New("url"), knownvalue.StringExact(url)),
					plancheck.ExpectKnownValue(testAccFunctionAddr, tfjsonpath.New("path"), knownvalue.StringExact("/voice")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccFunctionAddr, tfjsonpath.New("sid"), knownvalue.StringFunc(func(v string) error {
						if v != fnSID {
							return fmt.Errorf("function SID changed from %s to %s", fnSID, v)
						}
						return nil
					})),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCaptureAttr(testAccBuildAddr, "sid", &build2),
					s.checkRuns(t, &build2),
					s.checkFunctionCode(t, testAccFunctionAddr, "// v2\n"),
					func(*terraformState) error {
						if build2 == build1 {
							return fmt.Errorf("the build was not replaced")
						}
						return nil
					}),
			},
			{
				Config:           s.config(testAccServerlessStackConfig("// v2\n")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				ResourceName:            testAccBuildAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateIdFunc:       testAccServiceChildID(testAccBuildAddr),
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				ResourceName:                         testAccDeploymentAddr,
				ImportState:                          true,
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "sid",
				ImportStateIdFunc: func(st *terraformState) (string, error) {
					a := st.RootModule().Resources[testAccDeploymentAddr].Primary.Attributes
					return a["account_sid"] + "/" + a["service_sid"] + "/" + a["environment_sid"], nil
				},
			},
		},
	})
}

// TestAccServerlessDeployment_failedBuildKeepsLive: a code change whose build fails fails the apply; the
// environment still runs the previous build, which still exists, and the failed build is neither in the
// state nor left in Twilio. Fixing the code deploys in the next apply.
func TestAccServerlessDeployment_failedBuildKeepsLive(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	var build1, build3 string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: s.config(testAccServerlessStackConfig("// good\n")),
				Check:  resource.ComposeTestCheckFunc(testAccCaptureAttr(testAccBuildAddr, "sid", &build1), s.checkRuns(t, &build1)),
			},
			{
				Config:      s.config(testAccServerlessStackConfig("// broken " + emulator.BuildFailMarker + "\n")),
				ExpectError: regexp.MustCompile(`(?s)build ZB[0-9a-f]{32} failed.*"failed".*previous build`),
			},
			{
				PreConfig: func() {
					if got := s.runs(t); got != build1 {
						t.Fatalf("after the failed apply the environment runs %q, want the previous build %s", got, build1)
					}
					if _, err := s.env.Client(t).FindBuild(context.Background(), s.env.AccountSID, s.service, build1); err != nil {
						t.Fatalf("the live build %s was deleted: %v", build1, err)
					}
					for _, b := range s.env.Emulator.Snapshot().ServerlessBuilds {
						if b.Status == emulator.BuildFailed {
							t.Fatalf("failed build %s left in Twilio", b.Sid)
						}
					}
				},
				Config: s.config(testAccServerlessStackConfig("// fixed\n")),
				Check:  resource.ComposeTestCheckFunc(testAccCaptureAttr(testAccBuildAddr, "sid", &build3), s.checkRuns(t, &build3)),
			},
		},
	})
}

// TestAccServerlessDeployment_drift: a deployment made outside Terraform (the Console, the Twilio CLI)
// shows in the plan as build_sid, and the apply deploys the configured build again.
func TestAccServerlessDeployment_drift(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	config := s.config(testAccServerlessStackConfig("// terraform\n"))
	var fnSID, build string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(testAccCaptureAttr(testAccFunctionAddr, "sid", &fnSID),
					testAccCaptureAttr(testAccBuildAddr, "sid", &build)),
			},
			{
				PreConfig: func() {
					// What `twilio serverless:deploy` does: a version, a build, a deployment.
					c, ctx := s.env.Client(t), context.Background()
					if _, err := c.CreateBuild(ctx, s.env.AccountSID, s.service, nil, nil, nil, ""); err == nil {
						t.Fatal("a build without versions was accepted")
					}
					other, err := c.CreateCode(ctx, s.env.AccountSID, s.service, twilioclient.KindFunction, "console")
					if err != nil {
						t.Fatal(err)
					}
					v, err := c.UploadVersion(ctx, s.env.AccountSID, s.service, twilioclient.KindFunction, other.Sid, "/console", "public", []byte("// console\n"), "application/javascript")
					if err != nil {
						t.Fatal(err)
					}
					b, err := c.CreateBuild(ctx, s.env.AccountSID, s.service, []string{v.Sid}, nil, nil, "")
					if err != nil {
						t.Fatal(err)
					}
					if _, err := c.WaitForBuild(ctx, s.env.AccountSID, s.service, b.Sid); err != nil {
						t.Fatal(err)
					}
					if _, err := c.CreateDeployment(ctx, s.env.AccountSID, s.service, s.environment, b.Sid); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectChangedAttributes(testAccDeploymentAddr, "build_sid", "sid", "id"),
					plancheck.ExpectResourceAction(testAccBuildAddr, plancheck.ResourceActionNoop),
				}},
				Check: s.checkRuns(t, &build),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestAccServerlessBuild_disappears: a build deleted outside Terraform (one no environment runs) leaves the
// state and is built again; destroying a build no environment runs deletes it.
func TestAccServerlessBuild_disappears(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	config := s.config(testAccServerlessFunctionConfig("voice", "/voice", "// x\n") + `
resource "twilio_serverless_build" "test" {
  service_sid           = local.service_sid
  function_version_sids = [twilio_serverless_function.test.latest_version_sid]
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(*terraformState) error {
			if n := len(s.env.Emulator.Snapshot().ServerlessBuilds); n != 0 {
				return fmt.Errorf("%d builds left after destroy", n)
			}
			return nil
		},
		Steps: testAccDisappearsSteps(config, testAccBuildAddr, func(account, sid string) error {
			return s.env.Client(t).DeleteBuild(context.Background(), account, s.service, sid)
		}),
	})
}

// TestAccServerlessDeployment_disappears: when the environment is deleted outside Terraform, the
// deployment leaves the state (what it deployed is gone) without failing the plan.
func TestAccServerlessDeployment_disappears(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	config := s.config(testAccServerlessStackConfig("// x\n"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					s.call(t, http.MethodDelete, "/v1/Services/"+s.service+"/Environments/"+s.environment, nil)
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: func(st *terraformState) error {
					if _, ok := st.RootModule().Resources[testAccDeploymentAddr]; ok {
						return fmt.Errorf("the deployment of a deleted environment is still in the state")
					}
					return nil
				},
			},
		},
	})
}

// TestAccServerlessBuild_basic: a build without runtime records the one Twilio chose, plans no change, and
// imports by ZS…/ZB… and by AC…/ZS…/ZB….
func TestAccServerlessBuild_basic(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	config := s.config(testAccServerlessFunctionConfig("voice", "/voice", "// x\n") + `
resource "twilio_serverless_build" "test" {
  service_sid           = local.service_sid
  function_version_sids = [twilio_serverless_function.test.latest_version_sid]
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccBuildAddr, tfjsonpath.New("sid"), knownvalue.StringRegexp(sidRegexp("ZB"))),
					statecheck.ExpectKnownValue(testAccBuildAddr, tfjsonpath.New("runtime"), knownvalue.StringExact("node22")),
					statecheck.ExpectKnownValue(testAccBuildAddr, tfjsonpath.New("dependencies"), knownvalue.Null()),
					statecheck.ExpectKnownValue(testAccBuildAddr, tfjsonpath.New("asset_version_sids"), knownvalue.Null()),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				ResourceName:            testAccBuildAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateIdFunc:       testAccServiceChildID(testAccBuildAddr),
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				ResourceName:      testAccBuildAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(st *terraformState) (string, error) {
					a := st.RootModule().Resources[testAccBuildAddr].Primary.Attributes
					return a["account_sid"] + "/" + a["service_sid"] + "/" + a["sid"], nil
				},
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
		},
	})
}

// TestAccServerlessDeployment_subaccount deploys a function in a tenant's subaccount with the main
// account's credentials (account_sid on every resource): Serverless only accepts the subaccount's own
// credentials, which the provider obtains. The objects live in the subaccount, none in the main account.
func TestAccServerlessDeployment_subaccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	config := env.Config(`
resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant"
}

resource "twilio_serverless_service" "voice" {
  account_sid   = twilio_subaccount.tenant.sid
  unique_name   = "tenant-voice"
  friendly_name = "Tenant voice"
}

resource "twilio_serverless_environment" "prod" {
  account_sid = twilio_subaccount.tenant.sid
  service_sid = twilio_serverless_service.voice.sid
  unique_name = "prod"
}

resource "twilio_serverless_function" "test" {
  account_sid   = twilio_subaccount.tenant.sid
  service_sid   = twilio_serverless_service.voice.sid
  friendly_name = "voice"
  path          = "/voice"
  content       = "// tenant\n"
}

resource "twilio_serverless_build" "test" {
  account_sid           = twilio_subaccount.tenant.sid
  service_sid           = twilio_serverless_service.voice.sid
  function_version_sids = [twilio_serverless_function.test.latest_version_sid]
}

resource "twilio_serverless_deployment" "test" {
  account_sid     = twilio_subaccount.tenant.sid
  service_sid     = twilio_serverless_service.voice.sid
  environment_sid = twilio_serverless_environment.prod.sid
  build_sid       = twilio_serverless_build.test.sid
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(testAccFunctionAddr, tfjsonpath.New("account_sid"),
						"twilio_subaccount.tenant", tfjsonpath.New("sid"), compare.ValuesSame()),
					statecheck.CompareValuePairs(testAccDeploymentAddr, tfjsonpath.New("build_sid"),
						testAccBuildAddr, tfjsonpath.New("sid"), compare.ValuesSame()),
				},
				Check: func(st *terraformState) error {
					sub := st.RootModule().Resources["twilio_subaccount.tenant"].Primary.Attributes["sid"]
					snap := env.Emulator.Snapshot()
					for _, b := range snap.ServerlessBuilds {
						if b.AccountSid != sub {
							return fmt.Errorf("build %s is in account %s, want the subaccount %s", b.Sid, b.AccountSid, sub)
						}
					}
					if len(snap.ServerlessDeployments) != 1 || snap.ServerlessDeployments[0].AccountSid != sub {
						return fmt.Errorf("deployments = %+v, want one in the subaccount", snap.ServerlessDeployments)
					}
					return nil
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
