package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// The address list resource finds what the Console made in every subaccount, filters by friendly name,
// and returns what import + refresh would store.
func TestAccListResources_address(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	var tenants, sids []string
	for _, name := range []string{"office acme", "office globex"} {
		sub := testAccMakeSubaccount(t, env, name)
		p := testAccAddressParams("GB")
		p.SetFriendlyName(name)
		a, err := env.Client(t).CreateAddress(ctx, sub, p)
		if err != nil {
			t.Fatal(err)
		}
		tenants, sids = append(tenants, sub), append(sids, *a.Sid)
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccQueryVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: env.Config()},
			{
				Query: true,
				Config: testAccListQuery("twilio_address", "fleet", true, `all_subaccounts = true`) +
					testAccListQuery("twilio_address", "acme", false, `
    all_subaccounts      = true
    friendly_name_prefix = "office acme"`) +
					testAccListQuery("twilio_address", "own", false, ""),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("twilio_address.fleet", 2),
					querycheck.ExpectResourceKnownValues("twilio_address.fleet", queryfilter.ByResourceIdentity(identityOf(tenants[1], sids[1])),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("friendly_name"), KnownValue: knownvalue.StringExact("office globex")},
							{Path: tfjsonpath.New("iso_country"), KnownValue: knownvalue.StringExact("GB")},
							{Path: tfjsonpath.New("auto_correct_address"), KnownValue: knownvalue.Bool(false)},
						}),
					querycheck.ExpectLength("twilio_address.acme", 1),
					querycheck.ExpectIdentity("twilio_address.acme", identityOf(tenants[0], sids[0])),
					querycheck.ExpectLength("twilio_address.own", 0),
				},
			},
		},
	})
}
