package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Twilio refuses an exact number that is taken (21422) whoever owns it. The provider adopts it only when
// the configured account owns it with exactly the configured settings (an earlier purchase whose answer
// was lost: see the fault matrix's reapply-after-lost-answer row); otherwise it says who owns it and
// adopts nothing.
func TestAccIncomingNumber_refusedNumberOwner(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	buy := func(account, number, voiceURL string) {
		p := &twilioclient.CreateIncomingNumberParams{}
		p.SetPhoneNumber(number)
		p.SetVoiceUrl(voiceURL)
		if _, err := env.Client(t).CreateIncomingNumber(context.Background(), account, p); err != nil {
			t.Fatal(err)
		}
	}
	config := func(number string) string {
		return env.Config(testAccIncomingNumberConfig(`phone_number = "` + number + `"
  voice_url = "https://example.com/voice"`))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				// The account owns it, but routed elsewhere: someone else's number, not a lost purchase.
				PreConfig:   func() { buy(env.AccountSID, "+14155550171", "https://other.example.com/voice") },
				Config:      config("+14155550171"),
				ExpectError: acctest.ErrorRegexp("already owns +14155550171"),
			},
			{
				// A subaccount owns it: say which, and how to manage it there.
				PreConfig: func() {
					sub, err := env.Client(t).CreateSubaccount(context.Background(), "owner")
					if err != nil {
						t.Fatal(err)
					}
					buy(*sub.Sid, "+14155550172", "https://example.com/voice")
				},
				Config:      config("+14155550172"),
				ExpectError: acctest.ErrorRegexp("another account of this family"),
			},
			{
				// Nobody in the family owns it: Twilio's magic test number +15005550000, "unavailable".
				Config:      config("+15005550000"),
				ExpectError: acctest.ErrorRegexp("no account of this family owns"),
			},
		},
	})
	if n := len(env.Requests("DELETE", "/IncomingPhoneNumbers/")); n != 0 {
		t.Errorf("%d numbers released; a refused purchase must touch nothing", n)
	}
}
