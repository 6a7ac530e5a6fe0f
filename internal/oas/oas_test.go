package oas_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/oas"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
)

const (
	mainSID   = "AC00000000000000000000000000000001"
	subSID    = "AC00000000000000000000000000000002"
	keySID    = "SK00000000000000000000000000000003"
	flowSID   = "FW00000000000000000000000000000004"
	numberSID = "PN00000000000000000000000000000005"
	date      = "Thu, 30 Jul 2015 20:00:00 +0000"
)

// account is a 2010 API Account as Twilio sends it: every documented property present.
func account() map[string]any {
	return map[string]any{
		"auth_token":        "0123456789abcdef0123456789abcdef",
		"date_created":      date,
		"date_updated":      date,
		"friendly_name":     "tenant-a",
		"owner_account_sid": mainSID,
		"sid":               subSID,
		"status":            "active",
		"subresource_uris":  map[string]any{"keys": "/2010-04-01/Accounts/" + subSID + "/Keys.json"},
		"type":              "Full",
		"uri":               "/2010-04-01/Accounts/" + subSID + ".json",
	}
}

func iamKey() map[string]any {
	return map[string]any{
		"sid": keySID, "friendly_name": "ci", "date_created": date, "date_updated": date,
		"policy": map[string]any{"allow": []any{"/twilio/messaging/messages/read"}},
	}
}

func studioFlow() map[string]any {
	return map[string]any{
		"sid": flowSID, "account_sid": subSID, "friendly_name": "ivr",
		"definition": map[string]any{"states": []any{}}, "status": "published", "revision": 1,
		"commit_message": nil, "valid": true, "errors": []any{}, "warnings": []any{},
		"date_created": "2015-07-30T20:00:00Z", "date_updated": nil,
		"webhook_url": "https://webhooks.twilio.com/v1/Accounts/" + subSID + "/Flows/" + flowSID,
		"url":         "https://studio.twilio.com/v2/Flows/" + flowSID,
		"links":       map[string]any{"revisions": "https://studio.twilio.com/v2/Flows/" + flowSID + "/Revisions"},
	}
}

// incomingNumber is an IncomingPhoneNumber in the form Twilio's own examples show: "" for unset
// application SIDs, subresource_uris, no "fax" capability.
func incomingNumber() map[string]any {
	uri := "/2010-04-01/Accounts/" + subSID + "/IncomingPhoneNumbers/" + numberSID
	return map[string]any{
		"account_sid": subSID, "address_sid": nil, "address_requirements": "none", "api_version": "2010-04-01",
		"beta": false, "capabilities": map[string]any{"voice": true, "sms": true, "mms": true},
		"date_created": date, "date_updated": date, "emergency_status": "Inactive", "emergency_address_sid": nil,
		"emergency_address_status": "unregistered", "friendly_name": "(415) 555-0100", "identity_sid": nil,
		"origin": "twilio", "phone_number": "+14155550100", "sid": numberSID, "sms_application_sid": "",
		"sms_fallback_method": "POST", "sms_fallback_url": "", "sms_method": "POST", "sms_url": "",
		"status_callback": "", "status_callback_method": "POST", "trunk_sid": nil, "uri": uri + ".json",
		"voice_application_sid": "", "voice_caller_id_lookup": false, "voice_fallback_method": "POST",
		"voice_fallback_url": nil, "voice_method": "POST", "voice_url": "https://example.com/voice",
		"voice_receive_mode": "voice", "status": "in-use", "bundle_sid": nil,
		"subresource_uris": map[string]any{"assigned_add_ons": uri + "/AssignedAddOns.json"},
	}
}

// reply answers every request with status and body (JSON-encoded unless nil).
func reply(status int, body any) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if body == nil {
			w.WriteHeader(status)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
	})
}

// exchange sends one request through the validator to h. A form, when given, is the POST body.
func exchange(t *testing.T, v *oas.Validator, h http.Handler, host, method, target string, form url.Values) *httptest.ResponseRecorder {
	t.Helper()
	var req *http.Request
	if form != nil {
		req = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, target, nil)
	}
	req.Host = host
	req.SetBasicAuth(mainSID, "token")
	rec := httptest.NewRecorder()
	v.Middleware(h).ServeHTTP(rec, req)
	return rec
}

