package twilioclient

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const (
	testAccount = "AC0123456789abcdef0123456789abcdef"
	testToken   = "tokenTOKENtoken0123456789abcdefXY"
)

// scripted answers each request with the next status of a script (then 200), counting requests.
type scripted struct {
	mu       sync.Mutex
	statuses []int
	calls    atomic.Int32
	header   http.Header
	body     string
}

func (s *scripted) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls.Add(1)
	s.mu.Lock()
	status := http.StatusOK
	if len(s.statuses) > 0 {
		status, s.statuses = s.statuses[0], s.statuses[1:]
	}
	s.mu.Unlock()
	for k, v := range s.header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if status >= 400 {
		_, _ = w.Write([]byte(`{"code": 20001, "message": "scripted", "more_info": "https://www.twilio.com/docs/errors/20001", "status": ` + strconv.Itoa(status) + `}`))
		return
	}
	body := s.body
	if body == "" {
		body = `{"sid": "` + testAccount + `", "status": "active", "friendly_name": "x"}`
	}
	_, _ = w.Write([]byte(body))
}

func newTestClient(t *testing.T, h http.Handler) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := New(Config{
		AccountSID: testAccount, AuthToken: testToken, BaseURL: srv.URL, MaxRetries: 3,
		MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRetryPolicy(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		statuses  []int
		create    bool
		wantCalls int32
		wantErr   int // HTTP status of the final error, 0 for success
	}{
		{"429 is retried on a read", []int{429, 429}, false, 3, 0},
		{"503 is retried on a create", []int{503}, true, 2, 0},
		{"429 is retried on a create", []int{429}, true, 2, 0},
		{"500 is retried on a read", []int{500, 502}, false, 3, 0},
		{"500 is not retried on a create", []int{500}, true, 1, 500},
		{"400 is never retried", []int{400}, false, 1, 400},
		{"retries give up after max_retries", []int{429, 429, 429, 429, 429}, false, 4, 429},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := &scripted{statuses: tc.statuses}
			c := newTestClient(t, srv)
			var err error
			if tc.create {
				_, err = c.CreateSubaccount(context.Background(), "x")
			} else {
				_, err = c.FindAccount(context.Background(), testAccount)
			}
			if got := srv.calls.Load(); got != tc.wantCalls {
				t.Errorf("calls = %d, want %d", got, tc.wantCalls)
			}
			switch {
			case tc.wantErr == 0 && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tc.wantErr != 0 && !IsStatus(err, tc.wantErr):
				t.Errorf("error = %v, want HTTP %d", err, tc.wantErr)
			}
		})
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	t.Parallel()
	srv := &scripted{statuses: []int{429}, header: http.Header{"Retry-After": []string{"1"}}}
	c := newTestClient(t, srv)
	start := time.Now()
	if _, err := c.FindAccount(context.Background(), testAccount); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < 900*time.Millisecond {
		t.Fatalf("Retry-After: 1 was not honoured, retried after %v", waited)
	}
}

func TestConcurrencyCap(t *testing.T) {
	t.Parallel()
	var inFlight, peak atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		inFlight.Add(-1)
		_, _ = w.Write([]byte(`{"sid": "` + testAccount + `"}`))
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := New(Config{AccountSID: testAccount, AuthToken: testToken, BaseURL: srv.URL, MaxConcurrency: 3})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = c.FindAccount(context.Background(), testAccount)
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > 3 || p < 2 {
		t.Fatalf("peak concurrency %d, want at most 3 (and some parallelism)", p)
	}
}

func TestUnauthorizedHintNamesVariablesNotSecret(t *testing.T) {
	t.Parallel()
	c := newTestClient(t, &scripted{statuses: []int{401}})
	_, err := c.FindAccount(context.Background(), testAccount)
	var te *Error
	if !errors.As(err, &te) || te.Status != 401 {
		t.Fatalf("want a 401 *Error, got %v", err)
	}
	msg := err.Error()
	for _, want := range []string{testAccount, "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not mention %s", msg, want)
		}
	}
	if strings.Contains(msg, testToken) {
		t.Errorf("error leaks the auth token: %q", msg)
	}
}

