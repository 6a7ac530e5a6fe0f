package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// testAccMainKeyProviderConfig is a provider block authenticating with a Main API key of the main account.
func testAccMainKeyProviderConfig(t *testing.T, env *acctest.Env) string {
	t.Helper()
	sid, secret, err := env.Emulator.CreateMainKey(env.AccountSID, "terraform main key")
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf(`
provider "twilio" {
  base_url       = %q
  account_sid    = %q
  api_key_sid    = %q
  api_key_secret = %q
  max_retries    = 2
}
`, env.URL, env.AccountSID, sid, secret)
}

const testAccSubaccountConfig_pair = `
resource "twilio_subaccount" "test" {
  friendly_name = "tenant-a"
}

resource "twilio_subaccount" "suspended" {
  friendly_name = "tenant-b"
  status        = "suspended"
}
`

// Twilio shows no auth token to an API key, even a Main key. The subaccounts it creates must end up with
// auth_token null, not unknown: an unknown value after apply taints them, and the next apply would close
// them (irreversibly) and create others. A later refresh with the auth token fills the token in.
func TestAccSubaccount_mainAPIKey(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	keyProvider := testAccMainKeyProviderConfig(t, env)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: []resource.TestStep{
			{
				Config: keyProvider + testAccSubaccountConfig_pair,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("sid"), knownvalue.StringRegexp(sidRegexp("AC"))),
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("auth_token"), knownvalue.Null()),
					statecheck.ExpectKnownValue("twilio_subaccount.suspended", tfjsonpath.New("auth_token"), knownvalue.Null()),
					statecheck.ExpectKnownValue("twilio_subaccount.suspended", tfjsonpath.New("status"), knownvalue.StringExact("suspended")),
				},
			},
			{
				// Nothing tainted, nothing to replace.
				Config:           keyProvider + testAccSubaccountConfig_pair,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config: keyProvider + `
resource "twilio_subaccount" "test" {
  friendly_name = "tenant-a renamed"
}

resource "twilio_subaccount" "suspended" {
  friendly_name = "tenant-b"
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccSubaccountAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("twilio_subaccount.suspended", plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("auth_token"), knownvalue.Null()),
				},
			},
			{
				Config: env.Config(`
resource "twilio_subaccount" "test" {
  friendly_name = "tenant-a renamed"
}

resource "twilio_subaccount" "suspended" {
  friendly_name = "tenant-b"
}
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("auth_token"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-zA-Z]{32}$`))),
				},
			},
		},
	})
}

// Only a subaccount of the provider's account can be imported: the main account would be renamed by the
// next apply and closed by a destroy, and another family's account is out of reach. Both are refused at
// import, with nothing written to Twilio.
func TestAccSubaccount_importRefused(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	other, _ := env.Emulator.NewMainAccount("", "", "another company")
	config := env.Config(testAccSubaccountConfig_basic("tenant-a"))
	importStep := func(id, want string) resource.TestStep {
		return resource.TestStep{
			Config: config, ResourceName: testAccSubaccountAddr, ImportState: true, ImportStateId: id,
			ExpectError: acctest.ErrorRegexp(want),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: []resource.TestStep{
			// The import steps replace this subaccount in a copy of the state.
			{Config: config},
			importStep(env.AccountSID, "is the provider's own account, not a subaccount of it"),
			importStep(other, "only subaccounts of the provider's account can be imported"),
			{
				Config: config, ResourceName: testAccSubaccountAddr, ImportState: true, ImportStateId: env.AccountSID,
				ImportStateKind: resource.ImportBlockWithID,
				ExpectError:     acctest.ErrorRegexp("is the provider's own account"),
			},
			{
				PreConfig: func() {
					for _, r := range env.Emulator.Requests() {
						if r.Method != "GET" && r.Account != "" && r.Path != "/2010-04-01/Accounts.json" {
							t.Errorf("a refused import wrote to Twilio: %s %s", r.Method, r.Path)
						}
					}
					if acct, err := env.Client(t).FindAccount(context.Background(), env.AccountSID); err != nil || *acct.FriendlyName == "tenant-a" {
						t.Errorf("the main account was touched: %v", err)
					}
				},
				Config:   config,
				PlanOnly: true,
			},
		},
	})
}