// wantViolation asserts exactly one violation of kind whose message contains each of fragments.
func wantViolation(t *testing.T, v *oas.Validator, kind string, fragments ...string) {
	t.Helper()
	got := v.Violations()
	if len(got) != 1 {
		t.Fatalf("want 1 %s violation, got %d: %v", kind, len(got), got)
	}
	if got[0].Kind != kind {
		t.Errorf("want a %s violation, got %s", kind, got[0])
	}
	for _, f := range fragments {
		if !strings.Contains(got[0].Err, f) {
			t.Errorf("violation %q does not mention %q", got[0].Err, f)
		}
	}
}

func TestValidExchangesPass(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	list := map[string]any{
		"keys": []any{map[string]any{"sid": keySID, "friendly_name": "ci", "date_created": date, "date_updated": date}},
		"meta": map[string]any{
			"page": 0, "page_size": 50, "key": "keys", "next_page_url": nil, "previous_page_url": nil,
			"first_page_url": "https://iam.twilio.com/v1/Keys?AccountSid=" + subSID + "&PageSize=50&Page=0",
			"url":            "https://iam.twilio.com/v1/Keys?AccountSid=" + subSID + "&PageSize=50&Page=0",
		},
	}
	for _, tc := range []struct {
		name, host, method, target string
		form                       url.Values
		status                     int
		body                       any
	}{
		{"fetch account", "api.twilio.com", "GET", "/2010-04-01/Accounts/" + subSID + ".json", nil, 200, account()},
		{"update account", "api.twilio.com", "POST", "/2010-04-01/Accounts/" + subSID + ".json",
			url.Values{"Status": {"suspended"}, "FriendlyName": {"b"}}, 200, account()},
		{"create restricted key", "iam.twilio.com", "POST", "/v1/Keys",
			url.Values{"AccountSid": {subSID}, "FriendlyName": {"ci"}, "KeyType": {"restricted"},
				"Policy": {`{"allow":["/twilio/messaging/messages/read"]}`}},
			201, func() map[string]any { k := iamKey(); k["secret"] = "s3cr3t"; return k }()},
		{"list keys, product inferred from the path", "127.0.0.1:8080", "GET", "/v1/Keys?AccountSid=" + subSID + "&PageSize=50", nil, 200, list},
		{"fetch flow, product inferred from the path", "127.0.0.1", "GET", "/v2/Flows/" + flowSID, nil, 200, studioFlow()},
		{"delete flow", "studio.twilio.com", "DELETE", "/v2/Flows/" + flowSID, nil, 204, nil},
		{"clear a number's references with empty values", "api.twilio.com", "POST",
			"/2010-04-01/Accounts/" + subSID + "/IncomingPhoneNumbers/" + numberSID + ".json",
			url.Values{"VoiceApplicationSid": {""}, "TrunkSid": {""}, "SmsUrl": {""}, "VoiceUrl": {"https://example.com/voice"}},
			200, incomingNumber()},
	} {
		exchange(t, v, reply(tc.status, tc.body), tc.host, tc.method, tc.target, tc.form)
		for _, violation := range v.Violations() {
			t.Errorf("%s: %s", tc.name, violation)
		}
		v.Reset()
	}
}

func TestOperationsRecordsValidatedOperations(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	exchange(t, v, reply(200, account()), "api.twilio.com", "GET", "/2010-04-01/Accounts/"+subSID+".json", nil)
	exchange(t, v, reply(200, iamKey()), "iam.twilio.com", "GET", "/v1/Keys/"+keySID, nil)
	// A failed exchange does not count as validated.
	exchange(t, v, reply(200, map[string]any{"sid": 5}), "api.twilio.com", "GET", "/2010-04-01/Accounts.json", nil)
	want := []string{"api_v2010.FetchAccount", "iam_v1.FetchKey"}
	if got := v.Operations(); !slices.Equal(got, want) {
		t.Errorf("Operations() = %v, want %v", got, want)
	}
	v.Reset()
	if len(v.Operations()) != 0 || len(v.Violations()) != 0 {
		t.Errorf("Reset kept records: %v %v", v.Operations(), v.Violations())
	}
}

