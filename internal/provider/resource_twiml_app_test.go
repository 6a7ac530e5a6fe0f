package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

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

const testAccTwimlAppAddr = "twilio_twiml_app.test"

func TestAccTwimlApp_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccTwimlAppAddr, tfjsonpath.New(name), v)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTwimlAppDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccTwimlAppConfig_basic("softphone")),
				ConfigStateChecks: []statecheck.StateCheck{
					attr("sid", knownvalue.StringRegexp(sidRegexp("AP"))),
					attr("account_sid", knownvalue.StringExact(env.AccountSID)),
					attr("friendly_name", knownvalue.StringExact("softphone")),
					attr("voice_url", knownvalue.StringExact("https://example.com/voice")),
					attr("voice_method", knownvalue.StringExact("POST")),
					attr("voice_fallback_url", knownvalue.Null()),
					attr("voice_fallback_method", knownvalue.StringExact("POST")),
					attr("status_callback", knownvalue.Null()),
					attr("status_callback_method", knownvalue.StringExact("POST")),
					attr("voice_caller_id_lookup", knownvalue.Bool(false)),
					attr("sms_url", knownvalue.Null()),
					attr("sms_method", knownvalue.StringExact("POST")),
					attr("sms_fallback_url", knownvalue.Null()),
					attr("sms_fallback_method", knownvalue.StringExact("POST")),
					attr("sms_status_callback", knownvalue.Null()),
					attr("message_status_callback", knownvalue.Null()),
					attr("public_application_connect_enabled", knownvalue.Bool(false)),
					attr("date_created", knownvalue.NotNull()),
				},
				Check: testAccCheckTwimlAppInTwilio(t, env, testAccTwimlAppAddr, func(a *twilioclient.Application) error {
					return testAccTwimlAppExpect(a, map[string]*string{
						"friendly_name": a.FriendlyName, "voice_url": a.VoiceUrl, "sms_url": a.SmsUrl,
					}, map[string]string{"friendly_name": "softphone", "voice_url": "https://example.com/voice", "sms_url": ""})
				}),
			},
			{
				Config:           env.Config(testAccTwimlAppConfig_basic("softphone")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			testAccImportStep(testAccTwimlAppAddr, "timeouts"),
		},
	})
}

// Every attribute changes in place, in one call, and Twilio ends up with exactly the configuration.
func TestAccTwimlApp_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTwimlAppDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccTwimlAppConfig_basic("softphone"))},
			{
				Config: env.Config(testAccTwimlAppConfig_full("softphone v2")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTwimlAppAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTwimlAppAddr, tfjsonpath.New("voice_method"), knownvalue.StringExact("GET")),
					statecheck.ExpectKnownValue(testAccTwimlAppAddr, tfjsonpath.New("voice_caller_id_lookup"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(testAccTwimlAppAddr, tfjsonpath.New("public_application_connect_enabled"), knownvalue.Bool(true)),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckTwimlAppFull(t, env, "softphone v2"),
					func(*terraform.State) error {
						if n := len(env.Requests("POST", "/Applications/AP")); n != 1 {
							return fmt.Errorf("expected the update to be one call, Twilio saw %d", n)
						}
						return nil
					},
				),
			},
			testAccImportStep(testAccTwimlAppAddr, "timeouts"),
		},
	})
}

// Removing optional values from the configuration clears them in Twilio, several at once.
func TestAccTwimlApp_clear(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTwimlAppDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccTwimlAppConfig_full("softphone")),
				Check:  testAccCheckTwimlAppFull(t, env, "softphone"),
			},
			{
				Config: env.Config(testAccTwimlAppConfig_cleared("softphone")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTwimlAppAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccTwimlAppAddr, "voice_fallback_url", "status_callback", "sms_url"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTwimlAppAddr, tfjsonpath.New("voice_fallback_url"), knownvalue.Null()),
					statecheck.ExpectKnownValue(testAccTwimlAppAddr, tfjsonpath.New("status_callback"), knownvalue.Null()),
					statecheck.ExpectKnownValue(testAccTwimlAppAddr, tfjsonpath.New("sms_url"), knownvalue.Null()),
				},
				Check: testAccCheckTwimlAppInTwilio(t, env, testAccTwimlAppAddr, func(a *twilioclient.Application) error {
					return testAccTwimlAppExpect(a, map[string]*string{
						"voice_fallback_url": a.VoiceFallbackUrl, "status_callback": a.StatusCallback, "sms_url": a.SmsUrl,
						"voice_url": a.VoiceUrl, "sms_fallback_url": a.SmsFallbackUrl,
					}, map[string]string{
						"voice_fallback_url": "", "status_callback": "", "sms_url": "",
						"voice_url": "https://example.com/voice", "sms_fallback_url": "https://example.com/sms-fallback",
					})
				}),
			},
		},
	})
}

