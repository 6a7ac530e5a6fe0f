package provider

import (
	"context"
	"fmt"
	"regexp"
	"sort"
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

const testAccDialingAddr = "twilio_dialing_permissions.test"

func testAccDialingConfig(accountSID, body string) string {
	return fmt.Sprintf(`
resource "twilio_dialing_permissions" "test" {
  account_sid = %q
%s
}
`, accountSID, body)
}

// testAccDialingOf reads a subaccount's permissions with its own credentials, as Twilio shows them.
func testAccDialingOf(t *testing.T, env *acctest.Env, sid string) (inherit bool, open string) {
	t.Helper()
	sub, err := env.Client(t).ForAccount(context.Background(), sid)
	if err != nil {
		t.Fatal(err)
	}
	if inherit, err = sub.FindDialingInheritance(context.Background()); err != nil {
		t.Fatal(err)
	}
	list, err := sub.ListEnabledDialingCountries(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range list {
		s := p.IsoCode + ":"
		for _, on := range []bool{p.LowRisk, p.HighRiskSpecial, p.HighRiskTollfraud} {
			s += map[bool]string{true: "1", false: "0"}[on]
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return inherit, strings.Join(out, ",")
}

func testAccCheckDialing(t *testing.T, env *acctest.Env, sid string, wantInherit bool, wantOpen string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		inherit, open := testAccDialingOf(t, env, sid)
		if inherit != wantInherit || (!inherit && open != wantOpen) {
			return fmt.Errorf("subaccount %s: inherit %v, open %q; want inherit %v, open %q", sid, inherit, open, wantInherit, wantOpen)
		}
		return nil
	}
}

// TestAccDialingPermissions_basic: exactly the listed countries are open (with inheritance off); a destroy
// puts back inheritance, which the subaccount had, and closes what it opened.
func TestAccDialingPermissions_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sub := testAccSubaccountOutside(t, env, "tenant-dial")
	config := env.Config(testAccDialingConfig(sub, `  low_risk_countries          = ["US", "GB"]
  high_risk_special_countries = ["GB"]`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		// Inheritance is back, and the countries this resource opened are not kept under the subaccount for
		// the day someone turns inheritance off.
		CheckDestroy: resource.ComposeTestCheckFunc(testAccCheckDialing(t, env, sub, true, ""), func(s *terraform.State) error {
			c, err := env.Client(t).ForAccount(context.Background(), sub)
			if err == nil {
				err = c.SetDialingInheritance(context.Background(), false)
			}
			if err != nil {
				return err
			}
			return testAccCheckDialing(t, env, sub, false, "")(s)
		}),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  testAccCheckDialing(t, env, sub, false, "GB:110,US:100"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccDialingAddr, tfjsonpath.New("inherit"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(testAccDialingAddr, tfjsonpath.New("high_risk_tollfraud_countries"), knownvalue.SetSizeExact(0)),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				ResourceName: testAccDialingAddr, ImportState: true, ImportStateVerify: true, ImportStateId: sub,
				ImportStateVerifyIdentifierAttribute: "account_sid", ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				Config: env.Config(testAccDialingConfig(sub, `  low_risk_countries = ["CA"]`)),
				Check:  testAccCheckDialing(t, env, sub, false, "CA:100"),
			},
		},
	})
}

// TestAccDialingPermissions_drift: a country opened in the Console is planned as drift of exactly the
// country lists, and the apply closes it again.
func TestAccDialingPermissions_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sub := testAccSubaccountOutside(t, env, "tenant-drift")
	config := env.Config(testAccDialingConfig(sub, `  low_risk_countries = ["US"]`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config, Check: testAccCheckDialing(t, env, sub, false, "US:100")},
			{
				PreConfig: func() {
					c, err := env.Client(t).ForAccount(context.Background(), sub)
					if err != nil {
						t.Fatal(err)
					}
					if err := c.UpdateDialingCountries(context.Background(), []twilioclient.DialingPermission{
						{IsoCode: "SO", LowRisk: true, HighRiskTollfraud: true}}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectChangedAttributes(testAccDialingAddr, "low_risk_countries", "high_risk_tollfraud_countries")}},
				Check: testAccCheckDialing(t, env, sub, false, "US:100"),
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// TestAccDialingPermissions_restoresFound: a subaccount with its own countries (inheritance off) gets them
// back on destroy, and inherit = true is a plain setting.
func TestAccDialingPermissions_restoresFound(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sub := testAccSubaccountOpenToMX(t, env, "tenant-own")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckDialing(t, env, sub, false, "MX:100"),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccDialingConfig(sub, `  inherit = true`)), Check: testAccCheckDialing(t, env, sub, true, "")},
			{Config: env.Config(testAccDialingConfig(sub, `  low_risk_countries = ["BR"]`)), Check: testAccCheckDialing(t, env, sub, false, "BR:100")},
		},
	})
}

