package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

const (
	testAccAvailableNumbersAddr     = "data.twilio_available_phone_numbers.test"
	testAccIncomingNumberDataSource = "data.twilio_incoming_number.test"
)

func TestAccAvailablePhoneNumbers_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t) // the emulator's inventory is known; Twilio's changes by the minute
	attr := func(p tfjsonpath.Path, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testAccAvailableNumbersAddr, p, v)
	}
	first := tfjsonpath.New("numbers").AtSliceIndex(0)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "twilio_available_phone_numbers" "test" {
  country   = "US"
  area_code = "415"
  limit     = 5
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				attr(tfjsonpath.New("type"), knownvalue.StringExact("local")),
				attr(tfjsonpath.New("limit"), knownvalue.Int64Exact(5)),
				attr(tfjsonpath.New("numbers"), knownvalue.ListSizeExact(5)),
				attr(first.AtMapKey("phone_number"), knownvalue.StringRegexp(regexp.MustCompile(`^\+1415[0-9]{7}$`))),
				attr(first.AtMapKey("friendly_name"), knownvalue.StringRegexp(regexp.MustCompile(`^\(415\) `))),
				attr(first.AtMapKey("locality"), knownvalue.StringExact("San Francisco")),
				attr(first.AtMapKey("region"), knownvalue.StringExact("CA")),
				attr(first.AtMapKey("postal_code"), knownvalue.StringExact("94103")),
				attr(first.AtMapKey("iso_country"), knownvalue.StringExact("US")),
				attr(first.AtMapKey("address_requirements"), knownvalue.StringExact("none")),
				attr(first.AtMapKey("capabilities"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"voice": knownvalue.Bool(true), "sms": knownvalue.Bool(true), "mms": knownvalue.Bool(true), "fax": knownvalue.Bool(false),
				})),
			},
		}},
	})
}

// Toll-free and mobile searches use their own Twilio resources; contains with + anchors the prefix.
func TestAccAvailablePhoneNumbers_types(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	numbers := func(addr string, pattern string) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("numbers"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"phone_number": knownvalue.StringRegexp(regexp.MustCompile(pattern))}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"phone_number": knownvalue.StringRegexp(regexp.MustCompile(pattern))}),
		}))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "twilio_available_phone_numbers" "toll_free" {
  country  = "US"
  type     = "toll_free"
  contains = "+1888"
  limit    = 2
}

data "twilio_available_phone_numbers" "mobile" {
  country = "GB"
  type    = "mobile"
  limit   = 2
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				numbers("data.twilio_available_phone_numbers.toll_free", `^\+1888[0-9]{7}$`),
				numbers("data.twilio_available_phone_numbers.mobile", `^\+447[0-9]+$`),
				statecheck.ExpectKnownValue("data.twilio_available_phone_numbers.mobile", tfjsonpath.New("numbers").AtSliceIndex(0).AtMapKey("locality"), knownvalue.Null()),
			},
		}},
	})
}

// Capabilities filter the search; a search that matches nothing is an empty list, not an error. A number
// someone owns is not offered.
func TestAccAvailablePhoneNumbers_filters(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	params := &twilioclient.CreateIncomingNumberParams{}
	params.SetPhoneNumber("+14155550100")
	if _, err := env.Client(t).CreateIncomingNumber(context.Background(), env.AccountSID, params); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "twilio_available_phone_numbers" "mms" {
  country      = "GB"
  capabilities = ["sms", "mms"]
}

data "twilio_available_phone_numbers" "sms" {
  country      = "US"
  area_code    = "415"
  capabilities = ["voice", "sms"]
  limit        = 1
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_available_phone_numbers.mms", tfjsonpath.New("numbers"), knownvalue.ListExact([]knownvalue.Check{})),
				statecheck.ExpectKnownValue("data.twilio_available_phone_numbers.mms", tfjsonpath.New("limit"), knownvalue.Int64Exact(20)),
				statecheck.ExpectKnownValue("data.twilio_available_phone_numbers.sms", tfjsonpath.New("numbers").AtSliceIndex(0).AtMapKey("phone_number"),
					knownvalue.StringExact("+14155550101")),
			},
		}},
	})
}

