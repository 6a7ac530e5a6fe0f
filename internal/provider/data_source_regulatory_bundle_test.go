package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// A bundle is found by SID or by exact name, in the provider's account or a subaccount, with its
// regulation's country, number type and end-user type.
func TestAccRegulatoryBundleDataSource_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	approved := env.Bundle(t, testAccUKBundle("", ""))
	env.Bundle(t, emulator.BundleOptions{FriendlyName: "uk mobile", IsoCountry: "GB", NumberType: "mobile",
		EndUserType: "individual", Status: emulator.BundlePendingReview})
	sub, err := env.Client(t).CreateSubaccount(context.Background(), "tenant")
	if err != nil {
		t.Fatal(err)
	}
	inSub := env.Bundle(t, emulator.BundleOptions{AccountSid: *sub.Sid, FriendlyName: "tenant uk", IsoCountry: "GB",
		NumberType: "local", EndUserType: "individual"})
	check := func(addr, name string, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New(name), v)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
data "twilio_regulatory_bundle" "by_sid" {
  sid = %q
}

data "twilio_regulatory_bundle" "by_name" {
  friendly_name = "uk mobile"
}

data "twilio_regulatory_bundle" "approved" {
  friendly_name = "uk business"
  status        = "twilio-approved"
}

data "twilio_regulatory_bundle" "tenant" {
  account_sid   = %q
  friendly_name = "tenant uk"
}
`, approved, *sub.Sid)),
			ConfigStateChecks: []statecheck.StateCheck{
				check("data.twilio_regulatory_bundle.by_sid", "friendly_name", knownvalue.StringExact("uk business")),
				check("data.twilio_regulatory_bundle.by_sid", "status", knownvalue.StringExact("twilio-approved")),
				check("data.twilio_regulatory_bundle.by_sid", "iso_country", knownvalue.StringExact("GB")),
				check("data.twilio_regulatory_bundle.by_sid", "number_type", knownvalue.StringExact("local")),
				check("data.twilio_regulatory_bundle.by_sid", "end_user_type", knownvalue.StringExact("business")),
				check("data.twilio_regulatory_bundle.by_sid", "account_sid", knownvalue.StringExact(env.AccountSID)),
				check("data.twilio_regulatory_bundle.by_sid", "regulation_sid", knownvalue.StringRegexp(sidRegexp("RN"))),
				check("data.twilio_regulatory_bundle.by_sid", "valid_until", knownvalue.Null()),
				check("data.twilio_regulatory_bundle.by_sid", "date_created", knownvalue.NotNull()),
				check("data.twilio_regulatory_bundle.by_name", "status", knownvalue.StringExact("pending-review")),
				check("data.twilio_regulatory_bundle.by_name", "number_type", knownvalue.StringExact("mobile")),
				check("data.twilio_regulatory_bundle.by_name", "end_user_type", knownvalue.StringExact("individual")),
				check("data.twilio_regulatory_bundle.approved", "sid", knownvalue.StringExact(approved)),
				check("data.twilio_regulatory_bundle.tenant", "sid", knownvalue.StringExact(inSub)),
				check("data.twilio_regulatory_bundle.tenant", "account_sid", knownvalue.StringExact(*sub.Sid)),
			},
		}},
	})
}

// No match, several matches and a bundle in another status than required are errors that say what was
// found, pointing at the attribute to change.
func TestAccRegulatoryBundleDataSource_errors(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Bundle(t, testAccUKBundle("", ""))
	env.Bundle(t, testAccUKBundle("", ""))
	pending := env.Bundle(t, emulator.BundleOptions{FriendlyName: "waiting", IsoCountry: "GB", NumberType: "local",
		EndUserType: "business", Status: emulator.BundlePendingReview})
	lookup := func(body string) string {
		return env.Config(fmt.Sprintf("data \"twilio_regulatory_bundle\" \"x\" {\n  %s\n}\n", body))
	}
	var steps []resource.TestStep
	for _, tc := range []struct{ body, err string }{
		{`friendly_name = "nobody"`, `has no bundle named "nobody"`},
		{`friendly_name = "uk business"`, `2 bundles of account`},
		{`friendly_name = "waiting"` + "\n  status = \"twilio-approved\"", `No bundle named "waiting" is twilio-approved`},
		{fmt.Sprintf("sid = %q\n  status = \"twilio-approved\"", pending), `is pending-review, not twilio-approved`},
		{`sid = "BU00000000000000000000000000000000"`, `has no bundle BU00000000000000000000000000000000`},
		{`sid = "BU1"`, `must be a Twilio SID`},
		{`status = "approved"` + "\n  friendly_name = \"x\"", `value must be one of`},
		{`account_sid = "AC00000000000000000000000000000000"`, `Exactly one of these attributes must be configured`},
	} {
		steps = append(steps, resource.TestStep{Config: lookup(tc.body), ExpectError: acctest.ErrorRegexp(tc.err)})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}
