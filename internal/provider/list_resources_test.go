package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// List resources and `terraform query` need Terraform 1.14; OpenTofu 1.12 has neither (these tests skip
// there: plugin-testing compares OpenTofu's own version, 1.12).
var testAccQueryVersions = acctest.Needs(acctest.ListResources)

// testAccConsoleTenant is one tenant made through the API only, as a Console user would.
type testAccConsoleTenant struct {
	Account, App, Key, Flow, Number string
}

// testAccConsoleFleet makes one tenant per name (a subaccount with an app, a key, a flow and a number
// +1<area>55501<i>, from the emulator's inventory) plus one TwiML app in the provider's account.
func testAccConsoleFleet(t *testing.T, env *acctest.Env, names []string, areas []string) []testAccConsoleTenant {
	t.Helper()
	ctx, c := context.Background(), env.Client(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	main := &twilioclient.CreateApplicationParams{}
	main.SetFriendlyName("main app")
	_, err := c.CreateApplication(ctx, env.AccountSID, main)
	must(err)
	var fleet []testAccConsoleTenant
	for i, name := range names {
		acct, err := c.CreateSubaccount(ctx, name)
		must(err)
		tn := testAccConsoleTenant{Account: *acct.Sid}
		app := &twilioclient.CreateApplicationParams{}
		app.SetFriendlyName("app " + name).SetVoiceUrl("https://example.com/" + name)
		a, err := c.CreateApplication(ctx, tn.Account, app)
		must(err)
		tn.App = *a.Sid
		k, err := c.CreateKey(ctx, tn.Account, "key "+name)
		must(err)
		tn.Key = k.SID
		flow := &twilioclient.CreateFlowParams{}
		flow.SetFriendlyName("flow " + name).SetStatus("published").SetDefinition(json.RawMessage(testAccStudioFlowDefinitionJSON(name)))
		f, err := c.CreateFlow(ctx, tn.Account, flow)
		must(err)
		tn.Flow = *f.Sid
		num := &twilioclient.CreateIncomingNumberParams{}
		num.SetPhoneNumber(fmt.Sprintf("+1%s55501%02d", areas[i%len(areas)], i)).SetFriendlyName("line " + name).SetVoiceApplicationSid(tn.App)
		n, err := c.CreateIncomingNumber(ctx, tn.Account, num)
		must(err)
		tn.Number = *n.Sid
		fleet = append(fleet, tn)
	}
	return fleet
}

// testAccListQuery is one list block of a .tfquery.hcl file.
func testAccListQuery(typ, name string, include bool, config string) string {
	return fmt.Sprintf(`
list %q %q {
  provider         = twilio
  include_resource = %t
  config {
    %s
  }
}
`, typ, name, include, config)
}

func identityOf(account, sid string) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{"account_sid": knownvalue.StringExact(account), "sid": knownvalue.StringExact(sid)}
}

