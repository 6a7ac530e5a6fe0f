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
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// The brand and toll-free verification list resources find what the Console registered in every
// subaccount and return what import + refresh would store.
func TestAccListResources_a2p(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	if err := env.Emulator.SetReviewPolicy(emulator.ReviewBrand, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}); err != nil {
		t.Fatal(err)
	}
	var tenants, brands []string
	for _, name := range []string{"acme", "globex"} {
		sub := testAccMakeSubaccount(t, env, name)
		profile, product, err := env.Emulator.SeedApprovedTrustBundles(sub)
		if err != nil {
			t.Fatal(err)
		}
		p := &twilioclient.CreateBrandRegistrationParams{}
		p.SetCustomerProfileBundleSid(profile).SetA2PProfileBundleSid(product)
		b, err := env.Client(t).CreateBrandRegistration(ctx, sub, p)
		if err != nil {
			t.Fatal(err)
		}
		tenants, brands = append(tenants, sub), append(brands, *b.Sid)
	}
	// A campaign in acme's subaccount, on a Messaging Service of its own, as the Console registers one.
	if _, err := env.Client(t).FindBrandRegistration(ctx, tenants[0], brands[0]); err != nil { // the review settles on a read
		t.Fatal(err)
	}
	service, err := env.Emulator.SeedMessagingService(tenants[0], "acme texts")
	if err != nil {
		t.Fatal(err)
	}
	cp := &twilioclient.CreateCampaignParams{}
	cp.SetBrandRegistrationSid(brands[0]).SetUsAppToPersonUsecase("ACCOUNT_NOTIFICATION").
		SetDescription("Acme sends its customers notices about their orders and account.").
		SetMessageFlow("Customers opt in on acme.example.com/signup by ticking a box to get texts.").
		SetMessageSamples([]string{"Acme: your order 1234 has shipped. Reply STOP to opt out.", "Acme: your password was changed. Reply STOP to opt out."}).
		SetHasEmbeddedLinks(false).SetHasEmbeddedPhone(false)
	campaign, err := env.Client(t).CreateCampaign(ctx, tenants[0], service, cp)
	if err != nil {
		t.Fatal(err)
	}
	number, err := env.Client(t).CreateIncomingNumber(ctx, env.AccountSID, (&twilioclient.CreateIncomingNumberParams{}).SetAreaCode("888"))
	if err != nil {
		t.Fatal(err)
	}
	tf := &twilioclient.CreateTollfreeVerificationParams{}
	tf.SetTollfreePhoneNumberSid(*number.Sid).SetBusinessName("Main Street Dental").SetBusinessWebsite("https://dental.example.com").
		SetNotificationEmail("ops@dental.example.com").SetUseCaseCategories([]string{"ACCOUNT_NOTIFICATIONS"}).
		SetUseCaseSummary("Reminders").SetProductionMessageSample("See you tomorrow at 10am.").
		SetOptInImageUrls([]string{"https://dental.example.com/opt-in.png"}).SetOptInType("WEB_FORM").SetMessageVolume("10")
	verification, err := env.Client(t).CreateTollfreeVerification(ctx, env.AccountSID, tf)
	if err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccQueryVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: env.Config()},
			{
				Query: true,
				Config: testAccListQuery("twilio_a2p_brand_registration", "fleet", true, `all_subaccounts = true`) +
					testAccListQuery("twilio_a2p_brand_registration", "own", false, "") +
					testAccListQuery("twilio_tollfree_verification", "own", true, "") +
					testAccListQuery("twilio_a2p_campaign", "fleet", true, `all_subaccounts = true`),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("twilio_a2p_brand_registration.fleet", 2),
					querycheck.ExpectResourceKnownValues("twilio_a2p_brand_registration.fleet", queryfilter.ByResourceIdentity(identityOf(tenants[1], brands[1])),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("APPROVED")},
							{Path: tfjsonpath.New("brand_type"), KnownValue: knownvalue.StringExact("STANDARD")},
						}),
					querycheck.ExpectLength("twilio_a2p_brand_registration.own", 0),
					querycheck.ExpectLength("twilio_tollfree_verification.own", 1),
					querycheck.ExpectLength("twilio_a2p_campaign.fleet", 1),
					querycheck.ExpectResourceKnownValues("twilio_a2p_campaign.fleet", queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
						"account_sid": knownvalue.StringExact(tenants[0]), "messaging_service_sid": knownvalue.StringExact(service),
						"sid": knownvalue.StringExact(*campaign.Sid)}),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("us_app_to_person_usecase"), KnownValue: knownvalue.StringExact("ACCOUNT_NOTIFICATION")},
							{Path: tfjsonpath.New("skip_destroy"), KnownValue: knownvalue.Bool(false)},
						}),
					querycheck.ExpectResourceKnownValues("twilio_tollfree_verification.own",
						queryfilter.ByResourceIdentity(identityOf(env.AccountSID, *verification.Sid)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("business_name"), KnownValue: knownvalue.StringExact("Main Street Dental")},
						}),
				},
			},
		},
	})
}
