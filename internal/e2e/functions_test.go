package e2e

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/accesstoken"
)

// The example Functions (examples/serverless/functions) run with Node through test/invoke.js, which
// calls a handler as the Functions runtime does. scripts/test.sh installs their locked dependencies
// (npm ci) and sets TWILIO_NODE_TESTS=1; a plain `go test ./...` skips them.

const (
	fnAccountSID = "AC0123456789abcdef0123456789abcdef"
	fnKeySID     = "SKfedcba9876543210fedcba9876543210"
	fnKeySecret  = "fn-key-secret-Zq8xV3nT5rW1yU7kP2mL"
	fnAppSID     = "AP00112233445566778899aabbccddeeff"
	fnClientAuth = "fn-client-auth-9dB4cF6hJ0sAq8xV3"
)

type fnResult struct {
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers"`
	Body    json.RawMessage   `json:"body"`
	raw     string
}

func functionsDir(t *testing.T) string {
	t.Helper()
	if os.Getenv("TWILIO_NODE_TESTS") != "1" {
		t.Skip("set TWILIO_NODE_TESTS=1 after `npm ci` in examples/serverless/functions (scripts/test.sh does both)")
	}
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "examples", "serverless", "functions")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "twilio")); err != nil {
		t.Fatalf("the functions' dependencies are not installed (run npm ci in %s): %v", dir, err)
	}
	return dir
}

func invokeFunction(t *testing.T, dir, file string, context map[string]string, event map[string]any) fnResult {
	t.Helper()
	ctxJSON, _ := json.Marshal(context)
	evJSON, _ := json.Marshal(event)
	cmd := exec.Command("node", "test/invoke.js", file, string(evJSON))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CONTEXT_JSON="+string(ctxJSON))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node %s: %v\n%s", file, err, stderr.String())
	}
	var r fnResult
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatalf("node %s printed %q: %v", file, stdout.String(), err)
	}
	r.raw = stdout.String() + stderr.String()
	return r
}

func tokenContext() map[string]string {
	return map[string]string{
		"ACCOUNT_SID": fnAccountSID, "API_KEY_SID": fnKeySID, "API_KEY_SECRET": fnKeySecret,
		"TWIML_APP_SID": fnAppSID, "CLIENT_AUTH_SECRET": fnClientAuth, "TOKEN_TTL": "600",
	}
}

func tokenEvent(identity, bearer string) map[string]any {
	ev := map[string]any{"identity": identity}
	if bearer != "" {
		ev["request"] = map[string]any{"headers": map[string]string{"authorization": "Bearer " + bearer}}
	}
	return ev
}

// assertNoSecret fails if the function's output carries a secret, raw or encoded.
func assertNoSecret(t *testing.T, out string) {
	t.Helper()
	for _, s := range []string{fnKeySecret, fnClientAuth} {
		for _, form := range []string{s, base64.StdEncoding.EncodeToString([]byte(s)), base64.RawURLEncoding.EncodeToString([]byte(s))} {
			if strings.Contains(out, form) {
				t.Errorf("the function's output contains a secret (or its base64): %q", out)
			}
		}
	}
}

func TestFunctions_tokenMintsAVoiceToken(t *testing.T) {
	dir := functionsDir(t)
	before := time.Now().Add(-2 * time.Second)
	r := invokeFunction(t, dir, "token.js", tokenContext(), tokenEvent("alice_01", fnClientAuth))
	assertNoSecret(t, r.raw)
	if r.Status != 200 {
		t.Fatalf("status %d, body %s", r.Status, r.Body)
	}
	if r.Headers["Cache-Control"] != "no-store" {
		t.Errorf("a token answer must not be cached: headers %v", r.Headers)
	}
	var body struct {
		Identity string `json:"identity"`
		Token    string `json:"token"`
		TTL      int    `json:"ttl"`
	}
	if err := json.Unmarshal(r.Body, &body); err != nil {
		t.Fatal(err)
	}

	v, err := accesstoken.Verify(body.Token, fnKeySecret, time.Now())
	if err != nil {
		t.Fatalf("the project's verifier refuses the function's token: %v", err)
	}
	if v.AccountSID != fnAccountSID || v.APIKeySID != fnKeySID || v.Identity != "alice_01" || body.Identity != "alice_01" {
		t.Errorf("token is for account %s, key %s, identity %q; want %s, %s, alice_01", v.AccountSID, v.APIKeySID, v.Identity, fnAccountSID, fnKeySID)
	}
	if v.Voice == nil || !v.Voice.IncomingAllow || v.Voice.OutgoingApplicationSID != fnAppSID {
		t.Errorf("voice grant = %+v, want incoming allowed and outgoing through %s", v.Voice, fnAppSID)
	}
	if v.Video != nil || v.Chat != nil || v.Sync != nil {
		t.Errorf("token carries grants beyond voice: %+v", v)
	}
	if v.TTL() != 600*time.Second || body.TTL != 600 {
		t.Errorf("lifetime %s (body says %d), want the configured 600 s", v.TTL(), body.TTL)
	}
	if v.NotBefore.Before(before.Truncate(time.Second)) || v.NotBefore.After(time.Now()) {
		t.Errorf("token valid from %s, want about now", v.NotBefore)
	}
	if _, err := accesstoken.Verify(body.Token, fnKeySecret, v.ExpiresAt); err == nil {
		t.Error("the token still verifies at its expiry time")
	}
	if _, err := accesstoken.Verify(body.Token, "another secret", time.Now()); err == nil {
		t.Error("the token verifies with another secret")
	}
}

