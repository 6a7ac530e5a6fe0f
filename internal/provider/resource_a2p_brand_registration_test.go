package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

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

const testAccA2PBrandAddr = "twilio_a2p_brand_registration.test"

// testAccA2PBundles seeds an approved customer profile and trust product in the main account, as the Console
// and Twilio's reviewers would leave them, and sets how brand reviews end.
func testAccA2PBundles(t *testing.T, env *acctest.Env, brandReview emulator.ReviewPolicy) (profile, product string) {
	t.Helper()
	env.RequireEmulator(t)
	profile, product, err := env.Emulator.SeedApprovedTrustBundles("")
	if err != nil {
		t.Fatal(err)
	}
	if err := env.Emulator.SetReviewPolicy(emulator.ReviewBrand, brandReview); err != nil {
		t.Fatal(err)
	}
	// The seeded bundles stand for what the Console made before Terraform ran: not orphans of the test.
	env.Baseline()
	return profile, product
}

func testAccA2PBrandConfig(profile, product, extra string) string {
	return fmt.Sprintf(`
resource "twilio_a2p_brand_registration" "test" {
  customer_profile_bundle_sid = %q
  a2p_profile_bundle_sid      = %q
%s
}
`, profile, product, extra)
}

// testAccA2PBrandRegistrations counts the registration requests sent (every POST to the collection).
func testAccA2PBrandRegistrations(env *acctest.Env) int {
	n := 0
	for _, r := range env.Requests("POST", "/v1/a2p/BrandRegistrations") {
		if r.Path == "/v1/a2p/BrandRegistrations" {
			n++
		}
	}
	return n
}

// testAccCheckA2PBrandForgotten is the CheckDestroy of a brand: exactly want registrations were sent, and the
// brands are still in Twilio (destroy only forgets them).
func testAccCheckA2PBrandForgotten(env *acctest.Env, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := testAccA2PBrandRegistrations(env); n != want {
			return fmt.Errorf("%d registration requests sent, want %d", n, want)
		}
		if n := len(env.Emulator.Snapshot().BrandRegistrations); n != want {
			return fmt.Errorf("%d brands in Twilio after destroy, want %d (destroy must only forget them)", n, want)
		}
		return env.CheckDestroyNoOrphans()(nil)
	}
}

func TestAccA2PBrandRegistration_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	// The review takes a moment, so the create's wait is exercised.
	profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove, AfterMS: 1500})
	config := env.Config(testAccA2PBrandConfig(profile, product, `  mock = true`))
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccA2PBrandAddr, tfjsonpath.New(name), v)
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(acctest.Identity),
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PBrandForgotten(env, 1),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					attr("sid", knownvalue.StringRegexp(sidRegexp("BN"))),
					attr("account_sid", knownvalue.StringExact(env.AccountSID)),
					attr("status", knownvalue.StringExact("APPROVED")),
					attr("brand_type", knownvalue.StringExact("STANDARD")),
					attr("mock", knownvalue.Bool(true)),
					attr("skip_automatic_sec_vet", knownvalue.Bool(false)),
					attr("identity_status", knownvalue.StringExact("VERIFIED")),
					attr("tcr_id", knownvalue.StringRegexp(regexp.MustCompile(`^B[0-9A-F]{6}$`))),
					attr("brand_score", knownvalue.Int64Exact(75)),
					attr("failure_reason", knownvalue.StringExact("")),
					attr("errors", knownvalue.ListExact([]knownvalue.Check{})),
					statecheck.ExpectIdentity(testAccA2PBrandAddr, map[string]knownvalue.Check{
						"account_sid": knownvalue.StringExact(env.AccountSID), "sid": knownvalue.StringRegexp(sidRegexp("BN")),
					}),
				},
				Check: env.CheckNoOrphans(),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			testAccImportStep(testAccA2PBrandAddr, "timeouts"),
			{Config: config, ResourceName: testAccA2PBrandAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}

