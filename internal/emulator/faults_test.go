package emulator

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// rawPost posts without failing the test on transport errors.
func (h *harness) rawPost(c creds, path string, form url.Values) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, h.url+path, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.user, c.pass)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		_ = resp.Body.Close() // only the status matters
	}
	return resp, err
}

func TestStatusFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		fault      Fault
		status     int
		code       int
		retryAfter string
		created    int // applications that exist after the request
	}{
		{"429 with Retry-After", Fault{Kind: FaultRateLimit, RetryAfter: 1500 * time.Millisecond}, 429, 20429, "2", 0},
		{"429 without Retry-After", Fault{Kind: FaultRateLimit}, 429, 20429, "", 0},
		{"500", Fault{Kind: FaultInternal}, 500, 20500, "", 0},
		{"503", Fault{Kind: FaultUnavailable, RetryAfter: time.Second}, 503, 20503, "1", 0},
		{"500 after effect", Fault{Kind: FaultInternal, AfterEffect: true}, 500, 20500, "", 1},
		{"429 after effect", Fault{Kind: FaultRateLimit, AfterEffect: true}, 429, 20429, "", 1},
		{"other method", Fault{Kind: FaultInternal, Method: http.MethodGet}, 201, 0, "", 1},
		{"other path", Fault{Kind: FaultInternal, Path: `/Keys\.json$`}, 201, 0, "", 1},
		{"matching path", Fault{Kind: FaultInternal, Method: http.MethodPost, Path: `/Applications\.json$`}, 500, 20500, "", 0},
		{"probability 1", Fault{Kind: FaultUnavailable, Probability: 1}, 503, 20503, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, Options{})
			h.e.AddFault(tt.fault)
			r := h.post(h.main, accountPath(h.main.user, "/Applications.json"), nil)
			if tt.code != 0 {
				wantError(t, r, tt.status, tt.code, "")
			} else {
				h.must(r, tt.status)
			}
			if got := r.header.Get("Retry-After"); got != tt.retryAfter {
				t.Errorf("Retry-After = %q, want %q", got, tt.retryAfter)
			}
			if n := len(h.e.Snapshot().Applications); n != tt.created {
				t.Errorf("%d applications exist, want %d", n, tt.created)
			}
			log := h.e.Requests()
			if len(log) != 1 || log[0].Status != tt.status || (tt.code != 0) != (log[0].Fault == tt.fault.Kind) {
				t.Errorf("request log = %+v", log)
			}
		})
	}
}

func TestFaultTimesAndRemoval(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	path := accountPath(h.main.user, "/Applications.json")
	h.e.AddFault(Fault{Kind: FaultRateLimit, Times: 2})
	for i, want := range []int{429, 429, 200, 200} {
		if got := h.get(h.main, path, nil).status; got != want {
			t.Errorf("request %d: status %d, want %d", i, got, want)
		}
	}
	id := h.e.AddFault(Fault{Kind: FaultInternal})
	h.must(h.get(h.main, path, nil), 500)
	if !h.e.RemoveFault(id) || h.e.RemoveFault(id) {
		t.Error("RemoveFault did not remove exactly once")
	}
	h.must(h.get(h.main, path, nil), 200)
	h.e.AddFault(Fault{Kind: FaultInternal})
	h.e.ClearFaults()
	h.must(h.get(h.main, path, nil), 200)
}

func TestFaultProbabilityIsSeeded(t *testing.T) {
	t.Parallel()
	pattern := func() string {
		h := newHarness(t, Options{Seed: 42})
		h.e.AddFault(Fault{Kind: FaultUnavailable, Probability: 0.5})
		var b strings.Builder
		for range 40 {
			if h.get(h.main, accountPath(h.main.user, "/Applications.json"), nil).status == 503 {
				b.WriteByte('x')
			} else {
				b.WriteByte('.')
			}
		}
		return b.String()
	}
	a, b := pattern(), pattern()
	if a != b {
		t.Errorf("same seed, different faults:\n%s\n%s", a, b)
	}
	if n := strings.Count(a, "x"); n < 5 || n > 35 {
		t.Errorf("%d of 40 requests faulted with probability 0.5: %s", n, a)
	}
}

func TestResetFault(t *testing.T) {
	t.Parallel()
	for _, after := range []bool{false, true} {
		h := newHarness(t, Options{})
		h.e.AddFault(Fault{Kind: FaultReset, Times: 1, AfterEffect: after})
		path := accountPath(h.main.user, "/Applications.json")
		if resp, err := h.rawPost(h.main, path, nil); err == nil {
			t.Fatalf("after effect %v: got %s, want a connection error", after, resp.Status)
		}
		want := 0
		if after {
			want = 1
		}
		if n := len(h.e.Snapshot().Applications); n != want {
			t.Errorf("after effect %v: %d applications, want %d", after, n, want)
		}
		if log := h.e.Requests(); len(log) != 1 || log[0].Fault != FaultReset || log[0].Status != 0 {
			t.Errorf("request log = %+v", log)
		}
		h.must(h.post(h.main, path, nil), 201) // only one request was reset
	}
}

