package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Changing account_sid moves the number between subaccounts in place: same SID, same number, never
// released; settings changed in the same apply follow in one more request, in the new account.
func TestAccIncomingNumber_transfer(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	var sid string
	config := func(account, body string) string {
		return env.Config(`
resource "twilio_subaccount" "a" {
  friendly_name = "tenant-a"
}

resource "twilio_subaccount" "b" {
  friendly_name = "tenant-b"
}
`, testAccIncomingNumberConfig(`
  phone_number = "+14155550110"
  account_sid  = twilio_subaccount.`+account+`.sid
`+body))
	}
	sameNumber := resource.ComposeTestCheckFunc(
		resource.TestCheckResourceAttrPtr(testAccIncomingNumberAddr, "sid", &sid),
		resource.TestCheckResourceAttr(testAccIncomingNumberAddr, "phone_number", "+14155550110"),
		func(*terraform.State) error {
			if reqs := env.Requests("DELETE", "/IncomingPhoneNumbers/"); len(reqs) != 0 {
				return fmt.Errorf("the move released the number: %s", reqs[0].Path)
			}
			return nil
		},
	)
	inAccount := func(name string) resource.TestCheckFunc {
		return resource.TestCheckResourceAttrPair(testAccIncomingNumberAddr, "account_sid", "twilio_subaccount."+name, "sid")
	}
	moves := func(want int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			var n int
			for _, r := range env.Requests("POST", "/IncomingPhoneNumbers/") {
				if r.Form.Has("AccountSid") {
					n++
				}
			}
			if n != want {
				return fmt.Errorf("%d moves, want %d", n, want)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				Config: config("a", `voice_url = "https://a.example.com/voice"`),
				Check: resource.ComposeTestCheckFunc(
					testAccCaptureAttr(testAccIncomingNumberAddr, "sid", &sid), inAccount("a"),
				),
			},
			{
				// The move alone: one request.
				PreConfig: env.Emulator.ResetRequests,
				Config:    config("b", `voice_url = "https://a.example.com/voice"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccIncomingNumberAddr, "account_sid"),
				}},
				Check: resource.ComposeTestCheckFunc(inAccount("b"), moves(1), testAccCheckIncomingNumberWrites(env, 1),
					testAccCheckIncomingNumberInTwilio(t, env, map[string]string{"voice_url": "https://a.example.com/voice"})),
			},
			{
				// The move back and new settings: the move, then one update in the new account.
				PreConfig: env.Emulator.ResetRequests,
				Config:    config("a", `voice_url = "https://b.example.com/voice"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(inAccount("a"), moves(1), testAccCheckIncomingNumberWrites(env, 2),
					testAccCheckIncomingNumberInTwilio(t, env, map[string]string{"voice_url": "https://b.example.com/voice"})),
			},
			{
				Config:           config("a", `voice_url = "https://b.example.com/voice"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            sameNumber,
			},
		},
	})
}

// A number bound to a Studio flow carries the flow's webhook as its voice URL, and reads back as the flow.
func TestAccIncomingNumber_studioFlow(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	flow := testAccIncomingNumberFlow(t, env)
	config := env.Config(testAccIncomingNumberConfig(`
  phone_number    = "+14155550111"
  studio_flow_sid = "` + flow + `"
`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("studio_flow_sid"), knownvalue.StringExact(flow)),
					statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("voice_url"), knownvalue.Null()),
				},
				Check: testAccCheckIncomingNumberInTwilio(t, env, map[string]string{
					"voice_url": twilioclient.FlowWebhookURL(env.AccountSID, flow), "voice_method": "POST",
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

// Each switch of the voice target clears the old one in Twilio.
func TestAccIncomingNumber_switchTarget(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	flow := testAccIncomingNumberFlow(t, env)
	appParams := &twilioclient.CreateApplicationParams{}
	appParams.SetFriendlyName("softphone").SetVoiceUrl("https://example.com/app")
	app, err := env.Client(t).CreateApplication(context.Background(), env.AccountSID, appParams)
	if err != nil {
		t.Fatal(err)
	}
	step := func(target string, want map[string]string) resource.TestStep {
		return resource.TestStep{
			Config: env.Config(testAccIncomingNumberConfig(`phone_number = "+14155550112"` + "\n" + target)),
			Check:  testAccCheckIncomingNumberInTwilio(t, env, want),
		}
	}
	none := map[string]string{"voice_url": "", "voice_application_sid": "", "trunk_sid": ""}
	with := func(k, v string) map[string]string {
		m := map[string]string{k: v}
		for name, empty := range none {
			if name != k {
				m[name] = empty
			}
		}
		return m
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			step(`voice_url = "https://example.com/voice"`, with("voice_url", "https://example.com/voice")),
			step(`voice_application_sid = "`+*app.Sid+`"`, with("voice_application_sid", *app.Sid)),
			step(`studio_flow_sid = "`+flow+`"`, with("voice_url", twilioclient.FlowWebhookURL(env.AccountSID, flow))),
			step(`voice_application_sid = "`+*app.Sid+`"`, with("voice_application_sid", *app.Sid)),
			step(``, none),
			{
				Config:           env.Config(testAccIncomingNumberConfig(`phone_number = "+14155550112"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// Calls can go to an Elastic SIP trunk; the emulator takes any well-formed trunk SID.
func TestAccIncomingNumber_trunk(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	const trunk = "TK0123456789abcdef0123456789abcdef"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccIncomingNumberConfig(`
  phone_number = "+14155550113"
  trunk_sid    = "` + trunk + `"
`)),
				Check: testAccCheckIncomingNumberInTwilio(t, env, map[string]string{"trunk_sid": trunk, "voice_url": ""}),
			},
			{
				Config: env.Config(testAccIncomingNumberConfig(`
  phone_number = "+14155550113"
  voice_url    = "https://example.com/voice"
`)),
				Check: testAccCheckIncomingNumberInTwilio(t, env, map[string]string{"trunk_sid": "", "voice_url": "https://example.com/voice"}),
			},
		},
	})
}

