package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

const testAccTollfreeAddr = "twilio_tollfree_verification.test"

// testAccTollfreeConfig is a toll-free number and its verification; extra adds lines to the verification.
func testAccTollfreeConfig(website, extra string) string {
	return fmt.Sprintf(`
resource "twilio_incoming_number" "tollfree" {
  area_code = "800"
}

resource "twilio_tollfree_verification" "test" {
  tollfree_phone_number_sid = twilio_incoming_number.tollfree.sid
  business_name             = "Main Street Dental"
  business_website          = %q
  notification_email        = "ops@dental.example.com"
  use_case_categories       = ["ACCOUNT_NOTIFICATIONS"]
  use_case_summary          = "Appointment reminders for patients who opted in on the booking form."
  production_message_sample = "Main Street Dental: your appointment is tomorrow at 10am."
  opt_in_image_urls         = ["https://dental.example.com/opt-in.png"]
  opt_in_type               = "WEB_FORM"
  message_volume            = "1,000"
%s
}
`, website, extra)
}

func testAccTollfreeReviews(t *testing.T, env *acctest.Env, p emulator.ReviewPolicy) {
	t.Helper()
	env.RequireEmulator(t)
	if err := env.Emulator.SetReviewPolicy(emulator.ReviewTollfree, p); err != nil {
		t.Fatal(err)
	}
}

func TestAccTollfreeVerification_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	testAccTollfreeReviews(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove, AfterMS: 1500})
	config := env.Config(testAccTollfreeConfig("https://dental.example.com", `  business_contact_phone = "+14155550100"`))
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccTollfreeAddr, tfjsonpath.New(name), v)
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             env.CheckDestroyNoOrphans(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					attr("sid", knownvalue.StringRegexp(sidRegexp("HH"))),
					attr("account_sid", knownvalue.StringExact(env.AccountSID)),
					attr("status", knownvalue.StringExact("TWILIO_APPROVED")),
					attr("business_contact_phone", knownvalue.StringExact("+14155550100")),
					attr("business_city", knownvalue.Null()),
					attr("rejection_reason", knownvalue.StringExact("")),
					statecheck.ExpectIdentity(testAccTollfreeAddr, map[string]knownvalue.Check{
						"account_sid": knownvalue.StringExact(env.AccountSID), "sid": knownvalue.StringRegexp(sidRegexp("HH")),
					}),
				},
				Check: env.CheckNoOrphans(),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			testAccImportStep(testAccTollfreeAddr, "timeouts"),
			{Config: config, ResourceName: testAccTollfreeAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}

// A rejection fails the apply with Twilio's reason.
func TestAccTollfreeVerification_rejected(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	testAccTollfreeReviews(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewReject, Reason: "Website not reachable"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             env.CheckDestroyNoOrphans(),
		Steps: []resource.TestStep{{
			Config:      env.Config(testAccTollfreeConfig("https://dental.example.com", "")),
			ExpectError: regexp.MustCompile(`(?s)was\s+rejected.*Twilio's\s+reason:\s+Website\s+not\s+reachable`),
		}},
	})
}

// A verification rejected after the create's wait is edited in place within Twilio's window, resubmitted,
// and approved; an edit of an approved one is refused with what to do.
func TestAccTollfreeVerification_editRejected(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	testAccTollfreeReviews(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewReject, Reason: "Website not reachable", AfterMS: 2000})
	timeouts := "  timeouts {\n    create = \"1s\"\n  }"
	var sid string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             env.CheckDestroyNoOrphans(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccTollfreeConfig("https://dental.example.com", timeouts)),
				Check:  testAccCaptureAttr(testAccTollfreeAddr, "sid", &sid),
			},
			{
				// The rejection lands after the create's wait; the next refresh sees it.
				PreConfig: func() {
					time.Sleep(2500 * time.Millisecond)
					testAccTollfreeReviews(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
				},
				Config: env.Config(testAccTollfreeConfig("https://www.dental.example.com", timeouts)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTollfreeAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTollfreeAddr, tfjsonpath.New("status"), knownvalue.StringExact("TWILIO_APPROVED")),
				},
				Check: resource.TestCheckResourceAttrPtr(testAccTollfreeAddr, "sid", &sid),
			},
			{
				Config:      env.Config(testAccTollfreeConfig("https://dental.example.com", timeouts)),
				ExpectError: regexp.MustCompile(`(?s)Twilio\s+takes\s+edits\s+of\s+a\s+rejected\s+verification.*TWILIO_APPROVED`),
			},
		},
	})
}

// An edit waits for the review it starts like a create: a second rejection fails the apply with Twilio's
// reason, the edited verification kept in the state.
func TestAccTollfreeVerification_editRejectedAgain(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	testAccTollfreeReviews(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewReject, Reason: "Website not reachable", AfterMS: 2000})
	timeouts := "  timeouts {\n    create = \"1s\"\n  }"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             env.CheckDestroyNoOrphans(),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccTollfreeConfig("https://dental.example.com", timeouts))},
			{
				PreConfig: func() {
					time.Sleep(2500 * time.Millisecond)
					testAccTollfreeReviews(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewReject, Reason: "Opt-in not shown"})
				},
				Config:      env.Config(testAccTollfreeConfig("https://www.dental.example.com", timeouts)),
				ExpectError: regexp.MustCompile(`(?s)Toll-free verification HH[0-9a-f]{32} was rejected.*Opt-in not shown`),
			},
		},
	})
}

// A verification deleted outside Terraform leaves the state and is planned again.
func TestAccTollfreeVerification_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	testAccTollfreeReviews(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	config := env.Config(testAccTollfreeConfig("https://dental.example.com", ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             env.CheckDestroyNoOrphans(),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					return env.Client(t).DeleteTollfreeVerification(context.Background(), env.AccountSID,
						s.RootModule().Resources[testAccTollfreeAddr].Primary.Attributes["sid"])
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTollfreeAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// The verification's rows of the fault, read-policy and identity matrices.
func init() {
	faultTargets = append(faultTargets, faultTarget{
		name: "twilio_tollfree_verification",
		setup: func(t *testing.T, env *acctest.Env) (string, string) {
			testAccTollfreeReviews(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
			c := testAccTollfreeConfig("https://dental.example.com", "")
			return c, c
		},
		createPath:   `^/v1/Tollfree/Verifications$`,
		instancePath: `^/v1/Tollfree/Verifications/HH[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
		skip: map[string]string{
			"update": "Twilio takes edits of rejected verifications only (TestAccTollfreeVerification_editRejected covers the edit)",
		},
	})
	identityTests["twilio_tollfree_verification"] = "TestAccTollfreeVerification_basic"
}

// A change of timeouts alone sends no edit: an edit resubmits the verification for review, and Twilio takes
// one only while the verification is rejected.
func TestAccTollfreeVerification_timeoutsOnly(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	testAccTollfreeReviews(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             env.CheckDestroyNoOrphans(),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccTollfreeConfig("https://dental.example.com", ""))},
			{
				Config: env.Config(testAccTollfreeConfig("https://dental.example.com", "  timeouts {\n    update = \"2m\"\n  }")),
				Check: func(*terraform.State) error {
					for _, r := range env.Requests("POST", "/v1/Tollfree/Verifications/") {
						return fmt.Errorf("an edit was sent for a change of timeouts: POST %s", r.Path)
					}
					return nil
				},
			},
		},
	})
}
