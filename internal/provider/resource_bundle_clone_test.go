package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
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
	testAccBundleCloneAddr = "twilio_bundle_clone.test"
	testAccTenantNumAddr   = "twilio_incoming_number.tenant"
)

// testAccBundleCloneConfig is a tenant: a subaccount, the main account's approved UK bundle found by name,
// its clone in the subaccount, and (withNumber) a UK number of the subaccount under the clone.
func testAccBundleCloneConfig(cloneName string, withNumber bool) string {
	name := ""
	if cloneName != "" {
		name = fmt.Sprintf("friendly_name = %q", cloneName)
	}
	number := ""
	if withNumber {
		number = fmt.Sprintf(`
resource "twilio_address" "tenant" {
  account_sid   = twilio_subaccount.tenant.sid
  customer_name = "Tenant Ltd"
  street        = "1 Example Street"
  city          = "London"
  region        = "Greater London"
  postal_code   = "SW1A 1AA"
  iso_country   = "GB"
}

resource "twilio_incoming_number" "tenant" {
  account_sid  = twilio_subaccount.tenant.sid
  phone_number = %q
  bundle_sid   = twilio_bundle_clone.test.sid
  address_sid  = twilio_address.tenant.sid
}
`, testAccUKNumber)
	}
	return fmt.Sprintf(`
resource "twilio_subaccount" "tenant" {
  friendly_name            = "tenant-uk"
  release_numbers_on_close = true
}

data "twilio_regulatory_bundle" "uk" {
  friendly_name = "uk business"
  status        = "twilio-approved"
}

resource "twilio_bundle_clone" "test" {
  account_sid = twilio_subaccount.tenant.sid
  bundle_sid  = data.twilio_regulatory_bundle.uk.sid
  %s
}
%s`, name, number)
}

// testAccCheckBundleClonesGone is the CheckDestroy of clone tests: only the bundles the test made itself
// remain.
func testAccCheckBundleClonesGone(env *acctest.Env, keep ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, b := range env.Emulator.Snapshot().Bundles {
			kept := false
			for _, k := range keep {
				kept = kept || b.Sid == k
			}
			if !kept {
				return fmt.Errorf("bundle %s (%s) of account %s is left after destroy", b.Sid, b.FriendlyName, b.AccountSid)
			}
		}
		return nil
	}
}

// A tenant clones the main account's approved bundle and buys a UK number under the clone in one apply;
// the clone is twilio-approved with the source's regulation, imports by AC…/BU… and by a bare BU…, and
// destroy releases the number, deletes the clone and closes the subaccount, leaving only the source.
func TestAccBundleClone_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	source := env.Bundle(t, testAccUKBundle("", ""))
	env.Baseline()
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccBundleCloneAddr, tfjsonpath.New(name), v)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(s *terraform.State) error {
			if err := testAccCheckBundleClonesGone(env, source)(s); err != nil {
				return err
			}
			return env.CheckDestroyNoOrphans()(s)
		},
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccBundleCloneConfig("", true)),
				ConfigStateChecks: []statecheck.StateCheck{
					attr("sid", knownvalue.StringRegexp(sidRegexp("BU"))),
					attr("bundle_sid", knownvalue.StringExact(source)),
					attr("friendly_name", knownvalue.StringExact("uk business")),
					attr("status", knownvalue.StringExact("twilio-approved")),
					attr("iso_country", knownvalue.StringExact("GB")),
					attr("number_type", knownvalue.StringExact("local")),
					attr("end_user_type", knownvalue.StringExact("business")),
					attr("regulation_sid", knownvalue.StringRegexp(sidRegexp("RN"))),
					attr("skip_destroy", knownvalue.Bool(false)),
					statecheck.CompareValuePairs(testAccTenantNumAddr, tfjsonpath.New("bundle_sid"),
						testAccBundleCloneAddr, tfjsonpath.New("sid"), compare.ValuesSame()),
					statecheck.CompareValuePairs(testAccBundleCloneAddr, tfjsonpath.New("account_sid"),
						"twilio_subaccount.tenant", tfjsonpath.New("sid"), compare.ValuesSame()),
				},
				Check: resource.ComposeTestCheckFunc(env.CheckNoOrphans(), func(*terraform.State) error {
					if n := len(env.Requests("POST", "/IncomingPhoneNumbers.json")); n != 1 {
						return fmt.Errorf("%d purchase requests, want 1", n)
					}
					if n := len(env.Requests("POST", "/Clones")); n != 1 {
						return fmt.Errorf("%d clone requests, want 1", n)
					}
					return nil
				}),
			},
			{
				ResourceName:            testAccBundleCloneAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateIdFunc:       testAccAccountSlashSID(testAccBundleCloneAddr),
				ImportStateVerifyIgnore: []string{"bundle_sid"},
			},
			// A bare BU… is looked for in the provider's account, then its subaccounts.
			testAccImportStep(testAccBundleCloneAddr, "bundle_sid"),
		},
	})
}

