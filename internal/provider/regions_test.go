package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// testAccRegionalProvider configures the provider for a region with that region's own auth token (Twilio's
// credentials are regional), against the emulator.
func testAccRegionalProvider(t *testing.T, env *acctest.Env, region, edge string) string {
	t.Helper()
	token, ok := env.Emulator.AuthTokenIn(env.AccountSID, region)
	if !ok {
		t.Fatalf("no account %s", env.AccountSID)
	}
	edgeLine := ""
	if edge != "" {
		edgeLine = fmt.Sprintf("  edge = %q\n", edge)
	}
	return fmt.Sprintf(`
provider "twilio" {
  base_url    = %q
  account_sid = %q
  auth_token  = %q
  region      = %q
%s  max_retries = 2
}
`, env.URL, env.AccountSID, token, region, edgeLine)
}

// TestAccRegion_ie1 manages a TwiML app and a key in IE1 with IE1 credentials: every request goes to the
// regional host with the region's default edge (never the retired api.ie1.twilio.com), and a token minted
// with the key carries twr=ie1 as Twilio's SDKs put it.
func TestAccRegion_ie1(t *testing.T) {
	env := acctest.New(t)
	env.RequireEmulator(t)
	cfg := testAccRegionalProvider(t, env, "ie1", "") + `
resource "twilio_twiml_app" "test" {
  friendly_name = "regional"
  voice_url     = "https://example.com/voice"
}
resource "twilio_api_key" "test" {
  friendly_name = "regional"
}
data "twilio_access_token" "test" {
  api_key_sid    = twilio_api_key.test.sid
  api_key_secret = twilio_api_key.test.secret
  identity       = "alice"
  voice {
    outgoing_application_sid = twilio_twiml_app.test.sid
  }
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: cfg,
			Check: resource.ComposeAggregateTestCheckFunc(
				func(*terraform.State) error {
					reqs := env.Requests("", "/2010-04-01/")
					if len(reqs) == 0 {
						return fmt.Errorf("no 2010 API requests were logged")
					}
					for _, r := range reqs {
						if r.Host != "api.dublin.ie1.twilio.com" {
							return fmt.Errorf("%s %s went to host %s, want api.dublin.ie1.twilio.com", r.Method, r.Path, r.Host)
						}
					}
					return nil
				},
				func(s *terraform.State) error {
					key := s.RootModule().Resources["twilio_api_key.test"].Primary.Attributes
					tok := s.RootModule().Resources[testAccAccessTokenAddr].Primary.Attributes
					want := testAccAccessTokenWant{sub: env.AccountSID, iss: key["sid"], region: "ie1", ttl: accessTokenDefaultTTL,
						grants: fmt.Sprintf(`{"identity": "alice", "voice": {"outgoing": {"application_sid": %q}}}`,
							s.RootModule().Resources["twilio_twiml_app.test"].Primary.Attributes["sid"])}
					return want.check(tok["token"], key["secret"])
				},
			),
		}},
	})
}

// TestAccRegion_credentialsOfAnotherRegion: US1 credentials sent to IE1 fail authentication, as Twilio
// documents, and the error names the variables to check.
func TestAccRegion_credentialsOfAnotherRegion(t *testing.T) {
	env := acctest.New(t)
	env.RequireEmulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "twilio" {
  base_url    = %q
  account_sid = %q
  auth_token  = %q
  region      = "au1"
  max_retries = 0
}
resource "twilio_twiml_app" "test" {
  friendly_name = "regional"
}
`, env.URL, env.AccountSID, env.AuthToken),
			ExpectError: regexp.MustCompile(`(?s)Twilio rejected the auth token.*TWILIO_AUTH_TOKEN.*Twilio.s\s+au1\s+region.*valid\s+only\s+in\s+the\s+region\s+they\s+were\s+made\s+in`),
		}},
	})
	for _, r := range env.Requests("", "") {
		if r.Host != "api.sydney.au1.twilio.com" {
			t.Errorf("%s %s went to %s, want api.sydney.au1.twilio.com", r.Method, r.Path, r.Host)
		}
	}
}

// TestAccRegion_invalid refuses, at plan and before any request, regions and edges Twilio does not serve,
// with the retired region-style IDs explained.
func TestAccRegion_invalid(t *testing.T) {
	env := acctest.New(t)
	env.RequireEmulator(t)
	for _, tc := range []struct{ region, edge, want string }{
		{"jp1", "", `(?s)Invalid Twilio region.*"jp1" is a retired edge ID.*"tokyo" edge`},
		{"eu1", "", `(?s)Invalid Twilio region.*choose one of au1, ie1, us1`},
		{"ie1", "paris", `(?s)Invalid Twilio edge.*"paris" is not a Twilio edge location`},
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{{
				Config: testAccRegionalProvider(t, env, "us1", "") + fmt.Sprintf(`
provider "twilio" {
  alias       = "bad"
  base_url    = %q
  account_sid = %q
  auth_token  = %q
  region      = %q
  edge        = %q
}
resource "twilio_twiml_app" "test" {
  provider      = twilio.bad
  friendly_name = "never"
}
`, env.URL, env.AccountSID, env.AuthToken, tc.region, tc.edge),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(tc.want),
			}},
		})
	}
	if n := len(env.Requests("", "")); n != 0 {
		t.Errorf("%d requests reached Twilio; a bad region or edge must be refused before any", n)
	}
}
