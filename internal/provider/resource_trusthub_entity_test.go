package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

const (
	testAccTrustEndUserAddr  = "twilio_trusthub_end_user.test"
	testAccTrustDocumentAddr = "twilio_trusthub_supporting_document.test"
)

// testAccTrustEndUserConfig is a tenant's business information end user in its subaccount.
func testAccTrustEndUserConfig(name, attributes string) string {
	return fmt.Sprintf(`
resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant-trust"
}

resource "twilio_trusthub_end_user" "test" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = %q
  type          = "customer_profile_business_information"
  attributes    = %s
}
`, name, attributes)
}

const testAccTrustBusinessAttributes = `jsonencode({ business_name = "Tenant Inc", business_type = "Corporation", website_url = "https://tenant.example" })`

func testAccCheckTrustHubGone(t *testing.T, env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if env.Emulator == nil {
			return nil
		}
		snap := env.Emulator.Snapshot()
		if n := len(snap.TrustEndUsers) + len(snap.SupportingDocuments) + len(snap.TrustBundles); n != 0 {
			return fmt.Errorf("%d Trust Hub objects left after destroy", n)
		}
		return nil
	}
}

func testAccImportByAccountAndSID(addr string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs := s.RootModule().Resources[addr].Primary.Attributes
		return rs["account_sid"] + "/" + rs["sid"], nil
	}
}

func TestAccTrustHubEndUser_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccTrustEndUserConfig("business", testAccTrustBusinessAttributes))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTrustEndUserAddr, tfjsonpath.New("sid"), knownvalue.StringRegexp(sidRegexp("IT"))),
					statecheck.ExpectKnownValue(testAccTrustEndUserAddr, tfjsonpath.New("type"), knownvalue.StringExact("customer_profile_business_information")),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				ResourceName: testAccTrustEndUserAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: testAccImportByAccountAndSID(testAccTrustEndUserAddr),
			},
			{
				// A bare SID is found in the subaccount.
				ResourceName: testAccTrustEndUserAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					return s.RootModule().Resources[testAccTrustEndUserAddr].Primary.Attributes["sid"], nil
				},
			},
		},
	})
}

// The name and attributes change in place; the same attributes in another key order are no change; a new
// type replaces the end user.
func TestAccTrustHubEndUser_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccTrustEndUserConfig("business", testAccTrustBusinessAttributes))},
			{
				Config:           env.Config(testAccTrustEndUserConfig("business", `"{\"website_url\": \"https://tenant.example\", \"business_type\": \"Corporation\", \"business_name\": \"Tenant Inc\"}"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config: env.Config(testAccTrustEndUserConfig("business-2", `jsonencode({ business_name = "Tenant Incorporated" })`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTrustEndUserAddr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTrustEndUserAddr, tfjsonpath.New("friendly_name"), knownvalue.StringExact("business-2")),
				},
			},
			{
				Config: env.Config(`
resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant-trust"
}

resource "twilio_trusthub_end_user" "test" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "business-2"
  type          = "authorized_representative_1"
  attributes    = jsonencode({ first_name = "Alex" })
}
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTrustEndUserAddr, plancheck.ResourceActionReplace)}},
			},
		},
	})
}

// A Console edit of the attributes shows in the plan as exactly that attribute; applying restores them.
func TestAccTrustHubEndUser_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var account, sid string
	config := env.Config(testAccTrustEndUserConfig("business", testAccTrustBusinessAttributes))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr(testAccTrustEndUserAddr, "account_sid", &account),
				testAccCaptureAttr(testAccTrustEndUserAddr, "sid", &sid))},
			{
				PreConfig: func() {
					if _, err := env.Client(t).UpdateTrustEntity(context.Background(), twilioclient.TrustEndUser, account, sid,
						twilioclient.TrustEntityParams{FriendlyName: "business", Attributes: json.RawMessage(`{"business_name":"Someone Else"}`)}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectChangedAttributes(testAccTrustEndUserAddr, "attributes")}},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

func TestAccTrustHubEndUser_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: testAccDisappearsSteps(env.Config(testAccTrustEndUserConfig("business", testAccTrustBusinessAttributes)), testAccTrustEndUserAddr,
			func(account, sid string) error {
				return env.Client(t).DeleteTrustEntity(context.Background(), twilioclient.TrustEndUser, account, sid)
			}),
	})
}

