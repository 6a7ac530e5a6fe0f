package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Actions run from a lifecycle action_trigger: plugin-testing has no -invoke, and a trigger is also how a
// configuration wires the circuit breaker to a resource. Changing the trigger's input runs the action again.
func testAccActionTrigger(actionType, name, input, config string) string {
	return fmt.Sprintf(`
resource "terraform_data" "trigger_%[2]s" {
  input = %[3]q
  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.%[1]s.%[2]s]
    }
  }
}

action %[1]q %[2]q {
  config {
%[4]s
  }
}
`, actionType, name, input, config)
}

func testAccStatusAction(name, input, accountSID, status string) string {
	return testAccActionTrigger("twilio_subaccount_status", name, input,
		fmt.Sprintf("    account_sid = %q\n    status      = %q", accountSID, status))
}

// testAccSubaccountOutside makes a subaccount as a Console user would, so no twilio_subaccount resource
// manages its status.
func testAccSubaccountOutside(t *testing.T, env *acctest.Env, name string) string {
	t.Helper()
	acct, err := env.Client(t).CreateSubaccount(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return *acct.Sid
}

func testAccCheckAccountStatus(t *testing.T, env *acctest.Env, sid, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		acct, err := env.Client(t).FindAccount(context.Background(), sid)
		if err != nil {
			return err
		}
		if got := *acct.Status; got != want {
			return fmt.Errorf("account %s is %s, want %s", sid, got, want)
		}
		return nil
	}
}

func TestAccSubaccountStatusAction_suspendReactivate(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sub := testAccSubaccountOutside(t, env, "tenant-breaker")
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Actions),
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccStatusAction("breaker", "fired-1", sub, "suspended")),
				Check:  testAccCheckAccountStatus(t, env, sub, twilioclient.AccountStatusSuspended),
			},
			{
				// Idempotent: suspending a suspended subaccount sends no update and succeeds.
				Config: env.Config(testAccStatusAction("breaker", "fired-2", sub, "suspended")),
				Check: resource.ComposeTestCheckFunc(
					testAccCheckAccountStatus(t, env, sub, twilioclient.AccountStatusSuspended),
					func(*terraform.State) error {
						if n := len(env.Requests("POST", "/Accounts/"+sub)); n != 1 {
							return fmt.Errorf("%d status updates of %s, want only the first suspend", n, sub)
						}
						return nil
					},
				),
			},
			{
				Config: env.Config(testAccStatusAction("breaker", "cleared", sub, "active")),
				Check:  testAccCheckAccountStatus(t, env, sub, twilioclient.AccountStatusActive),
			},
		},
	})
}

// TestAccSubaccountStatusAction_refusals: the main account is refused at plan, a closed subaccount at
// apply; neither changes anything.
func TestAccSubaccountStatusAction_refusals(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	closed := testAccSubaccountOutside(t, env, "tenant-gone")
	if _, err := env.Client(t).UpdateAccount(context.Background(), closed,
		(&twilioclient.UpdateAccountParams{}).SetStatus(twilioclient.AccountStatusClosed)); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Actions),
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.Config(testAccStatusAction("main", "x", env.AccountSID, "suspended")),
				ExpectError: regexp.MustCompile(`Cannot change the status of the main account`),
			},
			{
				Config:      env.Config(testAccStatusAction("closed", "x", closed, "active")),
				ExpectError: regexp.MustCompile(`(?s)The subaccount is closed.*Nothing\s+was\s+changed`),
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if err := testAccCheckAccountStatus(t, env, env.AccountSID, twilioclient.AccountStatusActive)(nil); err != nil {
				return err
			}
			return testAccCheckAccountStatus(t, env, closed, twilioclient.AccountStatusClosed)(nil)
		},
	})
	if n := len(env.Requests("POST", "/Accounts/")); n != 1 {
		t.Errorf("the refusals changed an account: %d account updates, want only the test's own close", n)
	}
}
