package provider

import (
	"context"
	"fmt"
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
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

const testAccSubaccountAddr = "twilio_subaccount.test"

func TestAccSubaccount_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccSubaccountConfig_basic("tenant-a")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("friendly_name"), knownvalue.StringExact("tenant-a")),
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("sid"), knownvalue.StringRegexp(sidRegexp("AC"))),
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("owner_account_sid"), knownvalue.StringExact(env.AccountSID)),
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("auth_token"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-zA-Z]{32}$`))),
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("skip_destroy"), knownvalue.Bool(false)),
				},
			},
			{
				Config:           env.Config(testAccSubaccountConfig_basic("tenant-a")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			testAccImportStep(testAccSubaccountAddr, "timeouts"),
		},
	})
}

func TestAccSubaccount_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccSubaccountConfig_basic("tenant-a"))},
			{
				Config: env.Config(testAccSubaccountConfig_status("tenant-b", "suspended")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccSubaccountAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("friendly_name"), knownvalue.StringExact("tenant-b")),
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("status"), knownvalue.StringExact("suspended")),
				},
				Check: testAccCheckAccountInTwilio(t, env, "tenant-b", "suspended"),
			},
			testAccImportStep(testAccSubaccountAddr, "timeouts"),
		},
	})
}

// Removing status from the configuration means the default, active: the subaccount is reactivated.
func TestAccSubaccount_clear(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccSubaccountConfig_status("tenant-a", "suspended")),
				Check:  testAccCheckAccountInTwilio(t, env, "tenant-a", "suspended"),
			},
			{
				Config: env.Config(testAccSubaccountConfig_basic("tenant-a")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccSubaccountAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccSubaccountAddr, "status"),
				}},
				Check: testAccCheckAccountInTwilio(t, env, "tenant-a", "active"),
			},
		},
	})
}

func TestAccSubaccount_import(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	acct, err := env.Client(t).CreateSubaccount(context.Background(), "made in the console")
	if err != nil {
		t.Fatal(err)
	}
	sid := *acct.Sid
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: []resource.TestStep{
			{
				Config:          env.Config(testAccSubaccountConfig_basic("made in the console")),
				ResourceName:    testAccSubaccountAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   sid,
			},
			{
				Config:        env.Config(testAccSubaccountConfig_basic("made in the console")),
				ResourceName:  testAccSubaccountAddr,
				ImportState:   true,
				ImportStateId: sid,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["sid"] != sid || states[0].Attributes["auth_token"] == "" {
						return fmt.Errorf("expected subaccount %s with its auth token, got %+v", sid, states)
					}
					return nil
				},
			},
			{
				Config:        env.Config(testAccSubaccountConfig_basic("made in the console")),
				ResourceName:  testAccSubaccountAddr,
				ImportState:   true,
				ImportStateId: "PN" + strings.Repeat("0", 32),
				ExpectError:   acctest.ErrorRegexp("Import a subaccount by its SID"),
			},
		},
	})
}

// Closing the subaccount in the Console removes it from state; the next plan creates a new one.
func TestAccSubaccount_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: testAccDisappearsSteps(env.Config(testAccSubaccountConfig_basic("tenant-a")), testAccSubaccountAddr, func(_, sid string) error {
			_, err := env.Client(t).UpdateAccount(context.Background(), sid, &twilioclient.UpdateAccountParams{Status: ptrTo("closed")})
			return err
		}),
	})
}

// A Console edit shows up in the plan as exactly that attribute; applying restores the configuration.
func TestAccSubaccount_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid string
	edit := func(p twilioclient.UpdateAccountParams) func() {
		return func() {
			if _, err := env.Client(t).UpdateAccount(context.Background(), sid, &p); err != nil {
				t.Fatal(err)
			}
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccSubaccountConfig_basic("tenant-a")),
				Check:  testAccCaptureAttr(testAccSubaccountAddr, "sid", &sid),
			},
			{
				PreConfig: edit(twilioclient.UpdateAccountParams{FriendlyName: ptrTo("renamed in console")}),
				Config:    env.Config(testAccSubaccountConfig_basic("tenant-a")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccSubaccountAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccSubaccountAddr, "friendly_name"),
				}},
				Check: testAccCheckAccountInTwilio(t, env, "tenant-a", "active"),
			},
			{
				PreConfig: edit(twilioclient.UpdateAccountParams{Status: ptrTo("suspended")}),
				Config:    env.Config(testAccSubaccountConfig_basic("tenant-a")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccSubaccountAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccSubaccountAddr, "status"),
				}},
				Check: testAccCheckAccountInTwilio(t, env, "tenant-a", "active"),
			},
		},
	})
}

// skip_destroy leaves the subaccount open: closing is irreversible, so some teams never let Terraform do it.
func TestAccSubaccount_skipDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(*terraform.State) error {
			acct, err := env.Client(t).FindAccount(context.Background(), sid)
			if err != nil {
				return err
			}
			if *acct.Status != "active" {
				return fmt.Errorf("skip_destroy: subaccount %s should still be active, is %s", sid, *acct.Status)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "twilio_subaccount" "test" {
  friendly_name = "kept"
  skip_destroy  = true
}
`),
			Check: testAccCaptureAttr(testAccSubaccountAddr, "sid", &sid),
		}},
	})
}

