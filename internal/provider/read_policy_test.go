package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// readPolicyResource is one resource type for the Read policy tests, which every resource must pass.
type readPolicyResource struct {
	name, addr, config string
	// remove deletes (releases, closes) the object as a Console user would. sid is the object's, or for a
	// row with pathAttr, the SID its Read fetches.
	remove func(t *testing.T, env *acctest.Env, account, sid string) error
	// setup, when set, makes what the configuration needs but Terraform cannot create, and returns the
	// configuration (config is then unused).
	setup func(t *testing.T, env *acctest.Env) string
	// pathAttr names the attribute holding the SID the resource's Read fetches, when it is not the
	// resource's own sid (a deployment is read through its environment).
	pathAttr string
	// noLagRetry, when set, says why the resource's Read cannot retry a stale 404: it is left out of
	// TestAccReadPolicy_staleReadRetried.
	noLagRetry string
}

// configIn is the row's configuration in env, after its setup.
func (rc readPolicyResource) configIn(t *testing.T, env *acctest.Env) string {
	if rc.setup != nil {
		return rc.setup(t, env)
	}
	return env.Config(rc.config)
}

// readSID captures, from the state, the SID the row's Read fetches.
func (rc readPolicyResource) readSID(sid *string) resource.TestCheckFunc {
	if rc.pathAttr == "" {
		return testAccCaptureAttr(rc.addr, "sid", sid)
	}
	return testAccCaptureAttr(rc.addr, rc.pathAttr, sid)
}

