package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
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

const testAccStudioFlowAddr = "twilio_studio_flow.test"

// testAccStudioFlowRevisionAttrs change with every revision, so every update plans them as unknown.
var testAccStudioFlowRevisionAttrs = []string{"revision", "valid", "errors", "warnings"}

func TestAccStudioFlow_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccStudioFlowConfig("reception", "published", testAccStudioFlowDefinition("v1"), ""))
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New(name), v)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					attr("sid", knownvalue.StringRegexp(sidRegexp("FW"))),
					attr("account_sid", knownvalue.StringExact(env.AccountSID)),
					attr("friendly_name", knownvalue.StringExact("reception")),
					attr("status", knownvalue.StringExact("published")),
					attr("revision", knownvalue.Int64Exact(1)),
					attr("valid", knownvalue.Bool(true)),
					attr("errors", knownvalue.ListExact([]knownvalue.Check{})),
					attr("warnings", knownvalue.ListExact([]knownvalue.Check{})),
					attr("commit_message", knownvalue.Null()),
					attr("date_created", knownvalue.NotNull()),
					statecheck.CompareValuePairs(testAccStudioFlowAddr, tfjsonpath.New("webhook_url"),
						testAccStudioFlowAddr, tfjsonpath.New("sid"), testAccStudioFlowWebhookOf(env.AccountSID)),
				},
				Check: testAccCheckStudioFlowInTwilio(t, env, testAccStudioFlowAddr, "reception", "published", "v1", ""),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			testAccImportStep(testAccStudioFlowAddr, "timeouts"),
		},
	})
}

