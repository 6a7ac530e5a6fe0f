package provider

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// testAccServerless is a Serverless service with one environment, made through the API before the test
// (the service and environment resources are tested on their own).
type testAccServerless struct {
	env                  *acctest.Env
	service, environment string
	domain               string
}

func newTestAccServerless(t *testing.T) *testAccServerless {
	t.Helper()
	env := acctest.New(t)
	env.RequireEmulator(t)
	return newTestAccServerlessIn(t, env)
}

// newTestAccServerlessIn makes the service and environment in an existing test environment.
func newTestAccServerlessIn(t *testing.T, env *acctest.Env) *testAccServerless {
	t.Helper()
	s := &testAccServerless{env: env}
	svc := s.post(t, "/v1/Services", url.Values{"UniqueName": {"voice"}, "FriendlyName": {"Voice"}})
	s.service = svc["sid"].(string)
	e := s.post(t, "/v1/Services/"+s.service+"/Environments", url.Values{"UniqueName": {"prod"}, "DomainSuffix": {"prod"}})
	s.environment, s.domain = e["sid"].(string), e["domain_name"].(string)
	return s
}

// post is a Console-style call to serverless.twilio.com.
func (s *testAccServerless) post(t *testing.T, path string, form url.Values) map[string]any {
	t.Helper()
	return s.call(t, http.MethodPost, path, form)
}

func (s *testAccServerless) call(t *testing.T, method, path string, form url.Values) map[string]any {
	t.Helper()
	req, err := http.NewRequest(method, s.env.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "serverless.twilio.com"
	req.SetBasicAuth(s.env.AccountSID, s.env.AuthToken)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out) // a 204 has no body
	if resp.StatusCode >= 300 {
		t.Fatalf("%s %s: %d %v", method, path, resp.StatusCode, out)
	}
	return out
}

// config is the provider block plus parts, with the service's and environment's SIDs as locals.
func (s *testAccServerless) config(parts ...string) string {
	return s.env.Config(append([]string{fmt.Sprintf(`
locals {
  service_sid     = %q
  environment_sid = %q
}
`, s.service, s.environment)}, parts...)...)
}

func testAccServerlessFunctionConfig(name, path, content string) string {
	return fmt.Sprintf(`
resource "twilio_serverless_function" "test" {
  service_sid   = local.service_sid
  friendly_name = %q
  path          = %q
  content       = %q
}
`, name, path, content)
}

func testAccSHA256(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

const testAccFunctionAddr = "twilio_serverless_function.test"

// testAccCheckCodeInTwilio checks the function's latest version in Twilio holds want.
func (s *testAccServerless) checkFunctionCode(t *testing.T, addr, want string) resource.TestCheckFunc {
	return func(st *terraformState) error {
		rs := st.RootModule().Resources[addr]
		a := rs.Primary.Attributes
		got, err := s.env.Client(t).FunctionVersionContent(context.Background(), a["account_sid"], a["service_sid"], a["sid"], a["latest_version_sid"])
		if err != nil {
			return err
		}
		if got != want {
			return fmt.Errorf("Twilio holds %q, want %q", got, want)
		}
		return nil
	}
}

func (s *testAccServerless) checkCodeDestroyed(t *testing.T, kind twilioclient.CodeKind, typ string) resource.TestCheckFunc {
	return func(st *terraformState) error {
		for _, rs := range st.RootModule().Resources {
			if rs.Type != typ {
				continue
			}
			a := rs.Primary.Attributes
			if _, err := s.env.Client(t).FindCode(context.Background(), a["account_sid"], a["service_sid"], kind, a["sid"]); !twilioclient.IsNotFound(err) {
				return fmt.Errorf("%s %s still exists (%v)", typ, a["sid"], err)
			}
		}
		return nil
	}
}

func TestAccServerlessFunction_basic(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	const code = "exports.handler = (c, e, cb) => cb(null, 'hello');\n"
	config := s.config(testAccServerlessFunctionConfig("voice", "/voice", code))
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccFunctionAddr, tfjsonpath.New(name), v)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             s.checkCodeDestroyed(t, twilioclient.KindFunction, "twilio_serverless_function"),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					attr("sid", knownvalue.StringRegexp(sidRegexp("ZH"))),
					attr("account_sid", knownvalue.StringExact(s.env.AccountSID)),
					attr("visibility", knownvalue.StringExact("protected")),
					attr("latest_version_sid", knownvalue.StringRegexp(sidRegexp("ZN"))),
					attr("content_sha256", knownvalue.StringExact(testAccSHA256(code))),
					attr("date_created", knownvalue.NotNull()),
				},
				Check: s.checkFunctionCode(t, testAccFunctionAddr, code),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				ResourceName:            testAccFunctionAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateIdFunc:       testAccServiceChildID(testAccFunctionAddr),
				ImportStateVerifyIgnore: []string{"content", "source"},
			},
		},
	})
}

