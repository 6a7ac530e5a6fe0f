package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

func testAccNearMatchAddress(street, extra string) string {
	return fmt.Sprintf(`resource "twilio_address" "test" {
  customer_name = "Tenant Inc"
  street        = %q
  city          = "San Francisco"
  region        = "CA"
  postal_code   = "94107"
  iso_country   = "US"
%s}`, street, extra)
}

// A street Twilio's validation nearly matches is refused with 21629 under the provider's default
// (auto_correct_address = false); the error points at street and names Twilio's suggestion, and writing
// the suggestion creates the address as configured. With auto_correct_address = true Twilio stores its
// correction, which the next plan shows as a change to street.
func TestAccAddress_suggestion(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAddressDestroyed(t, env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccNearMatchAddress("645 Harison St", "")),
				// The diagnostic names the street line of the configuration, then the suggestion.
				ExpectError: regexp.MustCompile(`(?s)street\s+= "645 Harison St"\s+Twilio could not validate.*` +
					acctest.ErrorRegexp(`suggests street = "645 HARRISON ST" instead of "645 Harison St"`).String()[4:] + `.*auto_correct_address\s+=\s+true`),
			},
			{
				Config: env.Config(testAccNearMatchAddress("645 HARRISON ST", "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAddressAddr, tfjsonpath.New("street"), knownvalue.StringExact("645 HARRISON ST")),
				},
			},
			{
				// An update Twilio refuses the same way points at the same attribute.
				Config: env.Config(testAccNearMatchAddress("645 Harison St", "")),
				ExpectError: regexp.MustCompile(`(?s)Updating address AD[0-9a-f]{32}.*street\s+= "645 Harison St"\s+Twilio could not validate.*` +
					`suggests\s+street\s+=\s+"645\s+HARRISON\s+ST"`),
			},
			{
				Config:             env.Config(testAccNearMatchAddress("645 Harison St", "  auto_correct_address = true\n")),
				ExpectNonEmptyPlan: true,
			},
		},
	})
	if creates := env.Requests("POST", "/Addresses.json"); len(creates) != 2 || creates[0].Status != 400 || creates[1].Status != 201 {
		t.Fatalf("want a refused create then one create, got %d", len(creates))
	}
}

// An emergency-enabled address takes a friendly name of at most 32 characters (64 for others); a longer
// one fails the plan at friendly_name, before any request.
func TestAccAddress_emergencyFriendlyName(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	name := func(n int, emergency bool) string {
		return env.Config(testAccAddressConfig("US", fmt.Sprintf("  friendly_name = %q\n  emergency_enabled = %v\n", strings.Repeat("x", n), emergency)))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      name(33, true),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)friendly_name\s+= "x{33}".*friendly_name\s+has\s+33\s+characters;\s+Twilio\s+allows\s+at\s+most\s+32`),
			},
			{Config: name(33, false), PlanOnly: true, ExpectNonEmptyPlan: true},
			{Config: name(32, true), PlanOnly: true, ExpectNonEmptyPlan: true},
		},
	})
	testAccCheckNoRequests(t, env)
}

// The 32-character check guards creates and renames, never a destroy: an emergency address applied with 32
// characters is destroyed by a configuration that now says 33 (ValidateConfig would refuse that destroy).
func TestAccAddress_emergencyFriendlyNameDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	name := func(n int) string {
		return env.Config(testAccAddressConfig("US", fmt.Sprintf("  friendly_name = %q\n  emergency_enabled = true\n", strings.Repeat("x", n))))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckAddressDestroyed(t, env),
		Steps: []resource.TestStep{
			{Config: name(32)},
			// The test's destroy runs with this last configuration.
			{Config: name(33), PlanOnly: true, ExpectError: regexp.MustCompile(`Twilio\s+allows\s+at\s+most\s+32`)},
		},
	})
}

// Twilio's 21629 message carries its suggestion; the parse keeps values with commas whole.
func TestParseAddressSuggestion(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		msg  string
		want map[string]string
	}{
		{"Failed to validate address. Check the suggested address. | FriendlyName: Twilio, CustomerName: Twilio, " +
			"Street: 645 HARRISON ST, Locality: SAN FRANCISCO, Region: CA, PostalCode: 94105, IsoCountry: US",
			map[string]string{"FriendlyName": "Twilio", "CustomerName": "Twilio", "Street": "645 HARRISON ST",
				"Locality": "SAN FRANCISCO", "Region": "CA", "PostalCode": "94105", "IsoCountry": "US"}},
		{"x | Street: 1 MAIN ST, SUITE 2, Locality: AUSTIN", map[string]string{"Street": "1 MAIN ST, SUITE 2", "Locality": "AUSTIN"}},
		{"no suggestion", nil},
	} {
		got := parseAddressSuggestion(tt.msg)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("parseAddressSuggestion(%q) = %v, want %v", tt.msg, got, tt.want)
		}
	}
}