func TestAccStudioFlow_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccStudioFlowConfig("reception", "draft", testAccStudioFlowDefinition("v1"), "")),
				Check:  testAccCheckStudioFlowInTwilio(t, env, testAccStudioFlowAddr, "reception", "draft", "v1", ""),
			},
			{
				Config: env.Config(testAccStudioFlowConfig("front desk", "published", testAccStudioFlowDefinition("v2"),
					`commit_message = "greet in French"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccStudioFlowAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New("webhook_url"), knownvalue.NotNull()),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New("revision"), knownvalue.Int64Exact(2)),
				},
				Check: testAccCheckStudioFlowInTwilio(t, env, testAccStudioFlowAddr, "front desk", "published", "v2", "greet in French"),
			},
			// commit_message is not read back, so the import leaves it null.
			testAccImportStep(testAccStudioFlowAddr, "timeouts", "commit_message"),
		},
	})
}

// A flow made in the Console is adopted with an import block, by FW… and by AC…/FW…; the configuration
// spells its definition differently from Twilio, and the import still plans no change.
func TestAccStudioFlow_import(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sid := testAccStudioFlowCreateInConsole(t, env, env.AccountSID, "made in the console")
	config := env.Config(testAccStudioFlowConfig("made in the console", "published", testAccStudioFlowHeredoc("console"), ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config:          config,
				ResourceName:    testAccStudioFlowAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   sid,
			},
			{
				Config:        config,
				ResourceName:  testAccStudioFlowAddr,
				ImportState:   true,
				ImportStateId: env.AccountSID + "/" + sid,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["sid"] != sid || states[0].Attributes["account_sid"] != env.AccountSID ||
						states[0].Attributes["status"] != "published" || states[0].Attributes["revision"] != "1" {
						return fmt.Errorf("expected published flow %s at revision 1, got %+v", sid, states)
					}
					return nil
				},
			},
			{
				Config:        config,
				ResourceName:  testAccStudioFlowAddr,
				ImportState:   true,
				ImportStateId: "PN" + strings.Repeat("0", 32),
				ExpectError:   acctest.ErrorRegexp("Expected FW… or AC…/FW…"),
			},
			{
				Config:        config,
				ResourceName:  testAccStudioFlowAddr,
				ImportState:   true,
				ImportStateId: "FW" + strings.Repeat("0", 32),
				ExpectError:   acctest.ErrorRegexp("There is no Studio flow FW" + strings.Repeat("0", 32) + " in account"),
			},
		},
	})
}

// A flow deleted in the Console leaves the state; the next plan creates it again.
func TestAccStudioFlow_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccStudioFlowConfig("reception", "published", testAccStudioFlowDefinition("v1"), ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: testAccDisappearsSteps(config, testAccStudioFlowAddr, func(account, sid string) error {
			return env.Client(t).DeleteFlow(context.Background(), account, sid)
		}),
	})
}

// Console edits show up as exactly the edited attribute (plus the new revision's computed values), and
// applying restores the configuration.
func TestAccStudioFlow_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid string
	config := env.Config(testAccStudioFlowConfig("reception", "published", testAccStudioFlowDefinition("v1"), ""))
	edit := func(f func(*twilioclient.UpdateFlowParams)) func() {
		return func() { testAccStudioFlowConsoleEdit(t, env, env.AccountSID, sid, f) }
	}
	driftStep := func(e func(*twilioclient.UpdateFlowParams), changed string) resource.TestStep {
		return resource.TestStep{
			PreConfig: edit(e),
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testAccStudioFlowAddr, plancheck.ResourceActionUpdate),
				acctest.ExpectChangedAttributes(testAccStudioFlowAddr, append([]string{changed}, testAccStudioFlowRevisionAttrs...)...),
			}},
			Check: testAccCheckStudioFlowInTwilio(t, env, testAccStudioFlowAddr, "reception", "published", "v1", ""),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: config, Check: testAccCaptureAttr(testAccStudioFlowAddr, "sid", &sid)},
			driftStep(func(p *twilioclient.UpdateFlowParams) { p.SetFriendlyName("renamed in console") }, "friendly_name"),
			driftStep(func(p *twilioclient.UpdateFlowParams) {
				p.SetDefinition(json.RawMessage(testAccStudioFlowDefinitionJSON("edited in the Studio editor")))
			}, "definition"),
			driftStep(func(p *twilioclient.UpdateFlowParams) { p.SetStatus("draft") }, "status"),
		},
	})
}

// Removing commit_message and status from the configuration makes a revision with no message, as a draft.
func TestAccStudioFlow_clear(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	def := testAccStudioFlowDefinition("v1")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccStudioFlowConfig("reception", "published", def, `commit_message = "first"`)),
				Check:  testAccCheckStudioFlowInTwilio(t, env, testAccStudioFlowAddr, "reception", "published", "v1", "first"),
			},
			{
				Config: env.Config(testAccStudioFlowConfig("reception", "", def, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccStudioFlowAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccStudioFlowAddr, append([]string{"commit_message", "status"}, testAccStudioFlowRevisionAttrs...)...),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New("commit_message"), knownvalue.Null()),
					statecheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New("status"), knownvalue.StringExact("draft")),
				},
				Check: testAccCheckStudioFlowInTwilio(t, env, testAccStudioFlowAddr, "reception", "draft", "v1", ""),
			},
		},
	})
}

// The definition is compared as JSON: other whitespace and key order plan nothing and send nothing.
func TestAccStudioFlow_jsonNormalization(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccStudioFlowConfig("reception", "published", testAccStudioFlowHeredoc("v1"), "")),
				ConfigStateChecks: []statecheck.StateCheck{
					// The state keeps the configuration's text, not Twilio's reformatted copy.
					statecheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New("definition"),
						knownvalue.StringExact(testAccStudioFlowHeredocText("v1"))),
				},
			},
			{
				Config:           env.Config(testAccStudioFlowConfig("reception", "published", testAccStudioFlowReformatted("v1"), "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config:           env.Config(testAccStudioFlowConfig("reception", "published", testAccStudioFlowDefinition("v1"), "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(*terraform.State) error {
					if n := len(env.Requests("POST", "/v2/Flows/")); n != 0 {
						return fmt.Errorf("a reformatted definition sent %d updates to Twilio, want none", n)
					}
					return nil
				},
			},
			{
				// A real change in the same reformatted style is still an update.
				Config: env.Config(testAccStudioFlowConfig("reception", "published", testAccStudioFlowReformatted("v2"), "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccStudioFlowAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccStudioFlowAddr, append([]string{"definition"}, testAccStudioFlowRevisionAttrs...)...),
				}},
				Check: testAccCheckStudioFlowInTwilio(t, env, testAccStudioFlowAddr, "reception", "published", "v2", ""),
			},
		},
	})
}

// A draft may have problems, reported in valid and errors; Twilio refuses to publish them, and the error
// lists them against definition without creating anything.
func TestAccStudioFlow_invalidDefinition(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	// A transition to a widget that does not exist is one of the failures Twilio documents
	// (https://www.twilio.com/docs/errors/81022). The assertions name the failure's place, not the
	// emulator's wording, which Twilio's does not have to match.
	broken := `jsonencode({
    initial_state = "Trigger"
    states = [{ name = "Trigger", type = "trigger", transitions = [{ event = "incomingCall", next = "Nowhere" }], properties = {} }]
  })`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(testAccStudioFlowConfig("broken", "published", broken, "")),
				ExpectError: acctest.ErrorRegexp(`Twilio refused the definition (status = "published") because it has 1 problem(s): - #/states/0/transitions/0/next:`),
			},
			{
				PreConfig: func() {
					if flows := env.Emulator.Snapshot().Flows; len(flows) != 0 {
						t.Errorf("a refused flow was created: %+v", flows)
					}
				},
				Config: env.Config(testAccStudioFlowConfig("broken", "draft", broken, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New("valid"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New("errors"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"message":       knownvalue.StringRegexp(regexp.MustCompile(`Nowhere`)),
							"property_path": knownvalue.StringExact("#/states/0/transitions/0/next"),
						}),
					})),
				},
			},
			{
				Config:      env.Config(testAccStudioFlowConfig("broken", "published", broken, "")),
				ExpectError: acctest.ErrorRegexp(`set status = "draft": a draft may have problems`),
			},
			{
				Config: env.Config(testAccStudioFlowConfig("fixed", "published", testAccStudioFlowDefinition("fixed"), "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New("valid"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New("errors"), knownvalue.ListExact([]knownvalue.Check{})),
				},
				Check: testAccCheckStudioFlowInTwilio(t, env, testAccStudioFlowAddr, "fixed", "published", "fixed", ""),
			},
		},
	})
}

