package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// testAccA2PTenantConfig is a tenant texting from two US numbers, registered as Twilio's ISV guide does it:
// a subaccount; in it a secondary customer profile (business information, authorized representative,
// address document), an A2P trust product (messaging profile information and the profile), a brand
// registration, a Messaging Service with both numbers in its sender pool, and a campaign. The secondary
// profile also carries the platform's primary profile (local.primary_customer_profile_sid), from the main
// account, as Twilio's ISV guide attaches it.
const testAccA2PTenantConfig = `
# skip_destroy keeps the subaccount open on destroy, so the check after it sees what each resource's own
# delete left, not what closing the account swept away.
resource "twilio_subaccount" "tenant" {
  friendly_name = "a2p-tenant"
  skip_destroy  = true
}

resource "twilio_incoming_number" "sms" {
  count        = 2
  account_sid  = twilio_subaccount.tenant.sid
  phone_number = ["+14155550161", "+14155550162"][count.index]
}

resource "twilio_address" "hq" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "HQ"
  customer_name = "Acme Widgets LLC"
  street        = "1 Market St"
  city          = "San Francisco"
  region        = "CA"
  postal_code   = "94105"
  iso_country   = "US"
}

resource "twilio_trusthub_end_user" "business" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "Acme business information"
  type          = "customer_profile_business_information"
  attributes = jsonencode({
    business_name                    = "Acme Widgets LLC"
    business_type                    = "Limited Liability Corporation"
    business_industry                = "TECHNOLOGY"
    business_registration_identifier = "EIN"
    business_registration_number     = "12-3456789"
    business_regions_of_operation    = "USA_AND_CANADA"
    business_identity                = "direct_customer"
    website_url                      = "https://acme.example.com"
    social_media_profile_urls        = ""
  })
}

resource "twilio_trusthub_end_user" "representative" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "Acme authorized representative"
  type          = "authorized_representative_1"
  attributes = jsonencode({
    first_name     = "Ada"
    last_name      = "Lovelace"
    email          = "ada@acme.example.com"
    phone_number   = "+14155550100"
    business_title = "CTO"
    job_position   = "Director"
  })
}

resource "twilio_trusthub_supporting_document" "address" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "Acme address"
  type          = "customer_profile_address"
  attributes    = jsonencode({ address_sids = twilio_address.hq.sid })
}

resource "twilio_trusthub_customer_profile" "tenant" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "Acme secondary customer profile"
  email         = "compliance@acme.example.com"
  policy_sid    = "RNdfbf3fae0e1107f8aded0e7cead80bf5"
  entity_sids = [
    twilio_trusthub_end_user.business.sid,
    twilio_trusthub_end_user.representative.sid,
    twilio_trusthub_supporting_document.address.sid,
    local.primary_customer_profile_sid,
  ]
}

resource "twilio_trusthub_end_user" "messaging_profile" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "Acme messaging profile"
  type          = "us_a2p_messaging_profile_information"
  attributes    = jsonencode({ company_type = "private" })
}

resource "twilio_trusthub_trust_product" "a2p" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "Acme A2P trust product"
  email         = "compliance@acme.example.com"
  policy_sid    = "RNb0d4771c2c98518d916a3d4cd70a8f8b"
  entity_sids = [
    twilio_trusthub_end_user.messaging_profile.sid,
    twilio_trusthub_customer_profile.tenant.sid,
  ]
}

resource "twilio_a2p_brand_registration" "tenant" {
  account_sid                 = twilio_subaccount.tenant.sid
  customer_profile_bundle_sid = twilio_trusthub_customer_profile.tenant.sid
  a2p_profile_bundle_sid      = twilio_trusthub_trust_product.a2p.sid
  brand_type                  = "STANDARD"
}

resource "twilio_messaging_service" "tenant" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "Acme texts"
  usecase       = "notifications"
}

resource "twilio_messaging_service_phone_number" "pool" {
  count            = 2
  account_sid      = twilio_subaccount.tenant.sid
  service_sid      = twilio_messaging_service.tenant.sid
  phone_number_sid = twilio_incoming_number.sms[count.index].sid
}

resource "twilio_a2p_campaign" "tenant" {
  account_sid            = twilio_subaccount.tenant.sid
  messaging_service_sid  = twilio_messaging_service.tenant.sid
  brand_registration_sid = twilio_a2p_brand_registration.tenant.sid
  us_app_to_person_usecase = "ACCOUNT_NOTIFICATION"
  description            = "Acme sends its customers notices about their orders and account."
  message_flow           = "Customers opt in on acme.example.com/signup by ticking a box labelled 'Text me about my orders'."
  message_samples = [
    "Acme: your order 1234 has shipped. Reply STOP to opt out.",
    "Acme: your password was changed. If this was not you, call us. Reply STOP to opt out.",
  ]
  has_embedded_links = false
  has_embedded_phone = false
}
`

