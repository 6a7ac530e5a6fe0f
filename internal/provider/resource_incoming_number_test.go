package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

const testAccIncomingNumberAddr = "twilio_incoming_number.test"

func TestAccIncomingNumber_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New(name), v)
	}
	config := env.Config(testAccIncomingNumberConfig(`
  phone_number = "+14155550101"
  voice_url    = "https://example.com/voice"
  sms_url      = "https://example.com/sms"
`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					attr("sid", knownvalue.StringRegexp(sidRegexp("PN"))),
					attr("account_sid", knownvalue.StringExact(env.AccountSID)),
					attr("phone_number", knownvalue.StringExact("+14155550101")),
					attr("area_code", knownvalue.Null()),
					attr("country", knownvalue.Null()),
					attr("friendly_name", knownvalue.StringExact("(415) 555-0101")),
					attr("voice_url", knownvalue.StringExact("https://example.com/voice")),
					attr("voice_method", knownvalue.StringExact("POST")),
					attr("voice_application_sid", knownvalue.Null()),
					attr("studio_flow_sid", knownvalue.Null()),
					attr("trunk_sid", knownvalue.Null()),
					attr("voice_fallback_url", knownvalue.Null()),
					attr("voice_fallback_method", knownvalue.StringExact("POST")),
					attr("status_callback", knownvalue.Null()),
					attr("status_callback_method", knownvalue.StringExact("POST")),
					attr("voice_caller_id_lookup", knownvalue.Bool(false)),
					attr("sms_url", knownvalue.StringExact("https://example.com/sms")),
					attr("sms_method", knownvalue.StringExact("POST")),
					attr("sms_fallback_url", knownvalue.Null()),
					attr("sms_fallback_method", knownvalue.StringExact("POST")),
					attr("sms_application_sid", knownvalue.Null()),
					attr("skip_destroy", knownvalue.Bool(false)),
					attr("capabilities", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"voice": knownvalue.Bool(true), "sms": knownvalue.Bool(true),
						"mms": knownvalue.Bool(true), "fax": knownvalue.Bool(false),
					})),
					attr("date_created", knownvalue.NotNull()),
				},
				Check: testAccCheckIncomingNumberInTwilio(t, env, map[string]string{
					"phone_number": "+14155550101", "voice_url": "https://example.com/voice", "sms_url": "https://example.com/sms",
				}),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			testAccImportStep(testAccIncomingNumberAddr, "timeouts"),
		},
	})
}

// Every setting changes in place, in one request, and Twilio ends up with exactly the configuration.
func TestAccIncomingNumber_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccIncomingNumberConfig(`phone_number = "+14155550102"`))},
			{
				PreConfig: env.Emulator.ResetRequests,
				Config:    env.Config(testAccIncomingNumberConfig_full("+14155550102")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckIncomingNumberInTwilio(t, env, testAccIncomingNumberFull),
					testAccCheckIncomingNumberWrites(env, 1),
				),
			},
			{
				Config:           env.Config(testAccIncomingNumberConfig_full("+14155550102")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			testAccImportStep(testAccIncomingNumberAddr, "timeouts"),
		},
	})
}

