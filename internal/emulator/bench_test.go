package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// The handler benchmarks drive ServeHTTP directly (no sockets) with the main account's auth token, as the
// provider does: authentication, routing, the handler, JSON encoding and the request log. They run long
// enough to fill the request log, so a log that costs more once full shows up here.

// benchEmulator is an emulator with no latency and the main account's credentials.
type benchEmulator struct {
	e         *Emulator
	sid, auth string
}

func newBenchEmulator() *benchEmulator {
	e := New(Options{})
	sid, token := e.MainAccount()
	return &benchEmulator{e: e, sid: sid, auth: token}
}

// serve sends one request and returns the status and the decoded body.
func (be *benchEmulator) serve(b *testing.B, method, path string, form url.Values) (int, map[string]any) {
	b.Helper()
	rec := httptest.NewRecorder()
	be.e.ServeHTTP(rec, be.request(method, path, form))
	var body map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil && rec.Body.Len() > 0 {
		b.Fatalf("%s %s: %v", method, path, err)
	}
	return rec.Code, body
}

func (be *benchEmulator) request(method, path string, form url.Values) *http.Request {
	var r *http.Request
	if method == http.MethodPost {
		r = httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		r = httptest.NewRequest(method, path, nil)
	}
	r.Host = "api.twilio.com"
	r.SetBasicAuth(be.sid, be.auth)
	return r
}

// run measures one request per iteration; path and form may depend on the iteration.
func (be *benchEmulator) run(b *testing.B, method string, want int, next func(i int) (string, url.Values)) {
	b.Helper()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		path, form := next(i)
		rec := httptest.NewRecorder()
		be.e.ServeHTTP(rec, be.request(method, path, form))
		if rec.Code != want {
			b.Fatalf("%s %s: status %d, want %d: %s", method, path, rec.Code, want, rec.Body)
		}
		i++
	}
}

// setup creates an object and returns its SID.
func (be *benchEmulator) setup(b *testing.B, path string, form url.Values) string {
	b.Helper()
	status, body := be.serve(b, http.MethodPost, path, form)
	if status != http.StatusCreated {
		b.Fatalf("POST %s: status %d: %v", path, status, body)
	}
	sid, _ := body["sid"].(string)
	return sid
}

func BenchmarkCreateSubaccount(b *testing.B) {
	be := newBenchEmulator()
	be.run(b, http.MethodPost, http.StatusCreated, func(i int) (string, url.Values) {
		return "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {fmt.Sprintf("bench-%d", i)}}
	})
}

func BenchmarkFetchAccount(b *testing.B) {
	be := newBenchEmulator()
	sub := be.setup(b, "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {"bench"}})
	be.run(b, http.MethodGet, http.StatusOK, func(int) (string, url.Values) {
		return "/2010-04-01/Accounts/" + sub + ".json", nil
	})
}

func BenchmarkCreateApplication(b *testing.B) {
	be := newBenchEmulator()
	path := "/2010-04-01/Accounts/" + be.sid + "/Applications.json"
	be.run(b, http.MethodPost, http.StatusCreated, func(i int) (string, url.Values) {
		return path, url.Values{"FriendlyName": {fmt.Sprintf("app %d", i)}, "VoiceUrl": {"https://example.com/voice"}}
	})
}

func BenchmarkFetchApplication(b *testing.B) {
	be := newBenchEmulator()
	apps := "/2010-04-01/Accounts/" + be.sid + "/Applications"
	sid := be.setup(b, apps+".json", url.Values{"FriendlyName": {"app"}, "VoiceUrl": {"https://example.com/voice"}})
	be.run(b, http.MethodGet, http.StatusOK, func(int) (string, url.Values) { return apps + "/" + sid + ".json", nil })
}

func BenchmarkUpdateApplication(b *testing.B) {
	be := newBenchEmulator()
	apps := "/2010-04-01/Accounts/" + be.sid + "/Applications"
	sid := be.setup(b, apps+".json", url.Values{"FriendlyName": {"app"}})
	be.run(b, http.MethodPost, http.StatusOK, func(i int) (string, url.Values) {
		return apps + "/" + sid + ".json", url.Values{"VoiceUrl": {fmt.Sprintf("https://example.com/voice/%d", i)}}
	})
}

func BenchmarkCreateIncomingNumber(b *testing.B) {
	be := newBenchEmulator()
	path := "/2010-04-01/Accounts/" + be.sid + "/IncomingPhoneNumbers.json"
	be.run(b, http.MethodPost, http.StatusCreated, func(i int) (string, url.Values) {
		return path, url.Values{"PhoneNumber": {fmt.Sprintf("+1628%07d", i)}, "VoiceUrl": {"https://example.com/voice"}}
	})
}

func BenchmarkFetchIncomingNumber(b *testing.B) {
	be := newBenchEmulator()
	numbers := "/2010-04-01/Accounts/" + be.sid + "/IncomingPhoneNumbers"
	sid := be.setup(b, numbers+".json", url.Values{"PhoneNumber": {"+16285550100"}})
	be.run(b, http.MethodGet, http.StatusOK, func(int) (string, url.Values) { return numbers + "/" + sid + ".json", nil })
}

// BenchmarkListIncomingNumbersByPhoneNumber is the provider's import by E.164 number in an account that
// owns 500 numbers.
func BenchmarkListIncomingNumbersByPhoneNumber(b *testing.B) {
	be := newBenchEmulator()
	numbers := "/2010-04-01/Accounts/" + be.sid + "/IncomingPhoneNumbers.json"
	for i := range 500 {
		be.setup(b, numbers, url.Values{"PhoneNumber": {fmt.Sprintf("+1628%07d", i)}})
	}
	be.run(b, http.MethodGet, http.StatusOK, func(int) (string, url.Values) {
		return numbers + "?PhoneNumber=%2B16280000250&PageSize=20", nil
	})
}