// Changing only timeouts makes no revision.
func TestAccStudioFlow_timeoutsOnly(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	def := testAccStudioFlowDefinition("v1")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccStudioFlowConfig("reception", "published", def, ""))},
			{
				Config: env.Config(testAccStudioFlowConfig("reception", "published", def, `timeouts { update = "2m" }`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccStudioFlowAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New("revision"), knownvalue.Int64Exact(1)),
				}},
				Check: func(*terraform.State) error {
					if n := len(env.Requests("POST", "/v2/Flows/")); n != 0 {
						return fmt.Errorf("a timeouts change sent %d updates to Twilio, want none", n)
					}
					return nil
				},
			},
		},
	})
}

// The flow's webhook_url is what a number bound with studio_flow_sid calls.
func TestAccStudioFlow_bindNumber(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{{
			Config: env.Config(testAccStudioFlowConfig("reception", "published", testAccStudioFlowDefinition("v1"), ""), `
resource "twilio_incoming_number" "test" {
  area_code       = "415"
  studio_flow_sid = twilio_studio_flow.test.sid
}
`),
			Check: func(s *terraform.State) error {
				flow := s.RootModule().Resources[testAccStudioFlowAddr].Primary.Attributes
				num := s.RootModule().Resources["twilio_incoming_number.test"].Primary.Attributes
				n, err := env.Client(t).FindIncomingNumber(context.Background(), env.AccountSID, num["sid"])
				if err != nil {
					return err
				}
				if got := stringValue(n.VoiceUrl).ValueString(); got != flow["webhook_url"] || stringValue(n.VoiceMethod).ValueString() != "POST" {
					return fmt.Errorf("number calls %s %s, want POST %s", stringValue(n.VoiceMethod).ValueString(), got, flow["webhook_url"])
				}
				return nil
			},
		}},
	})
}

