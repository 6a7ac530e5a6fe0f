package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// These tests run a behaviour Twilio does not document under both outcomes the emulator can take
// (internal/emulator/FIDELITY.md): the provider must end in the same, right place either way.

// A move may clear the number's application SIDs or keep them (pointing at the old account's
// application); the provider sets what the configuration says in the new account either way.
func TestAccIncomingNumber_transferReferences(t *testing.T) {
	t.Parallel()
	acctest.UnderBothOutcomes(t, emulator.AltMoveKeepsReferences, "keep", func(t *testing.T, env *acctest.Env, keep bool) {
		config := func(account, app string) string {
			return env.Config(`
resource "twilio_subaccount" "a" {
  friendly_name = "tenant-a"
}

resource "twilio_subaccount" "b" {
  friendly_name = "tenant-b"
}

resource "twilio_twiml_app" "a" {
  friendly_name = "app-a"
  account_sid   = twilio_subaccount.a.sid
}

resource "twilio_twiml_app" "b" {
  friendly_name = "app-b"
  account_sid   = twilio_subaccount.b.sid
}
`, testAccIncomingNumberConfig(`
  phone_number = "+14155550120"
  account_sid  = twilio_subaccount.`+account+`.sid
`+app))
		}
		appOf := func(name string) resource.TestCheckFunc {
			return func(s *terraform.State) error {
				want := ""
				if name != "" {
					want = s.RootModule().Resources["twilio_twiml_app."+name].Primary.Attributes["sid"]
				}
				return testAccCheckIncomingNumberInTwilio(t, env, map[string]string{"voice_application_sid": want})(s)
			}
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
			Steps: []resource.TestStep{
				{Config: config("a", `voice_application_sid = twilio_twiml_app.a.sid`), Check: appOf("a")},
				{Config: config("b", `voice_application_sid = twilio_twiml_app.b.sid`), Check: appOf("b")},
				{Config: config("a", ``), Check: appOf("")},
				{
					Config:           config("a", ``),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
	})
}

// A close whose answer was lost is retried; Twilio may accept the repeated close or answer 21479
// (closed already). Destroy succeeds and the subaccount is closed either way.
func TestAccSubaccount_closeRetried(t *testing.T) {
	t.Parallel()
	acctest.UnderBothOutcomes(t, emulator.AltCloseAgainRefused, "refuse", func(t *testing.T, env *acctest.Env, refuse bool) {
		config := env.Config(`
resource "twilio_subaccount" "t" {
  friendly_name = "closing"
}
`)
		retried := func(*terraform.State) error {
			if n := len(env.Requests("POST", "/2010-04-01/Accounts/AC")); n < 2 {
				return fmt.Errorf("the close was sent %d times, want a retry", n)
			}
			return nil
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			CheckDestroy:             resource.ComposeTestCheckFunc(testAccCheckSubaccountClosed(t, env), retried),
			Steps: []resource.TestStep{{
				Config: config,
				// From here on the close (at destroy) happens, but its answer is a 500: the client
				// sends it again.
				Check: func(*terraform.State) error {
					env.Emulator.ResetRequests()
					env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: `^/2010-04-01/Accounts/AC[0-9a-f]{32}\.json$`,
						Kind: emulator.FaultInternal, Times: 1, AfterEffect: true})
					return nil
				},
			}},
		})
	})
}
