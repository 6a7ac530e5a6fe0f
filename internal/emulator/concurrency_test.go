package emulator

import (
	"encoding/json"
	"net/http"
	"sync"
	"testing"
	"time"
)

// Requests beyond the per-account limit in flight answer 429/20429 and are not processed; they count
// against the account whose credentials made them, so a subaccount's own credentials have their own count.
func TestConcurrencyLimit(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{Latency: 300 * time.Millisecond, ConcurrencyLimit: 2})
	sub := h.subaccount("own credentials")
	fire := func(c creds, n int) (ok, throttled int) {
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				req, _ := http.NewRequest(http.MethodGet, h.url+"/2010-04-01/Accounts/"+sub.user+"/Applications.json", nil)
				req.SetBasicAuth(c.user, c.pass)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				defer func() { _ = resp.Body.Close() }()
				var body struct {
					Code int `json:"code"`
				}
				_ = json.NewDecoder(resp.Body).Decode(&body)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case resp.StatusCode == http.StatusOK:
					ok++
				case resp.StatusCode == http.StatusTooManyRequests && body.Code == 20429:
					throttled++
				default:
					t.Errorf("status %d code %d", resp.StatusCode, body.Code)
				}
			}()
		}
		wg.Wait()
		return ok, throttled
	}
	if ok, throttled := fire(h.main, 5); ok != 2 || throttled != 3 {
		t.Errorf("5 concurrent requests with a limit of 2: %d answered, %d refused; want 2 and 3", ok, throttled)
	}
	if got := h.e.Throttled(); got != 3 {
		t.Errorf("Throttled() = %d, want 3", got)
	}
	// Once the first ones are answered, the account has room again; the subaccount's own credentials have
	// their own count.
	var wg sync.WaitGroup
	var mainOK, subOK int
	wg.Add(2)
	go func() { defer wg.Done(); mainOK, _ = fire(h.main, 2) }()
	go func() { defer wg.Done(); subOK, _ = fire(sub, 2) }()
	wg.Wait()
	if mainOK != 2 || subOK != 2 {
		t.Errorf("2 + 2 requests with two accounts' credentials: %d and %d answered, want 2 and 2", mainOK, subOK)
	}
}