func TestAccStudioFlow_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	def := testAccStudioFlowDefinition("v1")
	cases := map[string]struct{ config, want string }{
		"not JSON":       {testAccStudioFlowConfig("f", "draft", `"{states: []"`, ""), `Invalid JSON String Value`},
		"JSON array":     {testAccStudioFlowConfig("f", "draft", `"[]"`, ""), `definition must be a JSON object, as exported by the Studio editor`},
		"unknown status": {testAccStudioFlowConfig("f", "live", def, ""), `Attribute status value must be one of`},
		"empty name":     {testAccStudioFlowConfig("", "draft", def, ""), `Attribute friendly_name UTF-8 character count must be between 1 and 64`},
		"long name":      {testAccStudioFlowConfig(strings.Repeat("x", 65), "draft", def, ""), `Attribute friendly_name UTF-8 character count must be between 1 and 64`},
		"account prefix": {testAccStudioFlowConfig("f", "draft", def, `account_sid = "FW0123456789abcdef0123456789abcdef"`), `account_sid must be a Twilio SID: AC`},
		"empty commit":   {testAccStudioFlowConfig("f", "draft", def, `commit_message = ""`), `Attribute commit_message string length must be at least 1`},
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

// testAccStudioFlowConfig is a flow; an empty status leaves it to the default, extra adds lines.
func testAccStudioFlowConfig(name, status, definition, extra string) string {
	if status != "" {
		status = fmt.Sprintf("status        = %q", status)
	}
	return fmt.Sprintf(`
resource "twilio_studio_flow" "test" {
  friendly_name = %q
  %s
  definition    = %s
  %s
}
`, name, status, definition, extra)
}

// testAccStudioFlowDefinition is a valid one-state flow as jsonencode, whose description tells versions apart.
func testAccStudioFlowDefinition(description string) string {
	return fmt.Sprintf(`jsonencode({
    description   = %q
    initial_state = "Trigger"
    flags         = { allow_concurrent_calls = true }
    states = [{
      name        = "Trigger"
      type        = "trigger"
      transitions = []
      properties  = { offset = { x = 0, y = 0 } }
    }]
  })`, description)
}

// testAccStudioFlowDefinitionJSON is the same flow as Go writes it, for Console-style edits.
func testAccStudioFlowDefinitionJSON(description string) string {
	return fmt.Sprintf(`{"description":%q,"flags":{"allow_concurrent_calls":true},"initial_state":"Trigger",`+
		`"states":[{"name":"Trigger","properties":{"offset":{"x":0,"y":0}},"transitions":[],"type":"trigger"}]}`, description)
}

// testAccStudioFlowHeredocText is the flow as the Studio editor exports it: indented, in its own key order.
func testAccStudioFlowHeredocText(description string) string {
	return fmt.Sprintf(`{
  "description": %q,
  "states": [
    {
      "name": "Trigger",
      "type": "trigger",
      "properties": {
        "offset": {
          "x": 0,
          "y": 0
        }
      },
      "transitions": []
    }
  ],
  "initial_state": "Trigger",
  "flags": {
    "allow_concurrent_calls": true
  }
}
`, description)
}

func testAccStudioFlowHeredoc(description string) string {
	return "<<-EOT\n" + testAccStudioFlowHeredocText(description) + "EOT"
}

// testAccStudioFlowReformatted is the same flow with other whitespace and another key order.
func testAccStudioFlowReformatted(description string) string {
	return fmt.Sprintf(`<<-EOT
{ "flags" : { "allow_concurrent_calls" : true },
	"initial_state" : "Trigger",
	"states" : [ { "transitions" : [ ], "type" : "trigger", "properties" : { "offset" : { "y" : 0, "x" : 0 } }, "name" : "Trigger" } ],
	"description" : %q }
EOT`, description)
}

// testAccStudioFlowCreateInConsole makes a published flow outside Terraform, as a Console user would.
func testAccStudioFlowCreateInConsole(t *testing.T, env *acctest.Env, accountSID, name string) string {
	t.Helper()
	params := &twilioclient.CreateFlowParams{}
	params.SetFriendlyName(name).SetStatus("published").SetDefinition(json.RawMessage(testAccStudioFlowDefinitionJSON("console")))
	f, err := env.Client(t).CreateFlow(context.Background(), accountSID, params)
	if err != nil {
		t.Fatal(err)
	}
	return *f.Sid
}

// testAccStudioFlowConsoleEdit changes a flow outside Terraform. Like the Studio editor, it saves a whole
// revision: Twilio requires the status with every update.
func testAccStudioFlowConsoleEdit(t *testing.T, env *acctest.Env, accountSID, sid string, edit func(*twilioclient.UpdateFlowParams)) {
	t.Helper()
	ctx := context.Background()
	f, err := env.Client(t).FindFlow(ctx, accountSID, sid)
	if err != nil {
		t.Fatal(err)
	}
	params := &twilioclient.UpdateFlowParams{}
	params.SetStatus(*f.Status)
	edit(params)
	if _, err := env.Client(t).UpdateFlow(ctx, accountSID, sid, params); err != nil {
		t.Fatal(err)
	}
}

// testAccCheckStudioFlowInTwilio checks the flow as Twilio has it; description identifies the definition.
func testAccCheckStudioFlowInTwilio(t *testing.T, env *acctest.Env, addr, name, status, description, commit string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		f, err := env.Client(t).FindFlow(context.Background(), rs.Primary.Attributes["account_sid"], rs.Primary.Attributes["sid"])
		if err != nil {
			return err
		}
		var want any
		if err := json.Unmarshal([]byte(testAccStudioFlowDefinitionJSON(description)), &want); err != nil {
			return err
		}
		if f.Definition == nil || !reflect.DeepEqual(*f.Definition, want) {
			return fmt.Errorf("Twilio has definition %v, want %v", f.Definition, want)
		}
		gotCommit := ""
		if f.CommitMessage != nil {
			gotCommit = *f.CommitMessage
		}
		if *f.FriendlyName != name || *f.Status != status || gotCommit != commit {
			return fmt.Errorf("Twilio has %q/%s/commit %q, want %q/%s/commit %q", *f.FriendlyName, *f.Status, gotCommit, name, status, commit)
		}
		return nil
	}
}

