package provider

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/rpcctx"
)

// testAccProviders runs the provider in-process, so the tests and the provider share the emulator.
var testAccProviders = map[string]func() (tfprotov6.ProviderServer, error){
	// The same server as the provider binary's (main.go), rpcctx wrapper included.
	"twilio": func() (tfprotov6.ProviderServer, error) {
		server, err := providerserver.NewProtocol6WithError(New("test")())()
		if err != nil {
			return nil, err
		}
		return rpcctx.Server(server), nil
	},
}

func TestMain(m *testing.M) {
	code := m.Run()
	if os.Getenv("TF_ACC") != "" {
		fmt.Println(acctest.ConformanceSummary())
	}
	os.Exit(code)
}

const testAccAccountDataSource = `
data "twilio_account" "me" {}
`

func TestAccProvider_attributes(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.Config(testAccAccountDataSource),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_account.me", tfjsonpath.New("sid"), knownvalue.StringExact(env.AccountSID)),
				statecheck.ExpectKnownValue("data.twilio_account.me", tfjsonpath.New("status"), knownvalue.StringExact("active")),
				statecheck.ExpectKnownValue("data.twilio_account.me", tfjsonpath.New("owner_account_sid"), knownvalue.StringExact(env.AccountSID)),
			},
		}},
	})
}

// The environment variables are the ones every Twilio SDK and the Twilio CLI read; not parallel because
// it sets process environment the in-process provider reads.
func TestAccProvider_environment(t *testing.T) {
	env := acctest.New(t)
	env.RequireEmulator(t)
	t.Setenv(EnvBaseURL, env.URL)
	t.Setenv(EnvAccountSID, env.AccountSID)
	t.Setenv(EnvAuthToken, env.AuthToken)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: testAccAccountDataSource,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_account.me", tfjsonpath.New("sid"), knownvalue.StringExact(env.AccountSID)),
			},
		}},
	})
}

// A standard API key manages the account's resources. It cannot read the account itself (Twilio reserves
// /Accounts to the auth token and Main keys), so the test manages a TwiML application with it.
func TestAccProvider_apiKey(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	key, err := env.Client(t).CreateKey(context.Background(), env.AccountSID, "acctest provider key")
	if err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTwimlAppDestroyed(t, env),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "twilio" {
  base_url       = %q
  account_sid    = %q
  api_key_sid    = %q
  api_key_secret = %q
}

resource "twilio_twiml_app" "test" {
  friendly_name = "made with an API key"
}
`, env.URL, env.AccountSID, key.SID, key.Secret),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("twilio_twiml_app.test", tfjsonpath.New("account_sid"), knownvalue.StringExact(env.AccountSID)),
			},
		}},
	})
	for _, want := range []struct{ method, path string }{
		{"POST", "/Accounts/" + env.AccountSID + "/Applications.json"},
		{"DELETE", "/Accounts/" + env.AccountSID + "/Applications/AP"},
	} {
		reqs := env.Requests(want.method, want.path)
		if len(reqs) != 1 || reqs[0].AuthUser != key.SID || reqs[0].Status >= 300 {
			t.Errorf("expected one successful %s %s authenticated with API key %s, got %+v", want.method, want.path, key.SID, reqs)
		}
	}
}

func TestAccProvider_badCredentials(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	const wrongToken = "0123456789abcdef0123456789abcdef"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "twilio" {
  base_url    = %q
  account_sid = %q
  auth_token  = %q
}
%s`, env.URL, env.AccountSID, wrongToken, testAccAccountDataSource),
			// Terraform wraps long diagnostics, so the sentence is matched across line breaks; the error must
			// also name the environment variable to check.
			ExpectError: regexp.MustCompile(acctest.ErrorRegexp("rejected the auth token of account "+env.AccountSID).String() +
				`.*TWILIO_AUTH_TOKEN`),
		}},
	})
	for _, r := range env.Emulator.Requests() {
		if r.Status != 401 {
			t.Fatalf("expected only rejected requests, got %d for %s %s", r.Status, r.Method, r.Path)
		}
	}
}

