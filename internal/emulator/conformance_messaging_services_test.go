package emulator_test

import (
	"net/url"
	"slices"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/oas"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
)

const messagingHost = "messaging.twilio.com"

// messagingServiceOperations are the Messaging Service and sender pool operations (issue 26);
// TestMessagingServices must validate each.
var messagingServiceOperations = []string{
	"messaging_v1.CreateService", "messaging_v1.FetchService", "messaging_v1.ListService",
	"messaging_v1.UpdateService", "messaging_v1.DeleteService",
	"messaging_v1.CreatePhoneNumber", "messaging_v1.FetchPhoneNumber", "messaging_v1.ListPhoneNumber",
	"messaging_v1.DeletePhoneNumber",
	"messaging_v1.CreateAlphaSender", "messaging_v1.FetchAlphaSender", "messaging_v1.ListAlphaSender",
	"messaging_v1.DeleteAlphaSender",
	"messaging_v1.CreateShortCode", "messaging_v1.FetchShortCode", "messaging_v1.ListShortCode",
	"messaging_v1.DeleteShortCode",
}

// TestMessagingServices drives every Messaging Service and sender pool operation, its successes and its
// errors, against Twilio's OpenAPI description, and checks the rules the emulator models: a number in one
// service at a time (21712), a re-add answered 200, a released number leaving its pool, a deleted service
// freeing its numbers, one alpha sender per service, and the documented limits.
func TestMessagingServices(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	mainSID, mainToken := e.MainAccount()
	main := credentials{mainSID, mainToken}
	sub := c.must(201, main, "POST", apiHost, "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {"texting"}})
	subCreds := credentials{sub.str("sid"), sub.str("auth_token")}
	numbers := "/2010-04-01/Accounts/" + sub.str("sid") + "/IncomingPhoneNumbers.json"
	pn := c.must(201, main, "POST", apiHost, numbers, url.Values{"AreaCode": {"415"}}).str("sid")
	pn2 := c.must(201, main, "POST", apiHost, numbers, url.Values{"AreaCode": {"212"}}).str("sid")

	svc := c.must(201, subCreds, "POST", messagingHost, "/v1/Services", url.Values{"FriendlyName": {"tenant"}})
	if svc.body["validity_period"] != float64(36000) || svc.str("inbound_method") != "POST" || svc.body["inbound_request_url"] != nil {
		t.Errorf("a new service has validity %v, method %q, inbound URL %v; want Twilio's defaults 36000, POST, null",
			svc.body["validity_period"], svc.str("inbound_method"), svc.body["inbound_request_url"])
	}
	ms := svc.str("sid")
	other := c.must(201, subCreds, "POST", messagingHost, "/v1/Services", url.Values{
		"FriendlyName": {"other"}, "InboundRequestUrl": {"https://example.com/in"}, "InboundMethod": {"GET"},
		"FallbackUrl": {"https://example.com/fb"}, "FallbackMethod": {"POST"}, "StatusCallback": {"https://example.com/st"},
		"StickySender": {"false"}, "MmsConverter": {"false"}, "SmartEncoding": {"false"}, "ScanMessageContent": {"enable"},
		"FallbackToLongCode": {"true"}, "AreaCodeGeomatch": {"false"}, "ValidityPeriod": {"600"},
		"SynchronousValidation": {"true"}, "Usecase": {"notifications"}, "UseInboundWebhookOnNumber": {"true"},
	}).str("sid")
	upd := c.must(200, subCreds, "POST", messagingHost, "/v1/Services/"+ms, url.Values{
		"FriendlyName": {"tenant-2"}, "InboundRequestUrl": {"https://example.com/in"}, "ValidityPeriod": {"1"}, "Usecase": {"marketing"}})
	if upd.str("friendly_name") != "tenant-2" || upd.body["validity_period"] != float64(1) {
		t.Errorf("update answered %v", upd.body)
	}
	if got := c.must(200, subCreds, "POST", messagingHost, "/v1/Services/"+ms, url.Values{"InboundRequestUrl": {""}}); got.body["inbound_request_url"] != nil {
		t.Errorf("an empty InboundRequestUrl left %v; want it cleared", got.body["inbound_request_url"])
	}
	c.must(200, subCreds, "GET", messagingHost, "/v1/Services/"+ms, nil)
	page := c.must(200, subCreds, "GET", messagingHost, "/v1/Services", url.Values{"PageSize": {"1"}})
	meta, _ := page.body["meta"].(map[string]any)
	next, _ := meta["next_page_url"].(string)
	c.must(200, subCreds, "GET", messagingHost, nextPage(t, next), nil)

	// The sender pool: a number in one service at a time.
	pool := "/v1/Services/" + ms + "/PhoneNumbers"
	added := c.must(201, subCreds, "POST", messagingHost, pool, url.Values{"PhoneNumberSid": {pn}})
	if added.str("sid") != pn || added.str("country_code") != "US" || added.str("phone_number") == "" {
		t.Errorf("the pool member is %v; want the number's SID, number and country", added.body)
	}
	c.must(200, subCreds, "POST", messagingHost, pool, url.Values{"PhoneNumberSid": {pn}})
	taken := c.must(400, subCreds, "POST", messagingHost, "/v1/Services/"+other+"/PhoneNumbers", url.Values{"PhoneNumberSid": {pn}})
	if taken.body["code"] != float64(21712) {
		t.Errorf("a number in another service answered %v; want 21712", taken.body)
	}
	c.must(201, subCreds, "POST", messagingHost, pool, url.Values{"PhoneNumberSid": {pn2}})
	c.must(200, subCreds, "GET", messagingHost, pool+"/"+pn, nil)
	c.must(200, subCreds, "GET", messagingHost, pool, url.Values{"PageSize": {"50"}})
	c.must(204, subCreds, "DELETE", messagingHost, pool+"/"+pn, nil)
	c.must(404, subCreds, "GET", messagingHost, pool+"/"+pn, nil)
	c.must(201, subCreds, "POST", messagingHost, "/v1/Services/"+other+"/PhoneNumbers", url.Values{"PhoneNumberSid": {pn}})

	// A released number leaves its pool.
	c.must(204, main, "DELETE", apiHost, "/2010-04-01/Accounts/"+sub.str("sid")+"/IncomingPhoneNumbers/"+pn2+".json", nil)
	c.must(404, subCreds, "GET", messagingHost, pool+"/"+pn2, nil)

	// Alpha senders: one per service.
	alphas := "/v1/Services/" + ms + "/AlphaSenders"
	ai := c.must(201, subCreds, "POST", messagingHost, alphas, url.Values{"AlphaSender": {"Tenant & Co"}}).str("sid")
	c.must(200, subCreds, "GET", messagingHost, alphas+"/"+ai, nil)
	c.must(200, subCreds, "GET", messagingHost, alphas, nil)
	c.must(400, subCreds, "POST", messagingHost, alphas, url.Values{"AlphaSender": {"Second"}})
	c.must(204, subCreds, "DELETE", messagingHost, alphas+"/"+ai, nil)

	// Short codes: provisioned by test control, one service at a time, kept by the account when removed.
	sc, err := e.AddShortCode(sub.str("sid"), "55123")
	if err != nil {
		t.Fatal(err)
	}
	shortCodes := "/v1/Services/" + other + "/ShortCodes"
	if got := c.must(201, subCreds, "POST", messagingHost, shortCodes, url.Values{"ShortCodeSid": {sc}}); got.str("short_code") != "55123" {
		t.Errorf("the short code member is %v", got.body)
	}
	c.must(200, subCreds, "POST", messagingHost, shortCodes, url.Values{"ShortCodeSid": {sc}})
	c.must(400, subCreds, "POST", messagingHost, "/v1/Services/"+ms+"/ShortCodes", url.Values{"ShortCodeSid": {sc}})
	c.must(200, subCreds, "GET", messagingHost, shortCodes+"/"+sc, nil)
	c.must(200, subCreds, "GET", messagingHost, shortCodes, nil)
	c.must(204, subCreds, "DELETE", messagingHost, shortCodes+"/"+sc, nil)
	c.must(201, subCreds, "POST", messagingHost, shortCodes, url.Values{"ShortCodeSid": {sc}})

	// Deleting a service frees its numbers and short codes for another service; they stay in the account.
	c.must(204, subCreds, "DELETE", messagingHost, "/v1/Services/"+other, nil)
	c.must(201, subCreds, "POST", messagingHost, pool, url.Values{"PhoneNumberSid": {pn}})
	c.must(201, subCreds, "POST", messagingHost, "/v1/Services/"+ms+"/ShortCodes", url.Values{"ShortCodeSid": {sc}})
	c.must(200, main, "GET", apiHost, "/2010-04-01/Accounts/"+sub.str("sid")+"/IncomingPhoneNumbers/"+pn+".json", nil)

	oastest.Check(t, v)
	validated := v.Operations()
	for _, op := range messagingServiceOperations {
		if !slices.Contains(validated, op) {
			t.Errorf("operation %s was not validated: drive it here", op)
		}
	}

	v.Reset()
	unknownMG := "/v1/Services/MG0123456789abcdef0123456789abcdef"
	for _, tc := range []struct {
		name                 string
		status, code         int
		cr                   credentials
		method, path         string
		form                 url.Values
		wantRequestViolation bool
	}{
		{"service without a name", 400, 20001, subCreds, "POST", "/v1/Services", url.Values{"InboundMethod": {"GET"}}, true},
		{"name over 64 characters", 400, 20002, subCreds, "POST", "/v1/Services", url.Values{"FriendlyName": {string(make([]byte, 65))}}, false},
		{"validity period 0", 400, 90007, subCreds, "POST", "/v1/Services", url.Values{"FriendlyName": {"x"}, "ValidityPeriod": {"0"}}, false},
		{"validity period over 36000", 400, 90007, subCreds, "POST", "/v1/Services/" + ms, url.Values{"ValidityPeriod": {"36001"}}, false},
		{"unknown use case", 400, 21713, subCreds, "POST", "/v1/Services", url.Values{"FriendlyName": {"x"}, "Usecase": {"Marketing"}}, false},
		{"relative inbound URL", 400, 21402, subCreds, "POST", "/v1/Services", url.Values{"FriendlyName": {"x"}, "InboundRequestUrl": {"/in"}}, false},
		{"bad inbound method", 400, 21403, subCreds, "POST", "/v1/Services/" + ms, url.Values{"InboundMethod": {"PUT"}}, true},
		{"bad scan setting", 400, 20001, subCreds, "POST", "/v1/Services/" + ms, url.Values{"ScanMessageContent": {"maybe"}}, true},
		{"unknown service", 404, 20404, subCreds, "GET", unknownMG, nil, false},
		{"another account's service", 404, 20404, main, "GET", "/v1/Services/" + ms, nil, false},
		{"number without a SID", 400, 20001, subCreds, "POST", pool, nil, false},
		{"another account's number", 400, 21421, main, "POST", "/v1/Services/" + c.must(201, main, "POST", messagingHost, "/v1/Services",
			url.Values{"FriendlyName": {"main"}}).str("sid") + "/PhoneNumbers", url.Values{"PhoneNumberSid": {pn}}, false},
		{"a number to an unknown service", 404, 20404, subCreds, "POST", unknownMG + "/PhoneNumbers", url.Values{"PhoneNumberSid": {pn}}, false},
		{"number not in the pool", 404, 20404, subCreds, "DELETE", pool + "/" + pn2, nil, false},
		{"alpha sender of digits only", 400, 20001, subCreds, "POST", alphas, url.Values{"AlphaSender": {"12345"}}, false},
		{"alpha sender over 11 characters", 400, 20001, subCreds, "POST", alphas, url.Values{"AlphaSender": {"TwelveLetter"}}, false},
		{"alpha sender with a dot", 400, 20001, subCreds, "POST", alphas, url.Values{"AlphaSender": {"Tenant.Co"}}, false},
		{"a short code of no account", 400, 21421, subCreds, "POST", "/v1/Services/" + ms + "/ShortCodes", url.Values{"ShortCodeSid": {"SC0123456789abcdef0123456789abcdef"}}, false},
		{"unknown short code in the pool", 404, 20404, subCreds, "GET", "/v1/Services/" + ms + "/ShortCodes/SC0123456789abcdef0123456789abcdef", nil, false},
		{"unknown alpha sender", 404, 20404, subCreds, "GET", alphas + "/AI0123456789abcdef0123456789abcdef", nil, false},
	} {
		a := c.send(tc.cr, tc.method, messagingHost, tc.path, tc.form)
		if a.status != tc.status || a.body["code"] != float64(tc.code) {
			t.Errorf("%s: status %d code %v, want %d %d: %v", tc.name, a.status, a.body["code"], tc.status, tc.code, a.body)
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
