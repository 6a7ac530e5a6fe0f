package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

const (
	testAccAPIKeyAddr = "twilio_api_key.test"

	testAccAPIKeyPolicyRead = `{"allow":["/twilio/messaging/messages/read"]}`
	testAccAPIKeyPolicyRW   = `{"allow":["/twilio/messaging/messages/create","/twilio/messaging/messages/read"]}`
)

var testAccAPIKeySecretRegexp = regexp.MustCompile(`^[0-9a-zA-Z]{32}$`)

func TestAccAPIKey_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var secret string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAPIKeyRevoked(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccAPIKeyConfig_basic("ci deploy")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("sid"), knownvalue.StringRegexp(sidRegexp("SK"))),
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("account_sid"), knownvalue.StringExact(env.AccountSID)),
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("friendly_name"), knownvalue.StringExact("ci deploy")),
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("key_type"), knownvalue.StringExact("standard")),
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("policy"), knownvalue.Null()),
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("secret"), knownvalue.StringRegexp(testAccAPIKeySecretRegexp)),
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("date_created"), knownvalue.NotNull()),
					statecheck.ExpectSensitiveValue(testAccAPIKeyAddr, tfjsonpath.New("secret")),
				},
				// The secret in state is the real one: Twilio accepts it.
				Check: resource.ComposeTestCheckFunc(
					testAccCheckAPIKeyAuthenticates(env, testAccAPIKeyAddr, true),
					testAccCaptureAttr(testAccAPIKeyAddr, "secret", &secret),
				),
			},
			{
				Config:           env.Config(testAccAPIKeyConfig_basic("ci deploy")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// Twilio never shows the secret again: a refresh must keep the one captured at create.
				RefreshState: true,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPtr(testAccAPIKeyAddr, "secret", &secret),
					testAccCheckAPIKeyAuthenticates(env, testAccAPIKeyAddr, true),
				),
			},
			testAccImportStep(testAccAPIKeyAddr, "secret", "timeouts"),
		},
	})
}

// Renaming is in place, and the secret captured at creation survives every refresh and update.
func TestAccAPIKey_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	secret := statecheck.CompareValue(compare.ValuesSame())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAPIKeyRevoked(t, env),
		Steps: []resource.TestStep{
			{
				Config:            env.Config(testAccAPIKeyConfig_basic("ci deploy")),
				ConfigStateChecks: []statecheck.StateCheck{secret.AddStateValue(testAccAPIKeyAddr, tfjsonpath.New("secret"))},
			},
			{
				Config: env.Config(testAccAPIKeyConfig_basic("ci deploy (renamed)")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAPIKeyAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccAPIKeyAddr, "friendly_name"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("friendly_name"), knownvalue.StringExact("ci deploy (renamed)")),
					secret.AddStateValue(testAccAPIKeyAddr, tfjsonpath.New("secret")),
				},
				Check: testAccCheckAPIKeyInTwilio(t, env, "ci deploy (renamed)", ""),
			},
			{
				// Only a refresh and an empty plan: Read must leave the secret alone.
				Config:            env.Config(testAccAPIKeyConfig_basic("ci deploy (renamed)")),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{secret.AddStateValue(testAccAPIKeyAddr, tfjsonpath.New("secret"))},
			},
			testAccImportStep(testAccAPIKeyAddr, "secret", "timeouts"),
		},
	})
}

// Removing friendly_name clears it in Twilio, for standard keys (2010 API) and restricted ones (IAM).
func TestAccAPIKey_clear(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAPIKeyRevoked(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccAPIKeyConfig_basic("ci deploy")),
				Check:  testAccCheckAPIKeyInTwilio(t, env, "ci deploy", ""),
			},
			{
				Config: env.Config(testAccAPIKeyConfig_basic("")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAPIKeyAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccAPIKeyAddr, "friendly_name"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("friendly_name"), knownvalue.Null()),
				},
				Check: testAccCheckAPIKeyInTwilio(t, env, "", ""),
			},
			{
				Config: env.Config(testAccAPIKeyConfig_restricted("reader", "jsonencode("+testAccAPIKeyPolicyRead+")")),
				Check:  testAccCheckAPIKeyInTwilio(t, env, "reader", testAccAPIKeyPolicyRead),
			},
			{
				Config: env.Config(testAccAPIKeyConfig_restricted("", "jsonencode("+testAccAPIKeyPolicyRead+")")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAPIKeyAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccAPIKeyAddr, "friendly_name"),
				}},
				Check: testAccCheckAPIKeyInTwilio(t, env, "", testAccAPIKeyPolicyRead),
			},
		},
	})
}