func readPolicyResources() []readPolicyResource {
	ctx := context.Background()
	return []readPolicyResource{
		{name: "subaccount", addr: testAccSubaccountAddr, config: testAccSubaccountConfig_basic("tenant-a"),
			remove: func(t *testing.T, env *acctest.Env, _, sid string) error {
				_, err := env.Client(t).UpdateAccount(ctx, sid, &twilioclient.UpdateAccountParams{Status: ptrTo("closed")})
				return err
			}},
		{name: "api_key", addr: testAccAPIKeyAddr, config: testAccAPIKeyConfig_basic("ci deploy"),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteKey(ctx, account, sid)
			}},
		{name: "twiml_app", addr: testAccTwimlAppAddr, config: testAccTwimlAppConfig_basic("softphone"),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteApplication(ctx, account, sid)
			}},
		{name: "usage_trigger", addr: testAccUsageTriggerAddr,
			config: testAccUsageTriggerConfig("100", "https://ops.example.com/spend", ""),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteUsageTrigger(ctx, account, sid)
			}},
		{name: "messaging_service", addr: testAccMessagingServiceAddr,
			config: testAccMessagingServiceConfig("tenant texts", ""),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteMessagingService(ctx, account, sid)
			}},
		// The number is bought outside Terraform, so the only reads of its SID are the pool member's.
		{name: "messaging_service_phone_number", addr: testAccPoolNumberAddr,
			setup: func(t *testing.T, env *acctest.Env) string {
				p := &twilioclient.CreateIncomingNumberParams{}
				p.SetAreaCode("415")
				n, err := env.Client(t).CreateIncomingNumber(ctx, env.AccountSID, p)
				if err != nil {
					t.Fatal(err)
				}
				return env.Config(fmt.Sprintf(`
resource "twilio_messaging_service" "pool" {
  friendly_name = "tenant texts"
}

resource "twilio_messaging_service_phone_number" "test" {
  service_sid      = twilio_messaging_service.pool.sid
  phone_number_sid = %q
}
`, *n.Sid))
			},
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				for _, m := range env.Emulator.Snapshot().MessagingSenders {
					if m.Sid == sid {
						return env.Client(t).RemoveServicePhoneNumber(ctx, account, m.ServiceSid, sid)
					}
				}
				return fmt.Errorf("no pool member %s", sid)
			}},
		{name: "messaging_service_alpha_sender", addr: testAccAlphaSenderAddr, config: testAccAlphaSenderConfig("Acme"),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				for _, m := range env.Emulator.Snapshot().MessagingSenders {
					if m.Sid == sid {
						return env.Client(t).RemoveAlphaSender(ctx, account, m.ServiceSid, sid)
					}
				}
				return fmt.Errorf("no alpha sender %s", sid)
			}},
		{name: "messaging_service_short_code", addr: testAccShortCodeAddr,
			setup: func(t *testing.T, env *acctest.Env) string {
				config, _ := testAccShortCodeSetup(t, env, "")
				return config
			},
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				for _, m := range env.Emulator.Snapshot().MessagingSenders {
					if m.Sid == sid {
						return env.Client(t).RemoveServiceShortCode(ctx, account, m.ServiceSid, sid)
					}
				}
				return fmt.Errorf("no short code %s", sid)
			}},
		{name: "incoming_number", addr: testAccIncomingNumberAddr,
			config: testAccIncomingNumberConfig(`phone_number = "+14155550142"`),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteIncomingNumber(ctx, account, sid)
			}},
		{name: "a2p_brand_registration", addr: testAccA2PBrandAddr,
			setup: func(t *testing.T, env *acctest.Env) string {
				profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
				return env.Config(testAccA2PBrandConfig(profile, product, ""))
			},
			// NOTE: the API has no DELETE; the Console deletes a brand (a failed one, in Twilio's guide).
			remove: func(_ *testing.T, env *acctest.Env, _, sid string) error {
				return env.Emulator.DeleteBrandInConsole(sid)
			}},
		{name: "a2p_campaign", addr: testAccA2PCampaignAddr,
			setup: func(t *testing.T, env *acctest.Env) string {
				return env.Config(testAccA2PCampaignSetup(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}),
					testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", ""))
			},
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				for _, k := range env.Emulator.Snapshot().Campaigns {
					if k.Sid == sid {
						return env.Client(t).DeleteCampaign(ctx, account, k.MessagingServiceSid, sid)
					}
				}
				return fmt.Errorf("no campaign %s", sid)
			}},
		{name: "tollfree_verification", addr: testAccTollfreeAddr,
			setup: func(t *testing.T, env *acctest.Env) string {
				testAccTollfreeReviews(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
				return env.Config(testAccTollfreeConfig("https://dental.example.com", ""))
			},
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteTollfreeVerification(ctx, account, sid)
			}},
		{name: "studio_flow", addr: testAccStudioFlowAddr,
			config: testAccStudioFlowConfig("reception", "published", testAccStudioFlowDefinition("v1"), ""),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteFlow(ctx, account, sid)
			}},
		{name: "serverless_service", addr: testAccServerlessServiceAddr,
			config: testAccServerlessServiceConfig("voice-fn", "Voice", ""),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteService(ctx, account, sid)
			}},
		{name: "serverless_environment", addr: testAccServerlessEnvironmentAddr,
			config: testAccServerlessEnvironmentConfig("staging", "stage"),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				for _, e := range env.Emulator.Snapshot().Environments {
					if e.Sid == sid {
						return env.Client(t).DeleteEnvironment(ctx, account, e.ServiceSid, sid)
					}
				}
				return fmt.Errorf("no environment %s", sid)
			}},
		{name: "serverless_variable", addr: testAccServerlessVariableAddr,
			config: testAccServerlessVariableConfig("GREETING", `value = "hello"`),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				for _, v := range env.Emulator.Snapshot().Variables {
					if v.Sid == sid {
						return env.Client(t).DeleteVariable(ctx, account, v.ServiceSid, v.EnvironmentSid, sid)
					}
				}
				return fmt.Errorf("no variable %s", sid)
			}},
		{name: "serverless_function", addr: testAccFunctionAddr,
			config: testAccServerlessCodeInService(testAccServerlessFunctionConfig("voice", "/voice", "// x\n")),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteCode(ctx, account, testAccServiceOf(env, sid), twilioclient.KindFunction, sid)
			}},
		{name: "serverless_asset", addr: testAccAssetAddr, config: testAccServerlessCodeInService(`
resource "twilio_serverless_asset" "test" {
  service_sid   = local.service_sid
  friendly_name = "style"
  path          = "/style.css"
  content       = "body {}"
}
`),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteCode(ctx, account, testAccServiceOf(env, sid), twilioclient.KindAsset, sid)
			}},
		{name: "serverless_build", addr: testAccBuildAddr,
			config: testAccServerlessCodeInService(testAccServerlessFunctionConfig("voice", "/voice", "// x\n") + `
resource "twilio_serverless_build" "test" {
  service_sid           = local.service_sid
  function_version_sids = [twilio_serverless_function.test.latest_version_sid]
}
`),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteBuild(ctx, account, testAccServiceOf(env, sid), sid)
			}},
		{name: "serverless_deployment", addr: testAccDeploymentAddr,
			// The service and environment are made outside the configuration, so that only the deployment
			// reads the environment (an environment resource would add reads of the same path).
			setup: func(t *testing.T, env *acctest.Env) string {
				return newTestAccServerlessIn(t, env).config(testAccServerlessStackConfig("// x\n"))
			},
			pathAttr: "environment_sid",
			// Removing the environment removes what the deployment put there.
			remove: func(t *testing.T, env *acctest.Env, account, envSID string) error {
				for _, e := range env.Emulator.Snapshot().Environments {
					if e.Sid == envSID {
						return env.Client(t).DeleteEnvironment(ctx, account, e.ServiceSid, envSID)
					}
				}
				return fmt.Errorf("no environment %s", envSID)
			},
			// NOTE: a deployment has no date_created (it stands for what its environment runs, and Twilio's
			// deployment SID changes with every redeploy), so its Read cannot tell a lagging read from a
			// gone environment. A lost stale read costs a redeploy of the same build: nothing billed, nothing
			// left behind.
			noLagRetry: "no date_created: a stale 404 costs a redeploy of the same build, nothing else"},
		{name: "bundle_clone", addr: testAccBundleCloneAddr,
			setup: func(t *testing.T, env *acctest.Env) string {
				// The main account's approved bundle a clone copies.
				env.Bundle(t, testAccUKBundle("", ""))
				return env.Config(testAccBundleCloneConfig("", false))
			},
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteBundle(ctx, account, sid)
			}},
		{name: "address", addr: testAccAddressAddr, config: testAccAddressConfig("GB", ""),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteAddress(ctx, account, sid)
			}},
		{name: "trusthub_end_user", addr: testAccTrustEndUserAddr,
			config: testAccTrustEndUserConfig("business", testAccTrustBusinessAttributes),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteTrustEntity(ctx, twilioclient.TrustEndUser, account, sid)
			}},
		{name: "trusthub_supporting_document", addr: testAccTrustDocumentAddr, config: testAccTrustDocumentConfig("address"),
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteTrustEntity(ctx, twilioclient.TrustSupportingDocument, account, sid)
			}},
		{name: "trusthub_customer_profile", addr: testAccTrustProfileAddr,
			setup: func(t *testing.T, env *acctest.Env) string {
				testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
				return env.Config(testAccTrustProfileConfig("tenant", testAccTrustProfileComplete, ""))
			},
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteTrustBundle(ctx, twilioclient.TrustCustomerProfile, account, sid)
			}},
		{name: "trusthub_trust_product", addr: testAccTrustProductAddr,
			setup: func(t *testing.T, env *acctest.Env) string {
				testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
				testAccReview(t, env, emulator.ReviewTrustProduct, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
				return env.Config(testAccTrustProductConfig())
			},
			remove: func(t *testing.T, env *acctest.Env, account, sid string) error {
				return env.Client(t).DeleteTrustBundle(ctx, twilioclient.TrustProduct, account, sid)
			}},
	}
}