// testAccServiceChildID is the import ID ZS…/<sid>.
func testAccServiceChildID(addr string) resource.ImportStateIdFunc {
	return func(st *terraformState) (string, error) {
		a := st.RootModule().Resources[addr].Primary.Attributes
		return a["service_sid"] + "/" + a["sid"], nil
	}
}

// TestAccServerlessFunction_update renames the function in place and changes its code: a new version
// each time the code, path or source file changes, the same SID throughout, and no upload for a rename.
func TestAccServerlessFunction_update(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "voice.js")
	const v1, v2, v3 = "// v1\n", "// v2\n", "// v3 from a file\n"
	var sid, version string
	sameSID := statecheck.ExpectKnownValue(testAccFunctionAddr, tfjsonpath.New("sid"), knownvalue.StringFunc(func(v string) error {
		if sid != "" && v != sid {
			return fmt.Errorf("sid changed from %s to %s", sid, v)
		}
		return nil
	}))
	newVersion := statecheck.ExpectKnownValue(testAccFunctionAddr, tfjsonpath.New("latest_version_sid"), knownvalue.StringFunc(func(v string) error {
		if v == version {
			return fmt.Errorf("latest_version_sid stayed %s", v)
		}
		version = v
		return nil
	}))
	uploads := func(want int) resource.TestCheckFunc {
		return func(*terraformState) error {
			if got := len(s.env.Requests(http.MethodPost, "/Versions")); got != want {
				return fmt.Errorf("%d uploads, want %d", got, want)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             s.checkCodeDestroyed(t, twilioclient.KindFunction, "twilio_serverless_function"),
		Steps: []resource.TestStep{
			{
				Config:            s.config(testAccServerlessFunctionConfig("voice", "/voice", v1)),
				ConfigStateChecks: []statecheck.StateCheck{newVersion},
				Check: resource.ComposeTestCheckFunc(testAccCaptureAttr(testAccFunctionAddr, "sid", &sid), uploads(1),
					s.checkFunctionCode(t, testAccFunctionAddr, v1)),
			},
			{
				// A rename is an update of the function only.
				Config: s.config(testAccServerlessFunctionConfig("voice handler", "/voice", v1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectChangedAttributes(testAccFunctionAddr, "friendly_name"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{sameSID},
				Check:             uploads(1),
			},
			{
				Config: s.config(testAccServerlessFunctionConfig("voice handler", "/voice", v2)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccFunctionAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(testAccFunctionAddr, tfjsonpath.New("latest_version_sid")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{sameSID, newVersion},
				Check:             resource.ComposeTestCheckFunc(uploads(2), s.checkFunctionCode(t, testAccFunctionAddr, v2)),
			},
			{
				PreConfig: func() {
					if err := os.WriteFile(file, []byte(v3), 0o600); err != nil {
						t.Fatal(err)
					}
				},
				Config: s.config(fmt.Sprintf(`
resource "twilio_serverless_function" "test" {
  service_sid   = local.service_sid
  friendly_name = "voice handler"
  path          = "/calls"
  visibility    = "public"
  source        = %q
}
`, file)),
				ConfigStateChecks: []statecheck.StateCheck{sameSID, newVersion,
					statecheck.ExpectKnownValue(testAccFunctionAddr, tfjsonpath.New("content_sha256"), knownvalue.StringExact(testAccSHA256(v3))),
					statecheck.ExpectKnownValue(testAccFunctionAddr, tfjsonpath.New("path"), knownvalue.StringExact("/calls")),
				},
				Check: resource.ComposeTestCheckFunc(uploads(3), s.checkFunctionCode(t, testAccFunctionAddr, v3)),
			},
			{
				// Editing the file is a change the plan shows.
				PreConfig: func() {
					if err := os.WriteFile(file, []byte(v3+"// edited\n"), 0o600); err != nil {
						t.Fatal(err)
					}
				},
				Config:             s.config(fmt.Sprintf("resource \"twilio_serverless_function\" \"test\" {\n  service_sid = local.service_sid\n  friendly_name = \"voice handler\"\n  path = \"/calls\"\n  visibility = \"public\"\n  source = %q\n}\n", file)),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// TestAccServerlessFunction_drift: a rename and a code upload made in the Console show in the plan, and
// the apply restores the configured name and code.
func TestAccServerlessFunction_drift(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	const code = "// configured\n"
	config := s.config(testAccServerlessFunctionConfig("voice", "/voice", code))
	var sid string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  testAccCaptureAttr(testAccFunctionAddr, "sid", &sid),
			},
			{
				PreConfig: func() {
					c, ctx := s.env.Client(t), context.Background()
					if _, err := c.RenameCode(ctx, s.env.AccountSID, s.service, twilioclient.KindFunction, sid, "edited in console"); err != nil {
						t.Fatal(err)
					}
					if _, err := c.UploadVersion(ctx, s.env.AccountSID, s.service, twilioclient.KindFunction, sid, "/voice", "protected",
						[]byte("// console edit\n"), "application/javascript"); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectChangedAttributes(testAccFunctionAddr, "friendly_name", "content_sha256", "latest_version_sid"),
				}},
				Check: s.checkFunctionCode(t, testAccFunctionAddr, code),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

func TestAccServerlessFunction_disappears(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	config := s.config(testAccServerlessFunctionConfig("voice", "/voice", "// x\n"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: testAccDisappearsSteps(config, testAccFunctionAddr, func(account, sid string) error {
			return s.env.Client(t).DeleteCode(context.Background(), account, s.service, twilioclient.KindFunction, sid)
		}),
	})
}

const testAccAssetAddr = "twilio_serverless_asset.test"

// TestAccServerlessAsset_basic creates an asset from a binary file, changes it (a new version, same SID),
// imports it, and checks a Console upload shows as drift (an asset's content cannot be read back, so any
// new version does).
func TestAccServerlessAsset_basic(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	file := filepath.Join(t.TempDir(), "logo.png")
	png := []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0xff}
	if err := os.WriteFile(file, png, 0o600); err != nil {
		t.Fatal(err)
	}
	config := func(name string) string {
		return s.config(fmt.Sprintf(`
resource "twilio_serverless_asset" "test" {
  service_sid   = local.service_sid
  friendly_name = %q
  path          = "/logo.png"
  visibility    = "public"
  source        = %q
}
`, name, file))
	}
	var sid string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             s.checkCodeDestroyed(t, twilioclient.KindAsset, "twilio_serverless_asset"),
		Steps: []resource.TestStep{
			{
				Config: config("logo"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAssetAddr, tfjsonpath.New("sid"), knownvalue.StringRegexp(sidRegexp("ZH"))),
					statecheck.ExpectKnownValue(testAccAssetAddr, tfjsonpath.New("content_sha256"), knownvalue.StringExact(testAccSHA256(string(png)))),
				},
				Check: testAccCaptureAttr(testAccAssetAddr, "sid", &sid),
			},
			{
				Config:           config("brand logo"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{acctest.ExpectChangedAttributes(testAccAssetAddr, "friendly_name")}},
			},
			{
				ResourceName:            testAccAssetAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateIdFunc:       func(*terraformState) (string, error) { return s.env.AccountSID + "/" + s.service + "/" + sid, nil },
				ImportStateVerifyIgnore: []string{"content", "source"},
			},
			{
				PreConfig: func() {
					if _, err := s.env.Client(t).UploadVersion(context.Background(), s.env.AccountSID, s.service, twilioclient.KindAsset,
						sid, "/logo.png", "public", []byte("other"), "image/png"); err != nil {
						t.Fatal(err)
					}
				},
				Config: config("brand logo"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectChangedAttributes(testAccAssetAddr, "content_sha256", "latest_version_sid"),
				}},
			},
		},
	})
}

func TestAccServerlessAsset_disappears(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	config := s.config(`
resource "twilio_serverless_asset" "test" {
  service_sid   = local.service_sid
  friendly_name = "style"
  path          = "/style.css"
  content       = "body { color: red }"
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: testAccDisappearsSteps(config, testAccAssetAddr, func(account, sid string) error {
			return s.env.Client(t).DeleteCode(context.Background(), account, s.service, twilioclient.KindAsset, sid)
		}),
	})
}
