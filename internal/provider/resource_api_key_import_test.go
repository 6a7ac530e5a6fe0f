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
)

// Replacing a key is how it is rotated: -replace (taint) or a move to another account gives a new SID and
// secret, and the old key stops working.
func TestAccAPIKey_rotation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sids := statecheck.CompareValue(compare.ValuesDiffer())
	secrets := statecheck.CompareValue(compare.ValuesDiffer())
	var oldSID, oldSecret, oldAccount string
	capture := resource.ComposeTestCheckFunc(
		testAccCaptureAttr(testAccAPIKeyAddr, "sid", &oldSID),
		testAccCaptureAttr(testAccAPIKeyAddr, "secret", &oldSecret),
		testAccCaptureAttr(testAccAPIKeyAddr, "account_sid", &oldAccount),
	)
	revoked := func(s *terraform.State) error {
		if err := testAccCheckAPIKeyGone(t, env, oldAccount, oldSID); err != nil {
			return err
		}
		return testAccAPIKeyAuthenticates(env, oldAccount, oldSID, oldSecret, false)
	}
	tracked := func(checks ...statecheck.StateCheck) []statecheck.StateCheck {
		return append(checks, sids.AddStateValue(testAccAPIKeyAddr, tfjsonpath.New("sid")),
			secrets.AddStateValue(testAccAPIKeyAddr, tfjsonpath.New("secret")))
	}
	replace := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(testAccAPIKeyAddr, plancheck.ResourceActionReplace),
	}}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: resource.ComposeTestCheckFunc(testAccCheckAPIKeyRevoked(t, env),
			testAccCheckSubaccountClosed(t, env)),
		Steps: []resource.TestStep{
			{
				Config:            env.Config(testAccAPIKeyConfig_subaccount(true)),
				ConfigStateChecks: tracked(),
				Check:             capture,
			},
			{
				Taint:             []string{testAccAPIKeyAddr},
				Config:            env.Config(testAccAPIKeyConfig_subaccount(true)),
				ConfigPlanChecks:  replace,
				ConfigStateChecks: tracked(),
				Check:             resource.ComposeTestCheckFunc(revoked, capture),
			},
			{
				// Moving the key to the provider's account replaces it too.
				Config:           env.Config(testAccAPIKeyConfig_subaccount(false)),
				ConfigPlanChecks: replace,
				ConfigStateChecks: tracked(
					statecheck.ExpectKnownValue(testAccAPIKeyAddr, tfjsonpath.New("account_sid"), knownvalue.StringExact(env.AccountSID)),
				),
				Check: resource.ComposeTestCheckFunc(revoked, capture),
			},
			{
				Config:           env.Config(testAccAPIKeyConfig_subaccount(true)),
				ConfigPlanChecks: replace,
				ConfigStateChecks: tracked(
					statecheck.CompareValuePairs(testAccAPIKeyAddr, tfjsonpath.New("account_sid"),
						"twilio_subaccount.t", tfjsonpath.New("sid"), compare.ValuesSame()),
				),
				Check: resource.ComposeTestCheckFunc(revoked, testAccCheckAPIKeyAuthenticates(env, testAccAPIKeyAddr, true)),
			},
		},
	})
}

func TestAccAPIKey_import(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	client := env.Client(t)
	standard, err := client.CreateKey(ctx, env.AccountSID, "made in the console")
	if err != nil {
		t.Fatal(err)
	}
	restricted, err := client.CreateRestrictedKey(ctx, env.AccountSID, "reader", testAccAPIKeyPolicyRead)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := client.CreateSubaccount(ctx, "tenant")
	if err != nil {
		t.Fatal(err)
	}
	subKey, err := client.CreateKey(ctx, *sub.Sid, "tenant key")
	if err != nil {
		t.Fatal(err)
	}
	importStep := func(config, id string) resource.TestStep {
		return resource.TestStep{Config: env.Config(config), ResourceName: testAccAPIKeyAddr, ImportState: true, ImportStateId: id}
	}
	expect := func(want map[string]string) resource.ImportStateCheckFunc {
		return func(states []*terraform.InstanceState) error {
			if len(states) != 1 {
				return fmt.Errorf("expected one imported key, got %d", len(states))
			}
			for attr, v := range want {
				if got := states[0].Attributes[attr]; got != v {
					return fmt.Errorf("imported %s = %q, want %q", attr, got, v)
				}
			}
			return nil
		}
	}
	badID := func(id string) resource.TestStep {
		s := importStep(testAccAPIKeyConfig_basic("made in the console"), id)
		s.ExpectError = acctest.ErrorRegexp("Invalid import ID")
		return s
	}

	blockStandard := importStep(testAccAPIKeyConfig_basic("made in the console"), standard.SID)
	blockStandard.ImportStateKind = resource.ImportBlockWithID
	blockRestricted := importStep(testAccAPIKeyConfig_restricted("reader", "jsonencode("+testAccAPIKeyPolicyRead+")"), restricted.SID)
	blockRestricted.ImportStateKind = resource.ImportBlockWithID

	byAccount := importStep(testAccAPIKeyConfig_basic("made in the console"), env.AccountSID+"/"+standard.SID)
	// NOTE: the secret cannot be imported; Twilio never returns it again.
	byAccount.ImportStateCheck = expect(map[string]string{"sid": standard.SID, "account_sid": env.AccountSID,
		"key_type": "standard", "friendly_name": "made in the console", "secret": ""})
	restrictedCmd := importStep(testAccAPIKeyConfig_restricted("reader", "jsonencode("+testAccAPIKeyPolicyRead+")"), restricted.SID)
	restrictedCmd.ImportStateCheck = expect(map[string]string{"key_type": "restricted", "policy": testAccAPIKeyPolicyRead, "secret": ""})
	inSubaccount := importStep(fmt.Sprintf(`
resource "twilio_api_key" "test" {
  account_sid   = %q
  friendly_name = "tenant key"
}
`, *sub.Sid), *sub.Sid+"/"+subKey.SID)
	inSubaccount.ImportStateKind = resource.ImportBlockWithID

	// NOTE: an import block step needs the state of a step before it, or none at all; each case is its own
	// test so that every import block comes first.
	cases := map[string][]resource.TestStep{
		"standard":    {blockStandard, byAccount},
		"restricted":  {blockRestricted, restrictedCmd},
		"subaccount":  {inSubaccount},
		"invalid IDs": {badID("PN" + strings.Repeat("0", 32)), badID(env.AccountSID + "/AP" + strings.Repeat("0", 32)), badID("garbage")},
	}
	for name, steps := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				CheckDestroy:             testAccCheckAPIKeyRevoked(t, env),
				Steps:                    steps,
			})
		})
	}
}
