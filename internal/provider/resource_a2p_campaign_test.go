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
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

const testAccA2PCampaignAddr = "twilio_a2p_campaign.test"

// testAccA2PCampaignSetup seeds what a campaign needs and Terraform does not make here: approved bundles
// and a Messaging Service (test controls), with brand reviews approved and campaign reviews as given. It
// returns the configuration of a brand and the Messaging Service's SID in a local.
func testAccA2PCampaignSetup(t *testing.T, env *acctest.Env, campaignReview emulator.ReviewPolicy) string {
	t.Helper()
	profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	service, err := env.Emulator.SeedMessagingService("", "clinic")
	if err != nil {
		t.Fatal(err)
	}
	if err := env.Emulator.SetReviewPolicy(emulator.ReviewCampaign, campaignReview); err != nil {
		t.Fatal(err)
	}
	env.Baseline()
	return testAccA2PBrandConfig(profile, product, "") + fmt.Sprintf("\nlocals {\n  service_sid = %q\n}\n", service)
}

// testAccA2PCampaignConfig is a campaign of the set-up's brand and service; extra adds or overrides lines.
func testAccA2PCampaignConfig(description, usecase, extra string) string {
	return fmt.Sprintf(`
resource "twilio_a2p_campaign" "test" {
  messaging_service_sid    = local.service_sid
  brand_registration_sid   = twilio_a2p_brand_registration.test.sid
  us_app_to_person_usecase = %q
  description              = %q
  message_flow             = "Patients opt in on the clinic's booking form by ticking an SMS consent box."
  message_samples = [
    "Your appointment at Main Street Dental is tomorrow at 10am.",
    "Reply STOP to stop these reminders from Main Street Dental.",
  ]
  has_embedded_links = false
  has_embedded_phone = false
  opt_out_keywords   = ["STOP", "QUIT"]
  opt_out_message    = "You are unsubscribed from Main Street Dental and will get no more messages."
%s
}
`, usecase, description, extra)
}

const testAccA2PCampaignDescription = "Appointment reminders and replies for the patients of a dental clinic."

func testAccCheckA2PCampaignDestroyed(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := len(env.Emulator.Snapshot().Campaigns); n != 0 {
			return fmt.Errorf("%d campaigns left after destroy", n)
		}
		return env.CheckDestroyNoOrphans()(nil)
	}
}

func TestAccA2PCampaign_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	config := env.Config(testAccA2PCampaignSetup(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove, AfterMS: 1500}),
		testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", ""))
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccA2PCampaignAddr, tfjsonpath.New(name), v)
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PCampaignDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					attr("sid", knownvalue.StringRegexp(sidRegexp("QE"))),
					attr("account_sid", knownvalue.StringExact(env.AccountSID)),
					attr("campaign_status", knownvalue.StringExact("VERIFIED")),
					attr("campaign_id", knownvalue.StringRegexp(regexp.MustCompile(`^C[0-9A-F]{6}$`))),
					attr("opt_out_keywords", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("STOP"), knownvalue.StringExact("QUIT")})),
					attr("opt_in_keywords", knownvalue.Null()),
					attr("help_message", knownvalue.Null()),
					attr("age_gated", knownvalue.Bool(false)),
					attr("errors", knownvalue.ListExact([]knownvalue.Check{})),
					statecheck.ExpectIdentity(testAccA2PCampaignAddr, map[string]knownvalue.Check{
						"account_sid":           knownvalue.StringExact(env.AccountSID),
						"messaging_service_sid": knownvalue.StringRegexp(sidRegexp("MG")),
						"sid":                   knownvalue.StringRegexp(sidRegexp("QE")),
					}),
				},
				Check: env.CheckNoOrphans(),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				ResourceName: testAccA2PCampaignAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					rs := s.RootModule().Resources[testAccA2PCampaignAddr].Primary
					return rs.Attributes["messaging_service_sid"] + "/" + rs.Attributes["sid"], nil
				},
			},
			{Config: config, ResourceName: testAccA2PCampaignAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}

// What Twilio's update takes changes in place; the use case registers a new campaign.
func TestAccA2PCampaign_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	setup := testAccA2PCampaignSetup(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	var first string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PCampaignDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(setup, testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", "")),
				Check:  testAccCaptureAttr(testAccA2PCampaignAddr, "sid", &first),
			},
			{
				Config: env.Config(setup, testAccA2PCampaignConfig("Appointment reminders, confirmations and replies for a dental clinic.",
					"ACCOUNT_NOTIFICATION", "  age_gated = true")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccA2PCampaignAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(resource.TestCheckResourceAttrPtr(testAccA2PCampaignAddr, "sid", &first),
					func(*terraform.State) error {
						k := env.Emulator.Snapshot().Campaigns[0]
						if !k.AgeGated || !strings.HasPrefix(k.Description, "Appointment reminders, confirmations") {
							return fmt.Errorf("not updated in Twilio: %+v", k)
						}
						return nil
					}),
			},
			{
				Config: env.Config(setup, testAccA2PCampaignConfig(testAccA2PCampaignDescription, "CUSTOMER_CARE", "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccA2PCampaignAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
			},
		},
	})
}

// A rejected campaign fails the apply with Twilio's reason.
func TestAccA2PCampaign_rejected(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	setup := testAccA2PCampaignSetup(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewReject,
		Reason: "Sample messages do not match the use case"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PCampaignDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(setup, testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", "")),
				ExpectError: regexp.MustCompile(`(?s)was\s+rejected.*Twilio's\s+reason:\s+Sample\s+messages\s+do\s+not\s+match\s+the\s+use\s+case`),
			},
		},
	})
}

