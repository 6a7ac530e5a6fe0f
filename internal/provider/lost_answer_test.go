package provider

import (
	"context"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

func TestAdoptionVerdict(t *testing.T) {
	reg := &createRegistry{}
	saved := inFlight
	inFlight = reg
	t.Cleanup(func() { inFlight = saved })

	alone, doneAlone := reg.begin("twiml_app", "AC1", "alone")
	defer doneAlone()
	sib1, doneSib1 := reg.begin("twiml_app", "AC1", "shared")
	sib2, doneSib2 := reg.begin("twiml_app", "AC1", "shared")
	doneSib2() // finished, but within the window: still overlaps
	defer doneSib1()
	other, doneOther := reg.begin("twiml_app", "AC2", "shared") // same name, another account
	defer doneOther()

	cases := []struct {
		name   string
		rec    *createRecord
		cands  []candidate
		adopt  int
		reason string
	}{
		{"nothing found", alone, nil, -1, ""},
		{"one matching candidate", alone, []candidate{{sid: "AP1"}}, 0, ""},
		{"one candidate with other settings", alone, []candidate{{sid: "AP1", differs: "voice_url"}}, -1, "voice_url is not what"},
		{"several candidates", alone, []candidate{{sid: "AP1"}, {sid: "AP2"}}, -1, "AP1, AP2"},
		{"a same-name create ran alongside", sib1, []candidate{{sid: "AP1"}}, -1, "another create"},
		{"a finished same-name create in the window", sib2, []candidate{{sid: "AP1"}}, -1, "another create"},
		{"same name in another account does not count", other, []candidate{{sid: "AP1"}}, 0, ""},
	}
	for _, tc := range cases {
		i, why := adoptionVerdict(tc.rec, tc.cands, "an application")
		if i != tc.adopt || !strings.Contains(why, tc.reason) {
			t.Errorf("%s: adoptionVerdict = %d, %q; want %d and a reason containing %q", tc.name, i, why, tc.adopt, tc.reason)
		}
	}
}

// TestLookupAfterLostAnswer: the lookup runs although the create's context is over (Ctrl-C, an expired
// timeout), keeps trying through server errors, stops at a refusal, and gives up at its deadline.
func TestLookupAfterLostAnswer(t *testing.T) {
	saved := lostAnswerGrace
	lostAnswerGrace = 3 * time.Second
	t.Cleanup(func() { lostAnswerGrace = saved })
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	serverErr := &twilioclient.Error{Status: 500, Code: 20500}

	var calls atomic.Int32
	found, err := lookupAfterLostAnswer(cancelled, func(ctx context.Context) ([]string, error) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if calls.Add(1) < 3 {
			return nil, serverErr
		}
		return []string{"AP1"}, nil
	})
	if err != nil || len(found) != 1 || calls.Load() != 3 {
		t.Fatalf("after cancellation: found %v, err %v, calls %d; want the lookup to run and retry until it answers", found, err, calls.Load())
	}

	calls.Store(0)
	_, err = lookupAfterLostAnswer(context.Background(), func(context.Context) ([]string, error) {
		calls.Add(1)
		return nil, &twilioclient.Error{Status: 403, Code: 20003}
	})
	if err == nil || calls.Load() != 1 {
		t.Errorf("a refusal: err %v after %d calls; want it returned at once", err, calls.Load())
	}

	start := time.Now()
	_, err = lookupAfterLostAnswer(cancelled, func(ctx context.Context) ([]string, error) { return nil, serverErr })
	if !errors.Is(err, serverErr) || time.Since(start) > 5*time.Second || time.Since(start) < 2*time.Second {
		t.Errorf("a lasting outage: err %v after %v; want the last error after about the 3 s grace", err, time.Since(start))
	}

	found, err = lookupAfterLostAnswer(context.Background(), func(context.Context) ([]string, error) {
		return nil, fmt.Errorf("gone: %w", twilioclient.ErrNotFound)
	})
	if err != nil || found != nil {
		t.Errorf("not found: %v, %v; want an empty answer", found, err)
	}
}