func TestLatency(t *testing.T) {
	t.Parallel()
	const d = 150 * time.Millisecond
	tests := []struct {
		name  string
		opts  Options
		fault *Fault
	}{
		{"option", Options{Latency: d}, nil},
		{"fault before", Options{}, &Fault{Kind: FaultLatency, Latency: d}},
		{"fault after effect", Options{}, &Fault{Kind: FaultLatency, Latency: d, AfterEffect: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tt.opts)
			if tt.fault != nil {
				h.e.AddFault(*tt.fault)
			}
			start := time.Now()
			h.must(h.get(h.main, accountPath(h.main.user, "/Applications.json"), nil), 200)
			if el := time.Since(start); el < d {
				t.Errorf("answered after %v, want at least %v", el, d)
			}
			if log := h.e.Requests(); log[0].Duration < d {
				t.Errorf("logged duration %v", log[0].Duration)
			}
		})
	}
	h := newHarness(t, Options{Latency: time.Hour})
	h.e.SetLatency(0)
	h.must(h.get(h.main, accountPath(h.main.user, "/Applications.json"), nil), 200)
}

// Latency must not hold the lock: a slow request does not delay others.
func TestLatencyDoesNotBlockOtherRequests(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	h.e.AddFault(Fault{Kind: FaultLatency, Latency: 2 * time.Second, Path: "Keys"})
	var wg sync.WaitGroup
	wg.Go(func() { h.get(h.main, accountPath(h.main.user, "/Keys.json"), nil) })
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	h.must(h.get(h.main, accountPath(h.main.user, "/Applications.json"), nil), 200)
	h.e.Snapshot()
	if el := time.Since(start); el > time.Second {
		t.Errorf("a request waited %v behind a slow one", el)
	}
	wg.Wait()
}

func TestPeakInFlight(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{Latency: 300 * time.Millisecond})
	s := h.subaccount("s") // sequential: peak 1 on the main account so far
	var wg sync.WaitGroup
	for i := range 8 {
		acct := h.main.user
		if i < 5 {
			acct = s.user
		}
		wg.Go(func() { h.get(h.main, accountPath(acct, "/Applications.json"), nil) })
	}
	wg.Wait()
	if got := h.e.PeakInFlight(s.user); got != 5 {
		t.Errorf("PeakInFlight(sub) = %d, want 5", got)
	}
	if got := h.e.PeakInFlight(h.main.user); got != 3 {
		t.Errorf("PeakInFlight(main) = %d, want 3", got)
	}
	if got := h.e.PeakInFlightAll(); got != 8 {
		t.Errorf("PeakInFlightAll = %d, want 8", got)
	}
	h.e.ResetRequests()
	if got := h.e.PeakInFlightAll(); got != 0 {
		t.Errorf("PeakInFlightAll after reset = %d", got)
	}
}

func TestRequestLog(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	s := h.subaccount("s")
	h.post(h.main, accountPath(s.user, "/Applications.json"), url.Values{"FriendlyName": {"a"}})
	h.do(h.main, http.MethodGet, "iam.twilio.com", "/v1/Keys", url.Values{"AccountSid": {h.main.user}})
	h.get(creds{}, "/_emulator/health", nil)
	h.get(creds{"ACnope", "x"}, "/2010-04-01/Accounts.json", nil)

	log := h.e.Requests()
	if len(log) != 4 {
		t.Fatalf("%d entries, want 4 (control calls are not logged): %+v", len(log), log)
	}
	create := log[1]
	if create.Method != http.MethodPost || create.Path != accountPath(s.user, "/Applications.json") ||
		create.AuthUser != h.main.user || create.Account != s.user || create.Status != 201 ||
		create.Form.Get("FriendlyName") != "a" || create.Time.IsZero() {
		t.Errorf("create entry = %+v", create)
	}
	iam := log[2]
	if iam.Host != "iam.twilio.com" || iam.Account != h.main.user || iam.RawQuery != "AccountSid="+h.main.user || iam.Status != 200 {
		t.Errorf("iam entry = %+v", iam)
	}
	if bad := log[3]; bad.Status != 401 || bad.Account != "" || bad.AuthUser != "ACnope" {
		t.Errorf("unauthenticated entry = %+v", bad)
	}
	log[1].Form.Set("FriendlyName", "mutated")
	if h.e.Requests()[1].Form.Get("FriendlyName") != "a" {
		t.Error("Requests does not return a copy")
	}
	h.e.ResetRequests()
	if n := len(h.e.Requests()); n != 0 {
		t.Errorf("%d entries after ResetRequests", n)
	}
}
