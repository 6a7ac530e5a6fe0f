package provider

import (
	"context"
	"encoding/json"
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

// The Trust Hub list resources find what the Console made in every subaccount, filter by name, and return
// what import + refresh would store (a profile with its assignments and latest evaluation).
func TestAccListResources_trustHub(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	c := env.Client(t)
	var tenants, users, docs, profiles []string
	for _, name := range []string{"acme", "globex"} {
		sub := testAccMakeSubaccount(t, env, "tenant "+name)
		u, err := c.CreateTrustEntity(ctx, twilioclient.TrustEndUser, sub, twilioclient.TrustEntityParams{
			FriendlyName: name + " business", Type: "customer_profile_business_information",
			Attributes: json.RawMessage(`{"business_name":"` + name + `"}`)})
		if err != nil {
			t.Fatal(err)
		}
		d, err := c.CreateTrustEntity(ctx, twilioclient.TrustSupportingDocument, sub, twilioclient.TrustEntityParams{
			FriendlyName: name + " address", Type: "customer_profile_address", Attributes: json.RawMessage(`{}`)})
		if err != nil {
			t.Fatal(err)
		}
		p, err := c.CreateTrustBundle(ctx, twilioclient.TrustCustomerProfile, sub, twilioclient.TrustBundleParams{
			FriendlyName: name + " profile", Email: "compliance@isv.example", PolicySid: emulator.PolicySecondaryCustomerProfile})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AssignTrustObject(ctx, twilioclient.TrustCustomerProfile, sub, p.Sid, u.Sid); err != nil {
			t.Fatal(err)
		}
		if _, err := c.EvaluateTrustBundle(ctx, twilioclient.TrustCustomerProfile, sub, p.Sid, emulator.PolicySecondaryCustomerProfile); err != nil {
			t.Fatal(err)
		}
		tenants, users, docs, profiles = append(tenants, sub), append(users, u.Sid), append(docs, d.Sid), append(profiles, p.Sid)
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccQueryVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: env.Config()},
			{
				Query: true,
				Config: testAccListQuery("twilio_trusthub_end_user", "all", true, `all_subaccounts = true`) +
					testAccListQuery("twilio_trusthub_supporting_document", "globex", false, `
    all_subaccounts      = true
    friendly_name_prefix = "globex"`) +
					testAccListQuery("twilio_trusthub_customer_profile", "acme", true, `
    all_subaccounts      = true
    friendly_name_prefix = "acme"`) +
					testAccListQuery("twilio_trusthub_trust_product", "none", false, `all_subaccounts = true`),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("twilio_trusthub_end_user.all", 2),
					querycheck.ExpectResourceKnownValues("twilio_trusthub_end_user.all", queryfilter.ByResourceIdentity(identityOf(tenants[1], users[1])),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("type"), KnownValue: knownvalue.StringExact("customer_profile_business_information")},
							{Path: tfjsonpath.New("attributes"), KnownValue: knownvalue.StringExact(`{"business_name":"globex"}`)},
						}),
					querycheck.ExpectLength("twilio_trusthub_supporting_document.globex", 1),
					querycheck.ExpectIdentity("twilio_trusthub_supporting_document.globex", identityOf(tenants[1], docs[1])),
					querycheck.ExpectLength("twilio_trusthub_customer_profile.acme", 1),
					querycheck.ExpectResourceKnownValues("twilio_trusthub_customer_profile.acme", queryfilter.ByResourceIdentity(identityOf(tenants[0], profiles[0])),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("draft")},
							{Path: tfjsonpath.New("evaluation_status"), KnownValue: knownvalue.StringExact("noncompliant")},
							{Path: tfjsonpath.New("entity_sids"), KnownValue: knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(users[0])})},
						}),
					querycheck.ExpectLength("twilio_trusthub_trust_product.none", 0),
				},
			},
		},
	})
}
