package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

const testAccEmergencyAddresses = `
resource "twilio_address" "a" {
  customer_name     = "Tenant Inc"
  street            = "645 Harrison St"
  city              = "San Francisco"
  region            = "CA"
  postal_code       = "94107"
  iso_country       = "US"
  emergency_enabled = true
}
resource "twilio_address" "b" {
  customer_name     = "Tenant Inc"
  street            = "1 Main St"
  city              = "Austin"
  region            = "TX"
  postal_code       = "78701"
  iso_country       = "US"
  emergency_enabled = true
}
`

func testAccEmergencyStatus(emergency, registration string) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("emergency_status"), knownvalue.StringExact(emergency)),
		statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("emergency_address_status"), knownvalue.StringExact(registration)),
	}
}

// emergencyUpdates lists the EmergencyAddressSid values the number's updates sent, oldest first, with the
// answer's status.
func emergencyUpdates(env *acctest.Env) []string {
	var sent []string
	for _, r := range env.Requests("POST", "/IncomingPhoneNumbers/PN") {
		if _, ok := r.Form["EmergencyAddressSid"]; ok {
			sent = append(sent, fmt.Sprintf("%q:%d", r.Form.Get("EmergencyAddressSid"), r.Status))
		}
	}
	return sent
}

// An emergency address is set in the purchase, changed and removed in place, as Twilio's procedure says:
// a change removes the current address and waits for `unregistered` before setting the new one, whether
// Twilio refuses a direct swap (the emulator's default) or accepts it. The state reports the pending
// registration honestly. Destroying a number that has one removes it, waits, then releases the number.
func TestAccIncomingNumber_emergencyAddress(t *testing.T) {
	t.Parallel()
	acctest.UnderBothOutcomes(t, emulator.AltEmergencySwapAccepted, "swapAccepted", func(t *testing.T, env *acctest.Env, accepted bool) {
		number := func(extra string) string {
			return env.Config(testAccEmergencyAddresses, testAccIncomingNumberConfig(`phone_number = "+14155550161"`+"\n"+extra))
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			CheckDestroy: resource.ComposeTestCheckFunc(testAccCheckIncomingNumberReleased(t, env), testAccCheckAddressDestroyed(t, env),
				func(*terraform.State) error {
					// The destroy removed the emergency address (one update), then waited, then released.
					sent := emergencyUpdates(env)
					if sent[len(sent)-1] != `"":200` {
						return fmt.Errorf("the last update before the release did not remove the emergency address: %v", sent)
					}
					if dels := env.Requests("DELETE", "/IncomingPhoneNumbers/PN"); len(dels) != 1 || dels[0].Status != 204 {
						return fmt.Errorf("want one release, answered 204, got %+v", dels)
					}
					return nil
				}),
			Steps: []resource.TestStep{
				{
					Config:            number(`emergency_address_sid = twilio_address.a.sid`),
					ConfigStateChecks: testAccEmergencyStatus("Active", "pending-registration"),
					Check: func(*terraform.State) error {
						buys := env.Requests("POST", "/IncomingPhoneNumbers.json")
						if len(buys) != 1 || buys[0].Form.Get("EmergencyAddressSid") == "" {
							return fmt.Errorf("expected one purchase carrying EmergencyAddressSid, got %+v", buys)
						}
						return nil
					},
				},
				{
					Config: number(`emergency_address_sid = twilio_address.b.sid`),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionUpdate),
					}},
					ConfigStateChecks: append(testAccEmergencyStatus("Active", "pending-registration"), statecheck.CompareValuePairs(testAccIncomingNumberAddr,
						tfjsonpath.New("emergency_address_sid"), "twilio_address.b", tfjsonpath.New("sid"), compare.ValuesSame())),
					Check: func(*terraform.State) error {
						// Removed, waited for (no refused request), then set.
						sent := emergencyUpdates(env)
						if len(sent) != 2 || sent[0] != `"":200` || sent[1][len(sent[1])-4:] != ":200" {
							return fmt.Errorf("the swap sent %v, want the removal then the new address", sent)
						}
						return nil
					},
				},
				{
					Config: number(""),
					ConfigStateChecks: append(testAccEmergencyStatus("Inactive", "pending-unregistration"),
						statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("emergency_address_sid"), knownvalue.Null())),
				},
				{
					Config:           number(""),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
				// Back on, then destroyed with it (CheckDestroy).
				{Config: number(`emergency_address_sid = twilio_address.a.sid`), ConfigStateChecks: testAccEmergencyStatus("Active", "pending-registration")},
				testAccImportStep(testAccIncomingNumberAddr, "timeouts", "emergency_address_status"),
			},
		})
	})
}