// Configuration errors are caught before any request: the emulator must see nothing.
func TestAccProvider_invalidConfiguration(t *testing.T) {
	env := acctest.New(t)
	env.RequireEmulator(t)
	for _, name := range []string{EnvAccountSID, EnvAuthToken, EnvAPIKeySID, EnvAPIKeySecret, EnvBaseURL} {
		t.Setenv(name, "")
	}
	cases := map[string]struct {
		provider string
		want     string
	}{
		"missing credentials": {
			provider: fmt.Sprintf(`base_url = %q
  account_sid = %q`, env.URL, env.AccountSID),
			want: `(?s)Missing Twilio credentials.*auth_token.*api_key_sid and api_key_secret`,
		},
		"missing account": {
			provider: fmt.Sprintf(`base_url = %q
  auth_token = %q`, env.URL, env.AuthToken),
			want: `Missing Twilio account SID`,
		},
		"conflicting credentials": {
			provider: fmt.Sprintf(`base_url = %q
  account_sid = %q
  auth_token = %q
  api_key_sid = "SK0123456789abcdef0123456789abcdef"
  api_key_secret = "secret"`, env.URL, env.AccountSID, env.AuthToken),
			want: `(?s)Conflicting Twilio credentials.*set only one`,
		},
		"incomplete api key": {
			provider: fmt.Sprintf(`base_url = %q
  account_sid = %q
  api_key_sid = "SK0123456789abcdef0123456789abcdef"`, env.URL, env.AccountSID),
			want: `Incomplete Twilio API key`,
		},
		"bad account sid": {
			provider: fmt.Sprintf(`base_url = %q
  account_sid = "PN0123456789abcdef0123456789abcdef"
  auth_token = %q`, env.URL, env.AuthToken),
			want: `(?s)Invalid Twilio SID.*account_sid must be a Twilio SID: AC`,
		},
		"plain http to a remote host": {
			provider: fmt.Sprintf(`base_url = "http://twilio.example.net"
  account_sid = %q
  auth_token = %q`, env.AccountSID, env.AuthToken),
			want: `(?s)Invalid Twilio base URL.*not\s+loopback`,
		},
		"base url with a path": {
			provider: fmt.Sprintf(`base_url = "https://proxy.example.net/twilio"
  account_sid = %q
  auth_token = %q`, env.AccountSID, env.AuthToken),
			want: `(?s)Invalid Twilio base URL.*scheme and\s+host only`,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:      "provider \"twilio\" {\n  " + tc.provider + "\n}\n" + testAccAccountDataSource,
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
	if n := len(env.Emulator.Requests()); n != 0 {
		t.Fatalf("invalid configurations must not reach Twilio, the emulator saw %d requests", n)
	}
}

// A provider block fed from a subaccount created in the same configuration is unknown during the first
// plan; the plan must still succeed, and the apply configures the provider once the values exist.
func TestAccProvider_unknownConfiguration(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant with its own provider"
}

provider "twilio" {
  alias       = "tenant"
  base_url    = %q
  account_sid = twilio_subaccount.tenant.sid
  auth_token  = twilio_subaccount.tenant.auth_token
}

resource "twilio_twiml_app" "voice" {
  provider      = twilio.tenant
  friendly_name = "voice"
  voice_url     = "https://voice.example.com/twiml"
}
`, env.URL)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("twilio_twiml_app.voice", plancheck.ResourceActionCreate),
				plancheck.ExpectUnknownValue("twilio_twiml_app.voice", tfjsonpathRoot("account_sid")),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPair("twilio_twiml_app.voice", "account_sid", "twilio_subaccount.tenant", "sid"),
				func(*terraformState) error {
					// The app was created with the subaccount's own credentials.
					for _, r := range env.Requests("POST", "/Applications.json") {
						if r.Status == 201 && strings.HasPrefix(r.AuthUser, "AC") && r.AuthUser != env.AccountSID {
							return nil
						}
					}
					return fmt.Errorf("the app was not created with the subaccount's credentials")
				},
			),
		}},
	})
}