// Removing optional settings clears them in Twilio: URLs and SIDs emptied, methods back to POST, the name
// back to Twilio's own.
func TestAccIncomingNumber_clear(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccIncomingNumberConfig_full("+14155550103")),
				Check:  testAccCheckIncomingNumberInTwilio(t, env, testAccIncomingNumberFull),
			},
			{
				Config: env.Config(testAccIncomingNumberConfig(`phone_number = "+14155550103"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(testAccIncomingNumberAddr, tfjsonpath.New("friendly_name")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("friendly_name"), knownvalue.StringExact("(415) 555-0103")),
					statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("voice_url"), knownvalue.Null()),
				},
				Check: testAccCheckIncomingNumberInTwilio(t, env, map[string]string{
					"friendly_name": "(415) 555-0103", "voice_url": "", "voice_method": "POST", "voice_fallback_url": "",
					"voice_fallback_method": "POST", "status_callback": "", "status_callback_method": "POST",
					"voice_caller_id_lookup": "false", "sms_url": "", "sms_method": "POST", "sms_fallback_url": "",
					"sms_fallback_method": "POST",
				}),
			},
			{
				// Twilio's own name is kept from now on, not planned again.
				Config:           env.Config(testAccIncomingNumberConfig(`phone_number = "+14155550103"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A number bought outside Terraform is imported by its E.164 form, its SID, or account and SID.
func TestAccIncomingNumber_import(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	params := &twilioclient.CreateIncomingNumberParams{}
	params.SetPhoneNumber("+14155550104").SetVoiceUrl("https://example.com/console")
	n, err := env.Client(t).CreateIncomingNumber(context.Background(), env.AccountSID, params)
	if err != nil {
		t.Fatal(err)
	}
	sid := *n.Sid
	config := env.Config(testAccIncomingNumberConfig(`
  phone_number = "+14155550104"
  voice_url    = "https://example.com/console"
`))
	importCheck := func(states []*terraform.InstanceState) error {
		if len(states) != 1 || states[0].Attributes["sid"] != sid || states[0].Attributes["account_sid"] != env.AccountSID ||
			states[0].Attributes["voice_url"] != "https://example.com/console" {
			return fmt.Errorf("expected number %s of %s, got %+v", sid, env.AccountSID, states)
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				Config: config, ResourceName: testAccIncomingNumberAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithID, ImportStateId: "+14155550104",
			},
			{
				Config: config, ResourceName: testAccIncomingNumberAddr, ImportState: true,
				ImportStateId: env.AccountSID + "/+14155550104", ImportStateCheck: importCheck,
			},
			{
				Config: config, ResourceName: testAccIncomingNumberAddr, ImportState: true,
				ImportStateId: env.AccountSID + "/" + sid, ImportStateCheck: importCheck,
			},
			{
				Config: config, ResourceName: testAccIncomingNumberAddr, ImportState: true,
				ImportStateId: sid, ImportStateCheck: importCheck, ImportStatePersist: true,
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			testAccImportStep(testAccIncomingNumberAddr, "timeouts"),
			{
				Config: config, ResourceName: testAccIncomingNumberAddr, ImportState: true,
				ImportStateId: "SK" + strings.Repeat("0", 32), ExpectError: acctest.ErrorRegexp("Import a phone number by its SID"),
			},
			{
				Config: config, ResourceName: testAccIncomingNumberAddr, ImportState: true,
				ImportStateId: "+14155550199", ExpectError: acctest.ErrorRegexp("no incoming number +14155550199 in account"),
			},
		},
	})
}

// Releasing the number in the Console removes it from state; the next plan buys it again.
func TestAccIncomingNumber_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccIncomingNumberConfig(`phone_number = "+14155550105"`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: testAccDisappearsSteps(config, testAccIncomingNumberAddr, func(account, sid string) error {
			return env.Client(t).DeleteIncomingNumber(context.Background(), account, sid)
		}),
	})
}

