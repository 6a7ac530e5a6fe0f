package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

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

const (
	testAccTrustProfileAddr = "twilio_trusthub_customer_profile.test"
	testAccTrustProductAddr = "twilio_trusthub_trust_product.test"
)

// testAccTrustProfileConfig is a tenant's secondary customer profile, in its subaccount, with the
// entities the A2P policy requires (entities names which: "business", "rep", "address"), and extra
// lines for the profile block.
func testAccTrustProfileConfig(name string, entities []string, extra string) string {
	return `
resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant-a2p"
}
` + testAccTrustProfileConfigIn("twilio_subaccount.tenant.sid", name, entities, extra)
}

// testAccTrustProfileConfigIn is testAccTrustProfileConfig in the account the expression account names
// ("" for the provider's).
func testAccTrustProfileConfigIn(account, name string, entities []string, extra string) string {
	var sids []string
	for _, e := range entities {
		switch e {
		case "address":
			sids = append(sids, "twilio_trusthub_supporting_document.address.sid")
		default:
			sids = append(sids, "twilio_trusthub_end_user."+e+".sid")
		}
	}
	in := ""
	if account != "" {
		in = "account_sid   = " + account
	}
	return fmt.Sprintf(`
resource "twilio_trusthub_end_user" "business" {
  %[1]s
  friendly_name = "business"
  type          = "customer_profile_business_information"
  attributes    = jsonencode({ business_name = "Tenant Inc", business_type = "Corporation" })
}

resource "twilio_trusthub_end_user" "rep" {
  %[1]s
  friendly_name = "representative"
  type          = "authorized_representative_1"
  attributes    = jsonencode({ first_name = "Alex", last_name = "Smith", email = "alex@tenant.example" })
}

resource "twilio_trusthub_supporting_document" "address" {
  %[1]s
  friendly_name = "address"
  type          = "customer_profile_address"
  attributes    = jsonencode({ address_sids = "AD0123456789abcdef0123456789abcdef" })
}

resource "twilio_trusthub_customer_profile" "test" {
  %[1]s
  friendly_name = %[2]q
  email         = "compliance@isv.example"
  policy_sid    = "%[3]s"
  entity_sids   = [%[4]s]
%[5]s
}
`, in, name, emulator.PolicySecondaryCustomerProfile, strings.Join(sids, ", "), extra)
}

var testAccTrustProfileComplete = []string{"business", "rep", "address"}

// testAccTrustProductConfig adds the A2P trust product on the profile, in a subaccount.
func testAccTrustProductConfig() string {
	return testAccTrustProfileConfig("tenant", testAccTrustProfileComplete, "") +
		testAccTrustProductConfigIn("twilio_subaccount.tenant.sid", "tenant a2p")
}

// testAccTrustProductConfigIn is the A2P trust product named name, in the account the expression account
// names ("" for the provider's), on twilio_trusthub_customer_profile.test.
func testAccTrustProductConfigIn(account, name string) string {
	in := ""
	if account != "" {
		in = "account_sid   = " + account
	}
	return fmt.Sprintf(`
resource "twilio_trusthub_end_user" "a2p" {
  %[1]s
  friendly_name = "a2p"
  type          = "us_a2p_messaging_profile_information"
  attributes    = jsonencode({ company_type = "private", brand_contact_email = "alex@tenant.example" })
}

resource "twilio_trusthub_trust_product" "test" {
  %[1]s
  friendly_name = %[2]q
  email         = "compliance@isv.example"
  policy_sid    = "%[3]s"
  entity_sids   = [twilio_trusthub_end_user.a2p.sid, twilio_trusthub_customer_profile.test.sid]
}
`, in, name, emulator.PolicyA2PTrustProduct)
}

// testAccTrustSubmissions counts the updates of bundles (submissions and edits), not of their subresources.
func testAccTrustSubmissions(env *acctest.Env, collection string) int {
	re := regexp.MustCompile(`^/v1/` + collection + `/BU[0-9a-f]{32}$`)
	n := 0
	for _, r := range env.Requests("POST", "/v1/"+collection+"/") {
		if re.MatchString(r.Path) {
			n++
		}
	}
	return n
}

func testAccReview(t *testing.T, env *acctest.Env, kind string, p emulator.ReviewPolicy) {
	t.Helper()
	if err := env.Emulator.SetReviewPolicy(kind, p); err != nil {
		t.Fatal(err)
	}
}

