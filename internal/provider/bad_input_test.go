package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// badInput is one invalid configuration: it must fail at plan time, with an error whose source excerpt
// is the offending attribute's line (attr = ...), or the named block when the problem is a missing value.
type badInput struct {
	name   string
	config string
	attr   string // the attribute the error must point at
	msg    string // words the error must contain
}

const (
	sidAC = "AC0123456789abcdef0123456789abcdef"
	sidAP = "AP0123456789abcdef0123456789abcdef"
	sidSK = "SK0123456789abcdef0123456789abcdef"
	sidPN = "PN0123456789abcdef0123456789abcdef"
	sidFW = "FW0123456789abcdef0123456789abcdef"
	sidZS = "ZS0123456789abcdef0123456789abcdef"
	sidZE = "ZE0123456789abcdef0123456789abcdef"
)

func res(typ, body string) string {
	return fmt.Sprintf("resource %q \"test\" {\n%s\n}\n", typ, body)
}

// testAccTriggerBody is a valid usage trigger's body with one attribute replaced by override.
func testAccTriggerBody(override string) string {
	attrs := map[string]string{"friendly_name": `"x"`, "usage_category": `"totalprice"`, "trigger_by": `"price"`,
		"trigger_value": `"100"`, "recurring": `"monthly"`, "callback_url": `"https://ops.example.com/spend"`}
	name := strings.TrimSpace(strings.SplitN(override, "=", 2)[0])
	lines := []string{override}
	for _, k := range []string{"friendly_name", "usage_category", "trigger_by", "trigger_value", "recurring", "callback_url"} {
		if k != name {
			lines = append(lines, k+" = "+attrs[k])
		}
	}
	return strings.Join(lines, "\n")
}

// testAccTrustBundleBody is a valid Trust Hub bundle's body with one attribute replaced by override.
func testAccTrustBundleBody(override string) string {
	attrs := map[string]string{"friendly_name": `"t"`, "email": `"compliance@isv.example"`,
		"policy_sid": `"RNdfbf3fae0e1107f8aded0e7cead80bf5"`, "entity_sids": `["IT0123456789abcdef0123456789abcdef"]`}
	name := strings.TrimSpace(strings.SplitN(override, "=", 2)[0])
	lines := []string{override}
	for _, k := range []string{"friendly_name", "email", "policy_sid", "entity_sids"} {
		if k != name {
			lines = append(lines, k+" = "+attrs[k])
		}
	}
	return strings.Join(lines, "\n")
}

func data(typ, body string) string {
	return fmt.Sprintf("data %q \"test\" {\n%s\n}\n", typ, body)
}