// A Console edit shows up in the plan as exactly that attribute; applying restores the configuration.
func TestAccIncomingNumber_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid string
	edit := func(set func(*twilioclient.UpdateIncomingNumberParams)) func() {
		return func() {
			p := &twilioclient.UpdateIncomingNumberParams{}
			set(p)
			if _, err := env.Client(t).UpdateIncomingNumber(context.Background(), env.AccountSID, sid, p); err != nil {
				t.Fatal(err)
			}
		}
	}
	config := env.Config(testAccIncomingNumberConfig_full("+14155550106"))
	step := func(set func(*twilioclient.UpdateIncomingNumberParams), attr string) resource.TestStep {
		return resource.TestStep{
			PreConfig: edit(set),
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionUpdate),
				acctest.ExpectChangedAttributes(testAccIncomingNumberAddr, attr),
			}},
			Check: testAccCheckIncomingNumberInTwilio(t, env, testAccIncomingNumberFull),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{Config: config, Check: testAccCaptureAttr(testAccIncomingNumberAddr, "sid", &sid)},
			step(func(p *twilioclient.UpdateIncomingNumberParams) { p.SetVoiceUrl("https://console.example.com/v") }, "voice_url"),
			step(func(p *twilioclient.UpdateIncomingNumberParams) { p.SetFriendlyName("renamed") }, "friendly_name"),
			step(func(p *twilioclient.UpdateIncomingNumberParams) { p.SetVoiceCallerIdLookup(false) }, "voice_caller_id_lookup"),
			step(func(p *twilioclient.UpdateIncomingNumberParams) { p.SetSmsMethod("POST") }, "sms_method"),
			step(func(p *twilioclient.UpdateIncomingNumberParams) { p.SetStatusCallback("") }, "status_callback"),
		},
	})
}

// skip_destroy keeps the number: releasing is irreversible, so some teams never let Terraform do it.
func TestAccIncomingNumber_skipDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(*terraform.State) error {
			n, err := env.Client(t).FindIncomingNumber(context.Background(), env.AccountSID, sid)
			if err != nil {
				return fmt.Errorf("skip_destroy: number %s should still be owned: %w", sid, err)
			}
			if *n.PhoneNumber != "+14155550107" {
				return fmt.Errorf("number %s is %s", sid, *n.PhoneNumber)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: env.Config(testAccIncomingNumberConfig(`
  phone_number = "+14155550107"
  skip_destroy = true
`)),
			Check: testAccCaptureAttr(testAccIncomingNumberAddr, "sid", &sid),
		}},
	})
}

func TestAccIncomingNumber_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const num = `phone_number = "+14155550108"` + "\n"
	app, flow := "AP"+strings.Repeat("a", 32), "FW"+strings.Repeat("b", 32)
	cases := map[string]struct{ body, want string }{
		"url and app": {num + `voice_url = "https://example.com/v"` + "\n" + `voice_application_sid = "` + app + `"`,
			`voice_url and voice_application_sid are set`},
		"url and flow": {num + `voice_url = "https://example.com/v"` + "\n" + `studio_flow_sid = "` + flow + `"`,
			`so remove voice_url`},
		"app and flow": {num + `voice_application_sid = "` + app + `"` + "\n" + `studio_flow_sid = "` + flow + `"`,
			`voice_application_sid and studio_flow_sid are set`},
		"url and trunk": {num + `voice_url = "https://example.com/v"` + "\n" + `trunk_sid = "TK` + strings.Repeat("c", 32) + `"`,
			`voice_url and trunk_sid are set`},
		"sms url and app": {num + `sms_url = "https://example.com/s"` + "\n" + `sms_application_sid = "` + app + `"`,
			`cannot be specified when "sms_url" is specified`},
		"flow with GET":   {num + `studio_flow_sid = "` + flow + `"` + "\n" + `voice_method = "GET"`, `Studio flows are called with POST`},
		"no number":       {`friendly_name = "x"`, `No attribute specified when one (and only one) of [phone_number,area_code]`},
		"number and area": {num + `area_code = "415"`, `2 attributes specified when one (and only one) of`},
		"not E.164":       {`phone_number = "4155550108"`, `phone_number must be a phone number in E.164 form`},
		"US area code":    {`area_code = "41"`, `US and Canadian area codes are three digits`},
		"CA area code":    {`area_code = "0415"` + "\n" + `country = "CA"`, `US and Canadian area codes are three digits`},
		"area letters":    {`area_code = "4a5"`, `Attribute area_code must be 2 to 6 digits`},
		"country alone":   {num + `country = "GB"`, `Attribute "area_code" must be specified when "country" is specified`},
		"country case":    {`area_code = "20"` + "\n" + `country = "gb"`, `must be an ISO 3166-1 alpha-2 code`},
		"bad app SID":     {num + `voice_application_sid = "AP123"`, `voice_application_sid must be a Twilio SID: AP`},
		"flow SID prefix": {num + `studio_flow_sid = "` + app + `"`, `studio_flow_sid must be a Twilio SID: FW`},
		"bad method":      {num + `sms_method = "PUT"`, `Attribute sms_method value must be one of`},
		"bad URL":         {num + `voice_url = "ftp://example.com/v"`, `voice_url must be an absolute http:// or https:// URL`},
		"long name":       {num + `friendly_name = "` + strings.Repeat("x", 65) + `"`, `friendly_name UTF-8 character count must be between 1 and 64`},
		"bad account":     {num + `account_sid = "AC123"`, `account_sid must be a Twilio SID: AC`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config: env.Config(testAccIncomingNumberConfig(tc.body)), PlanOnly: true, ExpectError: acctest.ErrorRegexp(tc.want),
				}},
			})
		})
	}
	testAccCheckNoRequests(t, env)
}

