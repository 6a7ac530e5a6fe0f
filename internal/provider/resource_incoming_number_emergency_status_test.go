package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// TestAccIncomingNumber_emergencyStatusNotSent: Twilio ignores a client's EmergencyStatus since 2021-10-06
// (https://www.twilio.com/changelog/changes-to-the-emergency-calling-api) and answers it with warning
// 22222, so the provider never sends it: emergency calling follows the emergency address alone, and
// emergency_status is only reported. No request of a purchase with an emergency address, its removal or
// the release carries the parameter.
func TestAccIncomingNumber_emergencyStatusNotSent(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	address := `
resource "twilio_address" "e" {
  customer_name     = "Tenant Inc"
  street            = "645 Harrison St"
  city              = "San Francisco"
  region            = "CA"
  postal_code       = "94107"
  iso_country       = "US"
  emergency_enabled = true
}
`
	number := func(extra string) string {
		return env.Config(address, testAccIncomingNumberConfig(`phone_number = "+14155550171"`+"\n"+extra))
	}
	notSent := func(*terraform.State) error {
		for _, r := range env.Requests("", "/IncomingPhoneNumbers") {
			if _, sent := r.Form["EmergencyStatus"]; sent {
				return fmt.Errorf("%s %s sent EmergencyStatus, which Twilio ignores: %v", r.Method, r.Path, r.Form)
			}
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             notSent,
		Steps: []resource.TestStep{
			{Config: number(`emergency_address_sid = twilio_address.e.sid`), Check: notSent},
			{Config: number(""), Check: notSent},
		},
	})
}
