package emulator

import (
	"crypto/tls"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

func TestStartRefusesNonLoopback(t *testing.T) {
	t.Parallel()
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:0", "example.com:0", "nonsense"} {
		if srv, err := Start(addr, New(Options{})); err == nil {
			_ = srv.Close()
			t.Errorf("Start(%q) succeeded", addr)
		}
	}
	for _, addr := range []string{"127.0.0.1:0", "localhost:0", "127.0.0.2:0"} {
		if err := CheckLoopback(addr); err != nil {
			t.Errorf("CheckLoopback(%q) = %v", addr, err)
		}
	}
}

func TestStartWithWidensOnlyOnRequest(t *testing.T) {
	t.Parallel()
	srv, err := StartWith("0.0.0.0:0", New(Options{}), ServeOptions{AllowPlainNonLoopback: true})
	if err != nil {
		t.Fatalf("explicit opt-in refused: %v", err)
	}
	if !strings.HasPrefix(srv.URL, "http://") {
		t.Errorf("URL %q, want plain http", srv.URL)
	}
	_ = srv.Close()
	if srv, err := StartWith("0.0.0.0:0", New(Options{}), ServeOptions{TLS: &tls.Config{MinVersion: tls.VersionTLS12}}); err == nil {
		_ = srv.Close()
		t.Errorf("a TLS configuration without a certificate was accepted")
	}
}

func TestOptionsFixMainAccount(t *testing.T) {
	t.Parallel()
	const sid, token = "AC0123456789abcdef0123456789abcdef", "0123456789abcdefABCDEF0123456789"
	sidGot, tokenGot := New(Options{AccountSID: sid, AuthToken: token}).MainAccount()
	if sidGot != sid || tokenGot != token {
		t.Errorf("MainAccount = %s, %s", sidGot, tokenGot)
	}
	sidGot, tokenGot = New(Options{}).MainAccount()
	if !sids.Valid("AC", sidGot) || len(tokenGot) != 32 {
		t.Errorf("generated MainAccount = %s, %s", sidGot, tokenGot)
	}
}