// testAccServerlessCodeInService puts Serverless code resources (which use local.service_sid) in a
// service managed by the same configuration.
func testAccServerlessCodeInService(config string) string {
	return testAccServerlessServiceConfig("voice-fn", "Voice", "") + `
locals {
  service_sid = twilio_serverless_service.test.sid
}
` + config
}

// testAccServiceOf is the service of a Serverless code object or build in the emulator.
func testAccServiceOf(env *acctest.Env, sid string) string {
	snap := env.Emulator.Snapshot()
	for _, c := range snap.ServerlessCode {
		if c.Sid == sid {
			return c.ServiceSid
		}
	}
	for _, b := range snap.ServerlessBuilds {
		if b.Sid == sid {
			return b.ServiceSid
		}
	}
	return ""
}

// testAccObjectReads counts the GETs of one object (its SID in the path) in the emulator's log.
func testAccObjectReads(env *acctest.Env, sid string) []emulator.Request {
	var out []emulator.Request
	for _, r := range env.Emulator.Requests() {
		if r.Method == "GET" && strings.Contains(r.Path, sid) {
			out = append(out, r)
		}
	}
	return out
}

// testAccCheckGoneFromState checks that a refresh removed addr from the state.
func testAccCheckGoneFromState(addr string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if _, ok := s.RootModule().Resources[addr]; ok {
			return fmt.Errorf("%s is still in the state", addr)
		}
		return nil
	}
}

// testAccBackdateStep makes the object at addr an hour old in Twilio and refreshes, so that the state's
// date_created says so too.
func testAccBackdateStep(t *testing.T, env *acctest.Env, sid *string) resource.TestStep {
	return resource.TestStep{
		PreConfig: func() {
			if err := env.Emulator.Backdate(*sid, time.Hour); err != nil {
				t.Fatal(err)
			}
		},
		RefreshState: true,
	}
}

// A persistent error other than 404 (here a 500 that outlasts the retries) must fail the refresh and keep
// the object in the state: only "not found" means gone. Replacing IsNotFound by err != nil in the Read
// policy makes the refresh succeed and drop the object, which this test refuses.
func TestAccReadPolicy_errorKeepsState(t *testing.T) {
	t.Parallel()
	for _, rc := range readPolicyResources() {
		t.Run(rc.name, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			env.RequireEmulator(t)
			config := rc.configIn(t, env)
			var sid, path string
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{
					{Config: config, Check: resource.ComposeTestCheckFunc(testAccCaptureAttr(rc.addr, "sid", &sid), rc.readSID(&path))},
					{
						PreConfig: func() {
							env.Emulator.AddFault(emulator.Fault{Method: "GET", Path: regexp.QuoteMeta(path), Kind: emulator.FaultInternal})
						},
						RefreshState: true,
						ExpectError:  regexp.MustCompile(`(?s)Reading.*HTTP 500`),
					},
					{
						PreConfig:    env.Emulator.ClearFaults,
						RefreshState: true,
						Check:        resource.TestCheckResourceAttrPtr(rc.addr, "sid", &sid),
					},
					{Config: config, PlanOnly: true},
				},
			})
		})
	}
}