// Twilio sells no US mobile numbers and answers 404: an error that says so, not an empty list.
func TestAccAvailablePhoneNumbers_noSuchType(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "twilio_available_phone_numbers" "test" {
  country = "US"
  type    = "mobile"
}
`),
			ExpectError: acctest.ErrorRegexp(`Twilio offers no mobile numbers in "US" (for example, it sells no mobile numbers in the US)`),
		}},
	})
}

func TestAccAvailablePhoneNumbers_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cases := map[string]struct{ args, want string }{
		"lower-case country": {`country = "us"`, `must be an ISO 3166-1 alpha-2 code in capitals`},
		"unknown type":       {`country = "US"` + "\n" + `type = "landline"`, `Attribute type value must be one of`},
		"short area code":    {`country = "US"` + "\n" + `area_code = "41"`, `must be a three-digit area code`},
		"short contains":     {`country = "US"` + "\n" + `contains = "5"`, `must be at least two digits, letters or *`},
		"limit zero":         {`country = "US"` + "\n" + `limit = 0`, `Attribute limit value must be between 1 and 1000`},
		"limit too big":      {`country = "US"` + "\n" + `limit = 1001`, `Attribute limit value must be between 1 and 1000`},
		"bad capability":     {`country = "US"` + "\n" + `capabilities = ["video"]`, `value must be one of`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:      env.Config(fmt.Sprintf("data \"twilio_available_phone_numbers\" \"test\" {\n%s\n}\n", tc.args)),
					PlanOnly:    true,
					ExpectError: acctest.ErrorRegexp(tc.want),
				}},
			})
		})
	}
	testAccCheckNoRequests(t, env)
}

// A number bought outside Terraform is found by SID and by number, with its configuration; a voice URL
// that is a flow of the number's account reads as studio_flow_sid.
func TestAccIncomingNumberDataSource_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	flow := testAccStudioFlowCreateInConsole(t, env, env.AccountSID, "reception")
	params := &twilioclient.CreateIncomingNumberParams{}
	params.SetPhoneNumber("+14155550142").SetFriendlyName("front desk").
		SetVoiceUrl(twilioclient.FlowWebhookURL(env.AccountSID, flow)).SetVoiceMethod("POST").
		SetSmsUrl("https://example.com/sms").SetSmsMethod("GET")
	n, err := env.Client(t).CreateIncomingNumber(context.Background(), env.AccountSID, params)
	if err != nil {
		t.Fatal(err)
	}
	checks := func(addr string) []statecheck.StateCheck {
		attr := func(name string, v knownvalue.Check) statecheck.StateCheck {
			return statecheck.ExpectKnownValue(addr, tfjsonpath.New(name), v)
		}
		return []statecheck.StateCheck{
			attr("sid", knownvalue.StringExact(*n.Sid)),
			attr("phone_number", knownvalue.StringExact("+14155550142")),
			attr("account_sid", knownvalue.StringExact(env.AccountSID)),
			attr("friendly_name", knownvalue.StringExact("front desk")),
			attr("voice_url", knownvalue.StringExact(twilioclient.FlowWebhookURL(env.AccountSID, flow))),
			attr("voice_method", knownvalue.StringExact("POST")),
			attr("studio_flow_sid", knownvalue.StringExact(flow)),
			attr("voice_application_sid", knownvalue.Null()),
			attr("voice_fallback_url", knownvalue.Null()),
			attr("sms_url", knownvalue.StringExact("https://example.com/sms")),
			attr("sms_method", knownvalue.StringExact("GET")),
			attr("voice_caller_id_lookup", knownvalue.Bool(false)),
			attr("bundle_sid", knownvalue.Null()),
			attr("capabilities", knownvalue.ObjectExact(map[string]knownvalue.Check{
				"voice": knownvalue.Bool(true), "sms": knownvalue.Bool(true), "mms": knownvalue.Bool(true), "fax": knownvalue.Bool(false),
			})),
			attr("date_created", knownvalue.NotNull()),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
data "twilio_incoming_number" "by_sid" {
  sid = %q
}

data "twilio_incoming_number" "by_number" {
  phone_number = "+14155550142"
}
`, *n.Sid)),
			ConfigStateChecks: append(checks("data.twilio_incoming_number.by_sid"), checks("data.twilio_incoming_number.by_number")...),
		}},
	})
}

// A subaccount's number is found with account_sid; the provider's account does not have it.
func TestAccIncomingNumberDataSource_subaccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	sub, err := env.Client(t).CreateSubaccount(ctx, "tenant")
	if err != nil {
		t.Fatal(err)
	}
	params := &twilioclient.CreateIncomingNumberParams{}
	params.SetAreaCode("212")
	n, err := env.Client(t).CreateIncomingNumber(ctx, *sub.Sid, params)
	if err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: env.Config(fmt.Sprintf(`
data "twilio_incoming_number" "test" {
  account_sid  = %q
  phone_number = %q
}
`, *sub.Sid, *n.PhoneNumber)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccIncomingNumberDataSource, tfjsonpath.New("sid"), knownvalue.StringExact(*n.Sid)),
					statecheck.ExpectKnownValue(testAccIncomingNumberDataSource, tfjsonpath.New("account_sid"), knownvalue.StringExact(*sub.Sid)),
					statecheck.ExpectKnownValue(testAccIncomingNumberDataSource, tfjsonpath.New("studio_flow_sid"), knownvalue.Null()),
					statecheck.ExpectKnownValue(testAccIncomingNumberDataSource, tfjsonpath.New("voice_url"), knownvalue.Null()),
				},
			},
			{
				Config: env.Config(fmt.Sprintf(`
data "twilio_incoming_number" "test" {
  sid = %q
}
`, *n.Sid)),
				ExpectError: acctest.ErrorRegexp(fmt.Sprintf("Account %s has no number %s. Check the value, and set account_sid", env.AccountSID, *n.Sid)),
			},
			{
				Config: env.Config(`
data "twilio_incoming_number" "test" {
  phone_number = "+14155550199"
}
`),
				ExpectError: acctest.ErrorRegexp(fmt.Sprintf("Account %s has no number +14155550199", env.AccountSID)),
			},
		},
	})
}

func TestAccIncomingNumberDataSource_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const sid = `sid = "PN0123456789abcdef0123456789abcdef"`
	cases := map[string]struct{ args, want string }{
		"neither":        {``, `Exactly one of these attributes must be configured: [sid,phone_number]`},
		"both":           {sid + "\n" + `phone_number = "+14155550100"`, `Exactly one of these attributes must be configured: [sid,phone_number]`},
		"not E.164":      {`phone_number = "415-555-0100"`, `phone_number must be a phone number in E.164 form`},
		"SID prefix":     {`sid = "AC0123456789abcdef0123456789abcdef"`, `sid must be a Twilio SID: PN`},
		"account prefix": {sid + "\n" + `account_sid = "PN0123456789abcdef0123456789abcdef"`, `account_sid must be a Twilio SID: AC`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:      env.Config(fmt.Sprintf("data \"twilio_incoming_number\" \"test\" {\n%s\n}\n", tc.args)),
					PlanOnly:    true,
					ExpectError: acctest.ErrorRegexp(tc.want),
				}},
			})
		})
	}
	testAccCheckNoRequests(t, env)
}