// Every list resource finds what the Console made, by account, name and (numbers) phone number, and
// returns complete objects with include_resource.
func TestAccListResources_query(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	fleet := testAccConsoleFleet(t, env, []string{"acme-a", "acme-b", "other-c"}, []string{"415", "628"})
	a, b := fleet[0], fleet[2]
	_, err := env.Client(t).UpdateAccount(context.Background(), b.Account, &twilioclient.UpdateAccountParams{Status: ptrTo("suspended")})
	if err != nil {
		t.Fatal(err)
	}
	query := func(blocks ...string) string {
		out := ""
		for _, b := range blocks {
			out += b
		}
		return out
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccQueryVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: env.Config()},
			{
				Query: true,
				Config: query(
					testAccListQuery("twilio_subaccount", "all", false, ""),
					testAccListQuery("twilio_subaccount", "acme", true, `friendly_name_prefix = "acme-"`),
					testAccListQuery("twilio_subaccount", "suspended", false, `status = "suspended"`),
					testAccListQuery("twilio_subaccount", "exact", false, `friendly_name = "acme-a"`),
				),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("twilio_subaccount.all", 3),
					querycheck.ExpectLength("twilio_subaccount.acme", 2),
					querycheck.ExpectResourceKnownValues("twilio_subaccount.acme",
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"sid": knownvalue.StringExact(a.Account)}),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("friendly_name"), KnownValue: knownvalue.StringExact("acme-a")},
							{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("active")},
							{Path: tfjsonpath.New("auth_token"), KnownValue: knownvalue.Null()},
						}),
					querycheck.ExpectLength("twilio_subaccount.suspended", 1),
					querycheck.ExpectIdentity("twilio_subaccount.suspended", map[string]knownvalue.Check{"sid": knownvalue.StringExact(b.Account)}),
					querycheck.ExpectLength("twilio_subaccount.exact", 1),
					querycheck.ExpectResourceDisplayName("twilio_subaccount.exact",
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"sid": knownvalue.StringExact(a.Account)}),
						knownvalue.StringExact(fmt.Sprintf("acme-a (%s, active)", a.Account))),
				},
			},
			{
				Query: true,
				Config: query(
					testAccListQuery("twilio_twiml_app", "own", false, ""),
					testAccListQuery("twilio_twiml_app", "fleet", false, `all_subaccounts = true`),
					testAccListQuery("twilio_twiml_app", "one", true, fmt.Sprintf(`account_sid = %q`, a.Account)),
					testAccListQuery("twilio_twiml_app", "named", false, `
    all_subaccounts      = true
    friendly_name_prefix = "app acme"`),
				),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("twilio_twiml_app.own", 1),
					querycheck.ExpectLength("twilio_twiml_app.fleet", 3),
					querycheck.ExpectLength("twilio_twiml_app.one", 1),
					querycheck.ExpectResourceKnownValues("twilio_twiml_app.one", queryfilter.ByResourceIdentity(identityOf(a.Account, a.App)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("voice_url"), KnownValue: knownvalue.StringExact("https://example.com/acme-a")},
							{Path: tfjsonpath.New("account_sid"), KnownValue: knownvalue.StringExact(a.Account)},
						}),
					querycheck.ExpectLength("twilio_twiml_app.named", 2),
				},
			},
			{
				Query: true,
				Config: query(
					testAccListQuery("twilio_api_key", "fleet", true, `all_subaccounts = true`),
					testAccListQuery("twilio_api_key", "named", false, fmt.Sprintf(`
    account_sid   = %q
    friendly_name = "key acme-a"`, a.Account)),
				),
				QueryResultChecks: []querycheck.QueryResultCheck{
					// other-c is suspended: IAM refuses its key's details, so it is reported in a warning instead.
					querycheck.ExpectLength("twilio_api_key.fleet", 2),
					querycheck.ExpectResourceKnownValues("twilio_api_key.fleet", queryfilter.ByResourceIdentity(identityOf(a.Account, a.Key)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("key_type"), KnownValue: knownvalue.StringExact("standard")},
							{Path: tfjsonpath.New("friendly_name"), KnownValue: knownvalue.StringExact("key acme-a")},
							{Path: tfjsonpath.New("secret"), KnownValue: knownvalue.Null()},
						}),
					querycheck.ExpectIdentity("twilio_api_key.named", identityOf(a.Account, a.Key)),
					querycheck.ExpectLength("twilio_api_key.named", 1),
				},
			},
			{
				Query: true,
				Config: query(
					testAccListQuery("twilio_incoming_number", "sf", true, `
    all_subaccounts     = true
    phone_number_prefix = "+1415"`),
					testAccListQuery("twilio_incoming_number", "exact", false, `
    all_subaccounts = true
    phone_number    = "+16285550101"`),
					testAccListQuery("twilio_incoming_number", "own", false, ""),
				),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("twilio_incoming_number.sf", 2),
					querycheck.ExpectResourceKnownValues("twilio_incoming_number.sf", queryfilter.ByResourceIdentity(identityOf(a.Account, a.Number)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("phone_number"), KnownValue: knownvalue.StringExact("+14155550100")},
							{Path: tfjsonpath.New("voice_application_sid"), KnownValue: knownvalue.StringExact(a.App)},
							{Path: tfjsonpath.New("friendly_name"), KnownValue: knownvalue.StringExact("line acme-a")},
						}),
					querycheck.ExpectLength("twilio_incoming_number.exact", 1),
					querycheck.ExpectIdentity("twilio_incoming_number.exact", identityOf(fleet[1].Account, fleet[1].Number)),
					querycheck.ExpectLength("twilio_incoming_number.own", 0),
				},
			},
			{
				Query: true,
				Config: query(
					testAccListQuery("twilio_studio_flow", "fleet", true, `
    all_subaccounts = true
    friendly_name   = "flow acme-a"`),
					testAccListQuery("twilio_studio_flow", "all", false, `all_subaccounts = true`),
				),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("twilio_studio_flow.fleet", 1),
					querycheck.ExpectResourceKnownValues("twilio_studio_flow.fleet", queryfilter.ByResourceIdentity(identityOf(a.Account, a.Flow)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("published")},
							{Path: tfjsonpath.New("definition"), KnownValue: knownvalue.StringRegexp(regexp.MustCompile(`"description":"acme-a"`))},
						}),
					// Studio refuses the suspended other-c's credentials: a warning, not a failed query.
					querycheck.ExpectLength("twilio_studio_flow.all", 2),
				},
			},
		},
	})
}