func testAccAccountSlashSID(addr string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s not in state", addr)
		}
		return rs.Primary.Attributes["account_sid"] + "/" + rs.Primary.Attributes["sid"], nil
	}
}

// A clone renamed in the Console shows as drift of friendly_name alone and is renamed back in one request;
// a clone deleted in the Console leaves the state and is cloned again.
func TestAccBundleClone_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	source := env.Bundle(t, testAccUKBundle("", ""))
	config := env.Config(testAccBundleCloneConfig("tenant uk", false))
	var account, sid string
	steps := []resource.TestStep{
		{
			Config: config,
			Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr(testAccBundleCloneAddr, "account_sid", &account),
				testAccCaptureAttr(testAccBundleCloneAddr, "sid", &sid),
				resource.TestCheckResourceAttr(testAccBundleCloneAddr, "friendly_name", "tenant uk"),
			),
		},
		{
			PreConfig: func() {
				if _, err := env.Client(t).RenameBundle(context.Background(), account, sid, "renamed in the console"); err != nil {
					t.Fatal(err)
				}
				env.Emulator.ResetRequests()
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testAccBundleCloneAddr, plancheck.ResourceActionUpdate),
				acctest.ExpectChangedAttributes(testAccBundleCloneAddr, "friendly_name"),
			}},
			Check: func(*terraform.State) error {
				if n := len(env.Requests("POST", "/Bundles/")); n != 1 {
					return fmt.Errorf("%d bundle writes, want 1 rename", n)
				}
				return nil
			},
		},
	}
	steps = append(steps, testAccDisappearsSteps(config, testAccBundleCloneAddr, func(account, sid string) error {
		return env.Client(t).DeleteBundle(context.Background(), account, sid)
	})...)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckBundleClonesGone(env, source),
		Steps:                    steps,
	})
}

// A source bundle that is not approved fails the plan, pointing at bundle_sid, and nothing is cloned;
// a source known only at apply is checked by the plan Terraform makes then. A target outside the family,
// which the plan cannot tell, gets Twilio's refusal (assumption clone-refusals), and nothing is cloned. Cloning into the provider's own account fails the plan.
func TestAccBundleClone_sourceNotApproved(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	pending := env.Bundle(t, testAccUKBundle("", emulator.BundlePendingReview))
	approved := env.Bundle(t, testAccUKBundle("", ""))
	sub, err := env.Client(t).CreateSubaccount(context.Background(), "tenant")
	if err != nil {
		t.Fatal(err)
	}
	otherCustomer, _ := env.Emulator.NewMainAccount("", "", "another customer")
	clone := func(account, bundle string) string {
		return env.Config(fmt.Sprintf(`
resource "twilio_bundle_clone" "test" {
  account_sid = %q
  bundle_sid  = %q
}
`, account, bundle))
	}
	env.Emulator.ResetRequests()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      clone(*sub.Sid, pending),
				ExpectError: errorParts("Only an approved bundle can be cloned", "is pending-review", "Nothing was cloned"),
			},
			{
				Config:      clone(env.AccountSID, approved),
				ExpectError: errorParts("A bundle is cloned into another account"),
			},
			{
				Config:      clone(*sub.Sid, "BU00000000000000000000000000000000"),
				ExpectError: errorParts("No such bundle in the provider's account"),
			},
			{
				// A source known only at apply (here through terraform_data) is judged by Twilio.
				PreConfig: func() {
					if n := len(env.Requests("POST", "/Clones")); n != 0 {
						t.Fatalf("%d clone requests for configurations refused at plan", n)
					}
				},
				Config: env.Config(fmt.Sprintf(`
resource "terraform_data" "source" {
  input = %q
}

resource "twilio_bundle_clone" "test" {
  account_sid = %q
  bundle_sid  = terraform_data.source.output
}
`, pending, *sub.Sid)),
				// Terraform plans again once the value is known, before the create: still refused, nothing sent.
				ExpectError: errorParts("Only an approved bundle can be cloned", "is pending-review"),
			},
			{
				// A target outside the family cannot be told at plan time: Twilio's refusal is the error.
				PreConfig: func() {
					if n := len(env.Requests("POST", "/Clones")); n != 0 {
						t.Fatalf("%d clone requests for configurations refused at plan", n)
					}
				},
				Config:      clone(otherCustomer, approved),
				ExpectError: errorParts("Cloning Twilio regulatory bundle", "is not an account of the organization"),
			},
		},
	})
	if n := len(env.Requests("POST", "/Clones")); n != 1 {
		t.Fatalf("%d clone requests, want only the one Twilio refused", n)
	}
	if n := len(env.Emulator.Snapshot().Bundles); n != 2 {
		t.Fatalf("%d bundles, want the 2 sources: a refused clone made one", n)
	}
}

