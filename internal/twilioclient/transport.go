package twilioclient

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

// Logger receives the client layer's debug events. The provider adapts it to tflog; this package knows
// nothing of Terraform. Fields never carry credentials or request bodies.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
}

// maxRetryAfter caps how long a Retry-After header can make a request wait.
const maxRetryAfter = time.Minute

// instancePath matches a path whose last segment is an object SID (".../PNxxx.json", "/v1/Keys/SKxxx"):
// a POST there updates an existing object and may be repeated safely, while a POST to a collection
// creates one and must not be sent twice.
var instancePath = regexp.MustCompile("/" + sids.Pattern("") + `(\.json)?$`)

// transport is the one http.RoundTripper every Twilio call goes through. It redirects to the emulator,
// caps concurrency per credential (Twilio limits concurrent requests per account), retries what is safe to
// retry and logs each attempt. Requests carry their caller's context, so timeouts and cancellation reach
// the wire even though twilio-go itself does not take a context.
type transport struct {
	base       http.RoundTripper
	target     *url.URL // nil: talk to Twilio itself
	maxRetries int
	minBackoff time.Duration
	maxBackoff time.Duration
	timeout    time.Duration // per attempt
	concurrent int
	logger     Logger

	mu    sync.Mutex
	slots map[string]chan struct{}
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if t.target != nil {
		// NOTE: the Host header keeps the Twilio product host (api, iam, studio) so one emulator can tell
		// the products apart; only the connection goes elsewhere.
		req = req.Clone(ctx)
		req.Host = req.URL.Host
		req.URL.Scheme = t.target.Scheme
		req.URL.Host = t.target.Host
	}

	release, err := t.acquire(ctx, req)
	if err != nil {
		return nil, &TransportError{Method: req.Method, URL: shownURL(req), Err: fmt.Errorf("waiting for a free connection slot: %w", err)}
	}
	defer release()

	idempotent := isIdempotent(req)
	for attempt := 0; ; attempt++ {
		resp, cancel, err := t.send(ctx, req, attempt)
		retry, wait, reason := t.shouldRetry(ctx, resp, err, idempotent, attempt)
		if !retry {
			if resp != nil {
				resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
			} else {
				cancel()
			}
			return resp, err
		}
		if resp != nil {
			// Drain so the connection can be reused; the answer itself is discarded.
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			_ = resp.Body.Close()
		}
		cancel()
		t.debug(ctx, "retrying Twilio request", req, map[string]any{
			"attempt": attempt + 1, "reason": reason, "wait_ms": wait.Milliseconds(),
		})
		if err := sleep(ctx, wait); err != nil {
			// NOTE: only attempts Twilio did not act on are retried for a create (429, 503, not sent), so
			// ending while waiting leaves nothing behind.
			return nil, &TransportError{Method: req.Method, URL: shownURL(req), Err: err}
		}
	}
}

func (t *transport) send(ctx context.Context, req *http.Request, attempt int) (*http.Response, context.CancelFunc, error) {
	var attemptCtx context.Context
	var cancel context.CancelFunc
	if t.timeout > 0 {
		attemptCtx, cancel = context.WithTimeout(ctx, t.timeout)
	} else {
		attemptCtx, cancel = context.WithCancel(ctx)
	}
	// NOTE: the trace tells "nothing reached Twilio" (safe to send again, nothing to look for) from "sent,
	// no answer" (Twilio may have acted). Request headers are written before any byte of the body, and a
	// cancelled request's connection is closed before RoundTrip returns, so a request whose headers were
	// never written cannot have been acted on.
	var wrote atomic.Bool
	trace := &httptrace.ClientTrace{WroteHeaders: func() { wrote.Store(true) }}
	out := req.Clone(httptrace.WithClientTrace(attemptCtx, trace))
	if attempt > 0 && req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			cancel()
			return nil, func() {}, &TransportError{Method: req.Method, URL: shownURL(req), Err: err}
		}
		out.Body = body
	}
	start := time.Now()
	resp, err := t.base.RoundTrip(out)
	fields := map[string]any{"attempt": attempt + 1, "duration_ms": time.Since(start).Milliseconds()}
	if err != nil {
		err = &TransportError{Method: req.Method, URL: shownURL(req), Sent: wrote.Load(), Err: err}
		fields["error"] = err.Error()
	} else {
		fields["status"] = resp.StatusCode
	}
	t.debug(ctx, "Twilio request", req, fields)
	return resp, cancel, err
}