// A complete profile is created, evaluated, submitted once, approved through the review control, planned
// empty and imported; destroying it (approved) deletes it.
func TestAccTrustHubCustomerProfile_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	config := env.Config(testAccTrustProfileConfig("tenant", testAccTrustProfileComplete, ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("sid"), knownvalue.StringRegexp(sidRegexp("BU"))),
					statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("status"), knownvalue.StringExact("twilio-approved")),
					statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("evaluation_status"), knownvalue.StringExact("compliant")),
					statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("entity_sids"), knownvalue.SetSizeExact(3)),
				},
				Check: func(*terraform.State) error {
					if n := testAccTrustSubmissions(env, "CustomerProfiles"); n != 1 {
						return fmt.Errorf("%d profile updates, want the one submission", n)
					}
					return nil
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				ResourceName: testAccTrustProfileAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: testAccImportByAccountAndSID(testAccTrustProfileAddr),
			},
			{
				// Twilio refuses to edit an approved profile (60711): the plan says so before any request.
				Config:      env.Config(testAccTrustProfileConfig("tenant renamed", testAccTrustProfileComplete, "")),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)cannot\s+be\s+edited\s+while\s+twilio-approved.*friendly_name.*-replace`),
			},
		},
	})
}

// A profile missing a requirement is never submitted: the error names what Twilio found missing, and the
// draft is deleted.
func TestAccTrustHubCustomerProfile_noncompliant(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(testAccTrustProfileConfig("tenant", []string{"business", "address"}, "")),
				ExpectError: regexp.MustCompile(`(?s)noncompliant.*Authorized\s+Representative\s+1.*draft\s+BU[0-9a-f]{32}\s+was\s+deleted`),
				Check:       func(*terraform.State) error { return nil },
			},
			{
				PreConfig: func() {
					snap := env.Emulator.Snapshot()
					if len(snap.TrustBundles) != 0 {
						t.Errorf("a noncompliant draft was left: %+v", snap.TrustBundles)
					}
					if n := testAccTrustSubmissions(env, "CustomerProfiles"); n != 0 {
						t.Errorf("a noncompliant profile was submitted (%d updates)", n)
					}
				},
				Config: env.Config(testAccTrustProfileConfig("tenant", testAccTrustProfileComplete, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("status"), knownvalue.StringExact("twilio-approved")),
				},
			},
		},
	})
}

// A rejection fails the apply with Twilio's reason, after one submission.
func TestAccTrustHubCustomerProfile_rejected(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewReject,
		Reason: "The business name does not match the EIN records"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(testAccTrustProfileConfig("tenant", testAccTrustProfileComplete, "")),
				ExpectError: regexp.MustCompile(`(?s)Twilio\s+rejected\s+Trust\s+Hub\s+customer\s+profile\s+BU[0-9a-f]{32}.*does\s+not\s+match\s+the\s+EIN\s+records`),
			},
			{
				PreConfig: func() {
					if n := testAccTrustSubmissions(env, "CustomerProfiles"); n != 1 {
						t.Errorf("%d submissions, want 1", n)
					}
				},
				// Kept, tainted: the next plan replaces it with a new submission.
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check:              resource.TestCheckResourceAttr(testAccTrustProfileAddr, "status", "twilio-rejected"),
			},
		},
	})
}

// Twilio's review outlasts timeouts.create: the profile is kept (in review) with a warning, and the plans
// after it show an update that goes on waiting. Once the review rejects it, an assignment removed in the
// Console shows as entity_sids; the apply assigns it again and resubmits, and the approved profile plans
// empty.
func TestAccTrustHubCustomerProfile_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewHold})
	config := env.Config(testAccTrustProfileConfig("tenant", testAccTrustProfileComplete, `  timeouts {
    create = "2s"
    update = "2s"
  }`))
	var account, sid string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: []resource.TestStep{
			{
				Config:             config,
				ExpectNonEmptyPlan: true,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("status"), knownvalue.StringExact("in-review")),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCaptureAttr(testAccTrustProfileAddr, "account_sid", &account),
					testAccCaptureAttr(testAccTrustProfileAddr, "sid", &sid)),
			},
			{
				PreConfig: func() {
					testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewReject, Reason: "Representative unreachable"})
					c := env.Client(t)
					if _, err := c.FindTrustBundle(context.Background(), twilioclient.TrustCustomerProfile, account, sid); err != nil {
						t.Fatal(err)
					}
					held, err := c.ListTrustAssignments(context.Background(), twilioclient.TrustCustomerProfile, account, sid)
					if err != nil || len(held) != 3 {
						t.Fatalf("assignments %v: %v", held, err)
					}
					if err := c.UnassignTrustObject(context.Background(), twilioclient.TrustCustomerProfile, account, sid, held[1].Sid); err != nil {
						t.Fatal(err)
					}
					testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTrustProfileAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("entity_sids"), knownvalue.SetSizeExact(3)),
					acctest.ExpectChangedAttributes(testAccTrustProfileAddr, "entity_sids", "status", "evaluation_status", "valid_until"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("status"), knownvalue.StringExact("twilio-approved")),
					statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("entity_sids"), knownvalue.SetSizeExact(3)),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// A rejected profile is edited in place (a new name and email, its status callback removed, which clears
// it in Twilio), evaluated and submitted again, and approved; nothing is replaced.
func TestAccTrustHubCustomerProfile_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewHold})
	timeouts := `  timeouts {
    create = "2s"
    update = "2s"
  }`
	var sid string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccTrustProfileConfig("tenant", testAccTrustProfileComplete,
					timeouts+"\n  status_callback = \"https://isv.example/trust\"")),
				ExpectNonEmptyPlan: true,
				Check:              testAccCaptureAttr(testAccTrustProfileAddr, "sid", &sid),
			},
			{
				PreConfig: func() {
					testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewReject, Reason: "Website unreachable"})
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check:              resource.TestCheckResourceAttr(testAccTrustProfileAddr, "status", "twilio-rejected"),
			},
			{
				PreConfig: func() {
					testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove, After: 500 * time.Millisecond})
				},
				Config: env.Config(strings.Replace(testAccTrustProfileConfig("tenant fixed", testAccTrustProfileComplete, timeouts),
					`"compliance@isv.example"`, `"trust@isv.example"`, 1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTrustProfileAddr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("status"), knownvalue.StringExact("twilio-approved")),
					statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("friendly_name"), knownvalue.StringExact("tenant fixed")),
					statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("email"), knownvalue.StringExact("trust@isv.example")),
					statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("status_callback"), knownvalue.Null()),
				},
				Check: func(s *terraform.State) error {
					if got := s.RootModule().Resources[testAccTrustProfileAddr].Primary.Attributes["sid"]; got != sid {
						return fmt.Errorf("the profile was replaced: %s, then %s", sid, got)
					}
					for _, b := range env.Emulator.Snapshot().TrustBundles {
						if b.Sid == sid && b.StatusCallback != "" {
							return fmt.Errorf("the status callback was not cleared in Twilio: %q", b.StatusCallback)
						}
					}
					return nil
				},
			},
		},
	})
}

func TestAccTrustHubCustomerProfile_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: testAccDisappearsSteps(env.Config(testAccTrustProfileConfig("tenant", testAccTrustProfileComplete, "")), testAccTrustProfileAddr,
			func(account, sid string) error {
				return env.Client(t).DeleteTrustBundle(context.Background(), twilioclient.TrustCustomerProfile, account, sid)
			}),
	})
}

// The A2P chain: a trust product on the approved profile, approved in turn, under both outcomes of the
// assumption a2p-profile-approved (an approved profile, or any submitted one, satisfies the policy).
func TestAccTrustHubTrustProduct_basic(t *testing.T) {
	t.Parallel()
	for _, submittedSuffices := range []bool{false, true} {
		t.Run(fmt.Sprintf("submitted profile suffices=%v", submittedSuffices), func(t *testing.T) {
			env := acctest.New(t)
			env.RequireEmulator(t)
			env.Emulator.SetAlternative(emulator.AltTrustProfileSubmitted, submittedSuffices)
			testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove, After: 300 * time.Millisecond})
			testAccReview(t, env, emulator.ReviewTrustProduct, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
			config := env.Config(testAccTrustProductConfig())
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				CheckDestroy:             testAccCheckTrustHubGone(t, env),
				Steps: []resource.TestStep{
					{
						Config: config,
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(testAccTrustProductAddr, tfjsonpath.New("status"), knownvalue.StringExact("twilio-approved")),
							statecheck.ExpectKnownValue(testAccTrustProductAddr, tfjsonpath.New("policy_sid"), knownvalue.StringExact(emulator.PolicyA2PTrustProduct)),
						},
					},
					{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
					{
						ResourceName: testAccTrustProductAddr, ImportState: true, ImportStateVerify: true,
						ImportStateVerifyIdentifierAttribute: "sid", ImportStateVerifyIgnore: []string{"timeouts"},
						ImportStateIdFunc: testAccImportByAccountAndSID(testAccTrustProductAddr),
					},
				},
			})
		})
	}
}

// A rejected trust product fails the apply with Twilio's reason.
func TestAccTrustHubTrustProduct_rejected(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	testAccReview(t, env, emulator.ReviewTrustProduct, emulator.ReviewPolicy{Outcome: emulator.ReviewReject, Reason: "Company type does not match the profile"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: []resource.TestStep{{
			Config:      env.Config(testAccTrustProductConfig()),
			ExpectError: regexp.MustCompile(`(?s)Twilio\s+rejected\s+Trust\s+Hub\s+trust\s+product\s+BU[0-9a-f]{32}.*Company\s+type\s+does\s+not\s+match\s+the\s+profile`),
		}},
	})
}

func TestAccTrustHubTrustProduct_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	testAccReview(t, env, emulator.ReviewTrustProduct, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: testAccDisappearsSteps(env.Config(testAccTrustProductConfig()), testAccTrustProductAddr,
			func(account, sid string) error {
				return env.Client(t).DeleteTrustBundle(context.Background(), twilioclient.TrustProduct, account, sid)
			}),
	})
}

// TestAccTrustHub_identity checks the identities of the four Trust Hub types after apply and imports each
// by identity.
func TestAccTrustHub_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	testAccReview(t, env, emulator.ReviewTrustProduct, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	config := env.Config(testAccTrustProfileConfigIn("", "tenant", testAccTrustProfileComplete, "") + testAccTrustProductConfigIn("", "a2p"))
	addrs := map[string]string{
		"twilio_trusthub_end_user.business": "IT", "twilio_trusthub_supporting_document.address": "RD",
		testAccTrustProfileAddr: "BU", testAccTrustProductAddr: "BU",
	}
	var checks []statecheck.StateCheck
	steps := []resource.TestStep{}
	for addr, prefix := range addrs {
		checks = append(checks, statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
			"account_sid": knownvalue.StringExact(env.AccountSID), "sid": knownvalue.StringRegexp(sidRegexp(prefix)),
		}))
		steps = append(steps, resource.TestStep{Config: config, ResourceName: addr, ImportState: true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity})
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps:                    append([]resource.TestStep{{Config: config, ConfigStateChecks: checks}}, steps...),
	})
}

// An assignment and the submission whose answers are lost (Twilio made them, then answered 500) are found
// by reading the profile back: the create neither fails nor assigns or submits twice.
func TestAccTrustHubCustomerProfile_lostAnswers(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckTrustHubGone(t, env),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: `/EntityAssignments$`, Kind: emulator.FaultInternal, AfterEffect: true, Times: 1})
				env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: `^/v1/CustomerProfiles/BU[0-9a-f]{32}$`, Kind: emulator.FaultReset, AfterEffect: true, Times: 1})
			},
			Config: env.Config(testAccTrustProfileConfig("tenant", testAccTrustProfileComplete, "")),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("status"), knownvalue.StringExact("twilio-approved")),
				statecheck.ExpectKnownValue(testAccTrustProfileAddr, tfjsonpath.New("entity_sids"), knownvalue.SetSizeExact(3)),
			},
			Check: func(*terraform.State) error {
				faulted := 0
				for _, r := range env.Emulator.Requests() {
					if r.Fault != "" {
						faulted++
					}
				}
				if faulted != 2 {
					return fmt.Errorf("%d faulted requests, want the lost assignment and the lost submission", faulted)
				}
				accepted := 0
				for _, r := range env.Emulator.Requests() {
					if r.Method == "POST" && regexp.MustCompile(`^/v1/CustomerProfiles/BU[0-9a-f]{32}$`).MatchString(r.Path) && r.Status == 200 && r.Fault == "" {
						accepted++
					}
				}
				if accepted != 0 {
					return fmt.Errorf("%d submissions accepted after the lost one, want none", accepted)
				}
				return nil
			},
		}},
	})
}