// TestAccA2PTenant_endToEnd takes a tenant from nothing to a verified campaign with two numbers in its
// sender pool, the reviews approved through the emulator's review control; then a number removed from the
// pool in the Console is planned as exactly that one change, repaired by the next apply, and everything is
// destroyed: Twilio keeps the brand registration (it has no delete), nothing else is left.
func TestAccA2PTenant_endToEnd(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	if env.Emulator == nil {
		t.Skip("the reviews are played by the emulator's review control")
	}
	for _, kind := range []string{emulator.ReviewCustomerProfile, emulator.ReviewTrustProduct, emulator.ReviewBrand, emulator.ReviewCampaign} {
		if err := env.Emulator.SetReviewPolicy(kind, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}); err != nil {
			t.Fatal(err)
		}
	}
	// The platform's primary customer profile, approved, in the main account: made only in the Console.
	primary, err := env.Emulator.SeedCustomerProfile("", emulator.TrustApproved)
	if err != nil {
		t.Fatal(err)
	}
	env.Baseline()
	config := env.Config(testAccA2PTenantConfig, fmt.Sprintf("locals {\n  primary_customer_profile_sid = %q\n}\n", primary))
	var tenantSID, serviceSID, removedSID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PTenantGone(env, primary),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("twilio_trusthub_customer_profile.tenant", tfjsonpath.New("status"), knownvalue.StringExact("twilio-approved")),
					statecheck.ExpectKnownValue("twilio_trusthub_trust_product.a2p", tfjsonpath.New("status"), knownvalue.StringExact("twilio-approved")),
					statecheck.ExpectKnownValue("twilio_a2p_brand_registration.tenant", tfjsonpath.New("status"), knownvalue.StringExact("APPROVED")),
					statecheck.ExpectKnownValue("twilio_a2p_campaign.tenant", tfjsonpath.New("campaign_status"), knownvalue.StringExact("VERIFIED")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCaptureAttr("twilio_subaccount.tenant", "sid", &tenantSID),
					testAccCaptureAttr("twilio_messaging_service.tenant", "sid", &serviceSID),
					testAccCaptureAttr("twilio_incoming_number.sms.1", "sid", &removedSID),
					func(*terraform.State) error { return testAccCheckPool(env, serviceSID, 2) },
				),
			},
			// The Console: someone removes the second number from the tenant's sender pool.
			{
				PreConfig: func() {
					if err := env.Client(t).RemoveServicePhoneNumber(context.Background(), tenantSID, serviceSID, removedSID); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("twilio_messaging_service_phone_number.pool[1]", plancheck.ResourceActionCreate),
					acctest.ExpectOnlyChanges("twilio_messaging_service_phone_number.pool[1]"),
				}},
				Check: func(*terraform.State) error { return testAccCheckPool(env, serviceSID, 2) },
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

func testAccCheckPool(env *acctest.Env, serviceSID string, want int) error {
	n := 0
	for _, s := range env.Emulator.Snapshot().MessagingSenders {
		if s.ServiceSid == serviceSID {
			n++
		}
	}
	if n != want {
		return fmt.Errorf("the sender pool of %s holds %d senders, want %d", serviceSID, n, want)
	}
	return nil
}

// testAccCheckA2PTenantGone checks that the destroy deleted everything Twilio can delete, and kept the brand
// registration, which it cannot.
func testAccCheckA2PTenantGone(env *acctest.Env, primary string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		snap := env.Emulator.Snapshot()
		if n := len(snap.BrandRegistrations); n != 1 {
			return fmt.Errorf("%d brand registrations after destroy, want the one Twilio cannot delete", n)
		}
		bundles := 0
		for _, b := range snap.TrustBundles {
			if b.Sid != primary {
				bundles++
			}
		}
		for what, n := range map[string]int{
			"Messaging Services": len(snap.MessagingServices), "senders": len(snap.MessagingSenders),
			"campaigns": len(snap.Campaigns), "trust bundles besides the primary profile": bundles,
			"end users": len(snap.TrustEndUsers), "supporting documents": len(snap.SupportingDocuments),
		} {
			if n != 0 {
				return fmt.Errorf("%d %s left after destroy", n, what)
			}
		}
		return nil
	}
}