// An application made outside Terraform is imported by AP… or AC…/AP…, and is managed from then on.
func TestAccTwimlApp_import(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	params := &twilioclient.CreateApplicationParams{}
	params.SetFriendlyName("made in the console")
	params.SetVoiceUrl("https://example.com/voice")
	app, err := env.Client(t).CreateApplication(context.Background(), env.AccountSID, params)
	if err != nil {
		t.Fatal(err)
	}
	sid := *app.Sid
	config := env.Config(testAccTwimlAppConfig_basic("made in the console"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTwimlAppDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config:          config,
				ResourceName:    testAccTwimlAppAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   sid,
			},
			{
				Config:             config,
				ResourceName:       testAccTwimlAppAddr,
				ImportState:        true,
				ImportStateId:      env.AccountSID + "/" + sid,
				ImportStatePersist: true,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["sid"] != sid || states[0].Attributes["account_sid"] != env.AccountSID {
						return fmt.Errorf("expected application %s of %s, got %+v", sid, env.AccountSID, states)
					}
					return nil
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			testAccImportStep(testAccTwimlAppAddr, "timeouts"),
			{
				Config:        config,
				ResourceName:  testAccTwimlAppAddr,
				ImportState:   true,
				ImportStateId: "PN" + strings.Repeat("0", 32),
				ExpectError:   acctest.ErrorRegexp("Expected AP… or AC…/AP…"),
			},
			{
				Config:        config,
				ResourceName:  testAccTwimlAppAddr,
				ImportState:   true,
				ImportStateId: sid + "/" + env.AccountSID,
				ExpectError:   acctest.ErrorRegexp("Invalid import ID"),
			},
		},
	})
}

// Deleting the application in the Console removes it from state; the next plan creates it again.
func TestAccTwimlApp_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTwimlAppDestroyed(t, env),
		Steps: testAccDisappearsSteps(env.Config(testAccTwimlAppConfig_basic("softphone")), testAccTwimlAppAddr, func(account, sid string) error {
			return env.Client(t).DeleteApplication(context.Background(), account, sid)
		}),
	})
}

// A Console edit shows up in the plan as exactly that attribute; applying restores the configuration.
func TestAccTwimlApp_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid string
	edit := func(p twilioclient.UpdateApplicationParams) func() {
		return func() {
			if _, err := env.Client(t).UpdateApplication(context.Background(), env.AccountSID, sid, &p); err != nil {
				t.Fatal(err)
			}
		}
	}
	step := func(p twilioclient.UpdateApplicationParams, attr string, check func(*twilioclient.Application) error) resource.TestStep {
		return resource.TestStep{
			PreConfig: edit(p),
			Config:    env.Config(testAccTwimlAppConfig_basic("softphone")),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testAccTwimlAppAddr, plancheck.ResourceActionUpdate),
				acctest.ExpectChangedAttributes(testAccTwimlAppAddr, attr),
			}},
			Check: testAccCheckTwimlAppInTwilio(t, env, testAccTwimlAppAddr, check),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTwimlAppDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccTwimlAppConfig_basic("softphone")),
				Check:  testAccCaptureAttr(testAccTwimlAppAddr, "sid", &sid),
			},
			step(twilioclient.UpdateApplicationParams{VoiceUrl: ptrTo("https://console.example.com/voice")}, "voice_url",
				func(a *twilioclient.Application) error {
					return testAccTwimlAppExpect(a, map[string]*string{"voice_url": a.VoiceUrl},
						map[string]string{"voice_url": "https://example.com/voice"})
				}),
			step(twilioclient.UpdateApplicationParams{VoiceMethod: ptrTo("GET")}, "voice_method",
				func(a *twilioclient.Application) error {
					return testAccTwimlAppExpect(a, map[string]*string{"voice_method": a.VoiceMethod},
						map[string]string{"voice_method": "POST"})
				}),
			// A URL set in the Console that the configuration does not have is cleared again.
			step(twilioclient.UpdateApplicationParams{StatusCallback: ptrTo("https://console.example.com/status")}, "status_callback",
				func(a *twilioclient.Application) error {
					return testAccTwimlAppExpect(a, map[string]*string{"status_callback": a.StatusCallback},
						map[string]string{"status_callback": ""})
				}),
		},
	})
}