// A restricted key lives in IAM v1 with its policy. The policy is compared as JSON, so rewriting it with
// other whitespace plans nothing, while a real change is applied in place and Console edits show as drift.
func TestAccAPIKey_restricted(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid string
	const reformatted = `<<-EOT
    {
      "allow" : [
        "/twilio/messaging/messages/read"
      ]
    }
  EOT`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAPIKeyRevoked(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccAPIKeyConfig_restricted("reader", "jsonencode("+testAccAPIKeyPolicyRead+")")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("key_type"), knownvalue.StringExact("restricted")),
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("policy"), knownvalue.StringExact(testAccAPIKeyPolicyRead)),
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("secret"), knownvalue.StringRegexp(testAccAPIKeySecretRegexp)),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCaptureAttr(testAccAPIKeyAddr, "sid", &sid),
					testAccCheckAPIKeyInTwilio(t, env, "reader", testAccAPIKeyPolicyRead),
				),
			},
			{
				Config:           env.Config(testAccAPIKeyConfig_restricted("reader", reformatted)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config: env.Config(testAccAPIKeyConfig_restricted("reader", "jsonencode("+testAccAPIKeyPolicyRW+")")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAPIKeyAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccAPIKeyAddr, "policy"),
				}},
				Check: testAccCheckAPIKeyInTwilio(t, env, "reader", testAccAPIKeyPolicyRW),
			},
			{
				PreConfig: func() {
					if _, err := env.Client(t).UpdateRestrictedKey(context.Background(), env.AccountSID, sid, "reader", testAccAPIKeyPolicyRead); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(testAccAPIKeyConfig_restricted("reader", "jsonencode("+testAccAPIKeyPolicyRW+")")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAPIKeyAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccAPIKeyAddr, "policy"),
				}},
				Check: testAccCheckAPIKeyInTwilio(t, env, "reader", testAccAPIKeyPolicyRW),
			},
			testAccImportStep(testAccAPIKeyAddr, "secret", "timeouts"),
		},
	})
}

// Keys of a subaccount: a standard one through the 2010 API with the parent's auth token, a restricted one
// through IAM with the subaccount's own credentials.
func TestAccAPIKey_subaccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const restrictedAddr = "twilio_api_key.restricted"
	config := env.Config(testAccAPIKeyConfig_subaccount(true), `
resource "twilio_api_key" "restricted" {
  account_sid   = twilio_subaccount.t.sid
  friendly_name = "tenant reader"
  key_type      = "restricted"
  policy        = jsonencode(`+testAccAPIKeyPolicyRead+`)
}
`)
	subSID := statecheck.CompareValuePairs(testAccAPIKeyAddr, tfjsonpath.New("account_sid"),
		"twilio_subaccount.t", tfjsonpath.New("sid"), compare.ValuesSame())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: resource.ComposeTestCheckFunc(testAccCheckAPIKeyRevoked(t, env),
			testAccCheckSubaccountClosed(t, env)),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					subSID,
					statecheck.CompareValuePairs(restrictedAddr, tfjsonpath.New("account_sid"),
						"twilio_subaccount.t", tfjsonpath.New("sid"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("secret"), knownvalue.StringRegexp(testAccAPIKeySecretRegexp)),
					statecheck.ExpectKnownValue(restrictedAddr, tfjsonpath.New("policy"), knownvalue.StringExact(testAccAPIKeyPolicyRead)),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckAPIKeyAuthenticates(env, testAccAPIKeyAddr, true),
					testAccCheckAPIKeyExists(t, env, restrictedAddr),
				),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			testAccAPIKeyImportStepWithAccount(testAccAPIKeyAddr),
			testAccAPIKeyImportStepWithAccount(restrictedAddr),
		},
	})
}

// Revoking the key in the Console removes it from state; the next plan creates a new one.
func TestAccAPIKey_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAPIKeyRevoked(t, env),
		Steps: testAccDisappearsSteps(env.Config(testAccAPIKeyConfig_basic("ci deploy")), testAccAPIKeyAddr, func(account, sid string) error {
			return env.Client(t).DeleteKey(context.Background(), account, sid)
		}),
	})
}

// A Console rename shows up in the plan as exactly friendly_name; applying restores the configuration.
func TestAccAPIKey_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAPIKeyRevoked(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccAPIKeyConfig_basic("ci deploy")),
				Check:  testAccCaptureAttr(testAccAPIKeyAddr, "sid", &sid),
			},
			{
				PreConfig: func() {
					if _, err := env.Client(t).UpdateKey(context.Background(), env.AccountSID, sid, "renamed in console"); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(testAccAPIKeyConfig_basic("ci deploy")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAPIKeyAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccAPIKeyAddr, "friendly_name"),
				}},
				Check: testAccCheckAPIKeyInTwilio(t, env, "ci deploy", ""),
			},
		},
	})
}