var badInputs = []badInput{
	// twilio_subaccount
	{"subaccount name too long", res("twilio_subaccount", `friendly_name = "`+strings.Repeat("x", 65)+`"`), "friendly_name", "UTF-8 character count must be between 1 and 64"},
	{"subaccount empty name", res("twilio_subaccount", `friendly_name = ""`), "friendly_name", "UTF-8 character count must be between 1 and 64"},
	{"subaccount closed status", res("twilio_subaccount", "friendly_name = \"t\"\nstatus = \"closed\""), "status", "value must be one of"},
	{"subaccount unknown status", res("twilio_subaccount", "friendly_name = \"t\"\nstatus = \"paused\""), "status", "value must be one of"},
	// twilio_usage_trigger
	{"trigger relative value", res("twilio_usage_trigger", testAccTriggerBody(`trigger_value = "+30"`)), "trigger_value", "relative form"},
	{"trigger negative value", res("twilio_usage_trigger", testAccTriggerBody(`trigger_value = "-5"`)), "trigger_value", "not positive"},
	{"trigger unknown field", res("twilio_usage_trigger", testAccTriggerBody(`trigger_by = "minutes"`)), "trigger_by", "value must be one of"},
	{"trigger unknown period", res("twilio_usage_trigger", testAccTriggerBody(`recurring = "weekly"`)), "recurring", "value must be one of"},
	{"trigger ftp callback", res("twilio_usage_trigger", testAccTriggerBody(`callback_url = "ftp://ops.example.com/x"`)), "callback_url", "http:// or https:// URL"},
	// twilio_messaging_service
	{"messaging validity period 0", res("twilio_messaging_service", "friendly_name = \"t\"\nvalidity_period = 0"), "validity_period", "between 1 and 36000"},
	{"messaging validity period over 10 hours", res("twilio_messaging_service", "friendly_name = \"t\"\nvalidity_period = 36001"), "validity_period", "between 1 and 36000"},
	{"messaging use case in capitals", res("twilio_messaging_service", "friendly_name = \"t\"\nusecase = \"Marketing\""), "usecase", "value must be one of"},
	{"messaging relative inbound URL", res("twilio_messaging_service", "friendly_name = \"t\"\ninbound_request_url = \"/sms\""), "inbound_request_url", "http:// or https:// URL"},
	{"messaging PUT fallback", res("twilio_messaging_service", "friendly_name = \"t\"\nfallback_method = \"PUT\""), "fallback_method", "value must be one of"},
	{"messaging name over 64 characters", res("twilio_messaging_service", `friendly_name = "`+strings.Repeat("x", 65)+`"`), "friendly_name", "UTF-8 character count must be between 1 and 64"},
	// twilio_messaging_service_phone_number
	{"pool number given a phone number", res("twilio_messaging_service_phone_number", `service_sid = "MG0123456789abcdef0123456789abcdef"
phone_number_sid = "+14155550100"`), "phone_number_sid", "PN followed by 32 hexadecimal digits"},
	{"pool number in a Serverless service", res("twilio_messaging_service_phone_number", `service_sid = "`+sidZS+`"
phone_number_sid = "`+sidPN+`"`), "service_sid", "MG followed by 32 hexadecimal digits"},
	// twilio_messaging_service_alpha_sender
	{"alpha sender of digits only", res("twilio_messaging_service_alpha_sender", `service_sid = "MG0123456789abcdef0123456789abcdef"
alpha_sender = "12345"`), "alpha_sender", "cannot be only digits"},
	{"alpha sender over 11 characters", res("twilio_messaging_service_alpha_sender", `service_sid = "MG0123456789abcdef0123456789abcdef"
alpha_sender = "AcmeShopping"`), "alpha_sender", "length must be between 1 and 11"},
	{"alpha sender with a dot", res("twilio_messaging_service_alpha_sender", `service_sid = "MG0123456789abcdef0123456789abcdef"
alpha_sender = "Acme.Co"`), "alpha_sender", "may only contain letters"},
	// twilio_messaging_service_short_code
	{"short code given its digits", res("twilio_messaging_service_short_code", `service_sid = "MG0123456789abcdef0123456789abcdef"
short_code_sid = "55123"`), "short_code_sid", "SC followed by 32 hexadecimal digits"},
	// twilio_api_key
	{"key account sid with a number prefix", res("twilio_api_key", `account_sid = "`+sidPN+`"`), "account_sid", "AC followed by 32 hexadecimal digits"},
	{"key account sid too short", res("twilio_api_key", `account_sid = "AC123"`), "account_sid", "AC followed by 32 hexadecimal digits"},
	{"key account sid in upper case", res("twilio_api_key", `account_sid = "AC0123456789ABCDEF0123456789ABCDEF"`), "account_sid", "in lower case as Twilio issues and returns it"},
	{"key unknown type", res("twilio_api_key", `key_type = "admin"`), "key_type", "value must be one of"},
	{"key policy on a standard key", res("twilio_api_key", `policy = jsonencode({ allow = ["/twilio/voice/calls/read"] })`), "policy", "restricted"},
	{"key policy not json", res("twilio_api_key", "key_type = \"restricted\"\npolicy = \"allow everything\""), "policy", "JSON"},
	{"key restricted without policy", res("twilio_api_key", `key_type = "restricted"`), "", "Missing API key policy"},
	{"key name too long", res("twilio_api_key", `friendly_name = "`+strings.Repeat("k", 65)+`"`), "friendly_name", "64"},
	// twilio_twiml_app
	{"app ftp voice url", res("twilio_twiml_app", "friendly_name = \"a\"\nvoice_url = \"ftp://voice.example.com\""), "voice_url", "http:// or https:// URL"},
	{"app voice url not a url", res("twilio_twiml_app", "friendly_name = \"a\"\nvoice_url = \"not a url\""), "voice_url", "http:// or https:// URL"},
	{"app voice method PUT", res("twilio_twiml_app", "friendly_name = \"a\"\nvoice_method = \"PUT\""), "voice_method", "value must be one of"},
	{"app sms method lowercase", res("twilio_twiml_app", "friendly_name = \"a\"\nsms_method = \"get\""), "sms_method", "value must be one of"},
	{"app status callback without scheme", res("twilio_twiml_app", "friendly_name = \"a\"\nstatus_callback = \"status.example.com/cb\""), "status_callback", "http:// or https:// URL"},
	{"app empty name", res("twilio_twiml_app", `friendly_name = ""`), "friendly_name", "UTF-8 character count must be between 1 and 64"},
	{"app account sid is a key sid", res("twilio_twiml_app", "friendly_name = \"a\"\naccount_sid = \""+sidSK+"\""), "account_sid", "AC followed by 32 hexadecimal digits"},
	{"app fallback method DELETE", res("twilio_twiml_app", "friendly_name = \"a\"\nvoice_fallback_method = \"DELETE\""), "voice_fallback_method", "value must be one of"},
	// twilio_incoming_number
	{"number without plus", res("twilio_incoming_number", `phone_number = "4155550100"`), "phone_number", "E.164"},
	{"number too short", res("twilio_incoming_number", `phone_number = "+0155"`), "phone_number", "E.164"},
	{"number and area code", res("twilio_incoming_number", "phone_number = \"+14155550100\"\narea_code = \"415\""), "phone_number", "one (and only one) of [phone_number,area_code]"},
	{"neither number nor area code", res("twilio_incoming_number", `voice_url = "https://v.example.com"`), "", "No attribute specified when one (and only one) of [phone_number,area_code] is required"},
	{"voice url and app", res("twilio_incoming_number", "phone_number = \"+14155550100\"\nvoice_url = \"https://v.example.com\"\nvoice_application_sid = \""+sidAP+"\""), "voice_application_sid", "voice_url"},
	{"studio flow and trunk", res("twilio_incoming_number", "phone_number = \"+14155550100\"\nstudio_flow_sid = \""+sidFW+"\"\ntrunk_sid = \"TK0123456789abcdef0123456789abcdef\""), "trunk_sid", "studio_flow_sid"},
	{"voice app with a number sid", res("twilio_incoming_number", "phone_number = \"+14155550100\"\nvoice_application_sid = \""+sidPN+"\""), "voice_application_sid", "AP followed by 32 hexadecimal digits"},
	{"studio flow with a bad prefix", res("twilio_incoming_number", "phone_number = \"+14155550100\"\nstudio_flow_sid = \"FX0123456789abcdef0123456789abcdef\""), "studio_flow_sid", "FW followed by 32 hexadecimal digits"},
	{"trunk with a bad prefix", res("twilio_incoming_number", "phone_number = \"+14155550100\"\ntrunk_sid = \"TR0123456789abcdef0123456789abcdef\""), "trunk_sid", "TK followed by 32 hexadecimal digits"},
	{"voice url with a studio flow made in the same apply", res("twilio_studio_flow", "friendly_name = \"f\"\ndefinition = "+testAccStudioFlowDefinition("v")) +
		res("twilio_incoming_number", "phone_number = \"+14155550100\"\nvoice_url = \"https://v.example.com\"\nstudio_flow_sid = twilio_studio_flow.test.sid"), "studio_flow_sid", "so remove voice_url"},
	{"sms url and sms app", res("twilio_incoming_number", "phone_number = \"+14155550100\"\nsms_url = \"https://s.example.com\"\nsms_application_sid = \""+sidAP+"\""), "sms_application_sid", "sms_url"},
	{"number voice method PATCH", res("twilio_incoming_number", "phone_number = \"+14155550100\"\nvoice_method = \"PATCH\""), "voice_method", "value must be one of"},
	{"US area code of two digits", res("twilio_incoming_number", `area_code = "41"`), "area_code", "area code"},
	{"studio flow called with GET", res("twilio_incoming_number", "phone_number = \"+14155550100\"\nstudio_flow_sid = \""+sidFW+"\"\nvoice_method = \"GET\""), "voice_method", "POST"},
	{"country without area code", res("twilio_incoming_number", "phone_number = \"+14155550100\"\ncountry = \"GB\""), "country", "area_code"},
	{"sms fallback mailto", res("twilio_incoming_number", "phone_number = \"+14155550100\"\nsms_fallback_url = \"mailto:ops@example.com\""), "sms_fallback_url", "http:// or https:// URL"},
	// twilio_studio_flow
	{"flow unknown status", res("twilio_studio_flow", "friendly_name = \"f\"\nstatus = \"live\"\ndefinition = jsonencode({})"), "status", "value must be one of"},
	{"flow definition not json", res("twilio_studio_flow", "friendly_name = \"f\"\nstatus = \"draft\"\ndefinition = \"{not json\""), "definition", "JSON"},
	{"flow empty name", res("twilio_studio_flow", "friendly_name = \"\"\nstatus = \"draft\"\ndefinition = jsonencode({})"), "friendly_name", "between 1 and 64"},
	{"flow account sid with an app sid", res("twilio_studio_flow", "account_sid = \""+sidAP+"\"\nfriendly_name = \"f\"\nstatus = \"draft\"\ndefinition = jsonencode({})"), "account_sid", "AC followed by 32 hexadecimal digits"},
	// twilio_serverless_service, _environment, _variable
	{"service unique name with a dot", res("twilio_serverless_service", "unique_name = \"a.b\"\nfriendly_name = \"f\""), "unique_name", "letters, digits and dashes"},
	{"service unique name too long", res("twilio_serverless_service", "unique_name = \""+strings.Repeat("a", 51)+"\"\nfriendly_name = \"f\""), "unique_name", "between 1 and 50"},
	{"service account sid of a flow", res("twilio_serverless_service", "account_sid = \""+sidFW+"\"\nunique_name = \"a\"\nfriendly_name = \"f\""), "account_sid", "AC followed by 32 hexadecimal digits"},
	{"environment service sid of an account", res("twilio_serverless_environment", "service_sid = \""+sidAC+"\"\nunique_name = \"prod\""), "service_sid", "ZS followed by 32 hexadecimal digits"},
	{"environment suffix too long", res("twilio_serverless_environment", "service_sid = \""+sidZS+"\"\nunique_name = \"prod\"\ndomain_suffix = \""+strings.Repeat("s", 17)+"\""), "domain_suffix", "between 1 and 16"},
	{"environment suffix with a dot", res("twilio_serverless_environment", "service_sid = \""+sidZS+"\"\nunique_name = \"prod\"\ndomain_suffix = \"a.b\""), "domain_suffix", "letters, digits and dashes"},
	{"variable value too long", res("twilio_serverless_variable", "service_sid = \""+sidZS+"\"\nenvironment_sid = \""+sidZE+"\"\nkey = \"K\"\nvalue = \""+strings.Repeat("v", 451)+"\""), "value", "between 1 and 450"},
	{"variable environment sid of a service", res("twilio_serverless_variable", "service_sid = \""+sidZS+"\"\nenvironment_sid = \""+sidZS+"\"\nkey = \"K\"\nvalue = \"v\""), "environment_sid", "ZE followed by 32 hexadecimal digits"},
	// data source twilio_access_token
	{"token ttl zero", data("twilio_access_token", "api_key_sid = \""+sidSK+"\"\napi_key_secret = \"s3cr3t\"\nidentity = \"a\"\nttl = 0"), "ttl", "between 1 and 86400"},
	{"token ttl over a day", data("twilio_access_token", "api_key_sid = \""+sidSK+"\"\napi_key_secret = \"s3cr3t\"\nidentity = \"a\"\nttl = 86401"), "ttl", "between 1 and 86400"},
	{"token key sid is an account sid", data("twilio_access_token", "api_key_sid = \""+sidAC+"\"\napi_key_secret = \"s3cr3t\"\nidentity = \"a\""), "api_key_sid", "SK"},
	{"token voice grant without identity", data("twilio_access_token", "api_key_sid = \""+sidSK+"\"\napi_key_secret = \"s3cr3t\"\nvoice {\nincoming_allow = true\n}"), "", "Invalid access token configuration"},
	{"token outgoing app is a key", data("twilio_access_token", "api_key_sid = \""+sidSK+"\"\napi_key_secret = \"s3cr3t\"\nidentity = \"a\"\nvoice {\noutgoing_application_sid = \""+sidSK+"\"\n}"), "outgoing_application_sid", "AP"},
	{"token account sid is a key", data("twilio_access_token", "account_sid = \""+sidSK+"\"\napi_key_sid = \""+sidSK+"\"\napi_key_secret = \"s3cr3t\"\nidentity = \"a\""), "account_sid", "AC"},
	// data source twilio_available_phone_numbers
	{"available numbers landline", data("twilio_available_phone_numbers", "country = \"US\"\ntype = \"landline\""), "type", "value must be one of"},
	{"available numbers country name", data("twilio_available_phone_numbers", "country = \"usa\"\ntype = \"local\""), "country", "country"},
	{"available numbers limit zero", data("twilio_available_phone_numbers", "country = \"US\"\ntype = \"local\"\nlimit = 0"), "limit", "between"},
	// data source twilio_incoming_number
	{"number lookup not e164", data("twilio_incoming_number", `phone_number = "555-0100"`), "phone_number", "E.164"},
	{"number lookup sid and number", data("twilio_incoming_number", "sid = \""+sidPN+"\"\nphone_number = \"+14155550100\""), "sid", "Exactly one of these attributes must be configured: [sid,phone_number]"},
	{"number lookup by app sid", data("twilio_incoming_number", `sid = "`+sidAP+`"`), "sid", "PN followed by 32 hexadecimal digits"},
	// data source twilio_account
	{"account lookup by key sid", data("twilio_account", `sid = "`+sidSK+`"`), "sid", "AC followed by 32 hexadecimal digits"},
	// twilio_trusthub_*
	{"end user attributes an array", res("twilio_trusthub_end_user", "friendly_name = \"b\"\ntype = \"customer_profile_business_information\"\nattributes = jsonencode([\"a\"])"), "attributes", "must be a JSON object"},
	{"end user empty type", res("twilio_trusthub_end_user", "friendly_name = \"b\"\ntype = \"\"\nattributes = jsonencode({})"), "type", "at least 1"},
	{"document account sid with a bundle sid", res("twilio_trusthub_supporting_document", "account_sid = \"BU0123456789abcdef0123456789abcdef\"\nfriendly_name = \"a\"\ntype = \"customer_profile_address\"\nattributes = jsonencode({})"), "account_sid", "AC followed by 32 hexadecimal digits"},
	{"profile policy with a bundle sid", res("twilio_trusthub_customer_profile", testAccTrustBundleBody(`policy_sid = "BU0123456789abcdef0123456789abcdef"`)), "policy_sid", "RN followed by 32 hexadecimal digits"},
	{"profile not an email", res("twilio_trusthub_customer_profile", testAccTrustBundleBody(`email = "compliance at isv"`)), "email", "must be an email address"},
	{"profile entity an address", res("twilio_trusthub_customer_profile", testAccTrustBundleBody(`entity_sids = ["AD0123456789abcdef0123456789abcdef"]`)), "entity_sids", "end user (IT…), supporting document (RD…) or customer profile (BU…)"},
	{"profile no entities", res("twilio_trusthub_customer_profile", testAccTrustBundleBody(`entity_sids = []`)), "entity_sids", "at least 1"},
	{"trust product ftp callback", res("twilio_trusthub_trust_product", testAccTrustBundleBody(`status_callback = "ftp://isv.example/a2p"`)), "status_callback", "http:// or https:// URL"},
}