// controlCall sends a control request with a JSON body.
func (h *harness) controlCall(c creds, method, name, body string) (int, string) {
	h.t.Helper()
	req, err := http.NewRequest(method, h.url+controlPrefix+name, strings.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	if c.user != "" {
		req.SetBasicAuth(c.user, c.pass)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatalf("%s %s: %v", method, name, err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestControlSurface(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	sub := h.subaccount("s")

	if status, _ := h.controlCall(creds{}, http.MethodGet, "health", ""); status != 200 {
		t.Errorf("health = %d", status)
	}
	for _, c := range []creds{{}, sub, {m.user, "wrong"}} {
		if status, _ := h.controlCall(c, http.MethodGet, "state", ""); status != 401 {
			t.Errorf("state with %v = %d, want 401", c.user, status)
		}
	}

	status, body := h.controlCall(m, http.MethodGet, "state", "")
	var snap Snapshot
	if err := json.Unmarshal([]byte(body), &snap); status != 200 || err != nil || len(snap.Accounts) != 2 {
		t.Errorf("state = %d %s (%v)", status, body, err)
	}

	status, body = h.controlCall(m, http.MethodPost, "faults", `{"kind":"429","path":"Applications","times":1,"retry_after_ms":2000}`)
	if status != 201 || !strings.Contains(body, `"id"`) {
		t.Fatalf("add fault = %d %s", status, body)
	}
	r := h.get(m, accountPath(m.user, "/Applications.json"), nil)
	if r.status != 429 || r.header.Get("Retry-After") != "2" {
		t.Errorf("faulted request = %d %v", r.status, r.header)
	}
	if status, _ := h.controlCall(m, http.MethodPost, "faults", `{"kind":"teapot"}`); status != 400 {
		t.Errorf("unknown fault kind = %d", status)
	}
	if status, _ := h.controlCall(m, http.MethodPost, "faults", `{"kind":"500","path":"("}`); status != 400 {
		t.Errorf("bad regexp = %d", status)
	}
	status, body = h.controlCall(m, http.MethodPost, "faults", `{"kind":"500"}`)
	var added struct{ ID int }
	if err := json.Unmarshal([]byte(body), &added); status != 201 || err != nil {
		t.Fatalf("add fault = %d %s", status, body)
	}
	if status, _ := h.controlCall(m, http.MethodDelete, "faults/"+strconv.Itoa(added.ID), ""); status != 204 {
		t.Errorf("remove fault = %d", status)
	}
	h.controlCall(m, http.MethodPost, "faults", `{"kind":"500"}`)
	if status, _ := h.controlCall(m, http.MethodDelete, "faults", ""); status != 204 {
		t.Errorf("clear faults = %d", status)
	}
	h.must(h.get(m, accountPath(m.user, "/Applications.json"), nil), 200)

	status, body = h.controlCall(m, http.MethodGet, "requests", "")
	var log []Request
	if err := json.Unmarshal([]byte(body), &log); status != 200 || err != nil || len(log) != 3 {
		t.Errorf("requests = %d, %d entries (%v)", status, len(log), err)
	}
	if status, _ := h.controlCall(m, http.MethodDelete, "requests", ""); status != 204 || len(h.e.Requests()) != 0 {
		t.Errorf("reset requests = %d", status)
	}

	if status, body := h.controlCall(m, http.MethodPost, "latency", `{"latency_ms":5}`); status != 200 || !strings.Contains(body, "5") {
		t.Errorf("latency = %d %s", status, body)
	}
	h.e.SetLatency(0)

	status, body = h.controlCall(m, http.MethodPost, "main-keys", `{"friendly_name":"admin"}`)
	var key struct{ Sid, Secret string }
	if err := json.Unmarshal([]byte(body), &key); status != 201 || err != nil {
		t.Fatalf("main key = %d %s", status, body)
	}
	h.must(h.get(creds{key.Sid, key.Secret}, "/2010-04-01/Accounts.json", nil), 200)
	status, body = h.controlCall(m, http.MethodPost, "main-accounts", `{}`)
	var acct struct {
		Sid       string `json:"sid"`
		AuthToken string `json:"auth_token"`
	}
	if err := json.Unmarshal([]byte(body), &acct); status != 201 || err != nil {
		t.Fatalf("main account = %d %s", status, body)
	}
	h.must(h.get(creds{acct.Sid, acct.AuthToken}, accountPath(acct.Sid, ".json"), url.Values{}), 200)
	if status, _ := h.controlCall(m, http.MethodGet, "nothing", ""); status != 404 {
		t.Errorf("unknown control endpoint = %d", status)
	}
}

// The control surface tells an account's auth token in another region, which users of the standalone
// emulator need to try region = "ie1" or "au1".
func TestControlCredentials(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	sub := h.subaccount("s")
	get := func(query string) (int, map[string]string) {
		status, body := h.controlCall(m, http.MethodGet, "credentials"+query, "")
		var out map[string]string
		_ = json.Unmarshal([]byte(body), &out)
		return status, out
	}
	status, us1 := get("")
	if status != 200 || us1["auth_token"] != m.pass || us1["region"] != "us1" {
		t.Errorf("us1 credentials = %d %v", status, us1)
	}
	status, ie1 := get("?region=ie1")
	want, _ := h.e.AuthTokenIn(m.user, "ie1")
	if status != 200 || ie1["auth_token"] != want || want == m.pass || ie1["account_sid"] != m.user {
		t.Errorf("ie1 credentials = %d %v, want token %s", status, ie1, want)
	}
	status, subAU := get("?region=au1&account_sid=" + sub.user)
	want, _ = h.e.AuthTokenIn(sub.user, "au1")
	if status != 200 || subAU["auth_token"] != want {
		t.Errorf("au1 credentials of a subaccount = %d %v", status, subAU)
	}
	if status, _ := get("?region=jp1"); status != 400 {
		t.Errorf("unknown region = %d, want 400", status)
	}
	if status, _ := get("?account_sid=AC00000000000000000000000000000000"); status != 404 {
		t.Errorf("unknown account = %d, want 404", status)
	}
	if status, _ := h.controlCall(sub, http.MethodGet, "credentials?region=ie1", ""); status != 401 {
		t.Errorf("credentials with a subaccount's token = %d, want 401", status)
	}
}
