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

// The usage trigger list resource finds the alerts the Console made in every subaccount, filters by name,
// and returns what import + refresh would store.
func TestAccListResources_usageTrigger(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	var tenants, sids []string
	for _, name := range []string{"spend acme", "spend globex"} {
		sub := testAccMakeSubaccount(t, env, name)
		p := &twilioclient.CreateUsageTriggerParams{}
		p.SetFriendlyName(name).SetUsageCategory("totalprice").SetTriggerBy("price").SetTriggerValue("300").
			SetRecurring("monthly").SetCallbackUrl("https://ops.example.com/spend").SetCallbackMethod("POST")
		tr, err := env.Client(t).CreateUsageTrigger(ctx, sub, p)
		if err != nil {
			t.Fatal(err)
		}
		tenants, sids = append(tenants, sub), append(sids, *tr.Sid)
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccQueryVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: env.Config()},
			{
				Query: true,
				Config: testAccListQuery("twilio_usage_trigger", "fleet", true, `all_subaccounts = true`) +
					testAccListQuery("twilio_usage_trigger", "acme", false, `
    all_subaccounts      = true
    friendly_name_prefix = "spend acme"`) +
					testAccListQuery("twilio_usage_trigger", "own", false, ""),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("twilio_usage_trigger.fleet", 2),
					querycheck.ExpectResourceKnownValues("twilio_usage_trigger.fleet", queryfilter.ByResourceIdentity(identityOf(tenants[1], sids[1])),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("friendly_name"), KnownValue: knownvalue.StringExact("spend globex")},
							{Path: tfjsonpath.New("trigger_value"), KnownValue: knownvalue.StringExact("300")},
							{Path: tfjsonpath.New("recurring"), KnownValue: knownvalue.StringExact("monthly")},
						}),
					querycheck.ExpectLength("twilio_usage_trigger.acme", 1),
					querycheck.ExpectIdentity("twilio_usage_trigger.acme", identityOf(tenants[0], sids[0])),
					querycheck.ExpectLength("twilio_usage_trigger.own", 0),
				},
			},
		},
	})
}