func TestAccAPIKey_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	zeros := strings.Repeat("0", 32)
	cases := map[string]struct{ config, want string }{
		"account sid prefix": {`
resource "twilio_api_key" "test" {
  account_sid = "PN` + zeros + `"
}
`, `account_sid must be a Twilio SID: AC followed by 32 hexadecimal digits`},
		"policy on standard key": {`
resource "twilio_api_key" "test" {
  policy = jsonencode(` + testAccAPIKeyPolicyRead + `)
}
`, `policy only applies to restricted keys`},
		"policy on explicit standard key": {testAccAPIKeyConfigKeyType("standard", "jsonencode("+testAccAPIKeyPolicyRead+")"),
			`policy only applies to restricted keys`},
		"restricted without policy": {testAccAPIKeyConfigKeyType("restricted", "null"), `Missing API key policy`},
		"invalid JSON policy":       {testAccAPIKeyConfigKeyType("restricted", `"{allow: nope"`), `Invalid JSON String Value`},
		"policy not an object":      {testAccAPIKeyConfigKeyType("restricted", `jsonencode(["/twilio/messaging/messages/read"])`), `Invalid API key policy`},
		"unknown key type":          {testAccAPIKeyConfigKeyType("main", "null"), `Attribute key_type value must be one of`},
		"name too long":             {testAccAPIKeyConfig_basic(strings.Repeat("x", 65)), `Attribute friendly_name UTF-8 character count must be between 1 and 64`},
		"empty name": {`
resource "twilio_api_key" "test" {
  friendly_name = ""
}
`, `Attribute friendly_name UTF-8 character count must be between 1 and 64`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config: env.Config(tc.config), PlanOnly: true, ExpectError: acctest.ErrorRegexp(tc.want),
				}},
			})
		})
	}
	testAccCheckNoRequests(t, env)
}

// The policy plan modifier in isolation: same JSON in another form keeps the state's text.
func TestAPIKeyPolicyPlan(t *testing.T) {
	t.Parallel()
	const state = `{"allow":["/a","/b"],"deny":["/c"]}`
	cases := map[string]struct {
		config, state types.String
		want          types.String
	}{
		"whitespace":        {types.StringValue("{ \"allow\" : [\"/a\", \"/b\"],\n \"deny\": [\"/c\"] }"), types.StringValue(state), types.StringValue(state)},
		"key order":         {types.StringValue(`{"deny":["/c"],"allow":["/a","/b"]}`), types.StringValue(state), types.StringValue(state)},
		"array order":       {types.StringValue(`{"allow":["/b","/a"],"deny":["/c"]}`), types.StringValue(state), types.StringValue(`{"allow":["/b","/a"],"deny":["/c"]}`)},
		"changed":           {types.StringValue(`{"allow":["/a"]}`), types.StringValue(state), types.StringValue(`{"allow":["/a"]}`)},
		"create":            {types.StringValue(state), types.StringNull(), types.StringValue(state)},
		"removed":           {types.StringNull(), types.StringValue(state), types.StringNull()},
		"unknown config":    {types.StringUnknown(), types.StringValue(state), types.StringUnknown()},
		"invalid in config": {types.StringValue(`{`), types.StringValue(state), types.StringValue(`{`)},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			req := planmodifier.StringRequest{ConfigValue: tc.config, StateValue: tc.state, PlanValue: types.StringUnknown()}
			resp := &planmodifier.StringResponse{PlanValue: req.PlanValue}
			samePolicyPlan{}.PlanModifyString(context.Background(), req, resp)
			if !resp.PlanValue.Equal(tc.want) {
				t.Errorf("planned %s, want %s", resp.PlanValue, tc.want)
			}
		})
	}
}

func testAccAPIKeyConfig_basic(name string) string {
	if name == "" {
		return `
resource "twilio_api_key" "test" {}
`
	}
	return fmt.Sprintf(`
resource "twilio_api_key" "test" {
  friendly_name = %q
}
`, name)
}

// testAccAPIKeyConfig_restricted takes the policy as an HCL expression.
func testAccAPIKeyConfig_restricted(name, policy string) string {
	nameLine := ""
	if name != "" {
		nameLine = fmt.Sprintf("friendly_name = %q", name)
	}
	return fmt.Sprintf(`
resource "twilio_api_key" "test" {
  %s
  key_type = "restricted"
  policy   = %s
}
`, nameLine, policy)
}

