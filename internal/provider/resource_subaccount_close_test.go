package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Closing a subaccount releases every number it owns, so destroying one that still owns numbers fails,
// names them and releases nothing; release_numbers_on_close = true is the explicit way to close anyway.
func TestAccSubaccount_closeRefusedWhileItOwnsNumbers(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid string
	var bought []string // bought outside Terraform, as in the Console
	buy := func(s *terraform.State) error {
		if err := testAccCaptureAttr(testAccSubaccountAddr, "sid", &sid)(s); err != nil {
			return err
		}
		for _, number := range []string{"+14155550171", "+14155550172"} {
			params := &twilioclient.CreateIncomingNumberParams{}
			params.SetPhoneNumber(number)
			n, err := env.Client(t).CreateIncomingNumber(context.Background(), sid, params)
			if err != nil {
				return err
			}
			bought = append(bought, *n.Sid)
		}
		return nil
	}
	lists := func() []string {
		var at []string
		for _, r := range env.Requests("GET", "/Accounts/"+sid+"/IncomingPhoneNumbers.json") {
			at = append(at, r.Time.String())
		}
		return at
	}
	stillThere := func() {
		// One list per command (issue 25): the refused destroy's apply listed them; its plan did not.
		if at := lists(); len(at) != 1 {
			t.Fatalf("the refused destroy listed the numbers of %s %d times (%v), want once, in its apply", sid, len(at), at)
		}
		acct, err := env.Client(t).FindAccount(context.Background(), sid)
		if err != nil || *acct.Status != twilioclient.AccountStatusActive {
			t.Fatalf("the refused destroy must leave subaccount %s active: %v %v", sid, acct, err)
		}
		for _, pn := range bought {
			if _, err := env.Client(t).FindIncomingNumber(context.Background(), sid, pn); err != nil {
				t.Fatalf("the refused destroy must release nothing, but %s: %v", pn, err)
			}
		}
	}
	optIn := `
resource "twilio_subaccount" "test" {
  friendly_name            = "tenant-with-numbers"
  release_numbers_on_close = true
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(s *terraform.State) error {
			if err := testAccCheckSubaccountClosed(t, env)(s); err != nil {
				return err
			}
			// With release_numbers_on_close, the destroy's plan lists the numbers for its warning and the
			// apply closes without listing again: the list would not change the outcome.
			if at := lists(); len(at) != 2 {
				return fmt.Errorf("listed the numbers of %s %d times (%v), want twice: the refused destroy's apply, the opted-in destroy's plan", sid, len(at), at)
			}
			return testAccCheckNumbersReleased(t, env, bought)
		},
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccSubaccountConfig_basic("tenant-with-numbers")),
				Check:  buy,
			},
			{
				Config:  env.Config(testAccSubaccountConfig_basic("tenant-with-numbers")),
				Destroy: true,
				ExpectError: errorInOrder("still owns 2 phone number(s):", "+14155550171 (PN", "+14155550172 (PN",
					"the subaccount was not closed and these numbers were not released", "account_sid", "release_numbers_on_close = true"),
			},
			{
				// Opting in is an in-place change of a Terraform-side attribute only.
				PreConfig: stillThere,
				Config:    env.Config(optIn),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccSubaccountAddr, tfjsonpath.New("release_numbers_on_close"), knownvalue.Bool(true)),
				},
			},
			testAccImportStep(testAccSubaccountAddr, "timeouts", "release_numbers_on_close"),
		},
	})
}

// Replacing a subaccount (here a taint; -replace is the same) closes the old one: the same guard refuses
// while it owns numbers, before anything is closed or created.
func TestAccSubaccount_replaceRefusedWhileItOwnsNumbers(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid, pn string
	config := env.Config(testAccSubaccountConfig_basic("tenant-replaced"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					if err := testAccCaptureAttr(testAccSubaccountAddr, "sid", &sid)(s); err != nil {
						return err
					}
					params := &twilioclient.CreateIncomingNumberParams{}
					params.SetPhoneNumber("+14155550175")
					n, err := env.Client(t).CreateIncomingNumber(context.Background(), sid, params)
					if err == nil {
						pn = *n.Sid
					}
					return err
				},
			},
			{
				Config:      config,
				Taint:       []string{testAccSubaccountAddr},
				ExpectError: errorInOrder("still owns 1 phone number(s):", "+14155550175 (PN", "create_before_destroy"),
			},
			{
				// Nothing was released or closed. Once the number is gone (released by hand here), the still
				// tainted subaccount is replaced: the old one closes, a new one is made.
				PreConfig: func() {
					if _, err := env.Client(t).FindIncomingNumber(context.Background(), sid, pn); err != nil {
						t.Fatalf("the refused replacement must release nothing, but %s: %v", pn, err)
					}
					if err := env.Client(t).DeleteIncomingNumber(context.Background(), sid, pn); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				Check: func(s *terraform.State) error {
					acct, err := env.Client(t).FindAccount(context.Background(), sid)
					if err != nil || *acct.Status != twilioclient.AccountStatusClosed {
						return fmt.Errorf("the replaced subaccount %s should be closed: %v %v", sid, acct, err)
					}
					return resource.TestCheckResourceAttrWith(testAccSubaccountAddr, "sid", func(v string) error {
						if v == sid {
							return fmt.Errorf("the subaccount was not replaced")
						}
						return nil
					})(s)
				},
			},
		},
		CheckDestroy: testAccCheckSubaccountClosed(t, env),
	})
}

// A number with skip_destroy = true is left in its account on destroy; closing that account in the same
// apply would release it anyway. The close is refused and the error says which number and why.
func TestAccSubaccount_closeReportsSkipDestroyNumber(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid, pn string
	config := env.Config(`
resource "twilio_subaccount" "test" {
  friendly_name = "tenant-keeps-a-number"
}

resource "twilio_incoming_number" "kept" {
  account_sid  = twilio_subaccount.test.sid
  phone_number = "+14155550173"
  skip_destroy = true
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(s *terraform.State) error {
			if err := testAccCheckSubaccountClosed(t, env)(s); err != nil {
				return err
			}
			return testAccCheckNumbersReleased(t, env, []string{pn})
		},
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(
					testAccCaptureAttr(testAccSubaccountAddr, "sid", &sid),
					testAccCaptureAttr("twilio_incoming_number.kept", "sid", &pn),
				),
			},
			{
				Config:  config,
				Destroy: true,
				ExpectError: errorInOrder("still owns 1 phone number(s):", "+14155550173 (PN",
					"its twilio_incoming_number has skip_destroy = true, which contradicts closing the account"),
			},
			{
				// The number left the state (skip_destroy did its part); the subaccount did not close.
				PreConfig: func() {
					if _, err := env.Client(t).FindIncomingNumber(context.Background(), sid, pn); err != nil {
						t.Fatalf("number %s must still be in subaccount %s: %v", pn, sid, err)
					}
				},
				Config: env.Config(`
resource "twilio_subaccount" "test" {
  friendly_name            = "tenant-keeps-a-number"
  release_numbers_on_close = true
}
`),
				Check: testAccCheckAccountInTwilio(t, env, "tenant-keeps-a-number", "active"),
			},
		},
	})
}