// A 404 for an object created moments ago may be a read that lags the write: the refresh retries it and
// keeps the object (here Twilio answers 404 twice, then the object). Without the retry the object leaves
// the state and the next apply creates (buys) a second one.
func TestAccReadPolicy_staleReadRetried(t *testing.T) {
	t.Parallel()
	for _, rc := range readPolicyResources() {
		t.Run(rc.name, func(t *testing.T) {
			t.Parallel()
			if rc.noLagRetry != "" {
				t.Skip("no stale-read retry: " + rc.noLagRetry)
			}
			env := acctest.New(t)
			env.RequireEmulator(t)
			config := rc.configIn(t, env)
			var sid string
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{
					{Config: config, Check: testAccCaptureAttr(rc.addr, "sid", &sid)},
					{
						PreConfig: func() {
							env.Emulator.ResetRequests()
							env.Emulator.AddFault(emulator.Fault{Path: regexp.QuoteMeta(sid), Kind: emulator.FaultStaleRead, Times: 2})
						},
						RefreshState: true,
						Check: resource.ComposeTestCheckFunc(
							resource.TestCheckResourceAttrPtr(rc.addr, "sid", &sid),
							func(*terraform.State) error {
								if reads := testAccObjectReads(env, sid); len(reads) < 3 || reads[0].Status != 404 || reads[2].Status != 200 {
									return fmt.Errorf("want two stale 404s then the object, got %d reads", len(reads))
								}
								return nil
							},
						),
					},
					{Config: config, PlanOnly: true},
				},
			})
		})
	}
}

// An object created long ago that answers 404 is gone: one read, no retry (so no delay), out of the state
// at once. (A
// closed subaccount answers 200 with status closed; it too is gone after one read.)
func TestAccReadPolicy_oldObjectGoneAtOnce(t *testing.T) {
	t.Parallel()
	for _, rc := range readPolicyResources() {
		t.Run(rc.name, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			env.RequireEmulator(t)
			config := rc.configIn(t, env)
			// sid is the SID the Read fetches: the object's own, or its environment for a deployment.
			var sid, account string
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{
					{Config: config, Check: resource.ComposeTestCheckFunc(
						rc.readSID(&sid), testAccCaptureAttr(rc.addr, "account_sid", &account))},
					testAccBackdateStep(t, env, &sid),
					{
						PreConfig: func() {
							if err := rc.remove(t, env, account, sid); err != nil {
								t.Fatal(err)
							}
							env.Emulator.ResetRequests()
						},
						RefreshState:       true,
						ExpectNonEmptyPlan: true,
						Check: resource.ComposeTestCheckFunc(
							testAccCheckGoneFromState(rc.addr),
							func(*terraform.State) error {
								if reads := testAccObjectReads(env, sid); len(reads) != 1 {
									return fmt.Errorf("an old object's 404 was read %d times, want once", len(reads))
								}
								return nil
							},
						),
					},
				},
			})
		})
	}
}

// A recent object that is really gone keeps answering 404: the retries stop after staleReadBudget and the
// object leaves the state.
func TestAccReadPolicy_staleReadBounded(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	config := env.Config(testAccTwimlAppConfig_basic("softphone"))
	var sid, account string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr(testAccTwimlAppAddr, "sid", &sid), testAccCaptureAttr(testAccTwimlAppAddr, "account_sid", &account))},
			{
				PreConfig: func() {
					if err := env.Client(t).DeleteApplication(context.Background(), account, sid); err != nil {
						t.Fatal(err)
					}
					env.Emulator.ResetRequests()
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeTestCheckFunc(
					testAccCheckGoneFromState(testAccTwimlAppAddr),
					func(*terraform.State) error {
						reads := testAccObjectReads(env, sid)
						if len(reads) < 4 {
							return fmt.Errorf("a recent object's 404 was read %d times; want retries", len(reads))
						}
						span := reads[len(reads)-1].Time.Sub(reads[0].Time)
						// The upper bound allows for a loaded machine: the last retry starts before the budget ends.
						if span < staleReadBudget/2 || span > staleReadBudget+5*time.Second {
							return fmt.Errorf("retries spanned %s, want about %s", span, staleReadBudget)
						}
						return nil
					},
				),
			},
		},
	})
}