// badProviders are invalid provider blocks; their configurations are complete (no shared provider block).
func badProviders(env *acctest.Env) []badInput {
	block := func(body string) string {
		return "provider \"twilio\" {\n" + body + "\n}\n" + `data "twilio_account" "me" {}`
	}
	creds := fmt.Sprintf("account_sid = %q\nauth_token = %q", env.AccountSID, env.AuthToken)
	return []badInput{
		{"provider plain http to a remote host", block(creds + "\nbase_url = \"http://twilio.example.net\""), "base_url", "not loopback"},
		{"provider base url with a path", block(creds + "\nbase_url = \"https://proxy.example.net/twilio\""), "base_url", "scheme and host only"},
		{"provider too many retries", block(creds + fmt.Sprintf("\nbase_url = %q\nmax_retries = 50", env.URL)), "max_retries", "between 0 and 20"},
		{"provider no concurrency", block(creds + fmt.Sprintf("\nbase_url = %q\nmax_concurrency = 0", env.URL)), "max_concurrency", "between 1 and 100"},
		{"provider account sid of an app", block(fmt.Sprintf("base_url = %q\naccount_sid = %q\nauth_token = %q", env.URL, sidAP, env.AuthToken)), "account_sid", "AC followed by 32 hexadecimal digits"},
		{"provider api key sid of an account", block(fmt.Sprintf("base_url = %q\naccount_sid = %q\napi_key_sid = %q\napi_key_secret = \"x\"", env.URL, env.AccountSID, sidAC)), "api_key_sid", "SK followed by 32 hexadecimal digits"},
	}
}

