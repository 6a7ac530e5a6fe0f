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
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// The Serverless service list resource finds the services made in every subaccount (with each one's own
// credentials), filters by friendly name, and returns what import + refresh would store.
func TestAccListResources_serverlessService(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	var tenants, sids []string
	for _, name := range []string{"voice acme", "voice globex"} {
		sub := testAccMakeSubaccount(t, env, name)
		p := &twilioclient.CreateServiceParams{}
		p.SetUniqueName("voice").SetFriendlyName(name)
		s, err := env.Client(t).CreateService(ctx, sub, p)
		if err != nil {
			t.Fatal(err)
		}
		tenants, sids = append(tenants, sub), append(sids, *s.Sid)
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccQueryVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: env.Config()},
			{
				Query: true,
				Config: testAccListQuery("twilio_serverless_service", "fleet", true, `all_subaccounts = true`) +
					testAccListQuery("twilio_serverless_service", "globex", false, `
    all_subaccounts      = true
    friendly_name_prefix = "voice glo"`) +
					testAccListQuery("twilio_serverless_service", "own", false, ""),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("twilio_serverless_service.fleet", 2),
					querycheck.ExpectResourceKnownValues("twilio_serverless_service.fleet", queryfilter.ByResourceIdentity(identityOf(tenants[0], sids[0])),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("friendly_name"), KnownValue: knownvalue.StringExact("voice acme")},
							{Path: tfjsonpath.New("unique_name"), KnownValue: knownvalue.StringExact("voice")},
							{Path: tfjsonpath.New("account_sid"), KnownValue: knownvalue.StringExact(tenants[0])},
							{Path: tfjsonpath.New("include_credentials"), KnownValue: knownvalue.Bool(true)},
							{Path: tfjsonpath.New("skip_destroy"), KnownValue: knownvalue.Bool(false)},
						}),
					querycheck.ExpectLength("twilio_serverless_service.globex", 1),
					querycheck.ExpectIdentity("twilio_serverless_service.globex", identityOf(tenants[1], sids[1])),
					querycheck.ExpectLength("twilio_serverless_service.own", 0),
				},
			},
		},
	})
}