// A rejected brand fails the apply with Twilio's reason, and one registration request was sent in all:
// the failed brand is kept (tainted), never registered again by the provider.
func TestAccA2PBrandRegistration_rejected(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewReject,
		Reason: "The EIN does not match the legal business name", AfterMS: 1000})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PBrandForgotten(env, 1),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(testAccA2PBrandConfig(profile, product, "")),
				ExpectError: regexp.MustCompile(`(?s)was\s+rejected.*EIN\s+does\s+not\s+match\s+the\s+legal\s+business\s+name.*One\s+registration\s+was\s+made`),
			},
			// The failed create left the brand tainted, so Terraform plans a replacement. After the customer
			// fixed the profile and resubmitted the brand in the Console, the apply takes the brand over and
			// waits for its new review: still one registration in all (CheckDestroy).
			{
				PreConfig: func() {
					if err := env.Emulator.SetReviewPolicy(emulator.ReviewBrand, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}); err != nil {
						t.Fatal(err)
					}
					testAccResubmitBrand(t, env)
				},
				Config: env.Config(testAccA2PBrandConfig(profile, product, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccA2PBrandAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccA2PBrandAddr, tfjsonpath.New("status"), knownvalue.StringExact("APPROVED")),
				},
			},
		},
	})
}

// testAccResubmitBrand resubmits the test's one brand as the Console does (a POST to the brand, Twilio's
// UpdateBrandRegistrations).
func testAccResubmitBrand(t *testing.T, env *acctest.Env) {
	t.Helper()
	brands := env.Emulator.Snapshot().BrandRegistrations
	if len(brands) != 1 {
		t.Fatalf("%d brands, want the rejected one", len(brands))
	}
	req, err := http.NewRequest(http.MethodPost, env.URL+"/v1/a2p/BrandRegistrations/"+brands[0].Sid, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "messaging.twilio.com"
	req.SetBasicAuth(env.AccountSID, env.AuthToken)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusAccepted {
		t.Fatalf("resubmitting brand %s: HTTP %d", brands[0].Sid, res.StatusCode)
	}
}

// A review still going on when timeouts.create ends keeps the brand with a warning; the next refresh shows
// the verdict, and nothing is registered again.
func TestAccA2PBrandRegistration_pendingAtTimeout(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewHold})
	// A Low-Volume Standard brand, which skips secondary vetting (assumption a2p-brand-type-lvs).
	config := env.Config(testAccA2PBrandConfig(profile, product, "  brand_type = \"LOW_VOLUME_STANDARD\"\n  skip_automatic_sec_vet = true\n  timeouts {\n    create = \"3s\"\n  }"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PBrandForgotten(env, 1),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccA2PBrandAddr, tfjsonpath.New("status"), knownvalue.StringExact("PENDING")),
				},
			},
			{
				PreConfig: func() {
					if err := env.Emulator.SetReviewPolicy(emulator.ReviewBrand, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}); err != nil {
						t.Fatal(err)
					}
				},
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccA2PBrandAddr, tfjsonpath.New("status"), knownvalue.StringExact("APPROVED")),
					statecheck.ExpectKnownValue(testAccA2PBrandAddr, tfjsonpath.New("brand_type"), knownvalue.StringExact("LOW_VOLUME_STANDARD")),
					statecheck.ExpectKnownValue(testAccA2PBrandAddr, tfjsonpath.New("brand_score"), knownvalue.Null()),
				},
			},
		},
	})
}

