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
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

const testAccAddressAddr = "twilio_address.test"

func TestAccAddress_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccAddressAddr, tfjsonpath.New(name), v)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAddressDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccAddressConfig("GB", "")),
				ConfigStateChecks: []statecheck.StateCheck{
					attr("sid", knownvalue.StringRegexp(sidRegexp("AD"))),
					attr("account_sid", knownvalue.StringExact(env.AccountSID)),
					attr("customer_name", knownvalue.StringExact("Tenant Ltd")),
					attr("street", knownvalue.StringExact("1 Example Street")),
					attr("street_secondary", knownvalue.Null()),
					attr("friendly_name", knownvalue.Null()),
					attr("iso_country", knownvalue.StringExact("GB")),
					attr("emergency_enabled", knownvalue.Bool(false)),
					attr("auto_correct_address", knownvalue.Bool(false)),
					attr("validated", knownvalue.NotNull()),
					attr("verified", knownvalue.Bool(false)),
					attr("date_created", knownvalue.NotNull()),
				},
				Check: testAccCheckAddressInTwilio(t, env, func(a *twilioclient.Address) error {
					if deref(a.CustomerName) != "Tenant Ltd" || deref(a.PostalCode) != "SW1A 1AA" || deref(a.IsoCountry) != "GB" {
						return fmt.Errorf("Twilio holds %+v", a)
					}
					return nil
				}),
			},
			{
				Config:           env.Config(testAccAddressConfig("GB", "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			testAccImportStep(testAccAddressAddr, "timeouts"),
		},
	})
}