// TestAccDialingPermissions_subaccountClosed: closing the subaccount removes the resource from the state.
func TestAccDialingPermissions_subaccountClosed(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sub := testAccSubaccountOutside(t, env, "tenant-closing")
	config := env.Config(testAccDialingConfig(sub, `  low_risk_countries = ["US"]`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config, Check: func(*terraform.State) error {
				_, err := env.Client(t).UpdateAccount(context.Background(), sub, (&twilioclient.UpdateAccountParams{}).SetStatus(twilioclient.AccountStatusClosed))
				return err
			}, ExpectNonEmptyPlan: true},
			{RefreshState: true, ExpectNonEmptyPlan: true, Check: testAccCheckGoneFromState(testAccDialingAddr)},
		},
	})
}

func TestAccDialingPermissions_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sub := testAccSubaccountOutside(t, env, "tenant-identity")
	config := env.Config(testAccDialingConfig(sub, `  low_risk_countries = ["US"]`))
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccDialingAddr, map[string]knownvalue.Check{"account_sid": knownvalue.StringExact(sub)}),
				},
			},
			{Config: config, ResourceName: testAccDialingAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}

// Refusals at plan time: an unknown or lower-case ISO code, countries with inherit = true, the main
// account; nothing reaches Twilio.
func TestAccDialingPermissions_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	other := "AC0123456789abcdef0123456789abcdef"
	var steps []resource.TestStep
	for _, tc := range []struct{ config, want string }{
		{testAccDialingConfig(other, `  low_risk_countries = ["UK"]`), `"UK"\s+is\s+not\s+an\s+ISO\s+3166-1`},
		{testAccDialingConfig(other, `  high_risk_tollfraud_countries = ["xx"]`), `"xx"\s+is\s+not\s+an\s+ISO`},
		{testAccDialingConfig(other, `  low_risk_countries = ["us"]`), `Country\s+code\s+not\s+in\s+upper\s+case`},
		{testAccDialingConfig(other, "  inherit = true\n  low_risk_countries = [\"US\"]"), `Countries\s+listed\s+with\s+inherit\s+=\s+true`},
		{testAccDialingConfig(env.AccountSID, `  low_risk_countries = ["US"]`), `Dialing\s+permissions\s+of\s+the\s+main\s+account`},
	} {
		steps = append(steps, resource.TestStep{Config: env.Config(tc.config), PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    steps,
		CheckDestroy:             func(*terraform.State) error { testAccCheckNoRequests(t, env); return nil },
	})
}

// A create whose bulk update fails after it turned inheritance off records no state, and with it would go
// what it found: it puts back what it found (inheritance, here), so the next apply starts from the
// tenant's own settings and a later destroy restores them.
func TestAccDialingPermissions_failedCreatePutsBack(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	sub := testAccSubaccountOutside(t, env, "tenant-failing")
	config := env.Config(testAccDialingConfig(sub, `  low_risk_countries = ["BR"]`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckDialing(t, env, sub, true, ""),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: `/v1/DialingPermissions/BulkCountryUpdates$`,
						Kind: emulator.FaultInternal, Times: 1})
				},
				Config:      config,
				ExpectError: regexp.MustCompile(`What\s+was\s+found\s+was\s+put\s+back`),
			},
			{
				PreConfig: func() {
					if err := testAccCheckDialing(t, env, sub, true, "")(nil); err != nil {
						t.Fatalf("after the failed create: %v", err)
					}
				},
				Config: config,
				Check:  testAccCheckDialing(t, env, sub, false, "BR:100"),
			},
		},
	})
}

// An import records what it finds as what a destroy puts back, as a create does: the tenant's own MX,
// imported and then changed to BR, is open again after the destroy (without the record, the destroy would
// fall back to inheritance).
func TestAccDialingPermissions_importRestoresFound(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sub := testAccSubaccountOpenToMX(t, env, "tenant-imported")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckDialing(t, env, sub, false, "MX:100"),
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", testAccDialingAddr, sub) +
				testAccDialingConfig(sub, `  low_risk_countries = ["BR"]`)),
			Check: testAccCheckDialing(t, env, sub, false, "BR:100"),
		}},
	})
}

// testAccSubaccountOpenToMX makes a subaccount outside Terraform with dialing permissions of its own, as a
// Console user would: inheritance off, Mexico open. What a destroy must put back.
func testAccSubaccountOpenToMX(t *testing.T, env *acctest.Env, name string) string {
	t.Helper()
	sub := testAccSubaccountOutside(t, env, name)
	c, err := env.Client(t).ForAccount(context.Background(), sub)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.SetDialingInheritance(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if err := c.UpdateDialingCountries(context.Background(), []twilioclient.DialingPermission{{IsoCode: "MX", LowRisk: true}}); err != nil {
		t.Fatal(err)
	}
	return sub
}