func TestResponseViolations(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	for _, tc := range []struct {
		name      string
		mutate    func(map[string]any)
		status    int
		fragments []string
	}{
		{"wrong type", func(a map[string]any) { a["sid"] = 5 }, 200, []string{"/sid", "string"}},
		{"missing field", func(a map[string]any) { delete(a, "status") }, 200, []string{"status", "missing"}},
		{"renamed field", func(a map[string]any) { a["account_sid"] = a["sid"]; delete(a, "sid") }, 200, []string{"account_sid"}},
		{"bad enum", func(a map[string]any) { a["status"] = "deleted" }, 200, []string{"/status"}},
		{"ISO date where Twilio sends RFC 2822", func(a map[string]any) { a["date_created"] = "2015-07-30T20:00:00Z" }, 200, []string{"/date_created", "RFC 2822"}},
		{"bad SID pattern", func(a map[string]any) { a["owner_account_sid"] = "AC123" }, 200, []string{"/owner_account_sid"}},
		// The spec marks every property nullable; Twilio always sends these.
		{"null sid", func(a map[string]any) { a["sid"] = nil }, 200, []string{"/sid"}},
		{"null owner", func(a map[string]any) { a["owner_account_sid"] = nil }, 200, []string{"/owner_account_sid"}},
		{"null creation date", func(a map[string]any) { a["date_created"] = nil }, 200, []string{"/date_created"}},
		{"undocumented status", func(map[string]any) {}, 201, []string{"status is not supported"}},
	} {
		a := account()
		tc.mutate(a)
		exchange(t, v, reply(tc.status, a), "api.twilio.com", "GET", "/2010-04-01/Accounts/"+subSID+".json", nil)
		t.Run(tc.name, func(t *testing.T) { wantViolation(t, v, oas.KindResponse, tc.fragments...) })
		v.Reset()
	}
}

func TestPagingFieldsAreChecked(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	page := map[string]any{
		"accounts": []any{account()}, "end": 0, "start": 0, "page": 0, "page_size": "fifty",
		"first_page_uri": "/2010-04-01/Accounts.json?PageSize=50&Page=0", "next_page_uri": nil,
		"previous_page_uri": nil, "uri": "/2010-04-01/Accounts.json?PageSize=50&Page=0",
	}
	exchange(t, v, reply(200, page), "api.twilio.com", "GET", "/2010-04-01/Accounts.json?PageSize=50", nil)
	wantViolation(t, v, oas.KindResponse, "/page_size")
}

func TestRequestViolations(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	accountURL := "/2010-04-01/Accounts/" + subSID + ".json"
	for _, tc := range []struct {
		name, host, method, target string
		form                       url.Values
		fragments                  []string
	}{
		{"unknown path", "api.twilio.com", "GET", "/2010-04-01/Accounts/" + subSID + "/Widgets.json", nil, []string{"no operation"}},
		{"unknown path on a local host", "127.0.0.1:9000", "GET", "/v9/Nothing", nil, []string{"no operation"}},
		{"unknown method", "api.twilio.com", "DELETE", accountURL, nil, []string{"no operation", "method not allowed"}},
		{"Twilio host without a spec", "conversations.twilio.com", "GET", "/v1/Services", nil, []string{"no Twilio spec"}},
		{"invalid enum", "api.twilio.com", "POST", accountURL, url.Values{"Status": {"bogus"}}, []string{"Status"}},
		{"undeclared form field", "api.twilio.com", "POST", accountURL, url.Values{"FriendlyNmae": {"x"}}, []string{"form field FriendlyNmae"}},
		{"undeclared query parameter", "api.twilio.com", "GET", accountURL + "?Foo=1", nil, []string{"query parameter Foo"}},
		{"bad path parameter", "api.twilio.com", "GET", "/2010-04-01/Accounts/ACnope.json", nil, []string{"Sid"}},
		{"missing required form field", "iam.twilio.com", "POST", "/v1/Keys", url.Values{"FriendlyName": {"x"}}, []string{"AccountSid"}},
		{"free-form JSON field that is not JSON", "iam.twilio.com", "POST", "/v1/Keys/" + keySID,
			url.Values{"Policy": {"allow everything"}}, []string{"Policy", "JSON"}},
	} {
		h := reply(200, account())
		if tc.host == "iam.twilio.com" {
			key := iamKey()
			key["secret"] = "s3cr3t"
			h = reply(201, key)
			if tc.method == "POST" && strings.HasPrefix(tc.target, "/v1/Keys/") {
				h = reply(200, iamKey())
			}
		}
		exchange(t, v, h, tc.host, tc.method, tc.target, tc.form)
		t.Run(tc.name, func(t *testing.T) { wantViolation(t, v, oas.KindRequest, tc.fragments...) })
		v.Reset()
	}
}