// TestAccBadInput runs every invalid configuration through a real plan: each must fail before any
// request, with an error that points at the offending attribute.
func TestAccBadInput(t *testing.T) {
	env := acctest.New(t)
	env.RequireEmulator(t)
	cases := append([]badInput{}, badInputs...)
	for i := range cases {
		cases[i].config = env.Config(cases[i].config)
	}
	cases = append(cases, badProviders(env)...)
	if len(cases) < 40 {
		t.Fatalf("only %d bad-input cases; the suite promises at least 40", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := `(?s)Error: .*` + acctest.ErrorRegexp(tc.msg).String()[4:]
			if tc.attr != "" {
				// Terraform prints the configuration line the diagnostic points at: "  12:   voice_url = ...".
				want = `(?s)Error: .*\d+:\s+` + regexp.QuoteMeta(tc.attr) + `\s+=.*` + acctest.ErrorRegexp(tc.msg).String()[4:]
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config: tc.config, PlanOnly: true, ExpectError: regexp.MustCompile(want),
				}},
			})
		})
	}
	testAccCheckNoRequests(t, env)
	fmt.Printf("bad input: %d invalid configurations rejected at plan time, each pointing at its attribute; the emulator saw %d requests\n",
		len(cases), len(env.Emulator.Requests()))
}
