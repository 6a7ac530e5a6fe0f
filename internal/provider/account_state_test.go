package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// The account-state policy (account_state.go) for every kind of object a tenant's subaccount holds: once
// the subaccount is closed outside Terraform, Twilio has deleted its objects with it, so each leaves the
// state at the next refresh (an empty configuration then plans nothing), and while it is only suspended
// each is kept (the plan succeeds and changes nothing). Before the policy had one home, a closed
// subaccount's Serverless functions, assets, builds and API keys were kept forever as "suspended".
func TestAccAccountState_closedAndSuspendedSubaccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	sub, err := env.Client(t).CreateSubaccount(ctx, "tenant")
	if err != nil {
		t.Fatal(err)
	}
	setStatus := func(status string) error {
		_, err := env.Client(t).UpdateAccount(ctx, *sub.Sid, &twilioclient.UpdateAccountParams{Status: &status})
		return err
	}
	mustSet := func(status string) func() {
		return func() {
			if err := setStatus(status); err != nil {
				t.Fatal(err)
			}
		}
	}
	account := fmt.Sprintf("account_sid = %q", *sub.Sid)
	config := env.Config(fmt.Sprintf(`
resource "twilio_api_key" "test" {
  %[1]s
  friendly_name = "ci"
}

resource "twilio_twiml_app" "test" {
  %[1]s
  friendly_name = "softphone"
}

resource "twilio_serverless_service" "test" {
  %[1]s
  unique_name   = "voice-fn"
  friendly_name = "Voice"
}

resource "twilio_serverless_function" "test" {
  %[1]s
  service_sid   = twilio_serverless_service.test.sid
  friendly_name = "voice"
  path          = "/voice"
  content       = "// x\n"
}

resource "twilio_serverless_asset" "test" {
  %[1]s
  service_sid   = twilio_serverless_service.test.sid
  friendly_name = "style"
  path          = "/style.css"
  content       = "body {}"
}

resource "twilio_serverless_build" "test" {
  %[1]s
  service_sid           = twilio_serverless_service.test.sid
  function_version_sids = [twilio_serverless_function.test.latest_version_sid]
}
`, account))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig:        mustSet(twilioclient.AccountStatusSuspended),
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				PreConfig: mustSet(twilioclient.AccountStatusActive),
				Config:    config,
				Check: func(*terraform.State) error {
					return setStatus(twilioclient.AccountStatusClosed)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           env.Config(),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