// Bad values are refused at plan time, pointed at the attribute, before any request.
func TestAccTrustHubEndUser_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	base := func(attrs string) string {
		return env.Config(fmt.Sprintf(`
resource "twilio_trusthub_end_user" "test" {
  friendly_name = "x"
  type          = "customer_profile_business_information"
  attributes    = %s
}
`, attrs))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: base(`jsonencode(["a"])`), PlanOnly: true, ExpectError: regexp.MustCompile(`must\s+be\s+a\s+JSON\s+object`)},
			{Config: base(`"{not json"`), PlanOnly: true, ExpectError: regexp.MustCompile(`JSON`)},
		},
		CheckDestroy: func(*terraform.State) error { testAccCheckNoRequests(t, env); return nil },
	})
}

// testAccTrustDocumentConfig is a tenant's address document.
func testAccTrustDocumentConfig(name string) string {
	return fmt.Sprintf(`
resource "twilio_trusthub_supporting_document" "test" {
  friendly_name = %q
  type          = "customer_profile_address"
  attributes    = jsonencode({ address_sids = "AD0123456789abcdef0123456789abcdef" })
}
`, name)
}

func TestAccTrustHubSupportingDocument_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(testAccTrustDocumentConfig("address"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTrustDocumentAddr, tfjsonpath.New("sid"), knownvalue.StringRegexp(sidRegexp("RD"))),
					statecheck.ExpectKnownValue(testAccTrustDocumentAddr, tfjsonpath.New("status"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(testAccTrustDocumentAddr, tfjsonpath.New("account_sid"), knownvalue.StringExact(env.AccountSID)),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				Config: env.Config(testAccTrustDocumentConfig("address-2")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTrustDocumentAddr, plancheck.ResourceActionUpdate)}},
			},
			{
				ResourceName: testAccTrustDocumentAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: testAccImportByAccountAndSID(testAccTrustDocumentAddr),
			},
		},
	})
}

func TestAccTrustHubSupportingDocument_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: testAccDisappearsSteps(env.Config(testAccTrustDocumentConfig("address")), testAccTrustDocumentAddr,
			func(account, sid string) error {
				return env.Client(t).DeleteTrustEntity(context.Background(), twilioclient.TrustSupportingDocument, account, sid)
			}),
	})
}

// Trust Hub takes an account's own credentials: with the parent's auth token the end user is made in the
// subaccount itself; an API key, which reaches its own account only, is refused at plan time.
func TestAccTrustHubEndUser_subaccounts(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	key, err := env.Client(t).CreateKey(ctx, env.AccountSID, "main key")
	if err != nil {
		t.Fatal(err)
	}
	sub := testAccMakeSubaccount(t, env, "tenant")
	config := fmt.Sprintf(`
resource "twilio_trusthub_end_user" "test" {
  account_sid   = %q
  friendly_name = "business"
  type          = "customer_profile_business_information"
  attributes    = jsonencode({ business_name = "Tenant Inc" })
}
`, sub)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`
provider "twilio" {
  base_url       = %q
  account_sid    = %q
  api_key_sid    = %q
  api_key_secret = %q
}
`, env.URL, env.AccountSID, key.SID, key.Secret) + config,
				ExpectError: acctest.ErrorRegexp("An API key cannot manage another account's resources"),
			},
			{
				Config: env.Config(config),
				Check: func(*terraform.State) error {
					users := env.Emulator.Snapshot().TrustEndUsers
					if len(users) != 1 || users[0].AccountSid != sub {
						return fmt.Errorf("want one end user in %s, got %+v", sub, users)
					}
					for _, r := range env.Requests("POST", "/v1/EndUsers") {
						if r.AuthUser != sub {
							return fmt.Errorf("the end user was created with %s's credentials, want the subaccount's own", r.AuthUser)
						}
					}
					return nil
				},
			},
		},
	})
}
