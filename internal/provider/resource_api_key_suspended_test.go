package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// A restricted key is read through IAM with its subaccount's own credentials, which Twilio refuses while
// the subaccount is suspended: the plan must still succeed (state kept, with a warning), or suspending a
// tenant would block the apply that reactivates it.
func TestAccAPIKey_restrictedInSuspendedSubaccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	sub, err := env.Client(t).CreateSubaccount(ctx, "tenant")
	if err != nil {
		t.Fatal(err)
	}
	setStatus := func(status string) func() {
		return func() {
			if _, err := env.Client(t).UpdateAccount(ctx, *sub.Sid, &twilioclient.UpdateAccountParams{Status: &status}); err != nil {
				t.Fatal(err)
			}
		}
	}
	config := env.Config(fmt.Sprintf(`
resource "twilio_api_key" "test" {
  account_sid   = %q
  friendly_name = "reporting"
  key_type      = "restricted"
  policy        = jsonencode({ allow = ["/twilio/voice/calls/read"] })
}
`, *sub.Sid))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config},
			{PreConfig: setStatus(twilioclient.AccountStatusSuspended), Config: config, PlanOnly: true},
			// Destroying it then fails, saying what the delete of a key is (a revocation) and how to fix it.
			{
				Config:      env.Config(""),
				ExpectError: regexp.MustCompile(`(?s)Revoking Twilio API key SK[0-9a-f]{32}.*is suspended`),
			},
			{
				PreConfig:        setStatus(twilioclient.AccountStatusActive),
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