// A campaign needs an APPROVED brand (Twilio's error 21717): with the brand still in review, the campaign
// is refused and nothing is registered.
func TestAccA2PCampaign_brandNotApproved(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	setup := testAccA2PCampaignSetup(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	if err := env.Emulator.SetReviewPolicy(emulator.ReviewBrand, emulator.ReviewPolicy{Outcome: emulator.ReviewHold}); err != nil {
		t.Fatal(err)
	}
	setup = strings.Replace(setup, "a2p_profile_bundle_sid", "timeouts {\n    create = \"2s\"\n  }\n  a2p_profile_bundle_sid", 1)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PCampaignDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(setup, testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", "")),
				ExpectError: acctest.ErrorRegexp("is PENDING; a campaign needs an APPROVED brand"),
			},
		},
	})
}

// A Console edit of the description is planned as exactly that attribute, and repaired in place.
func TestAccA2PCampaign_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	config := env.Config(testAccA2PCampaignSetup(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}),
		testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PCampaignDestroyed(env),
		Steps: []resource.TestStep{
			{Config: config, Check: func(s *terraform.State) error {
				rs := s.RootModule().Resources[testAccA2PCampaignAddr].Primary.Attributes
				p := &twilioclient.UpdateCampaignParams{}
				p.SetDescription("Edited in the Console: reminders and marketing for the clinic's patients.")
				p.SetMessageFlow(rs["message_flow"]).SetMessageSamples([]string{rs["message_samples.0"], rs["message_samples.1"]})
				p.SetHasEmbeddedLinks(false).SetHasEmbeddedPhone(false).SetAgeGated(false).SetDirectLending(false)
				_, err := env.Client(t).UpdateCampaign(context.Background(), env.AccountSID, rs["messaging_service_sid"], rs["sid"], p)
				return err
			}, ExpectNonEmptyPlan: true},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccA2PCampaignAddr, plancheck.ResourceActionUpdate),
					// The review's outcome after an update is Twilio's to tell, so the computed status, ID and
					// errors are unknown in any update's plan; of the configured attributes, only description moves.
					acctest.ExpectChangedAttributes(testAccA2PCampaignAddr, "description", "campaign_status", "campaign_id", "errors"),
				}},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A campaign deleted in the Console leaves the state with a warning and is planned again.
func TestAccA2PCampaign_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	config := env.Config(testAccA2PCampaignSetup(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}),
		testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PCampaignDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					rs := s.RootModule().Resources[testAccA2PCampaignAddr].Primary.Attributes
					return env.Client(t).DeleteCampaign(context.Background(), env.AccountSID, rs["messaging_service_sid"], rs["sid"])
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccA2PCampaignAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// Documented limits are refused at plan time, on the attribute, before any request.
func TestAccA2PCampaign_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	base := `locals {
  service_sid = "MG0123456789abcdef0123456789abcdef"
}
resource "twilio_a2p_brand_registration" "test" {
  customer_profile_bundle_sid = "BU0123456789abcdef0123456789abcdef"
  a2p_profile_bundle_sid      = "BU0123456789abcdef0123456789abcdef"
}
`
	step := func(cfg, pattern string) resource.TestStep {
		return resource.TestStep{Config: env.Config(base, cfg), PlanOnly: true, ExpectError: acctest.ErrorRegexp(pattern)}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			step(testAccA2PCampaignConfig("Too short.", "ACCOUNT_NOTIFICATION", ""), "description"),
			step(testAccA2PCampaignConfig(testAccA2PCampaignDescription, "account_notification", ""), "upper-case A2P use case"),
			step(strings.Replace(testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", ""),
				`"Reply STOP to stop these reminders from Main Street Dental.",`, "", 1), "message_samples"),
			step(testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", `  help_keywords = ["HELP ME"]`), "alphanumeric"),
			step(testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", `  help_message = "Call us."`), "help_message"),
		},
	})
	if n := len(env.Requests("", "/v1/")); n != 0 {
		t.Errorf("%d requests sent for bad input", n)
	}
}

// The campaign's rows of the fault and identity matrices.
func init() {
	faultTargets = append(faultTargets, faultTarget{
		name: "twilio_a2p_campaign",
		// The brand is registered before the baseline, outside Terraform: a destroy only forgets a brand, so
		// one made by the configuration would count as an orphan of the delete scenarios.
		setup: func(t *testing.T, env *acctest.Env) (string, string) {
			setup := testAccA2PCampaignSetup(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
			i := strings.Index(setup, "\nlocals {")
			profile := regexp.MustCompile(`customer_profile_bundle_sid = "(BU[0-9a-f]{32})"`).FindStringSubmatch(setup)[1]
			product := regexp.MustCompile(`a2p_profile_bundle_sid += "(BU[0-9a-f]{32})"`).FindStringSubmatch(setup)[1]
			brand := testAccA2PBrandInConsole(t, env, profile, product, "STANDARD")
			setup = setup[i:] + fmt.Sprintf("locals {\n  brand_sid = %q\n}\n", brand)
			fix := func(c string) string {
				return strings.Replace(c, "twilio_a2p_brand_registration.test.sid", "local.brand_sid", 1)
			}
			return setup + fix(testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", "")),
				setup + fix(testAccA2PCampaignConfig("Appointment reminders, confirmations and replies for a dental clinic.", "ACCOUNT_NOTIFICATION", ""))
		},
		createPath:   `/Compliance/Usa2p$`,
		instancePath: `/Compliance/Usa2p/QE[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
	})
	identityTests["twilio_a2p_campaign"] = "TestAccA2PCampaign_basic"
}