func TestRequestWithoutBasicAuth(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	req := httptest.NewRequest("GET", "/2010-04-01/Accounts/"+subSID+".json", nil)
	req.Host = "api.twilio.com"
	v.Middleware(reply(200, account())).ServeHTTP(httptest.NewRecorder(), req)
	wantViolation(t, v, oas.KindRequest, "Basic")
}

func TestErrorResponses(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	twilioError := func(code, status int) map[string]any {
		return map[string]any{"code": code, "message": "The requested resource was not found",
			"more_info": "https://www.twilio.com/docs/errors/20404", "status": status}
	}
	accountURL := "/2010-04-01/Accounts/" + subSID + ".json"
	t.Run("Twilio's shape and documented codes pass", func(t *testing.T) {
		exchange(t, v, reply(404, twilioError(20404, 404)), "api.twilio.com", "GET", accountURL, nil)
		exchange(t, v, reply(400, twilioError(21479, 400)), "api.twilio.com", "POST", accountURL, url.Values{"Status": {"active"}})
		exchange(t, v, reply(429, twilioError(20429, 429)), "api.twilio.com", "GET", accountURL, nil)
		oastest.Check(t, v)
		v.Reset()
	})
	// The request is judged even when the answer is an error: a malformed request must not pass
	// because the server refused it.
	t.Run("a refused request is still checked", func(t *testing.T) {
		exchange(t, v, reply(400, twilioError(21475, 400)), "api.twilio.com", "POST", accountURL, url.Values{"Status": {"bogus"}})
		wantViolation(t, v, oas.KindRequest, "Status")
		v.Reset()
		exchange(t, v, reply(400, twilioError(20001, 400)), "api.twilio.com", "POST", accountURL, url.Values{"FriendlyNmae": {"x"}})
		wantViolation(t, v, oas.KindRequest, "form field FriendlyNmae")
		v.Reset()
	})
	// A 401 is about the credentials, so their absence is no request violation.
	t.Run("a 401 without credentials", func(t *testing.T) {
		req := httptest.NewRequest("GET", accountURL, nil)
		req.Host = "api.twilio.com"
		v.Middleware(reply(401, twilioError(20003, 401))).ServeHTTP(httptest.NewRecorder(), req)
		oastest.Check(t, v)
		v.Reset()
	})
	for _, tc := range []struct {
		name      string
		h         http.Handler
		fragments []string
	}{
		{"status mismatch", reply(404, twilioError(20404, 400)), []string{"status must be the HTTP status 404"}},
		{"missing more_info", reply(500, map[string]any{"code": 20500, "message": "x", "status": 500}), []string{"more_info"}},
		{"string code", reply(503, map[string]any{"code": "20503", "message": "x", "status": 503,
			"more_info": "https://www.twilio.com/docs/errors/20503"}), []string{"code must be an integer"}},
		{"extra field", reply(404, func() map[string]any { e := twilioError(20404, 404); e["error"] = "x"; return e }()), []string{"unexpected field error"}},
		// Twilio documents 21218 (invalid application SID) for numbers, not for fetching an account.
		{"undocumented code", reply(400, twilioError(21218, 400)), []string{"code 21218 is not documented for api_v2010.FetchAccount"}},
		{"invented code", reply(400, twilioError(29999, 400)), []string{"code 29999"}},
		{"plain text", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "not found", http.StatusNotFound)
		}), []string{"Content-Type"}},
	} {
		exchange(t, v, tc.h, "api.twilio.com", "GET", accountURL, nil)
		t.Run(tc.name, func(t *testing.T) { wantViolation(t, v, oas.KindResponse, tc.fragments...) })
		v.Reset()
	}
}

func TestControlPathsAndResetsAreSkipped(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	exchange(t, v, reply(200, map[string]any{"anything": true}), "127.0.0.1", "POST", "/_emulator/faults", url.Values{"x": {"y"}})

	// A fault that resets the connection hijacks it; there is no response to validate.
	reset := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Errorf("hijack through the middleware: %v", err)
			return
		}
		_ = conn.Close()
	})
	srv := httptest.NewServer(v.Middleware(reset))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/2010-04-01/Accounts/" + subSID + ".json")
	if err == nil {
		_ = resp.Body.Close()
		t.Errorf("want a reset connection, got %s", resp.Status)
	}
	oastest.Check(t, v)
}