// A for_each/count sibling with the same name creates its object while this create's answer is lost:
// the lookup finds the sibling's object, with exactly the same settings. It must not be adopted (the two
// resources would share one object), and nothing may be deleted.
func TestAccTwimlApp_lostAnswerSameNameSibling(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	config := env.Config(`
resource "twilio_twiml_app" "test" {
  count         = 2
  friendly_name = "tenant-app"
  voice_url     = "https://example.com/voice"
}`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             env.CheckDestroyNoOrphans(),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					// One create fails without effect; the first lookup fails too, so that by the time the
					// lookup answers the sibling's app exists.
					env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: `/Applications\.json$`, Kind: emulator.FaultInternal, Times: 1})
					env.Emulator.AddFault(emulator.Fault{Method: "GET", Path: `/Applications\.json$`, Kind: emulator.FaultInternal, Times: 3})
				},
				Config:      config,
				ExpectError: regexp.MustCompile(`another\s+create\s+of\s+an\s+application\s+named\s+"tenant-app"\s+ran`),
			},
			{
				PreConfig: func() {
					if n := len(env.Emulator.Snapshot().Applications); n != 1 {
						t.Errorf("%d applications after the failed apply, want the sibling's only", n)
					}
					if n := len(env.Requests("DELETE", "/Applications/")); n != 0 {
						t.Errorf("%d applications deleted; nothing may be", n)
					}
				},
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(env.CheckNoOrphans(), func(s *terraform.State) error {
					a := s.RootModule().Resources["twilio_twiml_app.test.0"].Primary.Attributes["sid"]
					b := s.RootModule().Resources["twilio_twiml_app.test.1"].Primary.Attributes["sid"]
					if a == b {
						return fmt.Errorf("both resources manage %s", a)
					}
					return nil
				}),
			},
		},
	})
}

// The same for keys: a lost answer never revokes a key another resource (or person) made, even one with
// the same name created in the window, because only a key bearing this request's one-off name is revoked.
func TestAccAPIKey_lostAnswerSameNameSibling(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	config := env.Config(`
resource "twilio_api_key" "test" {
  count         = 2
  friendly_name = "tenant-key"
}`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             env.CheckDestroyNoOrphans(),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: `/Keys\.json$`, Kind: emulator.FaultInternal, Times: 1})
					env.Emulator.AddFault(emulator.Fault{Method: "GET", Path: `/Keys\.json$`, Kind: emulator.FaultInternal, Times: 3})
				},
				Config:      config,
				ExpectError: regexp.MustCompile(`most\s+likely\s+not\s+created`),
			},
			{
				PreConfig: func() {
					keys := env.Emulator.Snapshot().Keys
					if len(keys) != 1 || keys[0].FriendlyName != "tenant-key" {
						t.Errorf("keys after the failed apply: %+v; want the sibling's, renamed to tenant-key", keys)
					}
					if n := len(env.Requests("DELETE", "/Keys/")); n != 0 {
						t.Errorf("%d keys revoked; the sibling's key must live", n)
					}
				},
				Config: config,
				Check:  env.CheckNoOrphans(),
			},
		},
	})
}

// A create that never reached Twilio (nothing listens at the address) is reported as such, with the
// address actually dialled, and not as an outcome to look for in the Console.
func TestAccTwimlApp_notSent(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	config := fmt.Sprintf(`
provider "twilio" {
  base_url    = "http://%s"
  account_sid = %q
  auth_token  = %q
  max_retries = 1
}

resource "twilio_twiml_app" "test" {
  friendly_name = "unsent"
}`, addr, env.AccountSID, env.AuthToken)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: config,
			ExpectError: acctest.ErrorRegexp(fmt.Sprintf("POST http://%s/2010-04-01/Accounts/%s/Applications.json was not sent: "+
				"nothing reached Twilio", addr, env.AccountSID)),
		}, {
			Config:      config,
			ExpectError: acctest.ErrorRegexp("Nothing reached Twilio, so nothing was created; applying again is safe."),
		}},
	})
}
