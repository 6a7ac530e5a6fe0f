package provider

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/accesstoken"
	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// The ephemeral resource needs Terraform 1.10+ or OpenTofu 1.11+.
var testAccAccessTokenEphemeralVersions = acctest.Needs(acctest.Ephemeral)

// testAccAccessTokenEchoProviders adds plugin-testing's echo provider, which copies its configuration (where
// ephemeral values are allowed) into a resource the test can read. The test echoes only facts about the
// token (its jti, expiry and SHA-256), never the token.
func testAccAccessTokenEchoProviders() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"twilio": testAccProviders["twilio"],
		"echo":   echoprovider.NewProviderServer(),
	}
}

const testAccAccessTokenEcho = `
provider "echo" {
  data = {
    account_sid  = ephemeral.twilio_access_token.test.account_sid
    ttl          = ephemeral.twilio_access_token.test.ttl
    jti          = ephemeral.twilio_access_token.test.jti
    expires_at   = ephemeral.twilio_access_token.test.expires_at
    token_sha256 = sha256(ephemeral.twilio_access_token.test.token)
  }
}

resource "echo" "test" {}
`

// The token Terraform used is exactly the expected one (its hash matches a token minted here for the echoed
// issue time), yet it is in no plan, no state and no file of the working directory.
func TestAccAccessTokenEphemeral_notInState(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	wd := t.TempDir()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccAccessTokenEphemeralVersions,
		ProtoV6ProviderFactories: testAccAccessTokenEchoProviders(),
		WorkingDir:               wd,
		Steps: []resource.TestStep{
			{
				Config:             env.Config(testAccAccessTokenConfig_full("ephemeral"), testAccAccessTokenEcho),
				ExpectNonEmptyPlan: acctest.EphemeralOpensInPlan(),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{testAccAccessTokenPlanHasNoToken{}},
					PostApplyPostRefresh: []plancheck.PlanCheck{acctest.ExpectNoChangesBesidesEphemeralOpens()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("echo.test", tfjsonpath.New("data").AtMapKey("account_sid"), knownvalue.StringExact(env.AccountSID)),
					statecheck.ExpectKnownValue("echo.test", tfjsonpath.New("data").AtMapKey("ttl"), knownvalue.Int64Exact(600)),
					testAccAccessTokenNotInState{wd: wd, params: func(now time.Time) accesstoken.Params {
						return testAccAccessTokenFullParams(env.AccountSID, now)
					}},
				},
			},
			// Every run opens the ephemeral resource again; nothing is planned and still nothing is stored.
			{
				Config:             env.Config(testAccAccessTokenConfig_full("ephemeral"), testAccAccessTokenEcho),
				ExpectNonEmptyPlan: acctest.EphemeralOpensInPlan(),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectNoChangesBesidesEphemeralOpens(), testAccAccessTokenPlanHasNoToken{},
				}},
			},
		},
	})
	testAccCheckNoRequests(t, env)
}

func TestAccAccessTokenEphemeral_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	for name, tc := range testAccAccessTokenValidationCases("ephemeral") {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				TerraformVersionChecks:   testAccAccessTokenEphemeralVersions,
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config: env.Config(tc.config), PlanOnly: true, ExpectError: acctest.ErrorRegexp(tc.want),
				}},
			})
		})
	}
	testAccCheckNoRequests(t, env)
}

// --- End to end: a TwiML app and an API key made by the provider, then a token for them ---

func testAccAccessTokenConfig_endToEnd(kind string) string {
	return fmt.Sprintf(`
resource "twilio_api_key" "k" {
  friendly_name = "softphone tokens"
}

resource "twilio_twiml_app" "a" {
  friendly_name = "softphone"
  voice_url     = "https://example.com/voice"
}

%s "twilio_access_token" "test" {
  api_key_sid    = twilio_api_key.k.sid
  api_key_secret = twilio_api_key.k.secret
  identity       = "agent-7"
  ttl            = 900

  voice {
    incoming_allow           = true
    outgoing_application_sid = twilio_twiml_app.a.sid
  }
}
`, kind)
}

