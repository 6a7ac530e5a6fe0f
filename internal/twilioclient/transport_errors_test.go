package twilioclient

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// resetAfterReading reads each request whole, then drops the connection without answering: the request
// reached "Twilio", the answer was lost.
type resetAfterReading struct{ calls atomic.Int32 }

func (s *resetAfterReading) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls.Add(1)
	_, _ = io.Copy(io.Discard, r.Body)
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

// refusedURL is a loopback address where nothing listens: dialling it fails before anything is sent.
func refusedURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return "http://" + addr
}

func newClientAt(t *testing.T, url string, retries int) *Client {
	t.Helper()
	c, err := New(Config{
		AccountSID: testAccount, AuthToken: testToken, BaseURL: url, MaxRetries: retries,
		MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond, RequestTimeout: 300 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// countingBase wraps the real transport to count the attempts that reach the network layer, for failures
// the server cannot count (nothing ever connects).
type countingBase struct {
	next     http.RoundTripper
	attempts atomic.Int32
}

func (b *countingBase) RoundTrip(r *http.Request) (*http.Response, error) {
	b.attempts.Add(1)
	return b.next.RoundTrip(r)
}

// TestTransportErrorRetryPolicy pins the retry policy for failures that are not HTTP answers: a request
// that never left (connection refused) is retried even for a create and is not ambiguous; a request that
// was sent and lost its answer (reset, per-attempt timeout) is retried only when idempotent, and a create
// is then ambiguous. The error names the address actually dialled, not api.twilio.com.
func TestTransportErrorRetryPolicy(t *testing.T) {
	t.Parallel()
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	cases := []struct {
		name      string
		server    http.Handler // nil: nothing listens
		create    bool
		wantCalls int32
		wantSent  bool
	}{
		{"refused connection: a create is retried", nil, true, 4, false},
		{"refused connection: a read is retried", nil, false, 4, false},
		{"reset after the request was read: a create is not retried", &resetAfterReading{}, true, 1, true},
		{"reset after the request was read: a read is retried", &resetAfterReading{}, false, 4, true},
		{"per-attempt timeout: a create is not retried", slow, true, 1, true},
		{"per-attempt timeout: a read is retried", slow, false, 4, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			url := refusedURL(t)
			if tc.server != nil {
				srv := httptest.NewServer(tc.server)
				t.Cleanup(srv.Close)
				url = srv.URL
			}
			c := newClientAt(t, url, 3)
			counter := &countingBase{next: c.transport.base}
			c.transport.base = counter
			var err error
			if tc.create {
				_, err = c.CreateSubaccount(context.Background(), "x")
			} else {
				_, err = c.FindAccount(context.Background(), testAccount)
			}
			if got := counter.attempts.Load(); got != tc.wantCalls {
				t.Errorf("attempts = %d, want %d", got, tc.wantCalls)
			}
			var te *TransportError
			if !errors.As(err, &te) {
				t.Fatalf("want a *TransportError, got %T %v", err, err)
			}
			if te.Sent != tc.wantSent || IsSent(err) != tc.wantSent {
				t.Errorf("Sent = %v, want %v (%v)", te.Sent, tc.wantSent, err)
			}
			if tc.create && IsAmbiguous(err) != tc.wantSent {
				t.Errorf("IsAmbiguous = %v, want %v: only a create that was sent may have happened", IsAmbiguous(err), tc.wantSent)
			}
			msg := err.Error()
			if !strings.Contains(msg, url) || strings.Contains(msg, "api.twilio.com") {
				t.Errorf("error %q must name the address dialled (%s), not Twilio's", msg, url)
			}
			want := "was not sent: nothing reached Twilio"
			if tc.wantSent {
				want = "was sent, but no answer came back"
			}
			if !strings.Contains(msg, want) {
				t.Errorf("error %q does not say %q", msg, want)
			}
		})
	}
}

// TestCancelledBeforeSendingIsNotAmbiguous: a create whose context ended before it was written (the
// deadline already past, or Ctrl-C while waiting to retry after a 429) reached nothing.
func TestCancelledBeforeSendingIsNotAmbiguous(t *testing.T) {
	t.Parallel()
	t.Run("context already over", func(t *testing.T) {
		t.Parallel()
		srv := &scripted{}
		c := newTestClient(t, srv)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := c.CreateSubaccount(ctx, "x")
		if err == nil || IsAmbiguous(err) || srv.calls.Load() != 0 {
			t.Fatalf("err = %v, ambiguous %v, calls %d: want a not-sent error and no call", err, IsAmbiguous(err), srv.calls.Load())
		}
		if !strings.Contains(err.Error(), "cancelled") {
			t.Errorf("error %q does not say the operation was cancelled", err)
		}
	})
	t.Run("cancelled while waiting to retry a 429", func(t *testing.T) {
		t.Parallel()
		srv := &scripted{statuses: []int{429}, header: http.Header{"Retry-After": []string{"5"}}}
		c := newTestClient(t, srv)
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		_, err := c.CreateSubaccount(ctx, "x")
		if err == nil || IsAmbiguous(err) {
			t.Fatalf("err = %v: Twilio refused the only attempt (429), so nothing was created", err)
		}
		if !strings.Contains(err.Error(), "time limit") {
			t.Errorf("error %q does not say the time limit ran out", err)
		}
	})
	t.Run("cancelled while Twilio works on it", func(t *testing.T) {
		t.Parallel()
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			select {
			case <-time.After(3 * time.Second):
			case <-r.Context().Done():
			}
		})
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		c := newClientAt(t, srv.URL, 3)
		c.transport.timeout = time.Minute
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		_, err := c.CreateSubaccount(ctx, "x")
		if !IsAmbiguous(err) {
			t.Fatalf("err = %v: the request was sent, so the create may have happened", err)
		}
	})
}

