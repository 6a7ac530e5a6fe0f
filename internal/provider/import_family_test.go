package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// A tenant's app, flow, key and number import by their bare SID (or E.164 form): the provider finds the
// subaccount that owns them, as it does for numbers by PN…. What exists nowhere fails with an error that
// shows the AC…/XX… form.
func TestAccImport_bareSIDFoundInSubaccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	c := env.Client(t)
	sub, err := c.CreateSubaccount(ctx, "tenant")
	if err != nil {
		t.Fatal(err)
	}
	acct := *sub.Sid
	app, err := c.CreateApplication(ctx, acct, &twilioclient.CreateApplicationParams{FriendlyName: ptrTo("tenant voice")})
	if err != nil {
		t.Fatal(err)
	}
	flowParams := &twilioclient.CreateFlowParams{}
	flowParams.SetFriendlyName("reception")
	flowParams.SetStatus("draft")
	flowParams.SetDefinition(json.RawMessage(testAccStudioFlowDefinitionJSON("v1")))
	flow, err := c.CreateFlow(ctx, acct, flowParams)
	if err != nil {
		t.Fatal(err)
	}
	key, err := c.CreateKey(ctx, acct, "tenant backend")
	if err != nil {
		t.Fatal(err)
	}
	numberParams := &twilioclient.CreateIncomingNumberParams{}
	numberParams.SetPhoneNumber("+14155550174")
	if _, err := c.CreateIncomingNumber(ctx, acct, numberParams); err != nil {
		t.Fatal(err)
	}

	config := env.Config(fmt.Sprintf(`
resource "twilio_twiml_app" "test" {
  account_sid   = %[1]q
  friendly_name = "tenant voice"
}

resource "twilio_studio_flow" "test" {
  account_sid   = %[1]q
  friendly_name = "reception"
  definition    = %[2]s
}

resource "twilio_api_key" "test" {
  account_sid   = %[1]q
  friendly_name = "tenant backend"
}

resource "twilio_incoming_number" "test" {
  account_sid  = %[1]q
  phone_number = "+14155550174"
}
`, acct, testAccStudioFlowDefinition("v1")))
	step := func(addr, id string) resource.TestStep {
		return resource.TestStep{
			Config: config, ResourceName: addr, ImportState: true, ImportStateId: id,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				if len(states) != 1 || states[0].Attributes["account_sid"] != acct {
					return fmt.Errorf("%s imported by %s: want account_sid %s, got %+v", addr, id, acct, states)
				}
				return nil
			},
		}
	}
	missing := "AP" + strings.Repeat("f", 32)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			step("twilio_twiml_app.test", *app.Sid),
			step("twilio_studio_flow.test", *flow.Sid),
			step("twilio_api_key.test", key.SID),
			step("twilio_incoming_number.test", "+14155550174"),
			{
				Config: config, ResourceName: "twilio_twiml_app.test", ImportState: true, ImportStateId: missing,
				ExpectError: errorInOrder("There is no TwiML application "+missing+" in account", "or in any of its open subaccounts",
					"import it as AC…/"+missing),
			},
		},
	})
}

// A well-formed but mistyped account_sid fails the plan by name, before anything is created.
func TestAccAccountSID_noSuchAccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	typo := "AC" + strings.Repeat("0", 31) + "1"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "twilio_twiml_app" "test" {
  account_sid   = %q
  friendly_name = "tenant voice"
}
`, typo)),
			PlanOnly:    true,
			ExpectError: errorInOrder("No such Twilio account", typo+" is no account under your main account"),
		}},
	})
	if reqs := env.Requests("POST", ""); len(reqs) != 0 {
		t.Errorf("the plan must create nothing, saw %d POSTs", len(reqs))
	}
}