// A change to what the brand was registered from is refused at plan time on the attribute, never planned
// as a replacement (a second, charged registration); the configuration put back plans nothing.
func TestAccA2PBrandRegistration_changeRefused(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	otherProfile, _, err := env.Emulator.SeedApprovedTrustBundles("")
	if err != nil {
		t.Fatal(err)
	}
	env.Baseline()
	config := env.Config(testAccA2PBrandConfig(profile, product, ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PBrandForgotten(env, 1),
		Steps: []resource.TestStep{
			{Config: config},
			{
				Config:      env.Config(testAccA2PBrandConfig(profile, product, `  brand_type = "LOW_VOLUME_STANDARD"`)),
				ExpectError: regexp.MustCompile(`(?s)brand_type\s+cannot\s+change.*registering\s+another\s+one\s+is\s+charged`),
			},
			{
				Config:      env.Config(testAccA2PBrandConfig(otherProfile, product, "")),
				ExpectError: regexp.MustCompile(`(?s)customer_profile_bundle_sid\s+cannot\s+change.*terraform\s+state\s+rm`),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A brand imported with a configuration that differs from what Twilio registered (here: the brand type)
// is refused, not re-registered: the drift a Console registration brings is never "fixed" by a new brand.
func TestAccA2PBrandRegistration_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	sid := testAccA2PBrandInConsole(t, env, profile, product, "SOLE_PROPRIETOR")
	config := env.Config(testAccA2PBrandConfig(profile, product, "") + fmt.Sprintf(`
import {
  to = twilio_a2p_brand_registration.test
  id = %q
}
`, sid))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PBrandForgotten(env, 1),
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)brand_type\s+cannot\s+change.*SOLE_PROPRIETOR`),
			},
			{
				Config: env.Config(testAccA2PBrandConfig(profile, product, `  brand_type = "SOLE_PROPRIETOR"`) + fmt.Sprintf(`
import {
  to = twilio_a2p_brand_registration.test
  id = %q
}
`, sid)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccA2PBrandAddr, tfjsonpath.New("sid"), knownvalue.StringExact(sid)),
				},
			},
		},
	})
}

// A brand deleted in the Console (Twilio lets the Console delete a failed brand) leaves the state with a
// warning; the plan then shows, for all to see, the new registration it would take.
func TestAccA2PBrandRegistration_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	var sid string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccA2PBrandConfig(profile, product, "")),
				Check: resource.ComposeTestCheckFunc(testAccCaptureAttr(testAccA2PBrandAddr, "sid", &sid),
					func(*terraform.State) error { return env.Emulator.DeleteBrandInConsole(sid) }),
				ExpectNonEmptyPlan: true,
			},
		},
	})
	if n := testAccA2PBrandRegistrations(env); n != 1 {
		t.Errorf("%d registrations sent, want 1", n)
	}
}

// Bad values are refused at plan time, on the attribute, before any request.
func TestAccA2PBrandRegistration_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.Config(testAccA2PBrandConfig("BU0123", "BU0123456789abcdef0123456789abcdef", "")),
				ExpectError: regexp.MustCompile(`customer_profile_bundle_sid`),
				PlanOnly:    true,
			},
			{
				Config:      env.Config(testAccA2PBrandConfig("BU0123456789abcdef0123456789abcdef", "BU0123456789abcdef0123456789abcdef", `  brand_type = "STARTER"`)),
				ExpectError: regexp.MustCompile(`(?s)brand_type.*value\s+must\s+be\s+one\s+of`),
				PlanOnly:    true,
			},
		},
	})
	if n := len(env.Requests("POST", "/v1/a2p")); n != 0 {
		t.Errorf("%d requests sent for bad input", n)
	}
}

// testAccA2PBrandInConsole registers a brand as a Console user would and returns its SID.
func testAccA2PBrandInConsole(t *testing.T, env *acctest.Env, profile, product, brandType string) string {
	t.Helper()
	p := &twilioclient.CreateBrandRegistrationParams{}
	p.SetCustomerProfileBundleSid(profile).SetA2PProfileBundleSid(product).SetBrandType(brandType)
	b, err := env.Client(t).CreateBrandRegistration(t.Context(), env.AccountSID, p)
	if err != nil {
		t.Fatal(err)
	}
	return *b.Sid
}

// The brand's rows of the fault and identity matrices.
func init() {
	faultTargets = append(faultTargets, faultTarget{
		name: "twilio_a2p_brand_registration",
		setup: func(t *testing.T, env *acctest.Env) (string, string) {
			profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
			config := testAccA2PBrandConfig(profile, product, "")
			return config, config
		},
		createPath:   `^/v1/a2p/BrandRegistrations$`,
		instancePath: `^/v1/a2p/BrandRegistrations/BN[0-9a-f]{32}$`,
		skip: map[string]string{
			"update": "no attribute of a brand can change: every change is refused at plan time (TestAccA2PBrandRegistration_changeRefused)",
			"delete": "Twilio has no DELETE for brands: destroy sends no request, it only forgets the brand",
		},
	})
	identityTests["twilio_a2p_brand_registration"] = "TestAccA2PBrandRegistration_basic"
}

// A registration whose answer was lost is adopted by its bundles, not registered again: one request, one
// brand, the one in the state.
func TestAccA2PBrandRegistration_lostAnswerAdopted(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	env.Baseline()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PBrandForgotten(env, 1),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: `^/v1/a2p/BrandRegistrations$`,
						Kind: emulator.FaultReset, AfterEffect: true, Times: 1})
				},
				Config: env.Config(testAccA2PBrandConfig(profile, product, "")),
				Check: resource.ComposeTestCheckFunc(env.CheckNoOrphans(), func(s *terraform.State) error {
					brands := env.Emulator.Snapshot().BrandRegistrations
					if n := testAccA2PBrandRegistrations(env); n != 1 || len(brands) != 1 {
						return fmt.Errorf("%d registration requests, %d brands; want 1 and 1", n, len(brands))
					}
					return resource.TestCheckResourceAttr(testAccA2PBrandAddr, "sid", brands[0].Sid)(s)
				}),
			},
		},
	})
}

// A brand already registered from the same bundles (in the Console, or by an earlier create that failed
// its review) is taken over instead of registered again: one request in all, the Console's.
func TestAccA2PBrandRegistration_takenOver(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	sid := testAccA2PBrandInConsole(t, env, profile, product, "STANDARD")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckA2PBrandForgotten(env, 1),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccA2PBrandConfig(profile, product, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccA2PBrandAddr, tfjsonpath.New("sid"), knownvalue.StringExact(sid)),
					statecheck.ExpectKnownValue(testAccA2PBrandAddr, tfjsonpath.New("status"), knownvalue.StringExact("APPROVED")),
				},
			},
		},
	})
}

// Two brands already registered from the same bundles, or one registered differently: nothing is taken
// over and nothing registered; the error says what to do.
func TestAccA2PBrandRegistration_takeOverRefused(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	testAccA2PBrandInConsole(t, env, profile, product, "SOLE_PROPRIETOR")
	config := env.Config(testAccA2PBrandConfig(profile, product, ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config, ExpectError: regexp.MustCompile(`(?s)already\s+registered\s+from\s+these\s+bundles,\s+with\s+brand_type\s+=\s+SOLE_PROPRIETOR.*nothing\s+was\s+registered`)},
			{
				PreConfig:   func() { testAccA2PBrandInConsole(t, env, profile, product, "STANDARD") },
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)already\s+holds\s+2\s+brands\s+registered\s+from\s+these\s+bundles.*nothing\s+was\s+registered.*Import`),
			},
		},
	})
	if n := testAccA2PBrandRegistrations(env); n != 2 {
		t.Errorf("%d registration requests in all (both from the Console), want 2", n)
	}
}