// testAccCheckStudioFlowDestroyed is the CheckDestroy of flow tests: every flow in the state is gone from
// Twilio. A flow of a closed subaccount is gone with it.
func testAccCheckStudioFlowDestroyed(t *testing.T, env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		ctx := context.Background()
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "twilio_studio_flow" {
				continue
			}
			accountSID := rs.Primary.Attributes["account_sid"]
			if accountSID != env.AccountSID {
				acct, err := env.Client(t).FindAccount(ctx, accountSID)
				if err != nil {
					return err
				}
				if *acct.Status == twilioclient.AccountStatusClosed {
					continue
				}
			}
			_, err := env.Client(t).FindFlow(ctx, accountSID, rs.Primary.Attributes["sid"])
			if err == nil {
				return fmt.Errorf("Studio flow %s still exists after destroy", rs.Primary.Attributes["sid"])
			}
			if !twilioclient.IsNotFound(err) {
				return err
			}
		}
		return nil
	}
}

// testAccStudioFlowWebhookOf compares a webhook_url with the flow SID it must end in.
func testAccStudioFlowWebhookOf(accountSID string) testAccStudioFlowWebhookCompare {
	return testAccStudioFlowWebhookCompare{accountSID: accountSID}
}

type testAccStudioFlowWebhookCompare struct{ accountSID string }

func (c testAccStudioFlowWebhookCompare) CompareValues(values ...any) error {
	url, _ := values[0].(string)
	sid, _ := values[1].(string)
	if want := twilioclient.FlowWebhookURL(c.accountSID, sid); url != want {
		return fmt.Errorf("webhook_url is %q, want %q", url, want)
	}
	return nil
}