// Buying by area code: Twilio picks the number. A number already in the area code is kept when the
// configuration switches to describing it by area code; a new area code buys a new number.
func TestAccIncomingNumber_areaCode(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var first string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccIncomingNumberConfig(`area_code = "415"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("phone_number"),
						knownvalue.StringRegexp(regexp.MustCompile(`^\+1415[0-9]{7}$`))),
				},
				Check: testAccCaptureAttr(testAccIncomingNumberAddr, "phone_number", &first),
			},
			{
				Config:           env.Config(testAccIncomingNumberConfig(`area_code = "415"` + "\n" + `country = "US"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionUpdate)}},
				Check:            resource.TestCheckResourceAttrPtr(testAccIncomingNumberAddr, "phone_number", &first),
			},
			{
				Config: env.Config(testAccIncomingNumberConfig(`area_code = "212"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectUnknownValue(testAccIncomingNumberAddr, tfjsonpath.New("phone_number")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("phone_number"),
						knownvalue.StringRegexp(regexp.MustCompile(`^\+1212[0-9]{7}$`))),
				},
			},
			{
				Config:           env.Config(testAccIncomingNumberConfig(`area_code = "212"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// Switching from phone_number to the number's own area code keeps the number.
func TestAccIncomingNumber_areaCodeAdopt(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccIncomingNumberConfig(`phone_number = "+14155550114"`))},
			{
				Config: env.Config(testAccIncomingNumberConfig(`area_code = "415"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.TestCheckResourceAttr(testAccIncomingNumberAddr, "phone_number", "+14155550114"),
			},
			{
				Config: env.Config(testAccIncomingNumberConfig(`phone_number = "+14155550115"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.TestCheckResourceAttr(testAccIncomingNumberAddr, "phone_number", "+14155550115"),
			},
		},
	})
}

// Outside the US and Canada the provider searches Twilio's available numbers, then buys one by number
// (UK numbers need a regulatory bundle).
func TestAccIncomingNumber_areaCodeAbroad(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	bundle := env.Bundle(t, emulator.BundleOptions{IsoCountry: "GB", NumberType: "local", EndUserType: "business"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				// London numbers need a regulatory bundle and a United Kingdom address on file (see
				// TestAccIncomingNumber_addressRequired).
				Config: env.Config(testAccAddressConfig("GB", ""), testAccIncomingNumberConfig(fmt.Sprintf(`
  area_code   = "20"
  country     = "GB"
  bundle_sid  = %q
  address_sid = twilio_address.test.sid
`, bundle))),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("phone_number"),
						knownvalue.StringRegexp(regexp.MustCompile(`^\+4420[0-9]{8}$`))),
				},
			},
		},
	})
}

// Twilio has no stock in area code 533: the purchase fails with Twilio's explanation and nothing is
// recorded.
func TestAccIncomingNumber_areaCodeNoStock(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      env.Config(testAccIncomingNumberConfig(`area_code = "533"`)),
			ExpectError: acctest.ErrorRegexp("No phone numbers found in area code 533"),
		}},
	})
}

// A purchase whose answer is lost (Twilio bought the number, then answered 500) is not repeated: the
// number is found in the account and adopted, configured as planned.
func TestAccIncomingNumber_lostAnswer(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	env.Emulator.AddFault(emulator.Fault{
		Method: "POST", Path: `/IncomingPhoneNumbers\.json$`, Kind: emulator.FaultInternal, AfterEffect: true, Times: 1,
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccIncomingNumberConfig(`
  phone_number = "+14155550116"
  voice_url    = "https://example.com/voice"
`)),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(testAccIncomingNumberAddr, "sid", sidRegexp("PN")),
					testAccCheckIncomingNumberInTwilio(t, env, map[string]string{"voice_url": "https://example.com/voice"}),
					func(*terraform.State) error {
						if n := len(env.Requests("POST", "/IncomingPhoneNumbers.json")); n != 1 {
							return fmt.Errorf("%d purchase requests, want exactly 1", n)
						}
						return nil
					},
				),
			},
		},
	})
}

