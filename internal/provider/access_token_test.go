package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

const (
	testAccAccessTokenAddr    = "data.twilio_access_token.test"
	testAccAccessTokenKeySID  = "SK0123456789abcdef0123456789abcdef"
	testAccAccessTokenSecret  = "tokenSigningSecret0123456789abcd"
	testAccAccessTokenAppSID  = "AP0123456789abcdef0123456789abcdef"
	testAccAccessTokenCredSID = "CR0123456789abcdef0123456789abcdef"
	testAccAccessTokenSvcSID  = "IS0123456789abcdef0123456789abcdef"
	testAccAccessTokenOtherAC = "AC0123456789abcdef0123456789abcdef"
)

// --- Unit tests: no Terraform ---

func TestAccessTokenFieldPath(t *testing.T) {
	cases := map[string]path.Path{
		"ttl":                                    path.Root("ttl"),
		"api_key_secret":                         path.Root("api_key_secret"),
		"voice.outgoing_application_sid":         path.Root("voice").AtName("outgoing_application_sid"),
		"chat.push_credential_sid":               path.Root("chat").AtName("push_credential_sid"),
		"voice.outgoing_application_params":      path.Root("voice").AtName("outgoing_application_params"),
		"voice.outgoing_application_params[a.b]": path.Root("voice").AtName("outgoing_application_params").AtMapKey("a.b"),
		"voice.outgoing_application_params[x[]]": path.Root("voice").AtName("outgoing_application_params").AtMapKey("x[]"),
	}
	for field, want := range cases {
		if got := accessTokenFieldPath(field); !got.Equal(want) {
			t.Errorf("accessTokenFieldPath(%q) = %s, want %s", field, got, want)
		}
	}
}

// Both schemas come from one description; this guards against an attribute losing its documentation or
// the two types drifting apart.
func TestAccessTokenSchemas(t *testing.T) {
	ctx := context.Background()
	ds, eph := accessTokenDataSourceSchema("d"), accessTokenEphemeralSchema("e")
	if !ds.Type().Equal(eph.Type()) {
		t.Fatalf("data source and ephemeral schemas differ:\n%s\n%s", ds.Type(), eph.Type())
	}
	for name, a := range ds.Attributes {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s has no description", name)
		}
	}
	for name, b := range ds.Blocks {
		if b.GetMarkdownDescription() == "" {
			t.Errorf("block %s has no description", name)
		}
		for attrName, a := range b.GetNestedObject().GetAttributes() {
			if a.GetMarkdownDescription() == "" {
				t.Errorf("%s.%s has no description", name, attrName)
			}
		}
	}
	for _, name := range []string{"api_key_secret", "token"} {
		if !ds.Attributes[name].IsSensitive() || !eph.Attributes[name].IsSensitive() {
			t.Errorf("%s must be sensitive in both schemas", name)
		}
	}
	if _, d := eph.TypeAtPath(ctx, path.Root("voice").AtName("outgoing_application_params")); d.HasError() {
		t.Errorf("voice.outgoing_application_params missing: %v", d)
	}
}

