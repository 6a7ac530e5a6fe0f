package provider

import (
	"context"
	"fmt"
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

// Flows in subaccounts, managed with the main account's credentials.

// One provider block with the parent's credentials manages flows in three subaccounts made by for_each:
// the provider fetches each subaccount's auth token and acts as the subaccount for Studio.
func TestAccStudioFlow_subaccounts(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	config := env.Config(`
locals {
  tenants = toset(["alpha", "bravo", "charlie"])
}

resource "twilio_subaccount" "tenant" {
  for_each      = local.tenants
  friendly_name = "tenant-${each.key}"
}

resource "twilio_studio_flow" "reception" {
  for_each      = twilio_subaccount.tenant
  account_sid   = each.value.sid
  friendly_name = "reception-${each.key}"
  status        = "published"
  definition = jsonencode({
    description   = "reception of ${each.key}"
    initial_state = "Trigger"
    flags         = { allow_concurrent_calls = true }
    states = [{
      name        = "Trigger"
      type        = "trigger"
      transitions = []
      properties  = { offset = { x = 0, y = 0 } }
    }]
  })
}
`)
	// NOTE: plugin-testing's legacy state (Check, CheckDestroy, import steps and its own final destroy)
	// cannot address for_each instances. So this test checks through state checks and the emulator's
	// state, and destroys by removing the resources from the configuration in its last step.
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					testAccStudioFlowEmulatorCheck(testAccCheckStudioFlowsInOwnSubaccounts(env, "alpha", "bravo", "charlie")),
					statecheck.ExpectKnownValue(`twilio_studio_flow.reception["alpha"]`, tfjsonpath.New("status"), knownvalue.StringExact("published")),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config: env.Config(),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(`twilio_studio_flow.reception["charlie"]`, plancheck.ResourceActionDestroy),
				}},
				ConfigStateChecks: []statecheck.StateCheck{testAccStudioFlowEmulatorCheck(func() error {
					snap := env.Emulator.Snapshot()
					if len(snap.Flows) != 0 {
						return fmt.Errorf("%d flows left after destroy", len(snap.Flows))
					}
					for _, a := range snap.Accounts {
						if a.Sid != env.AccountSID && a.Status != twilioclient.AccountStatusClosed {
							return fmt.Errorf("subaccount %s (%s) is %s after destroy, want closed", a.Sid, a.FriendlyName, a.Status)
						}
					}
					return nil
				})},
			},
		},
	})
}

// A Console-made flow of a subaccount is imported by AC…/FW… with the parent's credentials.
func TestAccStudioFlow_importSubaccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sub, err := env.Client(t).CreateSubaccount(context.Background(), "tenant")
	if err != nil {
		t.Fatal(err)
	}
	sid := testAccStudioFlowCreateInConsole(t, env, *sub.Sid, "made in the console")
	config := env.Config(testAccStudioFlowConfig("made in the console", "published", testAccStudioFlowHeredoc("console"),
		fmt.Sprintf("account_sid = %q", *sub.Sid)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config:          config,
				ResourceName:    testAccStudioFlowAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   *sub.Sid + "/" + sid,
			},
			{
				Config:        config,
				ResourceName:  testAccStudioFlowAddr,
				ImportState:   true,
				ImportStateId: sid,
				// Without the account, the provider's account and then its subaccounts are searched.
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["account_sid"] != *sub.Sid {
						return fmt.Errorf("a bare FW… import must find the flow in subaccount %s, got %+v", *sub.Sid, states)
					}
					return nil
				},
			},
		},
	})
}

