package emulator_test

import (
	"net/url"
	"slices"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/oas"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
)

const (
	voiceHost    = "voice.twilio.com"
	accountsHost = "accounts.twilio.com"
)

// guardrailOperations are the tenant guardrail operations (issue 27): voice dialing permissions, usage
// triggers and auth token rotation. TestConformanceGuardrails must validate each.
var guardrailOperations = []string{
	"voice_v1.FetchDialingPermissionsSettings", "voice_v1.UpdateDialingPermissionsSettings",
	"voice_v1.ListDialingPermissionsCountry", "voice_v1.FetchDialingPermissionsCountry",
	"voice_v1.CreateDialingPermissionsCountryBulkUpdate",
	"api_v2010.CreateUsageTrigger", "api_v2010.FetchUsageTrigger", "api_v2010.ListUsageTrigger",
	"api_v2010.UpdateUsageTrigger", "api_v2010.DeleteUsageTrigger",
	"accounts_v1.CreateSecondaryAuthToken", "accounts_v1.DeleteSecondaryAuthToken",
	"accounts_v1.UpdateAuthTokenPromotion",
}

// TestConformanceGuardrails drives every guardrail operation, its successes and its errors, and requires
// each request and answer to match Twilio's OpenAPI descriptions.
func TestConformanceGuardrails(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	mainSID, mainToken := e.MainAccount()
	main := credentials{mainSID, mainToken}
	accounts := "/2010-04-01/Accounts"
	sub := c.must(201, main, "POST", apiHost, accounts+".json", url.Values{"FriendlyName": {"guardrails"}})
	subSID := sub.str("sid")
	subCreds := credentials{subSID, sub.str("auth_token")}

	// Dialing permissions, with the subaccount's own credentials.
	c.must(200, subCreds, "GET", voiceHost, "/v1/Settings", nil)
	c.must(202, subCreds, "POST", voiceHost, "/v1/Settings", url.Values{"DialingPermissionsInheritance": {"false"}})
	c.must(201, subCreds, "POST", voiceHost, "/v1/DialingPermissions/BulkCountryUpdates", url.Values{"UpdateRequest": {
		`[{"iso_code":"GB","low_risk_numbers_enabled":"true","high_risk_special_numbers_enabled":"false","high_risk_tollfraud_numbers_enabled":"false"}]`}})
	page := c.must(200, subCreds, "GET", voiceHost, "/v1/DialingPermissions/Countries", url.Values{"PageSize": {"50"}})
	meta, _ := page.body["meta"].(map[string]any)
	next, _ := meta["next_page_url"].(string)
	c.must(200, subCreds, "GET", voiceHost, nextPage(t, next), nil)
	c.must(200, subCreds, "GET", voiceHost, "/v1/DialingPermissions/Countries", url.Values{
		"LowRiskNumbersEnabled": {"true"}, "CountryCode": {"+44"}})
	c.must(200, subCreds, "GET", voiceHost, "/v1/DialingPermissions/Countries/GB", nil)

	// Usage triggers, with the parent's auth token through the subaccount's path.
	triggers := accounts + "/" + subSID + "/Usage/Triggers"
	tr := c.must(201, main, "POST", apiHost, triggers+".json", url.Values{
		"CallbackUrl": {"https://example.com/spend"}, "TriggerValue": {"100"}, "UsageCategory": {"totalprice"},
		"CallbackMethod": {"GET"}, "FriendlyName": {"spend"}, "Recurring": {"monthly"}, "TriggerBy": {"price"},
	}).str("sid")
	c.must(201, main, "POST", apiHost, triggers+".json", url.Values{
		"CallbackUrl": {"https://example.com/calls"}, "TriggerValue": {"+30"}, "UsageCategory": {"calls"}})
	c.must(200, main, "GET", apiHost, triggers+"/"+tr+".json", nil)
	c.must(200, main, "POST", apiHost, triggers+"/"+tr+".json", url.Values{"FriendlyName": {"spend-2"}, "CallbackMethod": {"POST"}})
	page = c.must(200, main, "GET", apiHost, triggers+".json", url.Values{"PageSize": {"1"}})
	c.must(200, main, "GET", apiHost, nextPage(t, page.str("next_page_uri")), nil)
	c.must(200, main, "GET", apiHost, triggers+".json", url.Values{"Recurring": {"monthly"}, "TriggerBy": {"price"}, "UsageCategory": {"totalprice"}})
	c.must(204, main, "DELETE", apiHost, triggers+"/"+tr+".json", nil)

	// Auth token rotation, with the subaccount's own credentials.
	c.must(201, subCreds, "POST", accountsHost, "/v1/AuthTokens/Secondary", nil)
	c.must(204, subCreds, "DELETE", accountsHost, "/v1/AuthTokens/Secondary", nil)
	secondary := c.must(201, subCreds, "POST", accountsHost, "/v1/AuthTokens/Secondary", nil).str("secondary_auth_token")
	if got := c.must(200, subCreds, "POST", accountsHost, "/v1/AuthTokens/Promote", nil).str("auth_token"); got != secondary {
		t.Errorf("promote answered another token than the secondary")
	}
	subCreds.pass = secondary
	oastest.Check(t, v)
	validated := v.Operations()
	for _, op := range guardrailOperations {
		if !slices.Contains(validated, op) {
			t.Errorf("operation %s was not validated: drive it here", op)
		}
	}

	v.Reset()
	for _, tc := range []struct {
		name                 string
		status               int
		cr                   credentials
		method, host, path   string
		form                 url.Values
		wantRequestViolation bool
	}{
		{"main account turning inheritance on", 400, main, "POST", voiceHost, "/v1/Settings",
			url.Values{"DialingPermissionsInheritance": {"true"}}, false},
		{"bulk update of an unknown country", 400, subCreds, "POST", voiceHost, "/v1/DialingPermissions/BulkCountryUpdates",
			url.Values{"UpdateRequest": {`[{"iso_code":"XX","low_risk_numbers_enabled":"true"}]`}}, false},
		{"bulk update that is not JSON", 400, subCreds, "POST", voiceHost, "/v1/DialingPermissions/BulkCountryUpdates",
			url.Values{"UpdateRequest": {`GB=true`}}, false},
		{"bulk update with a bad flag", 400, subCreds, "POST", voiceHost, "/v1/DialingPermissions/BulkCountryUpdates",
			url.Values{"UpdateRequest": {`[{"iso_code":"GB","low_risk_numbers_enabled":"yes"}]`}}, false},
		{"unknown country", 404, subCreds, "GET", voiceHost, "/v1/DialingPermissions/Countries/XX", nil, false},
		{"trigger without a value", 400, main, "POST", apiHost, triggers + ".json",
			url.Values{"CallbackUrl": {"https://example.com/x"}, "UsageCategory": {"calls"}}, true},
		{"trigger with a negative value", 400, main, "POST", apiHost, triggers + ".json",
			url.Values{"CallbackUrl": {"https://example.com/x"}, "UsageCategory": {"calls"}, "TriggerValue": {"-5"}}, false},
		{"trigger with a bad callback", 400, main, "POST", apiHost, triggers + ".json",
			url.Values{"CallbackUrl": {"ftp://example.com/x"}, "UsageCategory": {"calls"}, "TriggerValue": {"5"}}, false},
		{"trigger with a bad method", 400, main, "POST", apiHost, triggers + ".json",
			url.Values{"CallbackUrl": {"https://example.com/x"}, "UsageCategory": {"calls"}, "TriggerValue": {"5"}, "CallbackMethod": {"PUT"}}, true},
		{"unknown trigger", 404, main, "GET", apiHost, triggers + "/UT0123456789abcdef0123456789abcdef.json", nil, false},
		{"promote without a secondary", 400, subCreds, "POST", accountsHost, "/v1/AuthTokens/Promote", nil, false},
		{"delete without a secondary", 404, subCreds, "DELETE", accountsHost, "/v1/AuthTokens/Secondary", nil, false},
		{"old token after the promote", 401, credentials{subSID, sub.str("auth_token")}, "POST", accountsHost, "/v1/AuthTokens/Secondary", nil, false},
	} {
		a := c.send(tc.cr, tc.method, tc.host, tc.path, tc.form)
		if a.status != tc.status {
			t.Errorf("%s: status %d, want %d: %v", tc.name, a.status, tc.status, a.body)
		}
		got := v.Violations()
		v.Reset()
		want := 0
		if tc.wantRequestViolation {
			want = 1
		}
		if len(got) != want || want == 1 && got[0].Kind != oas.KindRequest {
			t.Errorf("%s: want %d request violations, got %v", tc.name, want, got)
		}
	}
	oastest.Check(t, v)
}