// An application of a subaccount, managed with the parent's credentials on the 2010-04-01 API.
func TestAccTwimlApp_subaccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const addr = "twilio_twiml_app.t"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: resource.ComposeTestCheckFunc(
			testAccCheckTwimlAppDestroyed(t, env),
			testAccCheckSubaccountClosed(t, env),
		),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccTwimlAppConfig_subaccount),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(addr, tfjsonpath.New("account_sid"),
						"twilio_subaccount.t", tfjsonpath.New("sid"), compare.ValuesSame()),
				},
				Check: testAccCheckTwimlAppInTwilio(t, env, addr, func(a *twilioclient.Application) error {
					if *a.AccountSid == env.AccountSID {
						return fmt.Errorf("application %s was created in the main account", *a.Sid)
					}
					return nil
				}),
			},
			{
				Config:           env.Config(testAccTwimlAppConfig_subaccount),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				ResourceName:                         addr,
				ImportState:                          true,
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "sid",
				ImportStateVerifyIgnore:              []string{"timeouts"},
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					rs := s.RootModule().Resources[addr].Primary.Attributes
					return rs["account_sid"] + "/" + rs["sid"], nil
				},
			},
			{
				// Removing account_sid means the provider's account; an app cannot move, so it is replaced.
				Config: env.Config(strings.Replace(testAccTwimlAppConfig_subaccount, "account_sid   = twilio_subaccount.t.sid\n", "", 1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionReplace),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("account_sid"), knownvalue.StringExact(env.AccountSID)),
				}},
			},
		},
	})
}