func testAccAPIKeyConfigKeyType(keyType, policy string) string {
	return fmt.Sprintf(`
resource "twilio_api_key" "test" {
  key_type = %q
  policy   = %s
}
`, keyType, policy)
}

// testAccAPIKeyConfig_subaccount is a subaccount and a standard key in it or, with inSubaccount false, in
// the provider's account.
func testAccAPIKeyConfig_subaccount(inSubaccount bool) string {
	account := ""
	if inSubaccount {
		account = "account_sid   = twilio_subaccount.t.sid"
	}
	return fmt.Sprintf(`
resource "twilio_subaccount" "t" {
  friendly_name = "tenant"
}

resource "twilio_api_key" "test" {
  %s
  friendly_name = "tenant key"
}
`, account)
}

// testAccAPIKeyImportStepWithAccount imports addr by "AC…/SK…", the form keys of subaccounts need.
func testAccAPIKeyImportStepWithAccount(addr string) resource.TestStep {
	step := testAccImportStep(addr, "secret", "timeouts")
	step.ImportStateIdFunc = func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s not in state", addr)
		}
		return rs.Primary.Attributes["account_sid"] + "/" + rs.Primary.Attributes["sid"], nil
	}
	return step
}

// testAccCheckAPIKeyRevoked is the CheckDestroy of API key tests: no key the test made still exists.
func testAccCheckAPIKeyRevoked(t *testing.T, env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "twilio_api_key" {
				continue
			}
			if err := testAccCheckAPIKeyGone(t, env, rs.Primary.Attributes["account_sid"], rs.Primary.Attributes["sid"]); err != nil {
				return err
			}
		}
		return nil
	}
}

func testAccCheckAPIKeyGone(t *testing.T, env *acctest.Env, accountSID, sid string) error {
	_, err := env.Client(t).FindKey(context.Background(), accountSID, sid)
	switch {
	case err == nil:
		return fmt.Errorf("API key %s still exists in account %s", sid, accountSID)
	case twilioclient.IsNotFound(err):
		return nil
	}
	return err
}

func testAccCheckAPIKeyExists(t *testing.T, env *acctest.Env, addr string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs := s.RootModule().Resources[addr].Primary.Attributes
		_, err := env.Client(t).FindKey(context.Background(), rs["account_sid"], rs["sid"])
		return err
	}
}

// testAccCheckAPIKeyInTwilio checks the name and policy Twilio has for the key in testAccAPIKeyAddr; an
// empty policy means a standard key.
func testAccCheckAPIKeyInTwilio(t *testing.T, env *acctest.Env, name, policy string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[testAccAPIKeyAddr]
		if !ok {
			return fmt.Errorf("%s not in state", testAccAPIKeyAddr)
		}
		attrs := rs.Primary.Attributes
		key, err := env.Client(t).FindRestrictedKey(context.Background(), attrs["account_sid"], attrs["sid"])
		if err != nil {
			return err
		}
		if key.FriendlyName != name || !policiesEqual(key.Policy, policy) && key.Policy != policy {
			return fmt.Errorf("Twilio has %q with policy %s, want %q with policy %s", key.FriendlyName, key.Policy, name, policy)
		}
		return nil
	}
}

// testAccCheckAPIKeyAuthenticates checks whether Twilio accepts the key in state with its secret.
func testAccCheckAPIKeyAuthenticates(env *acctest.Env, addr string, want bool) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs := s.RootModule().Resources[addr].Primary.Attributes
		return testAccAPIKeyAuthenticates(env, rs["account_sid"], rs["sid"], rs["secret"], want)
	}
}

// testAccAPIKeyAuthenticates makes a harmless call with the key: fetching an application that does not
// exist answers 404 to valid credentials and 401 to revoked ones.
func testAccAPIKeyAuthenticates(env *acctest.Env, accountSID, sid, secret string, want bool) error {
	c, err := twilioclient.New(twilioclient.Config{AccountSID: accountSID, APIKeySID: sid, APIKeySecret: secret,
		BaseURL: env.URL, MaxRetries: 0})
	if err != nil {
		return err
	}
	_, err = c.FindApplication(context.Background(), accountSID, "AP"+strings.Repeat("0", 32))
	rejected := twilioclient.IsStatus(err, 401)
	switch {
	case want && rejected:
		return fmt.Errorf("Twilio rejects API key %s: %v", sid, err)
	case !want && !rejected:
		return fmt.Errorf("revoked API key %s still authenticates (answer: %v)", sid, err)
	case want && !twilioclient.IsNotFound(err):
		return fmt.Errorf("API key %s: unexpected answer %v", sid, err)
	}
	return nil
}