// testAccessTokenRaw builds a configuration value of type typ from the given top-level values; grant
// blocks are given as map[string]attr.Value (or "unknown") and everything unset is null.
func testAccessTokenRaw(t *testing.T, typ attr.Type, values map[string]any) tftypes.Value {
	t.Helper()
	ctx := context.Background()
	var object func(typ attr.Type, given map[string]any) types.Object
	object = func(typ attr.Type, given map[string]any) types.Object {
		ot, ok := typ.(types.ObjectType)
		if !ok {
			t.Fatalf("%s is not an object type", typ)
		}
		vals := map[string]attr.Value{}
		for name, at := range ot.AttrTypes {
			switch v := given[name].(type) {
			case nil:
				null, err := at.ValueFromTerraform(ctx, tftypes.NewValue(at.TerraformType(ctx), nil))
				if err != nil {
					t.Fatal(err)
				}
				vals[name] = null
			case attr.Value:
				vals[name] = v
			case string: // "unknown": a block from a dynamic block whose for_each is not known yet
				unknown, err := at.ValueFromTerraform(ctx, tftypes.NewValue(at.TerraformType(ctx), tftypes.UnknownValue))
				if err != nil || v != "unknown" {
					t.Fatalf("%s = %q: %v", name, v, err)
				}
				vals[name] = unknown
			case map[string]attr.Value:
				nested := map[string]any{}
				for k, x := range v {
					nested[k] = x
				}
				vals[name] = object(at, nested)
			default:
				t.Fatalf("unsupported test value %T for %s", v, name)
			}
		}
		obj, d := types.ObjectValue(ot.AttrTypes, vals)
		if d.HasError() {
			t.Fatal(d)
		}
		return obj
	}
	raw, err := object(typ, values).ToTerraformValue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestAccessTokenValidateConfig(t *testing.T) {
	str := types.StringValue
	base := func(extra map[string]any) map[string]any {
		v := map[string]any{"api_key_sid": str(testAccAccessTokenKeySID), "api_key_secret": str(testAccAccessTokenSecret)}
		for k, x := range extra {
			v[k] = x
		}
		return v
	}
	params := func(kv ...string) attr.Value {
		m := map[string]attr.Value{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = str(kv[i+1])
		}
		return types.MapValueMust(types.StringType, m)
	}
	cases := map[string]struct {
		values map[string]any
		want   map[string]string // attribute path -> part of the detail
	}{
		"minimal": {values: base(nil)},
		"all grants": {values: base(map[string]any{
			"identity": str("alice"), "ttl": types.Int64Value(60), "region": str("ie1"),
			"voice": map[string]attr.Value{"incoming_allow": types.BoolValue(true), "outgoing_application_sid": str(testAccAccessTokenAppSID),
				"outgoing_application_params": params("agent", "alice"), "push_credential_sid": str(testAccAccessTokenCredSID)},
			"video": map[string]attr.Value{"room": str("standup")},
			"chat":  map[string]attr.Value{"service_sid": str(testAccAccessTokenSvcSID), "endpoint_id": str("phone")},
			"sync":  map[string]attr.Value{},
		})},
		"swapped SIDs": {
			values: base(map[string]any{"api_key_sid": str(testAccAccessTokenAppSID), "identity": str("alice"),
				"voice": map[string]attr.Value{"outgoing_application_sid": str(testAccAccessTokenKeySID)}}),
			want: map[string]string{
				"api_key_sid":                    `api_key_sid must be SK followed by 32 hexadecimal digits; it is a valid AP... SID (TwiML application): were two settings swapped?`,
				"voice.outgoing_application_sid": `it is a valid SK... SID (API key)`,
			},
		},
		"secret pasted as key SID": {
			values: base(map[string]any{"api_key_sid": str(testAccAccessTokenSecret)}),
			want:   map[string]string{"api_key_sid": `api_key_sid must be SK followed by 32 hexadecimal digits.`},
		},
		"secret with newline": {
			values: base(map[string]any{"api_key_secret": str(testAccAccessTokenSecret + "\n")}),
			want:   map[string]string{"api_key_secret": "api_key_secret has leading or trailing whitespace."},
		},
		"bad account": {
			values: base(map[string]any{"account_sid": str("AC123")}),
			want:   map[string]string{"account_sid": `account_sid must be AC followed by`},
		},
		"grant without identity": {
			values: base(map[string]any{"video": map[string]attr.Value{}}),
			want:   map[string]string{"identity": "identity is required when the token has a grant"},
		},
		"voice identity": {
			values: base(map[string]any{"identity": str("alice smith"), "voice": map[string]attr.Value{}}),
			want:   map[string]string{"identity": "must not contain spaces"},
		},
		"params without application": {
			values: base(map[string]any{"identity": str("alice"), "voice": map[string]attr.Value{"outgoing_application_params": params("a", "b")}}),
			want:   map[string]string{"voice.outgoing_application_params": "voice.outgoing_application_params require voice.outgoing_application_sid"},
		},
		"empty param name": {
			values: base(map[string]any{"identity": str("alice"), "voice": map[string]attr.Value{
				"outgoing_application_sid": str(testAccAccessTokenAppSID), "outgoing_application_params": params("", "b")}}),
			want: map[string]string{"voice.outgoing_application_params": "names must not be empty"},
		},
		"grant SIDs": {
			values: base(map[string]any{"identity": str("alice"),
				"voice": map[string]attr.Value{"push_credential_sid": str(testAccAccessTokenSvcSID)},
				"chat":  map[string]attr.Value{"service_sid": str(testAccAccessTokenCredSID), "push_credential_sid": str("CR1")},
				"sync":  map[string]attr.Value{"service_sid": str(testAccAccessTokenAppSID)}}),
			want: map[string]string{
				"voice.push_credential_sid": `must be CR followed by`, "chat.service_sid": `must be IS followed by`,
				"chat.push_credential_sid": `must be CR followed by`, "sync.service_sid": `must be IS followed by`,
			},
		},
		"bad region": {
			values: base(map[string]any{"region": str("Ireland")}),
			want:   map[string]string{"region": "region must be a Twilio region code, one of au1, ie1, us1"},
		},
		// The ttl attribute's validator reports this one; ValidateConfig must not say it twice.
		"ttl out of range": {values: base(map[string]any{"ttl": types.Int64Value(86401)})},
		// Values known only at apply are not judged, nor are the rules that depend on them.
		"unknown values": {values: map[string]any{
			"account_sid": types.StringUnknown(), "api_key_sid": types.StringUnknown(), "api_key_secret": types.StringUnknown(),
			"identity": types.StringUnknown(), "ttl": types.Int64Unknown(), "region": types.StringUnknown(),
			"voice": map[string]attr.Value{"outgoing_application_sid": types.StringUnknown(), "outgoing_application_params": params("a", "b"),
				"incoming_allow": types.BoolUnknown()},
			"chat": map[string]attr.Value{"service_sid": types.StringUnknown()},
		}},
		"unknown grant block": {values: base(map[string]any{"video": "unknown", "voice": "unknown"})},
		"unknown params": {values: base(map[string]any{"identity": str("alice"), "voice": map[string]attr.Value{
			"outgoing_application_params": types.MapUnknown(types.StringType)}})},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			for kind, validate := range testAccessTokenValidators(t, tc.values) {
				got := map[string]string{}
				for _, d := range validate {
					if d.Severity() != diag.SeverityError {
						continue
					}
					if strings.Contains(d.Summary()+d.Detail(), testAccAccessTokenSecret) {
						t.Errorf("%s: diagnostic quotes the API key secret: %s", kind, d.Detail())
					}
					wp, ok := d.(diag.DiagnosticWithPath)
					if !ok {
						t.Errorf("%s: diagnostic without an attribute path: %s", kind, d.Detail())
						continue
					}
					got[wp.Path().String()] += d.Detail()
				}
				if len(got) != len(tc.want) {
					t.Errorf("%s: got errors %v, want on %v", kind, got, tc.want)
				}
				for p, part := range tc.want {
					if !strings.Contains(got[p], part) {
						t.Errorf("%s: error on %s = %q, want it to contain %q", kind, p, got[p], part)
					}
				}
			}
		})
	}
}