func testAccIncomingNumberConfig(body string) string {
	return fmt.Sprintf(`
resource "twilio_incoming_number" "test" {
  %s
}
`, body)
}

// testAccIncomingNumberConfig_full sets every optional setting away from Twilio's default.
func testAccIncomingNumberConfig_full(number string) string {
	return testAccIncomingNumberConfig(fmt.Sprintf(`
  phone_number           = %q
  friendly_name          = "front desk"
  voice_url              = "https://example.com/voice"
  voice_method           = "GET"
  voice_fallback_url     = "https://example.com/voice-fallback"
  voice_fallback_method  = "GET"
  status_callback        = "https://example.com/status"
  status_callback_method = "GET"
  voice_caller_id_lookup = true
  sms_url                = "https://example.com/sms"
  sms_method             = "GET"
  sms_fallback_url       = "https://example.com/sms-fallback"
  sms_fallback_method    = "GET"
`, number))
}

// testAccIncomingNumberFull is what Twilio holds for testAccIncomingNumberConfig_full.
var testAccIncomingNumberFull = map[string]string{
	"friendly_name": "front desk", "voice_url": "https://example.com/voice", "voice_method": "GET",
	"voice_fallback_url": "https://example.com/voice-fallback", "voice_fallback_method": "GET",
	"status_callback": "https://example.com/status", "status_callback_method": "GET", "voice_caller_id_lookup": "true",
	"sms_url": "https://example.com/sms", "sms_method": "GET", "sms_fallback_url": "https://example.com/sms-fallback",
	"sms_fallback_method": "GET", "voice_application_sid": "", "trunk_sid": "", "sms_application_sid": "",
}

// testAccIncomingNumberTwilio is a number's settings as Twilio reports them, keyed like the attributes.
func testAccIncomingNumberTwilio(n *twilioclient.IncomingNumber) map[string]string {
	s := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	return map[string]string{
		"account_sid":            s(n.AccountSid),
		"phone_number":           s(n.PhoneNumber),
		"friendly_name":          s(n.FriendlyName),
		"voice_url":              s(n.VoiceUrl),
		"voice_method":           s(n.VoiceMethod),
		"voice_application_sid":  s(n.VoiceApplicationSid),
		"trunk_sid":              s(n.TrunkSid),
		"voice_fallback_url":     s(n.VoiceFallbackUrl),
		"voice_fallback_method":  s(n.VoiceFallbackMethod),
		"status_callback":        s(n.StatusCallback),
		"status_callback_method": s(n.StatusCallbackMethod),
		"voice_caller_id_lookup": fmt.Sprint(n.VoiceCallerIdLookup != nil && *n.VoiceCallerIdLookup),
		"sms_url":                s(n.SmsUrl),
		"sms_method":             s(n.SmsMethod),
		"sms_fallback_url":       s(n.SmsFallbackUrl),
		"sms_fallback_method":    s(n.SmsFallbackMethod),
		"sms_application_sid":    s(n.SmsApplicationSid),
	}
}