func TestAccAccessToken_endToEnd(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccAccessTokenCheckDestroyed(t, env),
		Steps: []resource.TestStep{{
			Config: env.Config(testAccAccessTokenConfig_endToEnd("data")),
			Check: func(s *terraform.State) error {
				key := s.RootModule().Resources["twilio_api_key.k"].Primary.Attributes
				app := s.RootModule().Resources["twilio_twiml_app.a"].Primary.Attributes
				return testAccAccessTokenCheck(testAccAccessTokenAddr, key["secret"], testAccAccessTokenWant{
					sub: env.AccountSID, iss: key["sid"], ttl: 900,
					grants: fmt.Sprintf(`{"identity": "agent-7", "voice": {"incoming": {"allow": true}, "outgoing": {"application_sid": %q}}}`, app["sid"]),
				})(s)
			},
		}},
	})
}

// The same with the ephemeral resource: during the first plan the key and app do not exist yet, so the
// token is minted only at apply, from values Terraform learned in between.
func TestAccAccessTokenEphemeral_endToEnd(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	wd := t.TempDir()
	var keySID, secret, appSID string
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccAccessTokenEphemeralVersions,
		ProtoV6ProviderFactories: testAccAccessTokenEchoProviders(),
		CheckDestroy:             testAccAccessTokenCheckDestroyed(t, env),
		WorkingDir:               wd,
		Steps: []resource.TestStep{{
			Config: env.Config(testAccAccessTokenConfig_endToEnd("ephemeral"), testAccAccessTokenEcho),
			// OpenTofu 1.11 lists the token's "open" in every plan; nothing else may change.
			ExpectNonEmptyPlan: acctest.EphemeralOpensInPlan(),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{acctest.ExpectNoChangesBesidesEphemeralOpens()},
			},
			Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr("twilio_api_key.k", "sid", &keySID),
				testAccCaptureAttr("twilio_api_key.k", "secret", &secret),
				testAccCaptureAttr("twilio_twiml_app.a", "sid", &appSID),
			),
			// State checks run after Check, so the captured key and app are known by then.
			ConfigStateChecks: []statecheck.StateCheck{testAccAccessTokenNotInState{wd: wd,
				params: func(now time.Time) accesstoken.Params {
					return accesstoken.Params{
						AccountSID: env.AccountSID, APIKeySID: keySID, APIKeySecret: secret, Identity: "agent-7",
						TTL: 900 * time.Second, Now: now,
						Voice: &accesstoken.VoiceGrant{IncomingAllow: true, OutgoingApplicationSID: appSID},
					}
				}}},
		}},
	})
}

func testAccAccessTokenFullParams(accountSID string, now time.Time) accesstoken.Params {
	return accesstoken.Params{
		AccountSID: accountSID, APIKeySID: testAccAccessTokenKeySID, APIKeySecret: testAccAccessTokenSecret,
		Identity: "alice", TTL: 600 * time.Second, Region: "ie1", Now: now,
		Voice: &accesstoken.VoiceGrant{IncomingAllow: true, OutgoingApplicationSID: testAccAccessTokenAppSID,
			OutgoingApplicationParams: map[string]string{"agent": "alice", "queue": "support"},
			PushCredentialSID:         testAccAccessTokenCredSID},
		Video: &accesstoken.VideoGrant{Room: "standup"},
		Chat: &accesstoken.ChatGrant{ServiceSID: testAccAccessTokenSvcSID, EndpointID: "alice-phone",
			PushCredentialSID: testAccAccessTokenCredSID},
		Sync: &accesstoken.SyncGrant{},
	}
}

// testAccAccessTokenNotInState rebuilds the token Terraform used from the echoed jti (which carries the issue
// time), proves it is the one Terraform had through its echoed hash, then looks for it, and for any JWT at
// all ("eyJ" is how every base64-encoded JSON object starts), in the state and in every file of the working
// directory.
type testAccAccessTokenNotInState struct {
	wd string
	// params are the token's parameters for an issue time; a func so that they can use values captured
	// from the state by the step's Check.
	params func(now time.Time) accesstoken.Params
}

func (c testAccAccessTokenNotInState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.check(req)
}