// testAccessTokenValidators runs both types' ValidateConfig on the same values.
func testAccessTokenValidators(t *testing.T, values map[string]any) map[string]diag.Diagnostics {
	ctx := context.Background()
	ds, eph := accessTokenDataSourceSchema(""), accessTokenEphemeralSchema("")
	var dsResp datasource.ValidateConfigResponse
	(&accessTokenDataSource{}).ValidateConfig(ctx, datasource.ValidateConfigRequest{
		Config: tfsdk.Config{Schema: ds, Raw: testAccessTokenRaw(t, ds.Type(), values)},
	}, &dsResp)
	var ephResp ephemeral.ValidateConfigResponse
	(&accessTokenEphemeralResource{}).ValidateConfig(ctx, ephemeral.ValidateConfigRequest{
		Config: tfsdk.Config{Schema: eph, Raw: testAccessTokenRaw(t, eph.Type(), values)},
	}, &ephResp)
	return map[string]diag.Diagnostics{"data source": dsResp.Diagnostics, "ephemeral": ephResp.Diagnostics}
}

// Minting needs the provider only to default account_sid; before the provider is configured, that
// default is an error rather than a token for the wrong account.
func TestAccessTokenMintNeedsAccount(t *testing.T) {
	ctx := context.Background()
	m := accessTokenModel{
		AccountSID: types.StringNull(), APIKeySID: types.StringValue(testAccAccessTokenKeySID),
		APIKeySecret: types.StringValue(testAccAccessTokenSecret), Identity: types.StringNull(), TTL: types.Int64Null(),
		Region: types.StringNull(), Voice: types.ObjectNull(nil), Video: types.ObjectNull(nil),
		Chat: types.ObjectNull(nil), Sync: types.ObjectNull(nil),
	}
	var diags diag.Diagnostics
	mintAccessToken(ctx, &m, &providerData{}, &diags)
	if !diags.HasError() || !strings.Contains(diags[0].Summary(), "not configured") || !m.Token.IsNull() {
		t.Fatalf("want a not-configured error and no token, got %v, token %s", diags, m.Token)
	}

	diags = nil
	m.AccountSID = types.StringValue(testAccAccessTokenOtherAC)
	mintAccessToken(ctx, &m, nil, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := testAccAccessTokenWant{sub: testAccAccessTokenOtherAC, iss: testAccAccessTokenKeySID, ttl: 3600, grants: `{}`}
	if err := want.check(m.Token.ValueString(), testAccAccessTokenSecret); err != nil {
		t.Fatal(err)
	}
	if m.TTL.ValueInt64() != 3600 || !regexp.MustCompile(`^SK[0-9a-f]{32}-[0-9]+$`).MatchString(m.JTI.ValueString()) {
		t.Fatalf("ttl %s, jti %s", m.TTL, m.JTI)
	}

	// Never sign a placeholder: an unknown value at mint time is an error, not a token.
	diags, m.Identity, m.Token = nil, types.StringUnknown(), types.StringNull()
	mintAccessToken(ctx, &m, nil, &diags)
	if !diags.HasError() || !m.Token.IsNull() {
		t.Fatalf("want an error and no token for unknown configuration, got %v, token %s", diags, m.Token)
	}
}

// --- Acceptance tests: the data source, under Terraform and OpenTofu ---

func TestAccAccessTokenDataSource_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var first string
	wd := t.TempDir()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		WorkingDir:               wd,
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccAccessTokenConfig_full("data")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAccessTokenAddr, tfjsonpath.New("account_sid"), knownvalue.StringExact(env.AccountSID)),
					statecheck.ExpectKnownValue(testAccAccessTokenAddr, tfjsonpath.New("ttl"), knownvalue.Int64Exact(600)),
					statecheck.ExpectKnownValue(testAccAccessTokenAddr, tfjsonpath.New("jti"),
						knownvalue.StringRegexp(regexp.MustCompile(`^`+testAccAccessTokenKeySID+`-[0-9]+$`))),
					statecheck.ExpectKnownValue(testAccAccessTokenAddr, tfjsonpath.New("expires_at"),
						knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccAccessTokenCheck(testAccAccessTokenAddr, testAccAccessTokenSecret, testAccAccessTokenWant{
						sub: env.AccountSID, iss: testAccAccessTokenKeySID, ttl: 600, region: "ie1", grants: testAccAccessTokenFullGrants,
					}),
					testAccCaptureAttr(testAccAccessTokenAddr, "token", &first),
					// The data source's token is in the state file: the scan that proves the ephemeral
					// resource's token is not there finds this one, so that proof is not vacuous.
					func(*terraform.State) error {
						files, err := testAccAccessTokenFilesContaining(wd, first)
						if err == nil && !slices.ContainsFunc(files, func(f string) bool { return filepath.Base(f) == "terraform.tfstate" }) {
							err = fmt.Errorf("the data source's token should be in terraform.tfstate; found in %v", files)
						}
						return err
					},
				),
			},
			{
				Config:           env.Config(testAccAccessTokenConfig_full("data")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// A read in another second mints another token: the documented cost of the data source.
				PreConfig: func() { time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second))) },
				Config:    env.Config(testAccAccessTokenConfig_full("data")),
				Check: func(s *terraform.State) error {
					if got := s.RootModule().Resources[testAccAccessTokenAddr].Primary.Attributes["token"]; got == first {
						return fmt.Errorf("a later read returned the same token; every read should mint a new one")
					}
					return nil
				},
			},
		},
	})
	testAccCheckNoRequests(t, env)
}