func TestConcurrentExchanges(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	srv := httptest.NewServer(v.Middleware(reply(200, account())))
	defer srv.Close()
	const n = 20
	errs := make(chan error, n)
	for i := range n {
		go func() {
			req, err := http.NewRequest("GET", srv.URL+"/2010-04-01/Accounts/"+subSID+".json", nil)
			if err != nil {
				errs <- err
				return
			}
			req.SetBasicAuth(mainSID, "token")
			if i%2 == 1 {
				req.URL.RawQuery = "Bogus=1" // every other request records a violation
			}
			resp, err := http.DefaultClient.Do(req)
			if err == nil {
				err = resp.Body.Close()
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if got := len(v.Violations()); got != n/2 {
		t.Errorf("want %d violations, got %d", n/2, got)
	}
	if got := v.Operations(); !slices.Equal(got, []string{"api_v2010.FetchAccount"}) {
		t.Errorf("Operations() = %v", got)
	}
}

func TestBodyIsRestoredForTheHandler(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	var got string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			t.Errorf("ParseForm: %v", err)
		}
		got = r.PostForm.Get("FriendlyName")
		reply(200, account()).ServeHTTP(w, r)
	})
	rec := exchange(t, v, h, "api.twilio.com", "POST", "/2010-04-01/Accounts/"+subSID+".json", url.Values{"FriendlyName": {"renamed"}})
	if got != "renamed" {
		t.Errorf("handler saw FriendlyName %q, want %q", got, "renamed")
	}
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/json" || !strings.Contains(rec.Body.String(), subSID) {
		t.Errorf("response not passed on: %d %v %s", rec.Code, rec.Header(), rec.Body)
	}
	oastest.Check(t, v)
}

// TestTwilioExamplesPass proves the tightened schemas (every property required, none added; see
// tightenResponses) still accept what Twilio documents for each operation the emulator serves: the
// response examples in Twilio's specs are captured from the real API.
func TestTwilioExamplesPass(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	ops := []string{
		"api_v2010.CreateAccount", "api_v2010.FetchAccount", "api_v2010.UpdateAccount", "api_v2010.ListAccount",
		"api_v2010.CreateNewKey", "api_v2010.FetchKey", "api_v2010.UpdateKey", "api_v2010.DeleteKey", "api_v2010.ListKey",
		"api_v2010.CreateApplication", "api_v2010.FetchApplication", "api_v2010.UpdateApplication",
		"api_v2010.DeleteApplication", "api_v2010.ListApplication",
		"api_v2010.CreateIncomingPhoneNumber", "api_v2010.FetchIncomingPhoneNumber",
		"api_v2010.UpdateIncomingPhoneNumber", "api_v2010.DeleteIncomingPhoneNumber", "api_v2010.ListIncomingPhoneNumber",
		"api_v2010.ListAvailablePhoneNumberLocal", "api_v2010.ListAvailablePhoneNumberMobile",
		"api_v2010.ListAvailablePhoneNumberTollFree",
		"iam_v1.CreateNewKey", "iam_v1.FetchKey", "iam_v1.UpdateKey", "iam_v1.DeleteKey", "iam_v1.ListGetKeys",
		"studio_v2.CreateFlow", "studio_v2.FetchFlow", "studio_v2.UpdateFlow", "studio_v2.DeleteFlow", "studio_v2.ListFlow",
	}
	results := oas.ResponseExamples(v, ops)
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s %s example %q: %v", r.Operation, r.Status, r.Example, r.Err)
		}
	}
	t.Logf("checked %d of Twilio's response examples against the tightened schemas", len(results))
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("TWILIO_OAS_DIR", "/specs/here")
	if got := oas.DefaultDir(); got != "/specs/here" {
		t.Errorf("TWILIO_OAS_DIR: DefaultDir() = %q", got)
	}
	t.Setenv("TWILIO_OAS_DIR", "")
	t.Setenv("XDG_CACHE_HOME", "/xdg")
	want := filepath.Join("/xdg", "terraform-provider-twilio", "oas", oas.SpecVersion)
	if got := oas.DefaultDir(); got != want {
		t.Errorf("XDG_CACHE_HOME: DefaultDir() = %q, want %q", got, want)
	}
}

func TestLoadReportsMissingSpecs(t *testing.T) {
	t.Parallel()
	_, err := oas.Load(t.TempDir())
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(empty dir) = %v, want a not-exist error", err)
	}
}