// Bought by area code, a number whose purchase answer is lost is the one number of that area code bought
// since the request: it is adopted. A second lost answer with two candidates cannot be resolved: the
// error says so, and nothing is bought again.
func TestAccIncomingNumber_lostAnswerAreaCode(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	lose := func() {
		env.Emulator.AddFault(emulator.Fault{
			Method: "POST", Path: `/IncomingPhoneNumbers\.json$`, Kind: emulator.FaultInternal, AfterEffect: true, Times: 1,
		})
	}
	purchases := func(want int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if n := len(env.Requests("POST", "/IncomingPhoneNumbers.json")); n != want {
				return fmt.Errorf("%d purchase requests, want %d", n, want)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				PreConfig: lose,
				Config:    env.Config(testAccIncomingNumberConfig(`area_code = "415"`)),
				Check: resource.ComposeTestCheckFunc(
					resource.TestMatchResourceAttr(testAccIncomingNumberAddr, "phone_number", regexp.MustCompile(`^\+1415`)),
					purchases(1),
				),
			},
			{
				// Another number of the area, bought outside Terraform while the lost purchase is being looked
				// up (the lookup is held back 3 s), makes the answer ambiguous.
				PreConfig: func() {
					lose()
					env.Emulator.AddFault(emulator.Fault{Method: "GET", Path: `/IncomingPhoneNumbers\.json$`,
						Kind: emulator.FaultLatency, Latency: 3 * time.Second, Times: 1})
					go func() {
						for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
							if len(env.Requests("POST", "/IncomingPhoneNumbers.json")) == 2 {
								p := &twilioclient.CreateIncomingNumberParams{}
								p.SetPhoneNumber("+14155550190")
								if _, err := env.Client(t).CreateIncomingNumber(context.Background(), env.AccountSID, p); err != nil {
									t.Error(err)
								}
								return
							}
						}
					}()
				},
				Config: env.Config(testAccIncomingNumberConfig(`area_code = "415"`),
					`resource "twilio_incoming_number" "second" {
  area_code = "415"
}
`),
				ExpectError: acctest.ErrorRegexp("cannot be told; nothing was adopted"),
			},
		},
	})
	// The first purchase, the Console's, and the lost one: never a repeat.
	if err := purchases(3)(nil); err != nil {
		t.Error(err)
	}
}

// testAccIncomingNumberFlow publishes a Studio flow in the main account, as a Console user would.
func testAccIncomingNumberFlow(t *testing.T, env *acctest.Env) string {
	t.Helper()
	var def any = map[string]any{
		"description": "reception", "initial_state": "Trigger", "flags": map[string]any{"allow_concurrent_calls": true},
		"states": []any{map[string]any{"name": "Trigger", "type": "trigger", "transitions": []any{}, "properties": map[string]any{}}},
	}
	params := &twilioclient.CreateFlowParams{}
	params.SetFriendlyName("reception").SetStatus("published").SetDefinition(def)
	f, err := env.Client(t).CreateFlow(context.Background(), env.AccountSID, params)
	if err != nil {
		t.Fatal(err)
	}
	return *f.Sid
}

// A number moved to a sibling subaccount in the Console is still billed: Read finds it in the family and
// the plan shows exactly account_sid drifting, which the apply moves back (no release, no purchase).
func TestAccIncomingNumber_driftMovedInConsole(t *testing.T) {
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
  phone_number = "+14155550111"
  account_sid  = twilio_subaccount.a.sid
  voice_url    = "https://example.com/voice"
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
			{
				PreConfig: func() {
					// The Console's number transfer: the parent moves the number to the sibling.
					if _, err := env.Client(t).UpdateIncomingNumber(context.Background(), from, sid,
						&twilioclient.UpdateIncomingNumberParams{AccountSid: &to}); err != nil {
						t.Fatal(err)
					}
					env.Emulator.ResetRequests()
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccIncomingNumberAddr, "account_sid"),
				}},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPtr(testAccIncomingNumberAddr, "sid", &sid),
					resource.TestCheckResourceAttrPtr(testAccIncomingNumberAddr, "account_sid", &from),
					func(*terraform.State) error {
						if n := len(env.Requests("DELETE", "/IncomingPhoneNumbers/")) + len(env.Requests("POST", "/IncomingPhoneNumbers.json")); n != 0 {
							return fmt.Errorf("the number was released or bought again (%d requests)", n)
						}
						n, err := env.Client(t).FindIncomingNumber(context.Background(), from, sid)
						if err != nil {
							return fmt.Errorf("the number is not back in its account: %w", err)
						}
						if *n.AccountSid != from {
							return fmt.Errorf("the number is in %s, want %s", *n.AccountSid, from)
						}
						return nil
					},
				),
			},
		},
	})
}
