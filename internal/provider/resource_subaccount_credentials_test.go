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
	"github.com/hashicorp/terraform-plugin-testing/terraform"
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

// A Main API key creates subaccounts, but Twilio refuses it on anything inside them. A configuration that
// puts tenants' keys, apps, numbers and flows in subaccounts with such a provider fails at plan, naming the
// fix, before anything is made: whether the subaccount is created in the same apply (account_sid unknown
// at plan) or already exists (known).
func TestAccProvider_mainAPIKeyTargetsSubaccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	keyProvider := testAccMainKeyProviderConfig(t, env)
	existing, err := env.Client(t).CreateSubaccount(context.Background(), "tenant-existing")
	if err != nil {
		t.Fatal(err)
	}
	before := env.Emulator.Snapshot()
	tenant := func(account string) string {
		return fmt.Sprintf(`
resource "twilio_api_key" "k" {
  account_sid   = %[1]s
  friendly_name = "backend"
}
resource "twilio_twiml_app" "a" {
  account_sid   = %[1]s
  friendly_name = "voice"
}
resource "twilio_incoming_number" "n" {
  account_sid = %[1]s
  area_code   = "415"
}
resource "twilio_studio_flow" "f" {
  account_sid   = %[1]s
  friendly_name = "ivr"
  status        = "published"
  definition    = %[2]s
}
`, account, testAccStudioFlowDefinition("v1"))
	}
	fix := acctest.ErrorRegexp("An API key cannot manage another account's resources")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(*terraform.State) error {
			after := env.Emulator.Snapshot()
			if len(after.Accounts) != len(before.Accounts) || len(after.Keys) != len(before.Keys) ||
				len(after.Applications) != 0 || len(after.IncomingNumbers) != 0 || len(after.Flows) != 0 {
				return fmt.Errorf("the refused plans made objects: %d accounts (want %d), %d keys (want %d), %d apps, %d numbers, %d flows",
					len(after.Accounts), len(before.Accounts), len(after.Keys), len(before.Keys),
					len(after.Applications), len(after.IncomingNumbers), len(after.Flows))
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: keyProvider + `
resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant-new"
}
` + tenant("twilio_subaccount.tenant.sid"),
				ExpectError: regexp.MustCompile(`(?s)account_sid\s+is\s+not\s+known\s+until\s+apply.*main\s+account's\s+auth\s+token`),
			},
			{
				Config:      keyProvider + tenant(fmt.Sprintf("%q", *existing.Sid)),
				ExpectError: fix,
			},
			{
				// The key's own account is fine.
				Config: keyProvider + `
resource "twilio_twiml_app" "own" {
  friendly_name = "main app"
}
`,
				Check: resource.TestCheckResourceAttr("twilio_twiml_app.own", "account_sid", env.AccountSID),
			},
		},
	})
}