func TestAccSubaccount_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cases := map[string]struct{ config, want string }{
		"name too long":  {testAccSubaccountConfig_basic(strings.Repeat("x", 65)), `Attribute friendly_name UTF-8 character count must be between 1 and 64`},
		"empty name":     {testAccSubaccountConfig_basic(""), `Attribute friendly_name UTF-8 character count must be between 1 and 64`},
		"closed status":  {testAccSubaccountConfig_status("t", "closed"), `Attribute status value must be one of`},
		"unknown status": {testAccSubaccountConfig_status("t", "paused"), `Attribute status value must be one of`},
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

func testAccSubaccountConfig_basic(name string) string {
	return fmt.Sprintf(`
resource "twilio_subaccount" "test" {
  friendly_name = %q
}
`, name)
}

func testAccSubaccountConfig_status(name, status string) string {
	return fmt.Sprintf(`
resource "twilio_subaccount" "test" {
  friendly_name = %q
  status        = %q
}
`, name, status)
}

// testAccCheckSubaccountClosed is the CheckDestroy of subaccount tests: every subaccount the test made
// is closed in Twilio, unless it was meant to stay.
func testAccCheckSubaccountClosed(t *testing.T, env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "twilio_subaccount" || rs.Primary.Attributes["skip_destroy"] == "true" {
				continue
			}
			acct, err := env.Client(t).FindAccount(context.Background(), rs.Primary.Attributes["sid"])
			if err != nil {
				if twilioclient.IsNotFound(err) {
					continue
				}
				return err
			}
			if *acct.Status != twilioclient.AccountStatusClosed {
				return fmt.Errorf("subaccount %s is %s after destroy, want closed", *acct.Sid, *acct.Status)
			}
		}
		return nil
	}
}

func testAccCheckAccountInTwilio(t *testing.T, env *acctest.Env, name, status string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[testAccSubaccountAddr]
		if !ok {
			return fmt.Errorf("%s not in state", testAccSubaccountAddr)
		}
		acct, err := env.Client(t).FindAccount(context.Background(), rs.Primary.Attributes["sid"])
		if err != nil {
			return err
		}
		if *acct.FriendlyName != name || *acct.Status != status {
			return fmt.Errorf("Twilio has %q/%s, want %q/%s", *acct.FriendlyName, *acct.Status, name, status)
		}
		return nil
	}
}

// When suspending a new subaccount fails, the subaccount is kept, not tainted: a tainted subaccount would
// be closed (irreversibly) by the next apply. The refresh after the apply finds it active, so the next
// plan suspends it, in place.
func TestAccSubaccount_suspendAfterCreateFails(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	var sid string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: `^/2010-04-01/Accounts/AC[0-9a-f]{32}\.json$`, Kind: emulator.FaultInternal})
				},
				Config: env.Config(testAccSubaccountConfig_status("tenant-a", "suspended")),
				Check: resource.ComposeTestCheckFunc(
					testAccCaptureAttr(testAccSubaccountAddr, "sid", &sid),
					testAccCheckAccountInTwilio(t, env, "tenant-a", "active"),
				),
				ExpectNonEmptyPlan: true,
			},
			{
				PreConfig: env.Emulator.ClearFaults,
				Config:    env.Config(testAccSubaccountConfig_status("tenant-a", "suspended")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccSubaccountAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckAccountInTwilio(t, env, "tenant-a", "suspended"),
					resource.TestCheckResourceAttrPtr(testAccSubaccountAddr, "sid", &sid),
				),
			},
		},
	})
}
