package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// testAccMoveNumber moves a number between accounts as the Console's number transfer does (the main
// account's auth token).
func testAccMoveNumber(t *testing.T, env *acctest.Env, sid, from, to *string) func() {
	return func() {
		if _, err := env.Client(t).UpdateIncomingNumber(context.Background(), *from, *sid,
			&twilioclient.UpdateIncomingNumberParams{AccountSid: to}); err != nil {
			t.Fatal(err)
		}
	}
}

// A number its account no longer has may have been moved to another account of the family, where it is
// still billed. When the search of the family fails (here a 500 listing the accounts), the refresh must
// fail and keep the number; once the search works it finds the number where it went.
func TestAccIncomingNumber_familySearchFails(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	config := env.Config(`
resource "twilio_subaccount" "a" {
  friendly_name = "tenant-a"
}

resource "twilio_subaccount" "b" {
  friendly_name = "tenant-b"
}
`, testAccIncomingNumberConfig(`
  phone_number = "+14155550143"
  account_sid  = twilio_subaccount.a.sid
`))
	var sid, from, to string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(
					testAccCaptureAttr(testAccIncomingNumberAddr, "sid", &sid),
					testAccCaptureAttr(testAccIncomingNumberAddr, "account_sid", &from),
					testAccCaptureAttr("twilio_subaccount.b", "sid", &to),
				),
			},
			// An old number: its 404 is believed at once, so the family search runs without delay.
			testAccBackdateStep(t, env, &sid),
			{
				PreConfig: func() {
					testAccMoveNumber(t, env, &sid, &from, &to)()
					env.Emulator.AddFault(emulator.Fault{Method: "GET", Path: `/Accounts\.json$`, Kind: emulator.FaultInternal})
				},
				RefreshState: true,
				ExpectError:  acctest.ErrorRegexp("searching the other accounts of the family for it failed"),
			},
			{
				PreConfig:          env.Emulator.ClearFaults,
				RefreshState:       true,
				ExpectNonEmptyPlan: true, // the plan moves the number back
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPtr(testAccIncomingNumberAddr, "sid", &sid),
					resource.TestCheckResourceAttrPtr(testAccIncomingNumberAddr, "account_sid", &to),
				),
			},
			{
				// A fetch that fails in one account proves nothing either.
				PreConfig: func() {
					testAccMoveNumber(t, env, &sid, &to, &from)()
					env.Emulator.AddFault(emulator.Fault{Method: "GET", Path: "/Accounts/" + from + "/IncomingPhoneNumbers/", Kind: emulator.FaultInternal})
				},
				RefreshState: true,
				ExpectError:  acctest.ErrorRegexp("searching the other accounts of the family for it failed"),
			},
			{
				PreConfig: env.Emulator.ClearFaults,
				Config:    config,
				Check:     resource.TestCheckResourceAttrPtr(testAccIncomingNumberAddr, "account_sid", &from),
			},
		},
	})
}

// A standard API key cannot list accounts (Twilio answers 403), so it cannot prove that a number left its
// account for good: the refresh fails with an error that says which credentials can, and the number stays.
func TestAccIncomingNumber_familySearchStandardKey(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	key, err := env.Client(t).CreateKey(ctx, env.AccountSID, "standard")
	if err != nil {
		t.Fatal(err)
	}
	sub, err := env.Client(t).CreateSubaccount(ctx, "tenant-b")
	if err != nil {
		t.Fatal(err)
	}
	config := fmt.Sprintf(`
provider "twilio" {
  base_url       = %q
  account_sid    = %q
  api_key_sid    = %q
  api_key_secret = %q
  max_retries    = 2
}
`, env.URL, env.AccountSID, key.SID, key.Secret) + testAccIncomingNumberConfig(`phone_number = "+14155550144"`)
	var sid string
	mainSID, subSID := env.AccountSID, *sub.Sid
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config, Check: testAccCaptureAttr(testAccIncomingNumberAddr, "sid", &sid)},
			testAccBackdateStep(t, env, &sid),
			{
				PreConfig:    testAccMoveNumber(t, env, &sid, &mainSID, &subSID),
				RefreshState: true,
				ExpectError:  acctest.ErrorRegexp("the auth token or a Main API key, not a standard key"),
			},
			{
				// Back where the state says it is: the number was never dropped.
				PreConfig:    testAccMoveNumber(t, env, &sid, &subSID, &mainSID),
				RefreshState: true,
				Check:        resource.TestCheckResourceAttrPtr(testAccIncomingNumberAddr, "sid", &sid),
			},
		},
	})
}