// shouldRetry decides whether a failed attempt may be sent again. 429 and 503 mean Twilio did not act on
// the request, and neither did a request that was never sent (refused connection, DNS failure), so every
// call is retried; other 5xx answers and a request sent without an answer (reset, per-attempt timeout) are
// ambiguous (the change may have happened), so only idempotent calls are retried and creates are left to
// the caller to reconcile.
func (t *transport) shouldRetry(ctx context.Context, resp *http.Response, err error, idempotent bool, attempt int) (bool, time.Duration, string) {
	if attempt >= t.maxRetries {
		return false, 0, ""
	}
	if err != nil {
		if ctx.Err() != nil {
			// The caller's deadline or cancellation: stop, whatever the request.
			return false, 0, ""
		}
		if !idempotent && IsSent(err) {
			return false, 0, ""
		}
		if IsSent(err) {
			return true, t.backoff(attempt), "sent, no answer"
		}
		return true, t.backoff(attempt), "not sent"
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		wait := t.backoff(attempt)
		if ra, ok := retryAfter(resp.Header.Get("Retry-After")); ok {
			// Twilio knows when capacity returns; waiting less only earns another 429. The ceiling keeps a
			// bogus header from stalling an apply.
			wait = min(max(ra, wait), maxRetryAfter)
		}
		return true, wait, "HTTP " + strconv.Itoa(resp.StatusCode)
	case resp.StatusCode >= 500 && idempotent:
		return true, t.backoff(attempt), "HTTP " + strconv.Itoa(resp.StatusCode)
	}
	return false, 0, ""
}

// backoff is the wait before the next attempt, with jitter (Backoff).
func (t *transport) backoff(attempt int) time.Duration {
	return Backoff{Min: t.minBackoff, Max: t.maxBackoff, Jitter: true}.Delay(attempt)
}

// acquire takes one of the credential's concurrency slots. Twilio counts concurrency per account; the
// Basic-auth user (account or key SID) stands for it.
func (t *transport) acquire(ctx context.Context, req *http.Request) (func(), error) {
	if t.concurrent <= 0 {
		return func() {}, nil
	}
	user, _, _ := req.BasicAuth()
	t.mu.Lock()
	if t.slots == nil {
		t.slots = map[string]chan struct{}{}
	}
	slot, ok := t.slots[user]
	if !ok {
		slot = make(chan struct{}, t.concurrent)
		t.slots[user] = slot
	}
	t.mu.Unlock()
	select {
	case slot <- struct{}{}:
		return func() { <-slot }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (t *transport) debug(ctx context.Context, msg string, req *http.Request, fields map[string]any) {
	if t.logger == nil {
		return
	}
	fields["method"] = req.Method
	fields["host"] = req.Host
	fields["path"] = req.URL.Path
	t.logger.Debug(ctx, msg, fields)
}

func isIdempotent(req *http.Request) bool {
	switch req.Method {
	case http.MethodGet, http.MethodHead, http.MethodDelete, http.MethodPut:
		return true
	case http.MethodPost:
		return instancePath.MatchString(req.URL.Path)
	}
	return false
}

// shownURL is the address a request actually went to (the emulator's when redirected), without query.
func shownURL(req *http.Request) string {
	u := *req.URL
	u.RawQuery, u.User, u.Fragment = "", nil, ""
	return u.String()
}

func retryAfter(v string) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && secs >= 0 {
		return time.Duration(secs) * time.Second, true
	}
	if at, err := http.ParseTime(v); err == nil {
		return max(time.Until(at), 0), true
	}
	return 0, false
}

func sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("waiting to retry Twilio request: %w", ctx.Err())
	}
}

// cancelOnClose releases the attempt's context only when the caller has read the body.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// boundTransport attaches a caller's context to requests that twilio-go builds with context.Background().
type boundTransport struct {
	ctx  context.Context
	next *transport
}

func (b boundTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return b.next.RoundTrip(req.WithContext(b.ctx))
}