func TestNotFoundIsSentinel(t *testing.T) {
	t.Parallel()
	c := newTestClient(t, &scripted{statuses: []int{404}})
	if _, err := c.FindApplication(context.Background(), testAccount, "AP0123456789abcdef0123456789abcdef"); !IsNotFound(err) {
		t.Fatalf("404 must match ErrNotFound, got %v", err)
	}
}

func TestClosedSubaccountIsNotFound(t *testing.T) {
	t.Parallel()
	c := newTestClient(t, &scripted{body: `{"sid": "` + testAccount + `", "status": "closed"}`})
	if _, err := c.FindSubaccount(context.Background(), testAccount); !IsNotFound(err) {
		t.Fatalf("a closed subaccount must be not found, got %v", err)
	}
}

func TestRedirectKeepsProductHost(t *testing.T) {
	t.Parallel()
	var host, ua string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, ua = r.Host, r.UserAgent()
		_, _ = w.Write([]byte(`{"sid": "FW0123456789abcdef0123456789abcdef"}`))
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := New(Config{AccountSID: testAccount, AuthToken: testToken, BaseURL: srv.URL, UserAgent: "terraform-provider-twilio/1.2.3", Region: "ie1", Edge: "dublin"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.FindFlow(context.Background(), testAccount, "FW0123456789abcdef0123456789abcdef"); err != nil {
		t.Fatal(err)
	}
	if host != "studio.dublin.ie1.twilio.com" {
		t.Errorf("Host = %q, want studio.dublin.ie1.twilio.com (the emulator checks the regional host)", host)
	}
	if !strings.Contains(ua, "terraform-provider-twilio/1.2.3") {
		t.Errorf("User-Agent %q does not name the provider", ua)
	}
}

func TestValidateBaseURL(t *testing.T) {
	t.Parallel()
	for raw, ok := range map[string]bool{
		"https://api.example.com":     true,
		"http://127.0.0.1:8718":       true,
		"http://[::1]:8718":           true,
		"http://localhost:8718":       true,
		"http://127.9.9.9":            true,
		"http://10.0.0.5:8718":        false,
		"http://emulator.internal":    false,
		"ftp://127.0.0.1":             false,
		"127.0.0.1:8718":              false,
		"https://user:pw@example.com": false,
		"https://example.com/path":    false,
	} {
		if err := ValidateBaseURL(raw); (err == nil) != ok {
			t.Errorf("ValidateBaseURL(%q) = %v, want ok=%v", raw, err, ok)
		}
	}
}

func TestValidateBaseURLNeverEchoesCredentials(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{"https://AC1:sekrit@proxy.example.com", "http://u:sekrit@10.0.0.1", "ht tp://u:sekrit@x"} {
		if err := ValidateBaseURL(raw); err == nil || strings.Contains(err.Error(), "sekrit") {
			t.Errorf("ValidateBaseURL(%q) = %v; want an error without the password", raw, err)
		}
	}
}

func TestIdempotency(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		method, path string
		want         bool
	}{
		{"GET", "/2010-04-01/Accounts.json", true},
		{"DELETE", "/2010-04-01/Accounts/" + testAccount + "/IncomingPhoneNumbers/PN0123456789abcdef0123456789abcdef.json", true},
		{"POST", "/2010-04-01/Accounts/" + testAccount + "/IncomingPhoneNumbers/PN0123456789abcdef0123456789abcdef.json", true},
		{"POST", "/2010-04-01/Accounts/" + testAccount + "/IncomingPhoneNumbers.json", false},
		{"POST", "/2010-04-01/Accounts.json", false},
		{"POST", "/v1/Keys", false},
		{"POST", "/v1/Keys/SK0123456789abcdef0123456789abcdef", true},
		{"POST", "/v2/Flows/FW0123456789abcdef0123456789abcdef", true},
	} {
		req := httptest.NewRequest(tc.method, "https://api.twilio.com"+tc.path, nil)
		if got := isIdempotent(req); got != tc.want {
			t.Errorf("%s %s idempotent = %v, want %v", tc.method, tc.path, got, tc.want)
		}
	}
}