// Bad list configuration is refused before any Twilio call.
func TestAccListResources_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccQueryVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: env.Config()},
			{
				Query:       true,
				Config:      testAccListQuery("twilio_twiml_app", "x", false, `account_sid = "AC123"`),
				ExpectError: acctest.ErrorRegexp(`AC followed by 32`),
			},
			{
				Query: true,
				Config: testAccListQuery("twilio_twiml_app", "x", false, fmt.Sprintf(`
    account_sid     = %q
    all_subaccounts = true`, env.AccountSID)),
				ExpectError: acctest.ErrorRegexp(`cannot be configured together`),
			},
			{
				Query:       true,
				Config:      testAccListQuery("twilio_incoming_number", "x", false, `phone_number_prefix = "415"`),
				ExpectError: acctest.ErrorRegexp(`must be + and digits`),
			},
			{
				Query:       true,
				Config:      testAccListQuery("twilio_subaccount", "x", false, `status = "closed"`),
				ExpectError: acctest.ErrorRegexp(`value must be one of`),
			},
		},
	})
}

// subaccount_name_prefix and subaccount_sids search only the selected tenants, so a query never lists the
// objects of subaccounts another configuration manages (which an adoption would otherwise import twice).
func TestAccListResources_subaccountScope(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	fleet := testAccConsoleFleet(t, env, []string{"acme-a", "acme-b", "other-c"}, []string{"415", "628"})
	a, other := fleet[0], fleet[2]
	var steps []resource.TestStep
	steps = append(steps, resource.TestStep{Config: env.Config()})
	for _, typ := range []string{"twilio_twiml_app", "twilio_api_key", "twilio_incoming_number", "twilio_studio_flow"} {
		steps = append(steps, resource.TestStep{
			Query: true,
			Config: testAccListQuery(typ, "prefix", true, `subaccount_name_prefix = "acme-"`) +
				testAccListQuery(typ, "sids", false, fmt.Sprintf(`subaccount_sids = [%q, %q]`, a.Account, other.Account)) +
				testAccListQuery(typ, "all", false, `all_subaccounts = true`),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength(typ+".prefix", 2),
				querycheck.ExpectLength(typ+".sids", 2),
				querycheck.ExpectLength(typ+".all", 3),
			},
		})
	}
	steps = append(steps,
		resource.TestStep{
			Query: true,
			Config: testAccListQuery("twilio_twiml_app", "x", false, fmt.Sprintf(`subaccount_sids = [%q, %q]`,
				a.Account, "AC"+strings.Repeat("0", 32))),
			ExpectError: acctest.ErrorRegexp(`subaccount_sids: AC` + strings.Repeat("0", 32) + ` is not an open subaccount`),
		},
		resource.TestStep{
			Query:       true,
			Config:      testAccListQuery("twilio_studio_flow", "x", false, fmt.Sprintf(`subaccount_sids = [%q]`, env.AccountSID)),
			ExpectError: acctest.ErrorRegexp(`is not an open subaccount of the provider's account`),
		},
	)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccQueryVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    steps,
	})
}

// The subaccount selectors are checked before any Twilio call.
func TestAccListResources_subaccountScopeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccQueryVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: env.Config()},
			{
				Query:       true,
				Config:      testAccListQuery("twilio_incoming_number", "x", false, `subaccount_sids = ["AC123"]`),
				ExpectError: acctest.ErrorRegexp(`AC followed by 32`),
			},
			{
				Query:       true,
				Config:      testAccListQuery("twilio_api_key", "x", false, `subaccount_sids = []`),
				ExpectError: acctest.ErrorRegexp(`at least 1`),
			},
			{
				Query:       true,
				Config:      testAccListQuery("twilio_address", "x", false, `subaccount_name_prefix = ""`),
				ExpectError: acctest.ErrorRegexp(`at least 1`),
			},
			{
				Query: true,
				Config: testAccListQuery("twilio_serverless_service", "x", false, `
    all_subaccounts        = true
    subaccount_name_prefix = "acme-"`),
				ExpectError: acctest.ErrorRegexp(`cannot be configured together`),
			},
			{
				Query: true,
				Config: testAccListQuery("twilio_studio_flow", "x", false, fmt.Sprintf(`
    account_sid     = %q
    subaccount_sids = [%q]`, env.AccountSID, env.AccountSID)),
				ExpectError: acctest.ErrorRegexp(`cannot be configured together`),
			},
		},
	})
}