// Every field Twilio's update takes changes in place in one call, optional ones are cleared when removed,
// and a new country replaces the address (Twilio's update does not take IsoCountry).
func TestAccAddress_update(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	full := `
  friendly_name        = "office"
  street_secondary     = "Floor 2"
  emergency_enabled    = true
  auto_correct_address = true
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAddressDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccAddressConfig("GB", ""))},
			{
				Config: env.Config(testAccAddressConfig("GB", full)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAddressAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckAddressInTwilio(t, env, func(a *twilioclient.Address) error {
						if deref(a.FriendlyName) != "office" || deref(a.StreetSecondary) != "Floor 2" || a.EmergencyEnabled == nil || !*a.EmergencyEnabled {
							return fmt.Errorf("Twilio holds %+v", a)
						}
						return nil
					}),
					func(*terraform.State) error {
						if n := len(env.Requests("POST", "/Addresses/AD")); n != 1 {
							return fmt.Errorf("expected the update to be one call, Twilio saw %d", n)
						}
						return nil
					},
				),
			},
			{
				Config: env.Config(testAccAddressConfig("GB", "")),
				Check: testAccCheckAddressInTwilio(t, env, func(a *twilioclient.Address) error {
					if deref(a.FriendlyName) != "" || deref(a.StreetSecondary) != "" || *a.EmergencyEnabled {
						return fmt.Errorf("removed values not cleared: %+v", a)
					}
					return nil
				}),
			},
			{
				Config: env.Config(testAccAddressConfig("IE", "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAddressAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAddressAddr, tfjsonpath.New("iso_country"), knownvalue.StringExact("IE")),
				},
				Check: env.CheckNoOrphans(),
			},
			testAccImportStep(testAccAddressAddr, "timeouts"),
		},
	})
}

// An address made outside Terraform is imported by AD… or AC…/AD… and then plans no change.
func TestAccAddress_import(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sub := testAccMakeSubaccount(t, env, "address-import")
	a, err := env.Client(t).CreateAddress(context.Background(), sub, testAccAddressParams("GB"))
	if err != nil {
		t.Fatal(err)
	}
	sid := *a.Sid
	config := env.Config(testAccAddressConfig("GB", fmt.Sprintf("  account_sid = %q\n", sub)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAddressDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config:          config,
				ResourceName:    testAccAddressAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   sid,
			},
			{
				Config:             config,
				ResourceName:       testAccAddressAddr,
				ImportState:        true,
				ImportStateId:      sub + "/" + sid,
				ImportStatePersist: true,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["sid"] != sid || states[0].Attributes["account_sid"] != sub {
						return fmt.Errorf("expected address %s of %s, got %+v", sid, sub, states)
					}
					return nil
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config:        config,
				ResourceName:  testAccAddressAddr,
				ImportState:   true,
				ImportStateId: "AP" + sid[2:],
				ExpectError:   acctest.ErrorRegexp("Expected AD… or AC…/AD…"),
			},
		},
	})
}

func TestAccAddress_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAddressDestroyed(t, env),
		Steps: testAccDisappearsSteps(env.Config(testAccAddressConfig("GB", "")), testAccAddressAddr, func(account, sid string) error {
			return env.Client(t).DeleteAddress(context.Background(), account, sid)
		}),
	})
}

// A Console edit shows up in the plan as exactly that attribute; applying restores the configuration.
func TestAccAddress_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid string
	step := func(p twilioclient.UpdateAddressParams, attr string) resource.TestStep {
		return resource.TestStep{
			PreConfig: func() {
				if _, err := env.Client(t).UpdateAddress(context.Background(), env.AccountSID, sid, &p); err != nil {
					t.Fatal(err)
				}
			},
			Config: env.Config(testAccAddressConfig("GB", "")),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testAccAddressAddr, plancheck.ResourceActionUpdate),
				acctest.ExpectChangedAttributes(testAccAddressAddr, attr),
			}},
			Check: testAccCheckAddressInTwilio(t, env, func(a *twilioclient.Address) error {
				if deref(a.Street) != "1 Example Street" || deref(a.FriendlyName) != "" || *a.EmergencyEnabled {
					return fmt.Errorf("configuration not restored: %+v", a)
				}
				return nil
			}),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAddressDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccAddressConfig("GB", "")),
				Check:  testAccCaptureAttr(testAccAddressAddr, "sid", &sid),
			},
			step(twilioclient.UpdateAddressParams{Street: ptrTo("2 Other Street")}, "street"),
			step(twilioclient.UpdateAddressParams{FriendlyName: ptrTo("console name")}, "friendly_name"),
			step(twilioclient.UpdateAddressParams{EmergencyEnabled: ptrTo(true)}, "emergency_enabled"),
		},
	})
}

// Bad input is refused at plan time, pointing at the attribute, and reaches no Twilio API.
func TestAccAddress_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.Config(testAccAddressConfig("gb", "")),
				PlanOnly:    true,
				ExpectError: acctest.ErrorRegexp("Attribute iso_country must be an ISO 3166-1 alpha-2 country code"),
			},
			{
				Config:      env.Config(testAccAddressConfig("GB", `  street_secondary = ""`+"\n")),
				PlanOnly:    true,
				ExpectError: acctest.ErrorRegexp("Attribute street_secondary string length must be at least 1"),
			},
		},
	})
	testAccCheckNoRequests(t, env)
}

// Twilio's validation refusal (21628) says what to change, and nothing is left behind.
func TestAccAddress_notValidated(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.Config(`resource "twilio_address" "test" {
  customer_name = "Tenant"
  street        = "0 Nowhere Street"
  city          = "Austin"
  region        = "TX"
  postal_code   = "78701"
  iso_country   = "US"
}`),
			ExpectError: acctest.ErrorRegexp("error 21628 (HTTP 400): Address Validation Error"),
		}},
	})
	if n := len(env.Emulator.Snapshot().Addresses); n != 0 {
		t.Fatalf("%d addresses left after a refused create", n)
	}
}

func testAccAddressConfig(country, extra string) string {
	return fmt.Sprintf(`resource "twilio_address" "test" {
  customer_name = "Tenant Ltd"
  street        = "1 Example Street"
  city          = "London"
  region        = "Greater London"
  postal_code   = "SW1A 1AA"
  iso_country   = %q
%s}
`, country, extra)
}

func testAccAddressParams(country string) *twilioclient.CreateAddressParams {
	p := &twilioclient.CreateAddressParams{}
	p.SetCustomerName("Tenant Ltd")
	p.SetStreet("1 Example Street")
	p.SetCity("London")
	p.SetRegion("Greater London")
	p.SetPostalCode("SW1A 1AA")
	p.SetIsoCountry(country)
	return p
}

func testAccCheckAddressInTwilio(t *testing.T, env *acctest.Env, check func(*twilioclient.Address) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[testAccAddressAddr]
		if !ok {
			return fmt.Errorf("%s not in state", testAccAddressAddr)
		}
		a, err := env.Client(t).FindAddress(context.Background(), rs.Primary.Attributes["account_sid"], rs.Primary.Attributes["sid"])
		if err != nil {
			return err
		}
		return check(a)
	}
}

// testAccCheckAddressDestroyed is the CheckDestroy of address tests: every address the test managed is
// gone from Twilio.
func testAccCheckAddressDestroyed(t *testing.T, env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "twilio_address" {
				continue
			}
			_, err := env.Client(t).FindAddress(context.Background(), rs.Primary.Attributes["account_sid"], rs.Primary.Attributes["sid"])
			switch {
			case err == nil:
				return fmt.Errorf("address %s still exists after destroy", rs.Primary.Attributes["sid"])
			case !twilioclient.IsNotFound(err):
				return err
			}
		}
		return nil
	}
}

// testAccMakeSubaccount creates a subaccount outside Terraform (a tenant made in the Console) and returns
// its SID.
func testAccMakeSubaccount(t *testing.T, env *acctest.Env, name string) string {
	t.Helper()
	sub, err := env.Client(t).CreateSubaccount(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return *sub.Sid
}