// A lost answer whose registration never took effect finds nothing, even after allowing for Twilio's
// listing lag; the error still does not call applying again safe without a look at the Console.
func TestAccA2PBrandRegistration_lostAnswerNothingFound(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	profile, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: `^/v1/a2p/BrandRegistrations$`,
						Kind: emulator.FaultReset, Times: 1})
				},
				Config:      env.Config(testAccA2PBrandConfig(profile, product, "")),
				ExpectError: regexp.MustCompile(`(?s)Twilio\s+may\s+list\s+it\s+late.*Do\s+not\s+apply\s+again\s+yet`),
			},
		},
	})
	if n := testAccA2PBrandRegistrations(env); n != 1 {
		t.Errorf("%d registration requests, want 1", n)
	}
}

// A brand whose customer profile is still in review is refused before anything is registered.
func TestAccA2PBrandRegistration_bundleNotApproved(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	_, product := testAccA2PBundles(t, env, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
	profile, err := env.Emulator.SeedCustomerProfile("", "in-review")
	if err != nil {
		t.Fatal(err)
	}
	env.Baseline()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      env.Config(testAccA2PBrandConfig(profile, product, "")),
			ExpectError: regexp.MustCompile(`(?s)customer\s+profile\s+BU[0-9a-f]{32}\s+is\s+in-review.*nothing\s+was\s+registered`),
		}},
	})
	if n := testAccA2PBrandRegistrations(env); n != 0 {
		t.Errorf("%d registration requests, want none", n)
	}
}
