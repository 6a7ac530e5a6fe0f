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

// The Messaging Service list resources find the services and pool numbers the Console made in every
// subaccount, filter by the service's name, and return what import + refresh would store.
func TestAccListResources_messaging(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	var tenants, services, numbers []string
	for _, name := range []string{"texts acme", "texts globex"} {
		sub := testAccMakeSubaccount(t, env, name)
		p := &twilioclient.CreateMessagingServiceParams{}
		p.SetFriendlyName(name).SetUsecase("notifications").SetValidityPeriod(600)
		s, err := env.Client(t).CreateMessagingService(ctx, sub, p)
		if err != nil {
			t.Fatal(err)
		}
		np := &twilioclient.CreateIncomingNumberParams{}
		np.SetAreaCode("415")
		n, err := env.Client(t).CreateIncomingNumber(ctx, sub, np)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := env.Client(t).AddServicePhoneNumber(ctx, sub, *s.Sid, *n.Sid); err != nil {
			t.Fatal(err)
		}
		if _, err := env.Client(t).AddAlphaSender(ctx, sub, *s.Sid, "Acme"); err != nil {
			t.Fatal(err)
		}
		sc, err := env.Emulator.AddShortCode(sub, "55123")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := env.Client(t).AddServiceShortCode(ctx, sub, *s.Sid, sc); err != nil {
			t.Fatal(err)
		}
		tenants, services, numbers = append(tenants, sub), append(services, *s.Sid), append(numbers, *n.Sid)
	}
	poolIdentity := func(i int) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{"account_sid": knownvalue.StringExact(tenants[i]),
			"service_sid": knownvalue.StringExact(services[i]), "phone_number_sid": knownvalue.StringExact(numbers[i])}
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccQueryVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: env.Config()},
			{
				Query: true,
				Config: testAccListQuery("twilio_messaging_service", "fleet", true, `all_subaccounts = true`) +
					testAccListQuery("twilio_messaging_service", "acme", false, `
    all_subaccounts      = true
    friendly_name_prefix = "texts acme"`) +
					testAccListQuery("twilio_messaging_service_phone_number", "pools", true, `all_subaccounts = true`) +
					testAccListQuery("twilio_messaging_service_phone_number", "globex", false, `
    all_subaccounts      = true
    friendly_name_prefix = "texts globex"`) +
					testAccListQuery("twilio_messaging_service_alpha_sender", "alphas", true, `all_subaccounts = true`) +
					testAccListQuery("twilio_messaging_service_short_code", "codes", true, `
    all_subaccounts      = true
    friendly_name_prefix = "texts acme"`),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("twilio_messaging_service.fleet", 2),
					querycheck.ExpectResourceKnownValues("twilio_messaging_service.fleet", queryfilter.ByResourceIdentity(identityOf(tenants[1], services[1])),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("friendly_name"), KnownValue: knownvalue.StringExact("texts globex")},
							{Path: tfjsonpath.New("usecase"), KnownValue: knownvalue.StringExact("notifications")},
							{Path: tfjsonpath.New("validity_period"), KnownValue: knownvalue.Int64Exact(600)},
						}),
					querycheck.ExpectLength("twilio_messaging_service.acme", 1),
					querycheck.ExpectIdentity("twilio_messaging_service.acme", identityOf(tenants[0], services[0])),
					querycheck.ExpectLength("twilio_messaging_service_phone_number.pools", 2),
					querycheck.ExpectResourceKnownValues("twilio_messaging_service_phone_number.pools", queryfilter.ByResourceIdentity(poolIdentity(0)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("service_sid"), KnownValue: knownvalue.StringExact(services[0])},
							{Path: tfjsonpath.New("country_code"), KnownValue: knownvalue.StringExact("US")},
						}),
					querycheck.ExpectLength("twilio_messaging_service_phone_number.globex", 1),
					querycheck.ExpectIdentity("twilio_messaging_service_phone_number.globex", poolIdentity(1)),
					querycheck.ExpectLength("twilio_messaging_service_alpha_sender.alphas", 2),
					querycheck.ExpectLength("twilio_messaging_service_short_code.codes", 1),
				},
			},
		},
	})
}