// Without ttl or grants: Twilio's one-hour default, an empty grants claim and no region header; an
// explicit account_sid is used as is (a subaccount's SID, say) without asking Twilio.
func TestAccAccessTokenDataSource_defaults(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
data "twilio_access_token" "test" {
  account_sid    = %q
  api_key_sid    = %q
  api_key_secret = %q
}
`, testAccAccessTokenOtherAC, testAccAccessTokenKeySID, testAccAccessTokenSecret)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testAccAccessTokenAddr, tfjsonpath.New("ttl"), knownvalue.Int64Exact(3600)),
				statecheck.ExpectKnownValue(testAccAccessTokenAddr, tfjsonpath.New("identity"), knownvalue.Null()),
				statecheck.ExpectKnownValue(testAccAccessTokenAddr, tfjsonpath.New("voice"), knownvalue.Null()),
			},
			Check: testAccAccessTokenCheck(testAccAccessTokenAddr, testAccAccessTokenSecret, testAccAccessTokenWant{
				sub: testAccAccessTokenOtherAC, iss: testAccAccessTokenKeySID, ttl: 3600, grants: `{}`,
			}),
		}},
	})
	testAccCheckNoRequests(t, env)
}

func TestAccAccessTokenDataSource_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	for name, tc := range testAccAccessTokenValidationCases("data") {
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

type testAccAccessTokenValidationCase struct{ config, want string }

// testAccAccessTokenValidationCases are invalid configurations of the data source or (kind "ephemeral")
// the ephemeral resource, each with the error Terraform must report before anything runs.
func testAccAccessTokenValidationCases(kind string) map[string]testAccAccessTokenValidationCase {
	cfg := func(body string) string {
		return fmt.Sprintf(`
%s "twilio_access_token" "test" {
  api_key_secret = %q
%s
}
`, kind, testAccAccessTokenSecret, body)
	}
	key := fmt.Sprintf("  api_key_sid = %q\n", testAccAccessTokenKeySID)
	return map[string]testAccAccessTokenValidationCase{
		"ttl too long": {cfg(key + "  ttl = 86401"), "Attribute ttl value must be between 1 and 86400, got: 86401"},
		"ttl zero":     {cfg(key + "  ttl = 0"), "Attribute ttl value must be between 1 and 86400, got: 0"},
		"swapped SIDs": {
			cfg(fmt.Sprintf("  api_key_sid = %q\n  identity = \"alice\"\n  voice {\n    outgoing_application_sid = %q\n  }",
				testAccAccessTokenAppSID, testAccAccessTokenKeySID)),
			`api_key_sid must be SK followed by 32 hexadecimal digits; it is a valid AP... SID (TwiML application): were two settings swapped?`,
		},
		"no identity":    {cfg(key + "  video {}"), "identity is required when the token has a grant"},
		"voice identity": {cfg(key + "  identity = \"alice smith\"\n  voice {}"), "must not contain spaces"},
		"params without application": {
			cfg(key + "  identity = \"alice\"\n  voice {\n    outgoing_application_params = { a = \"b\" }\n  }"),
			"voice.outgoing_application_params require voice.outgoing_application_sid",
		},
		"bad region":      {cfg(key + "  region = \"Ireland\""), "region must be a Twilio region code, one of au1, ie1, us1"},
		"bad service SID": {cfg(key + "  identity = \"alice\"\n  chat {\n    service_sid = \"CH1\"\n  }"), `chat.service_sid must be "IS" followed by`},
		"bad account":     {cfg(key + "  account_sid = \"AC1\""), `account_sid must be "AC" followed by`},
		"no key SID":      {cfg(""), `Missing required argument`},
	}
}

func testAccAccessTokenConfig_full(kind string) string {
	return fmt.Sprintf(`
%s "twilio_access_token" "test" {
  api_key_sid    = %q
  api_key_secret = %q
  identity       = "alice"
  ttl            = 600
  region         = "ie1"

  voice {
    incoming_allow              = true
    outgoing_application_sid    = %q
    outgoing_application_params = { agent = "alice", queue = "support" }
    push_credential_sid         = %q
  }
  video {
    room = "standup"
  }
  chat {
    service_sid         = %q
    endpoint_id         = "alice-phone"
    push_credential_sid = %q
  }
  sync {}
}
`, kind, testAccAccessTokenKeySID, testAccAccessTokenSecret, testAccAccessTokenAppSID, testAccAccessTokenCredSID,
		testAccAccessTokenSvcSID, testAccAccessTokenCredSID)
}

var testAccAccessTokenFullGrants = fmt.Sprintf(`{
  "identity": "alice",
  "voice": {"incoming": {"allow": true}, "outgoing": {"application_sid": %q, "params": {"agent": "alice", "queue": "support"}},
            "push_credential_sid": %q},
  "video": {"room": "standup"},
  "chat": {"service_sid": %q, "endpoint_id": "alice-phone", "push_credential_sid": %q},
  "data_sync": {}
}`, testAccAccessTokenAppSID, testAccAccessTokenCredSID, testAccAccessTokenSvcSID, testAccAccessTokenCredSID)

// testAccAccessTokenWant is what a decoded token must say.
type testAccAccessTokenWant struct {
	sub, iss, region string
	ttl              int64
	grants           string // JSON
}

// check verifies the signature with an independent JWT implementation, then the header and claims.
func (w testAccAccessTokenWant) check(token, secret string) error {
	parsed, err := jwt.Parse(token, func(*jwt.Token) (any, error) { return []byte(secret), nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithLeeway(5*time.Second))
	if err != nil {
		return fmt.Errorf("token does not verify with the API key secret: %w", err)
	}
	h := parsed.Header
	if h["cty"] != "twilio-fpa;v=1" || h["typ"] != "JWT" {
		return fmt.Errorf("header %v is not a Twilio access token's", h)
	}
	if twr, _ := h["twr"].(string); twr != w.region {
		return fmt.Errorf("header twr = %q, want %q", twr, w.region)
	}
	c, ok := parsed.Claims.(jwt.MapClaims)
	if !ok {
		return fmt.Errorf("claims are %T", parsed.Claims)
	}
	if c["sub"] != w.sub || c["iss"] != w.iss {
		return fmt.Errorf("sub/iss = %v/%v, want %s/%s", c["sub"], c["iss"], w.sub, w.iss)
	}
	nbf, _ := c["nbf"].(float64)
	exp, _ := c["exp"].(float64)
	if int64(exp-nbf) != w.ttl {
		return fmt.Errorf("exp - nbf = %v, want ttl %d", exp-nbf, w.ttl)
	}
	if jti, _ := c["jti"].(string); jti != fmt.Sprintf("%s-%d", w.iss, int64(nbf)) {
		return fmt.Errorf("jti = %q, want %s-<nbf>", jti, w.iss)
	}
	var want any
	if err := json.Unmarshal([]byte(w.grants), &want); err != nil {
		return fmt.Errorf("bad expected grants: %w", err)
	}
	if !reflect.DeepEqual(c["grants"], want) {
		got, _ := json.Marshal(c["grants"])
		return fmt.Errorf("grants = %s, want %s", got, w.grants)
	}
	return nil
}

// testAccAccessTokenCheck decodes the token in addr's state; expires_at must match its exp claim.
func testAccAccessTokenCheck(addr, secret string, want testAccAccessTokenWant) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		attrs := rs.Primary.Attributes
		if err := want.check(attrs["token"], secret); err != nil {
			return err
		}
		exp, err := time.Parse(time.RFC3339, attrs["expires_at"])
		if err != nil {
			return err
		}
		if issued := strings.TrimPrefix(attrs["jti"], want.iss+"-"); fmt.Sprint(exp.Unix()-want.ttl) != issued {
			return fmt.Errorf("expires_at %s is not issue time %s + ttl %d", attrs["expires_at"], issued, want.ttl)
		}
		return nil
	}
}
