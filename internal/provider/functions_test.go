package provider

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

func TestParseSID(t *testing.T) {
	hex := strings.Repeat("a", 32)
	for _, tc := range []struct{ sid, kind string }{
		{"AC" + hex, "account"},
		{"AC" + strings.Repeat("A", 32), "account"},
		{"SK" + strings.Repeat("F", 32), "api_key"},
		{"AP" + hex, "application"},
		{"PN" + hex, "incoming_number"},
		{"FW" + hex, "flow"},
		{"ZS" + hex, "serverless_service"},
		{"ZE" + hex, "serverless_environment"},
		{"ZB" + hex, "serverless_build"},
		{"ZD" + hex, "serverless_deployment"},
		{"ZH" + hex, "serverless_function_or_asset"},
		{"ZV" + hex, "serverless_variable"},
		{"AD" + hex, "address"},
		{"BU" + hex, "bundle"},
		{"UT" + hex, "usage_trigger"},
	} {
		if got, err := parseSID(tc.sid); err != nil || got != tc.kind {
			t.Errorf("parseSID(%s) = %q, %v; want %q", tc.sid, got, err, tc.kind)
		}
	}
}

func TestParseSID_malformed(t *testing.T) {
	hex := strings.Repeat("a", 32)
	for _, tc := range []struct{ sid, reason string }{
		{"", "is empty"},
		{" AC" + hex, "whitespace"},
		{"AC" + hex[1:], "this one has 33"},
		{"AC" + hex + "0", "this one has 35"},
		{"ac" + hex, `starts with "ac"`},
		{"A1" + hex, `starts with "A1"`},
		{"AC" + hex[2:] + "zz", "other characters"},
		{"XX" + hex, "prefix XX is not one this provider knows"},
	} {
		_, err := parseSID(tc.sid)
		if err == nil || !strings.Contains(err.Error(), tc.reason) {
			t.Errorf("parseSID(%q) = %v, want an error saying %q", tc.sid, err, tc.reason)
		}
	}
}

// TestAccFunctions calls both functions through the real CLI: the results and the refusals (each naming
// the reason) are what a configuration sees.
func TestAccFunctions(t *testing.T) {
	env := acctest.New(t)
	testAccFunctions(t, env.Config, acctest.Functions)
}

// TestAccFunctions_withoutCredentials: the functions call nothing, so they work in a configuration that
// gives the provider no credentials at all (Terraform; OpenTofu 1.11+, whose earlier releases configure
// the provider first).
func TestAccFunctions_withoutCredentials(t *testing.T) {
	for _, v := range []string{"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET"} {
		t.Setenv(v, "")
	}
	testAccFunctions(t, func(parts ...string) string { return strings.Join(parts, "\n") }, acctest.UnconfiguredFunctions)
}

func testAccFunctions(t *testing.T, config func(...string) string, feature acctest.Feature) {
	sid := "ZHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.Needs(feature),
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config(`
output "uk"       { value = provider::twilio::e164("020 7183 8750", "gb") }
output "us"       { value = provider::twilio::e164("+1 (415) 555-2671", "") }
output "sid"      { value = provider::twilio::parse_sid("` + sid + `") }
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("uk", knownvalue.StringExact("+442071838750")),
					statecheck.ExpectKnownOutputValue("us", knownvalue.StringExact("+14155552671")),
					statecheck.ExpectKnownOutputValue("sid", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"sid":    knownvalue.StringExact(sid),
						"prefix": knownvalue.StringExact("ZH"),
						"kind":   knownvalue.StringExact("serverless_function_or_asset"),
					})),
				},
			},
			{
				Config:      config(`output "bad" { value = provider::twilio::e164("415 555 2671", "") }`),
				ExpectError: regexp.MustCompile(`has\s+no\s+country\s+calling\s+code`),
			},
			{
				Config:      config(`output "bad" { value = provider::twilio::e164("1-800-FLOWERS", "US") }`),
				ExpectError: regexp.MustCompile(`letters\s+\(vanity\s+numbers`),
			},
			{
				Config:      config(`output "bad" { value = provider::twilio::e164("4155552671", "USA") }`),
				ExpectError: regexp.MustCompile(`default_country\s+"USA"\s+is\s+not\s+an\s+ISO\s+3166-1`),
			},
			{
				Config:      config(`output "bad" { value = provider::twilio::parse_sid("XX` + sid[2:] + `") }`),
				ExpectError: regexp.MustCompile(`prefix\s+XX\s+is\s+not\s+one\s+this\s+provider\s+knows`),
			},
		},
	})
}
