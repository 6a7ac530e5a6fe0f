package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

func testAccRotationAction(name, input, accountSID string) string {
	return testAccActionTrigger("twilio_subaccount_auth_token_rotation", name, input,
		fmt.Sprintf("    account_sid = %s", accountSID))
}

// testAccTokenWorks reports whether Twilio accepts the account's token, or the key's secret when keySID
// is set, now.
func testAccTokenWorks(env *acctest.Env, sid, keySID, secret string) (bool, error) {
	cfg := twilioclient.Config{AccountSID: sid, AuthToken: secret, BaseURL: env.URL, UserAgent: "acctest", MaxRetries: 1}
	if keySID != "" {
		cfg.AuthToken, cfg.APIKeySID, cfg.APIKeySecret = "", keySID, secret
	}
	c, err := twilioclient.New(cfg)
	if err != nil {
		return false, err
	}
	// A standard key may not read accounts; it may list its account's applications.
	_, err = c.ListApplications(context.Background(), sid, "")
	switch {
	case err == nil:
		return true, nil
	case twilioclient.IsStatus(err, http.StatusUnauthorized):
		return false, nil
	}
	return false, err
}

// TestAccSubaccountAuthTokenRotation_basic: the action gives the subaccount a new token, the old one is
// refused afterwards, the tenant's API key keeps working, and the next refresh stores the new token in the
// subaccount's state (an action cannot write it).
func TestAccSubaccountAuthTokenRotation_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	var sid, oldToken, keySID, keySecret string
	base := `
resource "twilio_subaccount" "test" {
  friendly_name = "tenant-rotate"
}

resource "twilio_api_key" "tenant" {
  account_sid   = twilio_subaccount.test.sid
  friendly_name = "tenant-app"
}
`
	checkStateToken := func(s *terraform.State) error {
		now, _ := env.Emulator.AuthTokenIn(sid, "us1")
		if got := s.RootModule().Resources[testAccSubaccountAddr].Primary.Attributes["auth_token"]; got != now {
			// NOTE: neither token is printed.
			return fmt.Errorf("the state's auth_token is not the subaccount's current token")
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Actions),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(base),
				Check: resource.ComposeTestCheckFunc(
					testAccCaptureAttr(testAccSubaccountAddr, "sid", &sid),
					testAccCaptureAttr(testAccSubaccountAddr, "auth_token", &oldToken),
					testAccCaptureAttr("twilio_api_key.tenant", "sid", &keySID),
					testAccCaptureAttr("twilio_api_key.tenant", "secret", &keySecret),
				),
			},
			{
				Config: env.Config(base, testAccRotationAction("rotate", "2026-12", "twilio_subaccount.test.sid")),
				Check: func(*terraform.State) error {
					now, _ := env.Emulator.AuthTokenIn(sid, "us1")
					if now == oldToken {
						return fmt.Errorf("the subaccount's token did not change")
					}
					if ok, err := testAccTokenWorks(env, sid, "", oldToken); err != nil || ok {
						return fmt.Errorf("the old token after the rotation: works=%v, %v; want refused", ok, err)
					}
					if ok, err := testAccTokenWorks(env, sid, "", now); err != nil || !ok {
						return fmt.Errorf("the new token: works=%v, %v", ok, err)
					}
					if ok, err := testAccTokenWorks(env, sid, keySID, keySecret); err != nil || !ok {
						return fmt.Errorf("the tenant's API key after the rotation: works=%v, %v", ok, err)
					}
					return nil
				},
			},
			{
				// The refresh reads the new token from Twilio: the state holds it, and the plan is empty.
				RefreshState: true,
				Check:        checkStateToken,
			},
		},
	})
}

// TestAccSubaccountAuthTokenRotation_refusals: the main account (plan), a suspended and a closed
// subaccount (apply) are refused, and no token changed.
func TestAccSubaccountAuthTokenRotation_refusals(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	suspended := testAccSubaccountOutside(t, env, "tenant-paused")
	closed := testAccSubaccountOutside(t, env, "tenant-gone")
	tokens := map[string]string{}
	for sid, status := range map[string]string{suspended: twilioclient.AccountStatusSuspended, closed: twilioclient.AccountStatusClosed} {
		tokens[sid], _ = env.Emulator.AuthTokenIn(sid, "us1")
		if _, err := env.Client(t).UpdateAccount(ctx, sid, (&twilioclient.UpdateAccountParams{}).SetStatus(status)); err != nil {
			t.Fatal(err)
		}
	}
	tokens[env.AccountSID] = env.AuthToken
	// An API key never sees a subaccount's auth token: refused at plan time, whatever the subaccount.
	open := testAccSubaccountOutside(t, env, "tenant-keyed")
	tokens[open], _ = env.Emulator.AuthTokenIn(open, "us1")
	key, err := env.Client(t).CreateKey(ctx, env.AccountSID, "main key")
	if err != nil {
		t.Fatal(err)
	}
	keyed := fmt.Sprintf(`
provider "twilio" {
  base_url       = %q
  account_sid    = %q
  api_key_sid    = %q
  api_key_secret = %q
}
`, env.URL, env.AccountSID, key.SID, key.Secret)
	unchanged := func(*terraform.State) error {
		for sid, want := range tokens {
			if got, _ := env.Emulator.AuthTokenIn(sid, "us1"); got != want {
				return fmt.Errorf("the token of %s changed", sid)
			}
		}
		for _, a := range env.Emulator.Snapshot().Accounts {
			if a.SecondaryAuthToken != "" {
				return fmt.Errorf("a secondary token was created for %s", a.Sid)
			}
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Actions),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             unchanged,
		Steps: []resource.TestStep{
			{
				Config:      env.Config(testAccRotationAction("main", "x", fmt.Sprintf("%q", env.AccountSID))),
				ExpectError: regexp.MustCompile(`Cannot rotate the auth token of the main account`),
			},
			{
				Config:      env.Config(testAccRotationAction("paused", "x", fmt.Sprintf("%q", suspended))),
				ExpectError: regexp.MustCompile(`(?s)The subaccount is suspended.*Nothing\s+was\s+changed`),
			},
			{
				Config:      env.Config(testAccRotationAction("gone", "x", fmt.Sprintf("%q", closed))),
				ExpectError: regexp.MustCompile(`(?s)The subaccount is closed.*Nothing\s+was\s+changed`),
			},
			{
				Config:      keyed + testAccRotationAction("keyed", "x", fmt.Sprintf("%q", open)),
				ExpectError: regexp.MustCompile(`Cannot rotate a subaccount's auth token with an API key`),
			},
		},
	})
	if n := len(env.Requests("", "/v1/AuthTokens")); n != 0 {
		t.Errorf("the refusals sent %d auth token requests", n)
	}
}