// A number whose emergency address is still unregistering is released once Twilio reports it
// unregistered: when Twilio refuses the release before (the emulator's default), the provider waits and
// releases again; when it accepts it, one release is enough.
func TestAccIncomingNumber_emergencyRelease(t *testing.T) {
	t.Parallel()
	acctest.UnderBothOutcomes(t, emulator.AltReleaseWhileUnregistering, "releaseAccepted", func(t *testing.T, env *acctest.Env, accepted bool) {
		number := func(extra string) string {
			return env.Config(testAccEmergencyAddresses, testAccIncomingNumberConfig(`phone_number = "+14155550162"`+"\n"+extra))
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			CheckDestroy: resource.ComposeTestCheckFunc(testAccCheckIncomingNumberReleased(t, env),
				func(*terraform.State) error {
					var answers []int
					for _, d := range env.Requests("DELETE", "/IncomingPhoneNumbers/PN") {
						answers = append(answers, d.Status)
					}
					want := "[400 204]"
					if accepted {
						want = "[204]"
					}
					if fmt.Sprint(answers) != want {
						return fmt.Errorf("releases answered %v, want %s", answers, want)
					}
					return nil
				}),
			Steps: []resource.TestStep{
				{Config: number(`emergency_address_sid = twilio_address.a.sid`)},
				{
					// Unregistration takes long enough for the destroy to meet it.
					PreConfig:         func() { env.Emulator.SetEmergencyRegistration(8*time.Second, false) },
					Config:            number(""),
					ConfigStateChecks: testAccEmergencyStatus("Inactive", "pending-unregistration"),
				},
			},
		})
	})
}

// A registration Twilio keeps pending longer than the timeouts fails the apply with the status, records
// what was done (the old address removed), releases nothing; once Twilio moves on, the next apply
// finishes the change and the destroy the release.
func TestAccIncomingNumber_emergencyRegistrationHeld(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	number := func(address string) string {
		return env.Config(testAccEmergencyAddresses, testAccIncomingNumberConfig(`phone_number = "+14155550163"
emergency_address_sid = `+address+`
timeouts {
  update = "3s"
  delete = "3s"
}`))
	}
	hold := func(on bool) func() { return func() { env.Emulator.SetEmergencyRegistration(time.Second, on) } }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{Config: number("twilio_address.a.sid")},
			{
				PreConfig:   hold(true),
				Config:      number("twilio_address.b.sid"),
				ExpectError: regexp.MustCompile(`(?s)emergency_address_status.*still.*"pending-unregistration"`),
			},
			{
				// The failed apply recorded the removal; with Twilio moving on the change completes.
				PreConfig:         hold(false),
				Config:            number("twilio_address.b.sid"),
				ConfigStateChecks: testAccEmergencyStatus("Active", "pending-registration"),
			},
			{
				PreConfig:   hold(true),
				Config:      env.Config(testAccEmergencyAddresses),
				ExpectError: regexp.MustCompile(`(?s)Releasing Twilio phone number.*pending-unregistration.*not released`),
			},
			{PreConfig: hold(false), Config: env.Config(testAccEmergencyAddresses)},
		},
	})
}

// While a registration is pending a plan with changes leaves both statuses unknown; an apply that changes only
// Terraform-side attributes (timeouts here) sends nothing to change the number and must still answer known
// statuses: where Twilio stands now, still pending, then registered once Twilio is done.
func TestAccIncomingNumber_emergencyPendingTerraformOnlyChange(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	number := func(timeout string) string {
		return env.Config(testAccEmergencyAddresses, testAccIncomingNumberConfig(`phone_number = "+14155550164"
emergency_address_sid = twilio_address.a.sid
timeouts {
  update = "`+timeout+`"
  delete = "10s"
}`))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{
			{
				PreConfig:         func() { env.Emulator.SetEmergencyRegistration(time.Second, true) },
				Config:            number("1m"),
				ConfigStateChecks: testAccEmergencyStatus("Active", "pending-registration"),
			},
			{
				Config: number("2m"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccIncomingNumberAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: testAccEmergencyStatus("Active", "pending-registration"),
			},
			{
				// Released, the registration settles one second (the delay it began with) after the purchase.
				PreConfig: func() {
					env.Emulator.SetEmergencyRegistration(0, false)
					time.Sleep(1200 * time.Millisecond)
				},
				Config:            number("3m"),
				ConfigStateChecks: testAccEmergencyStatus("Active", "registered"),
			},
		},
	})
}

