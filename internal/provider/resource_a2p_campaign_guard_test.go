package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// testAccA2PCampaignRequests counts the requests of method to the test's campaigns (registrations, or updates
// and deletes of one).
func testAccA2PCampaignRequests(env *acctest.Env, method string, one bool) int {
	n := 0
	for _, r := range env.Requests(method, "/Compliance/Usa2p") {
		if regexp.MustCompile(`/Compliance/Usa2p/QE[0-9a-f]{32}$`).MatchString(r.Path) == one {
			n++
		}
	}
	return n
}

// skip_destroy guards a campaign without costing anything: setting it sends nothing to Twilio (an update
// would send the campaign back to charged vetting), and a replacement is refused while it is set, since the
// kept campaign would block the service's new one.
func TestAccA2PCampaign_skipDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	setup := testAccA2PCampaignSetup(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	config := func(usecase, extra string) string {
		return env.Config(setup, testAccA2PCampaignConfig(testAccA2PCampaignDescription, usecase, extra))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PCampaignDestroyed(env),
		Steps: []resource.TestStep{
			{Config: config("ACCOUNT_NOTIFICATION", "")},
			{
				Config: config("ACCOUNT_NOTIFICATION", "  skip_destroy = true\n  timeouts {\n    create = \"2m\"\n  }"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectChangedAttributes(testAccA2PCampaignAddr, "skip_destroy", "timeouts"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccA2PCampaignAddr, tfjsonpath.New("campaign_status"), knownvalue.StringExact("VERIFIED")),
				},
				Check: func(*terraform.State) error {
					if n := testAccA2PCampaignRequests(env, "POST", true); n != 0 {
						return fmt.Errorf("%d campaign updates sent for skip_destroy and timeouts, want none", n)
					}
					return nil
				},
			},
			{
				Config:      config("CUSTOMER_CARE", "  skip_destroy = true"),
				ExpectError: regexp.MustCompile(`(?s)cannot\s+be\s+replaced\s+while\s+skip_destroy\s+is\s+set.*Set\s+skip_destroy\s+=\s+false`),
			},
			// Set back to false so the destroy deletes it.
			{Config: config("ACCOUNT_NOTIFICATION", "")},
		},
	})
	if n := testAccA2PCampaignRequests(env, "POST", false); n != 1 {
		t.Errorf("%d campaign registrations, want 1", n)
	}
}

// A campaign rejected under skip_destroy is replaced as any rejected one: the FAILED campaign is deleted
// (kept, it would block the service's next campaign), then a new one is registered and verified.
func TestAccA2PCampaign_rejectedUnderSkipDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	setup := testAccA2PCampaignSetup(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewReject,
		Reason: "Sample messages do not match the use case"})
	config := env.Config(setup, testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", "  skip_destroy = true"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config, ExpectError: regexp.MustCompile(`(?s)was\s+rejected`)},
			{
				PreConfig: func() {
					if err := env.Emulator.SetReviewPolicy(emulator.ReviewCampaign, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccA2PCampaignAddr, tfjsonpath.New("campaign_status"), knownvalue.StringExact("VERIFIED")),
				},
				Check: func(*terraform.State) error {
					if n := len(env.Emulator.Snapshot().Campaigns); n != 1 {
						return fmt.Errorf("%d campaigns on the service, want the new one only", n)
					}
					return nil
				},
			},
		},
	})
}

// A service that already has a campaign (registered in the Console) gets no second one: the create stops
// with the campaign's import ID and registers nothing.
func TestAccA2PCampaign_serviceTaken(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	setup := testAccA2PCampaignSetup(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	config := env.Config(setup, testAccA2PCampaignConfig(testAccA2PCampaignDescription, "ACCOUNT_NOTIFICATION", ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config},
			{
				// The state forgets the campaign (as after terraform state rm): the next create finds it on the service.
				Config:      env.Config(setup, "removed {\n  from = twilio_a2p_campaign.test\n  lifecycle {\n    destroy = false\n  }\n}\n"),
				ExpectError: nil,
			},
			{
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)already\s+has\s+campaign\s+QE[0-9a-f]{32}.*Nothing\s+was\s+registered.*import\s+it`),
			},
		},
	})
	if n := testAccA2PCampaignRequests(env, "POST", false); n != 1 {
		t.Errorf("%d campaign registrations, want 1", n)
	}
}