func (c testAccAccessTokenNotInState) check(req statecheck.CheckStateRequest) error {
	var echoed map[string]any
	for _, r := range req.State.Values.RootModule.Resources {
		if r.Address == "echo.test" {
			echoed, _ = r.AttributeValues["data"].(map[string]any)
		}
	}
	jti, _ := echoed["jti"].(string)
	_, issuedAt, ok := strings.Cut(jti, "-")
	issued, err := strconv.ParseInt(issuedAt, 10, 64)
	if !ok || err != nil {
		return fmt.Errorf("echoed jti %q does not carry an issue time (echoed %v)", jti, echoed)
	}
	tok, err := accesstoken.Mint(c.params(time.Unix(issued, 0)))
	if err != nil {
		return err
	}
	sum := sha256.Sum256([]byte(tok.JWT))
	if got := echoed["token_sha256"]; got != hex.EncodeToString(sum[:]) {
		return fmt.Errorf("the ephemeral token is not the expected one: SHA-256 %v, want %x", got, sum)
	}
	if got, want := echoed["expires_at"], tok.ExpiresAt.Format(time.RFC3339); got != want {
		return fmt.Errorf("expires_at = %v, want %s", got, want)
	}

	// Named, so that a failure says what leaked without printing the token into the test log.
	needles := map[string]string{
		"the token":           tok.JWT,
		"the token signature": tok.JWT[strings.LastIndex(tok.JWT, ".")+1:],
		"a JWT (\"eyJ\")":     "eyJ",
	}
	state, err := json.Marshal(req.State)
	if err != nil {
		return err
	}
	for what, n := range needles {
		if bytes.Contains(state, []byte(n)) {
			return fmt.Errorf("the state holds %s", what)
		}
		files, err := testAccAccessTokenFilesContaining(c.wd, n)
		if err != nil {
			return err
		}
		if len(files) > 0 {
			return fmt.Errorf("%s reached files of the working directory: %v", what, files)
		}
	}
	stateFiles, err := filepath.Glob(filepath.Join(c.wd, "*", "terraform.tfstate"))
	if err != nil || len(stateFiles) == 0 {
		return fmt.Errorf("no state file under %s to check (%v): the test would prove nothing", c.wd, err)
	}
	return nil
}

// testAccAccessTokenPlanHasNoToken fails when the plan (as `show -json` renders it, sensitive values
// included) contains anything that looks like a JWT.
type testAccAccessTokenPlanHasNoToken struct{}

func (testAccAccessTokenPlanHasNoToken) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	plan, err := json.Marshal(req.Plan)
	if err != nil {
		resp.Error = err
		return
	}
	if i := bytes.Index(plan, []byte("eyJ")); i >= 0 {
		// The context before the match names the attribute without printing the token itself.
		resp.Error = fmt.Errorf("the plan holds a JWT: ...%s<eyJ...>", plan[max(0, i-80):i])
	}
}

// testAccAccessTokenFilesContaining lists the files under dir that contain any of needles: state and its
// backups, configuration, and saved plans, which are zip archives searched entry by entry.
func testAccAccessTokenFilesContaining(dir string, needles ...string) ([]string, error) {
	var found []string
	contains := func(b []byte) bool {
		for _, n := range needles {
			if bytes.Contains(b, []byte(n)) {
				return true
			}
		}
		return false
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if contains(b) {
			found = append(found, p)
			return nil
		}
		if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
			return nil
		}
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			entry, err := io.ReadAll(rc)
			_ = rc.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			if contains(entry) {
				found = append(found, p+"!"+f.Name)
			}
		}
		return nil
	})
	return found, err
}

// testAccAccessTokenCheckDestroyed proves the end-to-end test's API keys and TwiML apps are gone from Twilio.
func testAccAccessTokenCheckDestroyed(t *testing.T, env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		ctx := context.Background()
		for _, rs := range s.RootModule().Resources {
			sid := rs.Primary.Attributes["sid"]
			var err error
			switch rs.Type {
			case "twilio_api_key":
				_, err = env.Client(t).FindKey(ctx, env.AccountSID, sid)
			case "twilio_twiml_app":
				_, err = env.Client(t).FindApplication(ctx, env.AccountSID, sid)
			default:
				continue
			}
			if err == nil {
				return fmt.Errorf("%s %s still exists in Twilio after destroy", rs.Type, sid)
			}
			if !twilioclient.IsNotFound(err) {
				return err
			}
		}
		return nil
	}
}