func TestFunctions_tokenRefuses(t *testing.T) {
	dir := functionsDir(t)
	withTTL := func(ttl string) map[string]string { c := tokenContext(); c["TOKEN_TTL"] = ttl; return c }
	without := func(k string) map[string]string { c := tokenContext(); delete(c, k); return c }
	cases := []struct {
		name    string
		context map[string]string
		event   map[string]any
		status  int
		wantMsg string
	}{
		{"no bearer", tokenContext(), tokenEvent("alice", ""), 401, "bearer"},
		{"wrong bearer", tokenContext(), tokenEvent("alice", fnClientAuth+"x"), 401, "bearer"},
		{"empty identity", tokenContext(), tokenEvent("", fnClientAuth), 400, "identity"},
		{"identity with a space", tokenContext(), tokenEvent("alice smith", fnClientAuth), 400, "identity"},
		{"identity with a delimiter", tokenContext(), tokenEvent("a<b", fnClientAuth), 400, "identity"},
		{"identity too long", tokenContext(), tokenEvent(strings.Repeat("a", 257), fnClientAuth), 400, "identity"},
		{"no client secret configured", without("CLIENT_AUTH_SECRET"), tokenEvent("alice", fnClientAuth), 500, "CLIENT_AUTH_SECRET"},
		{"no key secret configured", without("API_KEY_SECRET"), tokenEvent("alice", fnClientAuth), 500, "API_KEY_SECRET"},
		{"key SID is not a key", func() map[string]string { c := tokenContext(); c["API_KEY_SID"] = fnAccountSID; return c }(), tokenEvent("alice", fnClientAuth), 500, "API_KEY_SID"},
		{"TTL over Twilio's 24 h", withTTL("86401"), tokenEvent("alice", fnClientAuth), 500, "TOKEN_TTL"},
		{"TTL not a number", withTTL("1h"), tokenEvent("alice", fnClientAuth), 500, "TOKEN_TTL"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := invokeFunction(t, dir, "token.js", tc.context, tc.event)
			assertNoSecret(t, r.raw)
			if r.Status != tc.status {
				t.Errorf("status %d, want %d (body %s)", r.Status, tc.status, r.Body)
			}
			if strings.Contains(string(r.Body), "eyJ") {
				t.Errorf("a refused request got a token: %s", r.Body)
			}
			if !strings.Contains(string(r.Body), tc.wantMsg) {
				t.Errorf("body %s does not say what is wrong (%q)", r.Body, tc.wantMsg)
			}
		})
	}
}

func TestFunctions_voiceRoutesCalls(t *testing.T) {
	dir := functionsDir(t)
	ctx := map[string]string{"CALLER_ID": "+15005550006", "CLIENT_IDENTITY": "front_desk"}
	cases := []struct {
		name    string
		context map[string]string
		event   map[string]any
		want    string
	}{
		{"client dials out", ctx, map[string]any{"From": "client:alice", "To": "+15551230100"},
			`<Response><Dial callerId="+15005550006"><Number>+15551230100</Number></Dial></Response>`},
		{"caller rings the client", ctx, map[string]any{"From": "+15551230199", "To": "+15005550006"},
			`<Response><Dial><Client>front_desk</Client></Dial></Response>`},
		{"client dials something that is not a number", ctx, map[string]any{"From": "client:alice", "To": "sip:x@example.com"},
			`<Response><Say>This call cannot be placed: the number is not valid.</Say></Response>`},
		{"no client identity configured", map[string]string{"CALLER_ID": "+15005550006"}, map[string]any{"From": "+15551230199"},
			`<Response><Say>Nobody can take this call yet.</Say></Response>`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := invokeFunction(t, dir, "voice.js", tc.context, tc.event)
			var twiml string
			if err := json.Unmarshal(r.Body, &twiml); err != nil {
				t.Fatalf("body %s is not TwiML text: %v", r.Body, err)
			}
			if r.Status != 200 || !strings.HasSuffix(twiml, tc.want) {
				t.Errorf("got %d %s\nwant TwiML ending %s", r.Status, twiml, tc.want)
			}
		})
	}
}
