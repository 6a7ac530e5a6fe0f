package twilioclient

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestRegionalHosts proves the host each region and edge combination sends every product's requests to,
// through the emulator redirect (which keeps the Twilio host in the Host header): never the retired
// api.{region}.twilio.com pattern that twilio-go builds for a region without an edge.
func TestRegionalHosts(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		region, edge string
		want         map[string]string // product call -> Host
	}{
		{"", "", map[string]string{"api": "api.twilio.com", "iam": "iam.twilio.com", "studio": "studio.twilio.com"}},
		{"us1", "", map[string]string{"api": "api.ashburn.us1.twilio.com", "iam": "iam.ashburn.us1.twilio.com"}},
		{"ie1", "", map[string]string{"api": "api.dublin.ie1.twilio.com", "iam": "iam.dublin.ie1.twilio.com", "studio": "studio.dublin.ie1.twilio.com"}},
		{"au1", "", map[string]string{"api": "api.sydney.au1.twilio.com"}},
		{"au1", "tokyo", map[string]string{"api": "api.tokyo.au1.twilio.com"}},
		{"", "umatilla", map[string]string{"api": "api.umatilla.us1.twilio.com"}},
	} {
		var mu sync.Mutex
		var hosts []string
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			hosts = append(hosts, r.Host)
			mu.Unlock()
			w.Header().Set("Content-Type", "application/json")
			switch {
			case strings.Contains(r.URL.Path, "/Flows/"):
				_, _ = w.Write([]byte(`{"sid": "FW0123456789abcdef0123456789abcdef"}`))
			case strings.HasPrefix(r.URL.Path, "/v1/Keys/"):
				_, _ = w.Write([]byte(`{"sid": "SK0123456789abcdef0123456789abcdef"}`))
			default:
				_, _ = w.Write([]byte(`{"sid": "` + testAccount + `", "status": "active"}`))
			}
		})
		c := newTestClientWith(t, h, Config{Region: tc.region, Edge: tc.edge})
		ctx := context.Background()
		calls := map[string]func() error{
			"api": func() error { _, err := c.FindAccount(ctx, testAccount); return err },
			"iam": func() error {
				_, err := c.FindRestrictedKey(ctx, testAccount, "SK0123456789abcdef0123456789abcdef")
				return err
			},
			"studio": func() error { _, err := c.FindFlow(ctx, testAccount, "FW0123456789abcdef0123456789abcdef"); return err },
		}
		for product, want := range tc.want {
			hosts = nil
			if err := calls[product](); err != nil {
				t.Fatalf("region %q edge %q, %s call: %v", tc.region, tc.edge, product, err)
			}
			if len(hosts) != 1 || hosts[0] != want {
				t.Errorf("region %q edge %q: %s request went to %v, want %s", tc.region, tc.edge, product, hosts, want)
			}
		}
	}
}

func TestRegionAndEdgeAreChecked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ region, edge, want string }{
		{"jp1", "", "retired edge ID"},
		{"mars1", "", "not a Twilio processing region"},
		{"ie1", "atlantis", "not a Twilio edge location"},
	} {
		_, err := New(Config{AccountSID: testAccount, AuthToken: testToken, Region: tc.region, Edge: tc.edge})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(region %q, edge %q) error = %v, want one containing %q", tc.region, tc.edge, err, tc.want)
		}
	}
}

// newTestClientWith is newTestClient with extra settings (region, edge) in cfg.
func newTestClientWith(t *testing.T, h http.Handler, cfg Config) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	cfg.AccountSID, cfg.AuthToken, cfg.BaseURL = testAccount, testToken, srv.URL
	cfg.MaxRetries, cfg.MinBackoff, cfg.MaxBackoff = 1, time.Millisecond, 5*time.Millisecond
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