func TestAccTwimlApp_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	withAttr := func(attr, value string) string {
		return fmt.Sprintf(`
resource "twilio_twiml_app" "test" {
  friendly_name = "softphone"
  %s = %q
}
`, attr, value)
	}
	cases := map[string]struct{ config, want string }{
		"ftp url":          {withAttr("voice_url", "ftp://x"), `voice_url must be an absolute http:// or https:// URL`},
		"not a url":        {withAttr("sms_fallback_url", "not a url"), `sms_fallback_url must be an absolute http:// or https:// URL`},
		"empty url":        {withAttr("status_callback", ""), `status_callback must be an absolute http:// or https:// URL`},
		"put method":       {withAttr("voice_method", "PUT"), `Attribute voice_method value must be one of: ["GET" "POST"]`},
		"lowercase method": {withAttr("sms_method", "get"), `Attribute sms_method value must be one of`},
		"empty name":       {testAccTwimlAppConfig_basic(""), `Attribute friendly_name UTF-8 character count must be between 1 and 64`},
		"name too long":    {testAccTwimlAppConfig_basic(strings.Repeat("x", 65)), `Attribute friendly_name UTF-8 character count must be between 1 and 64`},
		"bad account sid":  {withAttr("account_sid", "PN0123456789abcdef0123456789abcdef"), `account_sid must be a Twilio SID: AC followed by 32 hexadecimal digits`},
		"short account":    {withAttr("account_sid", "AC123"), `account_sid must be a Twilio SID`},
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

func testAccTwimlAppConfig_basic(name string) string {
	return fmt.Sprintf(`
resource "twilio_twiml_app" "test" {
  friendly_name = %q
  voice_url     = "https://example.com/voice"
}
`, name)
}

// testAccTwimlAppConfig_full sets every attribute, none to its default.
func testAccTwimlAppConfig_full(name string) string {
	return fmt.Sprintf(`
resource "twilio_twiml_app" "test" {
  friendly_name                      = %q
  voice_url                          = "https://example.com/voice"
  voice_method                       = "GET"
  voice_fallback_url                 = "https://example.com/voice-fallback"
  voice_fallback_method              = "GET"
  status_callback                    = "https://example.com/status"
  status_callback_method             = "GET"
  voice_caller_id_lookup             = true
  sms_url                            = "https://example.com/sms"
  sms_method                         = "GET"
  sms_fallback_url                   = "https://example.com/sms-fallback"
  sms_fallback_method                = "GET"
  sms_status_callback                = "https://example.com/sms-status"
  message_status_callback            = "https://example.com/message-status"
  public_application_connect_enabled = true
}
`, name)
}

// testAccTwimlAppConfig_cleared is the full configuration without voice_fallback_url, status_callback and
// sms_url.
func testAccTwimlAppConfig_cleared(name string) string {
	var kept []string
	for _, line := range strings.Split(testAccTwimlAppConfig_full(name), "\n") {
		f := strings.Fields(line)
		if len(f) > 0 && (f[0] == "voice_fallback_url" || f[0] == "status_callback" || f[0] == "sms_url") {
			continue
		}
		kept = append(kept, line)
	}
	return strings.Join(kept, "\n")
}

const testAccTwimlAppConfig_subaccount = `
resource "twilio_subaccount" "t" {
  friendly_name = "tenant-a"
}

resource "twilio_twiml_app" "t" {
  account_sid   = twilio_subaccount.t.sid
  friendly_name = "tenant softphone"
  voice_url     = "https://example.com/voice"
}
`

// testAccCheckTwimlAppFull checks that Twilio holds every value of testAccTwimlAppConfig_full.
func testAccCheckTwimlAppFull(t *testing.T, env *acctest.Env, name string) resource.TestCheckFunc {
	return testAccCheckTwimlAppInTwilio(t, env, testAccTwimlAppAddr, func(a *twilioclient.Application) error {
		if a.VoiceCallerIdLookup == nil || !*a.VoiceCallerIdLookup ||
			a.PublicApplicationConnectEnabled == nil || !*a.PublicApplicationConnectEnabled {
			return fmt.Errorf("application %s: voice_caller_id_lookup and public_application_connect_enabled should be true", *a.Sid)
		}
		return testAccTwimlAppExpect(a, map[string]*string{
			"friendly_name": a.FriendlyName, "voice_url": a.VoiceUrl, "voice_method": a.VoiceMethod,
			"voice_fallback_url": a.VoiceFallbackUrl, "voice_fallback_method": a.VoiceFallbackMethod,
			"status_callback": a.StatusCallback, "status_callback_method": a.StatusCallbackMethod,
			"sms_url": a.SmsUrl, "sms_method": a.SmsMethod, "sms_fallback_url": a.SmsFallbackUrl,
			"sms_fallback_method": a.SmsFallbackMethod, "sms_status_callback": a.SmsStatusCallback,
			"message_status_callback": a.MessageStatusCallback,
		}, map[string]string{
			"friendly_name": name, "voice_url": "https://example.com/voice", "voice_method": "GET",
			"voice_fallback_url": "https://example.com/voice-fallback", "voice_fallback_method": "GET",
			"status_callback": "https://example.com/status", "status_callback_method": "GET",
			"sms_url": "https://example.com/sms", "sms_method": "GET", "sms_fallback_url": "https://example.com/sms-fallback",
			"sms_fallback_method": "GET", "sms_status_callback": "https://example.com/sms-status",
			"message_status_callback": "https://example.com/message-status",
		})
	})
}

// testAccTwimlAppExpect compares Twilio's values with the wanted ones; null and "" both mean unset.
func testAccTwimlAppExpect(a *twilioclient.Application, got map[string]*string, want map[string]string) error {
	var diffs []string
	for name, w := range want {
		g := ""
		if p := got[name]; p != nil {
			g = *p
		}
		if g != w {
			diffs = append(diffs, fmt.Sprintf("%s is %q, want %q", name, g, w))
		}
	}
	if len(diffs) > 0 {
		return fmt.Errorf("application %s in Twilio: %s", *a.Sid, strings.Join(diffs, "; "))
	}
	return nil
}

// testAccCheckTwimlAppInTwilio fetches the application at addr through the API and runs check on it.
func testAccCheckTwimlAppInTwilio(t *testing.T, env *acctest.Env, addr string, check func(*twilioclient.Application) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		app, err := env.Client(t).FindApplication(context.Background(), rs.Primary.Attributes["account_sid"], rs.Primary.Attributes["sid"])
		if err != nil {
			return err
		}
		return check(app)
	}
}

// testAccCheckTwimlAppDestroyed is the CheckDestroy of application tests: every application the test
// managed is gone from Twilio.
func testAccCheckTwimlAppDestroyed(t *testing.T, env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "twilio_twiml_app" {
				continue
			}
			_, err := env.Client(t).FindApplication(context.Background(), rs.Primary.Attributes["account_sid"], rs.Primary.Attributes["sid"])
			switch {
			case err == nil:
				return fmt.Errorf("TwiML application %s still exists after destroy", rs.Primary.Attributes["sid"])
			case !twilioclient.IsNotFound(err):
				return err
			}
		}
		return nil
	}
}

// skip_destroy keeps the application: numbers a protected tenant keeps still route to it (Twilio unhooks
// a deleted application from its numbers).
func TestAccTwimlApp_skipDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(*terraform.State) error {
			if _, err := env.Client(t).FindApplication(context.Background(), env.AccountSID, sid); err != nil {
				return fmt.Errorf("skip_destroy: application %s should still exist: %w", sid, err)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "twilio_twiml_app" "test" {
  friendly_name = "kept"
  skip_destroy  = true
}
`),
			Check: testAccCaptureAttr(testAccTwimlAppAddr, "sid", &sid),
		}},
	})
}