// A suspended subaccount refuses its own credentials, which Studio needs: its flows are not refreshed, the
// state keeps them (with a warning naming the cause) and the plan still succeeds, so the apply that
// reactivates the tenant is not blocked.
func TestAccStudioFlow_subaccountSuspended(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	sub, err := env.Client(t).CreateSubaccount(ctx, "tenant")
	if err != nil {
		t.Fatal(err)
	}
	setStatus := func(status string) func() {
		return func() {
			if _, err := env.Client(t).UpdateAccount(ctx, *sub.Sid, &twilioclient.UpdateAccountParams{Status: &status}); err != nil {
				t.Fatal(err)
			}
		}
	}
	config := env.Config(testAccStudioFlowConfig("reception", "published", testAccStudioFlowDefinition("v1"),
		fmt.Sprintf("account_sid = %q", *sub.Sid)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: setStatus(twilioclient.AccountStatusSuspended),
				Config:    config,
				PlanOnly:  true,
			},
			{
				PreConfig:        setStatus(twilioclient.AccountStatusActive),
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// Closing a subaccount deletes its flows: the flow leaves the state instead of failing every plan.
func TestAccStudioFlow_subaccountClosed(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	sub, err := env.Client(t).CreateSubaccount(ctx, "tenant")
	if err != nil {
		t.Fatal(err)
	}
	config := env.Config(testAccStudioFlowConfig("reception", "published", testAccStudioFlowDefinition("v1"),
		fmt.Sprintf("account_sid = %q", *sub.Sid)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					closed := twilioclient.AccountStatusClosed
					_, err := env.Client(t).UpdateAccount(ctx, *sub.Sid, &twilioclient.UpdateAccountParams{Status: &closed})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           env.Config(),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A main account's API key cannot act in a subaccount; the error says what to configure instead.
func TestAccStudioFlow_subaccountWithAPIKey(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	sub, err := env.Client(t).CreateSubaccount(ctx, "tenant")
	if err != nil {
		t.Fatal(err)
	}
	key, err := env.Client(t).CreateKey(ctx, env.AccountSID, "main key")
	if err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "twilio" {
  base_url       = %q
  account_sid    = %q
  api_key_sid    = %q
  api_key_secret = %q
}
`, env.URL, env.AccountSID, key.SID, key.Secret) + testAccStudioFlowConfig("reception", "published",
				testAccStudioFlowDefinition("v1"), fmt.Sprintf("account_sid = %q", *sub.Sid)),
			ExpectError: acctest.ErrorRegexp("An API key cannot manage another account's resources"),
		}},
	})
}

// testAccCheckStudioFlowsInOwnSubaccounts proves from the emulator's state that each tenant's flow lives in
// that tenant's subaccount, and none in the main account.
func testAccCheckStudioFlowsInOwnSubaccounts(env *acctest.Env, tenants ...string) func() error {
	return func() error {
		snap := env.Emulator.Snapshot()
		accountOf := map[string]string{} // friendly name -> SID
		for _, a := range snap.Accounts {
			accountOf[a.FriendlyName] = a.Sid
		}
		if len(snap.Flows) != len(tenants) {
			return fmt.Errorf("%d flows in Twilio, want %d", len(snap.Flows), len(tenants))
		}
		flowsIn := map[string]string{} // account SID -> flow name
		for _, f := range snap.Flows {
			flowsIn[f.AccountSid] = f.FriendlyName
		}
		for _, tenant := range tenants {
			sub := accountOf["tenant-"+tenant]
			if sub == "" || sub == env.AccountSID {
				return fmt.Errorf("no subaccount for tenant %s", tenant)
			}
			if got := flowsIn[sub]; got != "reception-"+tenant {
				return fmt.Errorf("subaccount %s of tenant %s holds flow %q, want reception-%s", sub, tenant, got, tenant)
			}
		}
		if name, ok := flowsIn[env.AccountSID]; ok {
			return fmt.Errorf("flow %q was created in the main account", name)
		}
		return nil
	}
}

// testAccStudioFlowEmulatorCheck runs a check of the emulator's state as a state check.
func testAccStudioFlowEmulatorCheck(check func() error) statecheck.StateCheck {
	return testAccStudioFlowFuncCheck(check)
}

type testAccStudioFlowFuncCheck func() error

func (f testAccStudioFlowFuncCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}

// Flows cannot move between accounts: a new account_sid replaces the flow, which then lives in the
// subaccount with a new SID.
func TestAccStudioFlow_changeAccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sub, err := env.Client(t).CreateSubaccount(context.Background(), "tenant")
	if err != nil {
		t.Fatal(err)
	}
	def := testAccStudioFlowDefinition("v1")
	var before string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckStudioFlowDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccStudioFlowConfig("reception", "published", def, "")),
				Check:  testAccCaptureAttr(testAccStudioFlowAddr, "sid", &before),
			},
			{
				Config: env.Config(testAccStudioFlowConfig("reception", "published", def, fmt.Sprintf("account_sid = %q", *sub.Sid))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccStudioFlowAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectUnknownValue(testAccStudioFlowAddr, tfjsonpath.New("webhook_url")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New("account_sid"), knownvalue.StringExact(*sub.Sid)),
					statecheck.ExpectKnownValue(testAccStudioFlowAddr, tfjsonpath.New("revision"), knownvalue.Int64Exact(1)),
					statecheck.CompareValuePairs(testAccStudioFlowAddr, tfjsonpath.New("webhook_url"),
						testAccStudioFlowAddr, tfjsonpath.New("sid"), testAccStudioFlowWebhookOf(*sub.Sid)),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckStudioFlowInTwilio(t, env, testAccStudioFlowAddr, "reception", "published", "v1", ""),
					func(*terraform.State) error {
						if _, err := env.Client(t).FindFlow(context.Background(), env.AccountSID, before); !twilioclient.IsNotFound(err) {
							return fmt.Errorf("the old flow %s is still in the main account (err %v)", before, err)
						}
						return nil
					},
				),
			},
		},
	})
}