// TestNotSentErrors: failures before the create's request (resolving a subaccount's credentials,
// encoding the policy) are not ambiguous.
func TestNotSentErrors(t *testing.T) {
	t.Parallel()
	srv := &scripted{}
	c := newTestClient(t, srv)
	_, err := c.CreateRestrictedKey(context.Background(), testAccount, "x", "{not json")
	if err == nil || IsAmbiguous(err) || srv.calls.Load() != 0 {
		t.Fatalf("err = %v, ambiguous %v, calls %d: a policy that cannot be encoded sends nothing", err, IsAmbiguous(err), srv.calls.Load())
	}
	other := "AC" + strings.Repeat("f", 32)
	srv404 := &scripted{statuses: []int{404}}
	c = newTestClient(t, srv404)
	_, err = c.CreateRestrictedKey(context.Background(), other, "x", "{}")
	if err == nil || IsAmbiguous(err) || srv404.calls.Load() != 1 {
		t.Fatalf("err = %v, calls %d: only the credentials lookup may be sent, and the create is not ambiguous", err, srv404.calls.Load())
	}
	if !IsAmbiguous(errors.New("decoding the answer")) {
		t.Error("an error of unknown origin must count as ambiguous")
	}
}

// TestConcurrencyCapPerCredential: the cap is per credential (Twilio counts concurrency per account), so
// a subaccount's calls through its own credentials neither share nor exceed the parent's slots.
func TestConcurrencyCapPerCredential(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	inFlight, peak := map[string]int{}, map[string]int{}
	total, peakTotal := 0, 0
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, _, _ := r.BasicAuth()
		mu.Lock()
		inFlight[user]++
		total++
		peak[user] = max(peak[user], inFlight[user])
		peakTotal = max(peakTotal, total)
		mu.Unlock()
		time.Sleep(30 * time.Millisecond)
		mu.Lock()
		inFlight[user]--
		total--
		mu.Unlock()
		_, _ = w.Write([]byte(`{"sid": "` + testAccount + `"}`))
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := New(Config{AccountSID: testAccount, AuthToken: testToken, BaseURL: srv.URL, MaxConcurrency: 2})
	if err != nil {
		t.Fatal(err)
	}
	subSID := "AC" + strings.Repeat("e", 32)
	subCfg := c.cfg
	subCfg.AccountSID, subCfg.AuthToken = subSID, "subTOKEN0123456789abcdef01234567"
	sub := &Client{cfg: subCfg, transport: c.transport}
	var wg sync.WaitGroup
	for _, cl := range []*Client{c, sub} {
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, _ = cl.FindAccount(context.Background(), cl.AccountSID())
			}()
		}
	}
	wg.Wait()
	if peak[testAccount] > 2 || peak[subSID] > 2 {
		t.Errorf("peak per credential %v, want at most 2 each", peak)
	}
	if peakTotal < 3 {
		t.Errorf("peak overall %d: the two credentials share one cap instead of having one each", peakTotal)
	}
}