// Numbers Terraform destroys in the same apply are released before the subaccount closes, so a whole
// tenant destroys cleanly without the opt-in.
func TestAccSubaccount_closeAfterManagedNumbers(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var pn string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(s *terraform.State) error {
			if err := testAccCheckSubaccountClosed(t, env)(s); err != nil {
				return err
			}
			return testAccCheckNumbersReleased(t, env, []string{pn})
		},
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "twilio_subaccount" "test" {
  friendly_name = "tenant-whole"
}

resource "twilio_incoming_number" "main" {
  account_sid = twilio_subaccount.test.sid
  area_code   = "415"
}
`),
			Check: testAccCaptureAttr("twilio_incoming_number.main", "sid", &pn),
		}},
	})
}

// A refused close comes last: Terraform has already destroyed what depends on the subaccount (its managed
// number released, its key revoked, its app deleted) and a refused close does not bring them back. The
// error says so, and names the ways out that work once the configuration is gone.
func TestAccSubaccount_closeRefusedAfterDependents(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var sid, managed, key, app, bought string
	config := env.Config(`
resource "twilio_subaccount" "test" {
  friendly_name = "tenant-half-destroyed"
}

resource "twilio_api_key" "backend" {
  account_sid   = twilio_subaccount.test.sid
  friendly_name = "backend"
}

resource "twilio_twiml_app" "voice" {
  account_sid   = twilio_subaccount.test.sid
  friendly_name = "voice"
}

resource "twilio_incoming_number" "main" {
  account_sid           = twilio_subaccount.test.sid
  phone_number          = "+14155550176"
  voice_application_sid = twilio_twiml_app.voice.sid
}
`)
	ctx := context.Background()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(s *terraform.State) error {
			if err := testAccCheckSubaccountClosed(t, env)(s); err != nil {
				return err
			}
			return testAccCheckNumbersReleased(t, env, []string{managed, bought})
		},
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(
					testAccCaptureAttr(testAccSubaccountAddr, "sid", &sid),
					testAccCaptureAttr("twilio_incoming_number.main", "sid", &managed),
					testAccCaptureAttr("twilio_api_key.backend", "sid", &key),
					testAccCaptureAttr("twilio_twiml_app.voice", "sid", &app),
					func(*terraform.State) error {
						params := &twilioclient.CreateIncomingNumberParams{}
						params.SetPhoneNumber("+14155550177")
						n, err := env.Client(t).CreateIncomingNumber(ctx, sid, params)
						if err == nil {
							bought = *n.Sid
						}
						return err
					},
				),
			},
			{
				Config:  config,
				Destroy: true,
				ExpectError: errorInOrder("still owns 1 phone number(s):", "+14155550177 (PN",
					"Terraform destroys what depends on the subaccount before it tries the close",
					"is gone before the close is refused, and stays gone", "release (or move) the numbers in the Twilio Console",
					"terraform state rm"),
			},
			{
				PreConfig: func() {
					c := env.Client(t)
					if _, err := c.FindIncomingNumber(ctx, sid, managed); !twilioclient.IsNotFound(err) {
						t.Fatalf("the managed number %s must be released before the close is refused: %v", managed, err)
					}
					if _, err := c.FindKey(ctx, sid, key); !twilioclient.IsNotFound(err) {
						t.Fatalf("the key %s must be revoked before the close is refused: %v", key, err)
					}
					if _, err := c.FindApplication(ctx, sid, app); !twilioclient.IsNotFound(err) {
						t.Fatalf("the app %s must be deleted before the close is refused: %v", app, err)
					}
					if _, err := c.FindIncomingNumber(ctx, sid, bought); err != nil {
						t.Fatalf("the number bought outside Terraform must stay: %v", err)
					}
				},
				// Only the subaccount is left in the state; the opt-in lets the final destroy close it.
				Config: env.Config(`
resource "twilio_subaccount" "test" {
  friendly_name            = "tenant-half-destroyed"
  release_numbers_on_close = true
}
`),
				Check: testAccCheckAccountInTwilio(t, env, "tenant-half-destroyed", "active"),
			},
		},
	})
}

// Names are limited to 64 characters, not bytes: 60 accented letters (120 bytes) plan and apply.
func TestAccSubaccount_accentedName(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	name := strings.Repeat("é", 60)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(testAccSubaccountConfig_basic(strings.Repeat("é", 65))),
				PlanOnly:    true,
				ExpectError: acctest.ErrorRegexp(`friendly_name UTF-8 character count must be between 1 and 64, got: 65`),
			},
			{
				Config: env.Config(testAccSubaccountConfig_basic(name)),
				Check:  testAccCheckAccountInTwilio(t, env, name, "active"),
			},
		},
	})
}

// errorInOrder matches the parts in this order, however Terraform wraps the lines of its diagnostics.
func errorInOrder(parts ...string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = strings.TrimPrefix(acctest.ErrorRegexp(p).String(), "(?s)")
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}

// testAccCheckNumbersReleased proves numbers are gone from every account of the family.
func testAccCheckNumbersReleased(t *testing.T, env *acctest.Env, sids []string) error {
	for _, pn := range sids {
		n, err := env.Client(t).FindIncomingNumberInFamily(context.Background(), pn, "")
		if err == nil {
			return fmt.Errorf("number %s (%s) was not released", *n.PhoneNumber, pn)
		}
		if !twilioclient.IsNotFound(err) {
			return err
		}
	}
	return nil
}