// When Twilio refuses to delete an approved bundle (the alternative outcome of assumption bundle-delete),
// destroy fails saying so and naming skip_destroy, which then leaves the clone in the subaccount.
func TestAccBundleClone_deleteRefused(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Emulator.SetAlternative(emulator.AltBundleDeleteRefused, true)
	source := env.Bundle(t, testAccUKBundle("", ""))
	sub, err := env.Client(t).CreateSubaccount(context.Background(), "tenant")
	if err != nil {
		t.Fatal(err)
	}
	config := func(skip bool) string {
		return env.Config(fmt.Sprintf(`
resource "twilio_bundle_clone" "test" {
  account_sid  = %q
  bundle_sid   = %q
  skip_destroy = %t
}
`, *sub.Sid, source, skip))
	}
	var clone string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(*terraform.State) error {
			b, err := env.Client(t).FindBundle(context.Background(), *sub.Sid, clone)
			if err != nil {
				return fmt.Errorf("the kept clone %s: %w", clone, err)
			}
			if b.Status != twilioclient.BundleStatusApproved {
				return fmt.Errorf("the kept clone is %s", b.Status)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{Config: config(false), Check: testAccCaptureAttr(testAccBundleCloneAddr, "sid", &clone)},
			{
				Config:      config(false),
				Destroy:     true,
				ExpectError: errorParts("Deleting cloned Twilio regulatory bundle", "only a draft bundle can be deleted", "skip_destroy = true"),
			},
			{Config: config(true)},
		},
	})
}

// A clone whose answer is lost (Twilio cloned, then answered 500) is not repeated: the one bundle of the
// subaccount with the requested name, made since the request from the same regulation, is adopted with a
// warning (adoptionVerdict's refusals of ambiguous candidates are shared with every resource and tested there).
func TestAccBundleClone_lostAnswer(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	source := env.Bundle(t, testAccUKBundle("", ""))
	sub, err := env.Client(t).CreateSubaccount(context.Background(), "tenant")
	if err != nil {
		t.Fatal(err)
	}
	env.Baseline()
	env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: `/Clones$`, Kind: emulator.FaultInternal, AfterEffect: true, Times: 1})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckBundleClonesGone(env, source),
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "twilio_bundle_clone" "test" {
  account_sid   = %q
  bundle_sid    = %q
  friendly_name = "tenant uk"
}
`, *sub.Sid, source)),
			Check: resource.ComposeTestCheckFunc(env.CheckNoOrphans(), func(s *terraform.State) error {
				if n := len(env.Requests("POST", "/Clones")); n != 1 {
					return fmt.Errorf("%d clone requests, want 1: a lost answer is never repeated", n)
				}
				if d := env.Duplicates(s, "twilio_bundle_clone"); d != 0 {
					return fmt.Errorf("%d duplicate clones", d)
				}
				return nil
			}),
		}},
	})
}

// The clone's identity is its account and SID, set after create and used by an import block
// (Terraform and OpenTofu 1.12+).
func TestAccBundleClone_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Bundle(t, testAccUKBundle("", ""))
	config := env.Config(testAccBundleCloneConfig("tenant uk", false))
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccIdentityVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccBundleCloneAddr, map[string]knownvalue.Check{
						"account_sid": knownvalue.StringRegexp(sidRegexp("AC")), "sid": knownvalue.StringRegexp(sidRegexp("BU")),
					}),
					statecheck.CompareValuePairs(testAccBundleCloneAddr, tfjsonpath.New("account_sid"),
						"twilio_subaccount.tenant", tfjsonpath.New("sid"), compare.ValuesSame()),
				},
			},
			{
				Config: config, ResourceName: testAccBundleCloneAddr, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				// Twilio does not record a clone's source: the plan only writes bundle_sid from the
				// configuration into the state (an update with no request), nothing else.
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccBundleCloneAddr, plancheck.ResourceActionUpdate),
					acctest.ExpectChangedAttributes(testAccBundleCloneAddr, "bundle_sid"),
				}},
			},
		},
	})
}

// The documentation's example applies as written: a tenant clones the main account's "UK business"
// bundle (made here as the Console and Twilio's review would) and buys a London number under the clone.
func TestAccBundleClone_docsExample(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "resources", "twilio_bundle_clone", "resource.tf"))
	if err != nil {
		t.Fatal(err)
	}
	source := env.Bundle(t, emulator.BundleOptions{FriendlyName: "UK business", IsoCountry: "GB", NumberType: "local",
		EndUserType: "business"})
	env.Baseline()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(s *terraform.State) error {
			if err := testAccCheckBundleClonesGone(env, source)(s); err != nil {
				return err
			}
			return env.CheckDestroyNoOrphans()(s)
		},
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "twilio_subaccount" "tenant" {
  friendly_name            = "tenant"
  release_numbers_on_close = true
}
`, string(example)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("twilio_incoming_number.london", tfjsonpath.New("phone_number"),
					knownvalue.StringExact("+442079460100")),
				statecheck.CompareValuePairs("twilio_incoming_number.london", tfjsonpath.New("bundle_sid"),
					"twilio_bundle_clone.uk", tfjsonpath.New("sid"), compare.ValuesSame()),
			},
			Check: env.CheckNoOrphans(),
		}},
	})
}