// A number moves to another subaccount with that account's emergency address: the old account's address
// is removed and unregistered first, then the move carries the new one (Twilio's procedure for a change);
// whether Twilio would refuse or accept the shortcut.
func TestAccIncomingNumber_emergencyAddressMove(t *testing.T) {
	t.Parallel()
	for _, accepted := range []bool{false, true} {
		t.Run(fmt.Sprintf("swapAccepted=%v", accepted), func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			env.RequireEmulator(t)
			env.Emulator.SetAlternative(emulator.AltEmergencySwapAccepted, accepted)
			config := func(account string) string {
				return env.Config(`
resource "twilio_subaccount" "a" {
  friendly_name = "tenant-a"
}
resource "twilio_subaccount" "b" {
  friendly_name = "tenant-b"
}
resource "twilio_address" "a" {
  account_sid       = twilio_subaccount.a.sid
  customer_name     = "Tenant A"
  street            = "645 Harrison St"
  city              = "San Francisco"
  region            = "CA"
  postal_code       = "94107"
  iso_country       = "US"
  emergency_enabled = true
}
resource "twilio_address" "b" {
  account_sid       = twilio_subaccount.b.sid
  customer_name     = "Tenant B"
  street            = "1 Main St"
  city              = "Austin"
  region            = "TX"
  postal_code       = "78701"
  iso_country       = "US"
  emergency_enabled = true
}
`, testAccIncomingNumberConfig(`
  phone_number          = "+14155550164"
  account_sid           = twilio_subaccount.`+account+`.sid
  emergency_address_sid = twilio_address.`+account+`.sid
`))
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
				Steps: []resource.TestStep{
					{Config: config("a")},
					{
						Config: config("b"),
						ConfigStateChecks: append(testAccEmergencyStatus("Active", "pending-registration"),
							statecheck.CompareValuePairs(testAccIncomingNumberAddr, tfjsonpath.New("account_sid"),
								"twilio_subaccount.b", tfjsonpath.New("sid"), compare.ValuesSame()),
							statecheck.CompareValuePairs(testAccIncomingNumberAddr, tfjsonpath.New("emergency_address_sid"),
								"twilio_address.b", tfjsonpath.New("sid"), compare.ValuesSame())),
					},
				},
			})
		})
	}
}

// The plan keeps a settled emergency status while the address stays, and leaves a pending one unknown:
// Twilio may finish the registration before the apply answers, and a planned "pending-registration" would
// then be an inconsistent result.
func TestEmergencyStatusPlan(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var schemaResp fwresource.SchemaResponse
	(&incomingNumberResource{}).Schema(ctx, fwresource.SchemaRequest{}, &schemaResp)
	typ := schemaResp.Schema.Type().TerraformType(ctx)
	for _, tt := range []struct {
		prior, plannedAddress string
		wantKept              bool
	}{
		{"registered", "AD1", true},
		{"unregistered", "", true},
		{"pending-registration", "AD1", false},
		{"pending-unregistration", "", false},
		{"registered", "AD2", false},
	} {
		state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(typ, nil)}
		plan := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(typ, nil)}
		address := map[bool]string{true: "AD1", false: ""}[tt.prior == "registered" || tt.prior == "pending-registration"]
		diags := state.SetAttribute(ctx, path.Root("emergency_address_sid"), optionalString(&address))
		diags.Append(state.SetAttribute(ctx, path.Root("emergency_address_status"), tt.prior)...)
		diags.Append(plan.SetAttribute(ctx, path.Root("emergency_address_sid"), optionalString(&tt.plannedAddress))...)
		if diags.HasError() {
			t.Fatal(diags)
		}
		req := planmodifier.StringRequest{
			StateValue: types.StringValue(tt.prior), PlanValue: types.StringUnknown(),
			State: state, Plan: tfsdk.Plan{Schema: schemaResp.Schema, Raw: plan.Raw},
		}
		resp := &planmodifier.StringResponse{PlanValue: req.PlanValue}
		keepWhileEmergencyAddressSame{}.PlanModifyString(ctx, req, resp)
		if kept := !resp.PlanValue.IsUnknown(); kept != tt.wantKept || resp.Diagnostics.HasError() {
			t.Errorf("prior %s, planned address %q: kept %v (%v), want %v", tt.prior, tt.plannedAddress, kept, resp.Diagnostics, tt.wantKept)
		}
	}
}
