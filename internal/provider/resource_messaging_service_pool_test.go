package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// TestAccMessagingServicePool_removeMember takes a member of each kind out of a pool that stays. Every
// other test destroys the service with its members, and a service's deletion empties its pool, so only
// here does a Delete of the pool member engine that removes nothing fail.
func TestAccMessagingServicePool_removeMember(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	sc, err := env.Emulator.AddShortCode(env.AccountSID, "55123")
	if err != nil {
		t.Fatal(err)
	}
	// The number stays in the account after its member goes: a released number would leave the pool
	// with it and hide a member left behind.
	pool := `
resource "twilio_messaging_service" "tenant" {
  friendly_name = "tenant texts"
}

resource "twilio_incoming_number" "main" {
  area_code = "415"
}
`
	members := fmt.Sprintf(`
resource "twilio_messaging_service_phone_number" "test" {
  service_sid      = twilio_messaging_service.tenant.sid
  phone_number_sid = twilio_incoming_number.main.sid
}

resource "twilio_messaging_service_short_code" "test" {
  service_sid    = twilio_messaging_service.tenant.sid
  short_code_sid = %q
}

resource "twilio_messaging_service_alpha_sender" "test" {
  service_sid  = twilio_messaging_service.tenant.sid
  alpha_sender = "Acme"
}
`, sc)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckShortCodeKept(env),
		Steps: []resource.TestStep{
			{Config: env.Config(pool + members)},
			{
				Config: env.Config(pool),
				Check: func(*terraform.State) error {
					for _, m := range env.Emulator.Snapshot().MessagingSenders {
						if m.ServiceSid != "" {
							return fmt.Errorf("%s is still in the pool of %s after its resource was destroyed", m.Sid, m.ServiceSid)
						}
					}
					return nil
				},
			},
		},
	})
}