// testAccCheckIncomingNumberInTwilio fetches the number in the state from Twilio and compares the given
// settings.
func testAccCheckIncomingNumberInTwilio(t *testing.T, env *acctest.Env, want map[string]string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[testAccIncomingNumberAddr]
		if !ok {
			return fmt.Errorf("%s not in state", testAccIncomingNumberAddr)
		}
		n, err := env.Client(t).FindIncomingNumber(context.Background(), rs.Primary.Attributes["account_sid"], rs.Primary.Attributes["sid"])
		if err != nil {
			return err
		}
		got := testAccIncomingNumberTwilio(n)
		var diffs []string
		for k, v := range want {
			if got[k] != v {
				diffs = append(diffs, fmt.Sprintf("%s = %q, want %q", k, got[k], v))
			}
		}
		if len(diffs) > 0 {
			return fmt.Errorf("Twilio has %s", strings.Join(diffs, "; "))
		}
		return nil
	}
}

// testAccCheckIncomingNumberWrites counts the writes to numbers since the log was last reset: updates are
// one request, never a purchase or a release.
func testAccCheckIncomingNumberWrites(env *acctest.Env, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := len(env.Requests("POST", "/IncomingPhoneNumbers/")); n != want {
			return fmt.Errorf("%d updates of the number, want %d", n, want)
		}
		if n := len(env.Requests("POST", "/IncomingPhoneNumbers.json")) + len(env.Requests("DELETE", "/IncomingPhoneNumbers/")); n != 0 {
			return fmt.Errorf("%d purchases or releases during an update", n)
		}
		return nil
	}
}

// testAccCheckIncomingNumberReleased is the CheckDestroy of number tests: every number the test bought is
// released, unless it was meant to stay.
func testAccCheckIncomingNumberReleased(t *testing.T, env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "twilio_incoming_number" || rs.Primary.Attributes["skip_destroy"] == "true" {
				continue
			}
			a := rs.Primary.Attributes
			_, err := env.Client(t).FindIncomingNumber(context.Background(), a["account_sid"], a["sid"])
			if err == nil {
				return fmt.Errorf("number %s (%s) is still owned by %s after destroy", a["phone_number"], a["sid"], a["account_sid"])
			}
			if !twilioclient.IsNotFound(err) {
				return err
			}
		}
		return nil
	}
}

// Removing only friendly_name restores Twilio's default name: a computed attribute would otherwise keep its
// prior value and the plan would be empty.
func TestAccIncomingNumber_clearFriendlyNameOnly(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	withName := testAccIncomingNumberConfig(`
  phone_number  = "+14155550188"
  friendly_name = "front desk"
  voice_url     = "https://example.com/voice"
`)
	withoutName := testAccIncomingNumberConfig(`
  phone_number  = "+14155550188"
  voice_url     = "https://example.com/voice"
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: env.Config(withName), Check: testAccCheckIncomingNumberInTwilio(t, env, map[string]string{"friendly_name": "front desk"})},
			{
				Config: env.Config(withoutName),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(testAccIncomingNumberAddr, tfjsonpath.New("friendly_name")),
				}},
				Check: func(s *terraform.State) error {
					rs := s.RootModule().Resources[testAccIncomingNumberAddr].Primary.Attributes
					n, err := env.Client(t).FindIncomingNumber(context.Background(), rs["account_sid"], rs["sid"])
					if err != nil {
						return err
					}
					if *n.FriendlyName == "front desk" || *n.FriendlyName != rs["friendly_name"] {
						return fmt.Errorf("Twilio's name is %q and the state's %q; want Twilio's default in both", *n.FriendlyName, rs["friendly_name"])
					}
					return nil
				},
			},
			{Config: env.Config(withoutName), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}
