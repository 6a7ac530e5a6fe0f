package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// TestAccIncomingNumber_tollFreeWithMobileBundle: Twilio's UK regulations are four use cases, with mobile
// and toll-free numbers under one ("Mobile/Toll Free",
// https://www.twilio.com/docs/phone-numbers/regulatory/reading-regulations-for-the-uk-bundle), so an
// approved mobile bundle buys a UK toll-free number: the plan-time bundle check lets it through and the
// purchase carries it.
func TestAccIncomingNumber_tollFreeWithMobileBundle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	mobile := env.Bundle(t, emulator.BundleOptions{FriendlyName: "uk mobile", IsoCountry: "GB", NumberType: "mobile",
		EndUserType: "business"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckIncomingNumberReleased(t, env),
		Steps: []resource.TestStep{{
			Config: env.Config(testAccIncomingNumberConfig(fmt.Sprintf("phone_number = %q\n  bundle_sid = %q",
				"+448081570100", mobile))),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testAccIncomingNumberAddr, tfjsonpath.New("bundle_sid"), knownvalue.StringExact(mobile)),
			},
		}},
	})
}
