package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// creds are HTTP Basic credentials.
type creds struct{ user, pass string }

// harness serves a fresh emulator over real HTTP on loopback.
type harness struct {
	t    *testing.T
	e    *Emulator
	url  string
	main creds
}

func newHarness(t *testing.T, opts Options) *harness {
	t.Helper()
	e := New(opts)
	srv, err := Start("127.0.0.1:0", e)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	sid, token := e.MainAccount()
	return &harness{t: t, e: e, url: srv.URL, main: creds{sid, token}}
}

// reply is a decoded response.
type reply struct {
	status int
	body   map[string]any
	header http.Header
}

func (r reply) str(key string) string {
	s, _ := r.body[key].(string)
	return s
}

func (r reply) code() int {
	n, _ := r.body["code"].(float64)
	return int(n)
}

func (r reply) list(key string) []any {
	l, _ := r.body[key].([]any)
	return l
}

// do sends a request. host overrides the Host header ("" keeps the
// emulator's address); GET and DELETE put form in the query string.
func (h *harness) do(c creds, method, host, path string, form url.Values) reply {
	h.t.Helper()
	target := h.url + path
	var body io.Reader
	if method == http.MethodPost {
		body = strings.NewReader(form.Encode())
	} else if len(form) > 0 {
		target += "?" + form.Encode()
	}
	req, err := http.NewRequest(method, target, body)
	if err != nil {
		h.t.Fatalf("NewRequest: %v", err)
	}
	if host != "" {
		req.Host = host
	}
	if c.user != "" {
		req.SetBasicAuth(c.user, c.pass)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer func() { _ = resp.Body.Close() }()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatalf("reading %s %s: %v", method, path, err)
	}
	r := reply{status: resp.StatusCode, header: resp.Header}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &r.body); err != nil {
			h.t.Fatalf("%s %s: decoding %q: %v", method, path, raw, err)
		}
	}
	return r
}

func (h *harness) get(c creds, path string, form url.Values) reply {
	h.t.Helper()
	return h.do(c, http.MethodGet, "", path, form)
}

func (h *harness) post(c creds, path string, form url.Values) reply {
	h.t.Helper()
	return h.do(c, http.MethodPost, "", path, form)
}

func (h *harness) del(c creds, path string) reply {
	h.t.Helper()
	return h.do(c, http.MethodDelete, "", path, nil)
}

// must fails the test unless r has the wanted status.
func (h *harness) must(r reply, status int) reply {
	h.t.Helper()
	if r.status != status {
		h.t.Fatalf("status %d, want %d: %v", r.status, status, r.body)
	}
	return r
}

// subaccount creates a subaccount of the main account and returns its
// credentials.
func (h *harness) subaccount(name string) creds {
	h.t.Helper()
	r := h.must(h.post(h.main, "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {name}}), http.StatusCreated)
	return creds{r.str("sid"), r.str("auth_token")}
}

// key creates a standard key in account with c and returns its credentials.
func (h *harness) key(c creds, account string) creds {
	h.t.Helper()
	r := h.must(h.post(c, "/2010-04-01/Accounts/"+account+"/Keys.json", url.Values{"FriendlyName": {"k"}}), http.StatusCreated)
	return creds{r.str("sid"), r.str("secret")}
}

func accountPath(sid, rest string) string {
	return "/2010-04-01/Accounts/" + sid + rest
}

func wantError(t *testing.T, r reply, status, code int, msg string) {
	t.Helper()
	if r.status != status || r.code() != code || !strings.Contains(r.str("message"), msg) {
		t.Fatalf("got %d %v, want %d code %d containing %q", r.status, r.body, status, code, msg)
	}
	if r.str("more_info") != moreInfo(code) || r.body["status"] != float64(status) {
		t.Fatalf("error body %v lacks Twilio's more_info/status", r.body)
	}
}
