package provider

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// A whole tenant costs no request beyond the ones its objects need and its safety: the objects planned into
// a new subaccount do not fetch the account the same apply just created, and the destroy lists the
// subaccount's numbers once, in the apply, after its numbers' releases and right before the close
// (close_guard.go says why the plan's listing must not stand in for the apply's, and why the plan does not
// list without release_numbers_on_close).
func TestAccSubaccount_tenantRequests(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	var sid, pn string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(s *terraform.State) error {
			if err := testAccCheckSubaccountClosed(t, env)(s); err != nil {
				return err
			}
			if err := testAccCheckNumbersReleased(t, env, []string{pn}); err != nil {
				return err
			}
			lists := env.Requests("GET", "/Accounts/"+sid+"/IncomingPhoneNumbers.json")
			if len(lists) != 1 {
				return fmt.Errorf("the destroy listed the numbers of %s %d times, want once (right before the close)", sid, len(lists))
			}
			releases := env.Requests("DELETE", "/Accounts/"+sid+"/IncomingPhoneNumbers/"+pn)
			closes := env.Requests("POST", "/Accounts/"+sid+".json")
			if len(releases) != 1 || len(closes) != 1 {
				return fmt.Errorf("want one release of %s and one close of %s, got %d and %d", pn, sid, len(releases), len(closes))
			}
			if lists[0].Time.Before(releases[0].Time) || closes[0].Time.Before(lists[0].Time) {
				return fmt.Errorf("the close guard listed the numbers of %s at %s, want after the number's release "+
					"(%s) and before the close (%s)", sid, lists[0].Time, releases[0].Time, closes[0].Time)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "twilio_subaccount" "test" {
  friendly_name = "tenant-lists-once"
}

resource "twilio_api_key" "test" {
  account_sid   = twilio_subaccount.test.sid
  friendly_name = "backend"
}

resource "twilio_twiml_app" "test" {
  account_sid   = twilio_subaccount.test.sid
  friendly_name = "voice"
  voice_url     = "https://example.com/voice"
}

resource "twilio_incoming_number" "main" {
  account_sid           = twilio_subaccount.test.sid
  area_code             = "415"
  voice_application_sid = twilio_twiml_app.test.sid
}
`),
			Check: resource.ComposeTestCheckFunc(
				testAccCaptureAttr(testAccSubaccountAddr, "sid", &sid),
				testAccCaptureAttr("twilio_incoming_number.main", "sid", &pn),
				func(*terraform.State) error {
					buys := env.Requests("POST", "/Accounts/"+sid+"/IncomingPhoneNumbers.json")
					if len(buys) != 1 {
						return fmt.Errorf("want one purchase in %s, got %d", sid, len(buys))
					}
					for _, f := range env.Requests("GET", "/Accounts/"+sid+".json") {
						if f.Time.Before(buys[0].Time) {
							return fmt.Errorf("the apply fetched subaccount %s at %s, before buying its number; "+
								"it created the account itself", sid, f.Time)
						}
					}
					return nil
				},
			),
		}},
	})
}

func TestSeenAccounts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var s seenAccounts
	var calls atomic.Int32
	release := make(chan struct{})
	find := func(context.Context) error {
		calls.Add(1)
		<-release
		return nil
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.check(ctx, "AC1", find); err != nil {
				t.Error(err)
			}
		}()
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("8 concurrent checks of one account made %d look-ups, want 1", n)
	}
	if err := s.check(ctx, "AC1", find); err != nil || calls.Load() != 1 {
		t.Errorf("a known account was looked up again (%d look-ups, %v)", calls.Load(), err)
	}

	s.note("AC2")
	if err := s.check(ctx, "AC2", find); err != nil || calls.Load() != 1 {
		t.Errorf("an account the process created was looked up (%d look-ups, %v)", calls.Load(), err)
	}

	gone := errors.New("not found")
	if err := s.check(ctx, "AC3", func(context.Context) error { return gone }); !errors.Is(err, gone) {
		t.Errorf("check = %v, want the look-up's error", err)
	}
	if err := s.check(ctx, "AC3", find); err != nil || calls.Load() != 2 {
		t.Errorf("a failed look-up was remembered (%d look-ups, %v)", calls.Load(), err)
	}
}
