package e2e

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// secretForms are the ways a secret can show up in a log: as itself, URL-escaped, hex, and inside any
// base64 stream (standard or URL alphabet, at each of the three byte alignments), which covers an
// Authorization: Basic header built from it.
func secretForms(secret string) []string {
	forms := []string{secret, url.QueryEscape(secret), hex.EncodeToString([]byte(secret))}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
		for pad := 0; pad < 3; pad++ {
			// Characters near the ends mix in bits of neighbouring bytes; the core between them is the
			// same wherever the secret sits in the stream, given its alignment.
			s := enc.EncodeToString(append(make([]byte, pad), secret...))
			lead := (pad*8 + 5) / 6
			forms = append(forms, s[lead:len(s)-4])
		}
	}
	return forms
}

// basicAuth is the Authorization header value for a credential pair.
func basicAuth(user, pass string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
}

// leaks lists which forms of which named secret appear in text.
func leaks(text string, secrets map[string]string) []string {
	var found []string
	for name, secret := range secrets {
		for _, form := range secretForms(secret) {
			if strings.Contains(text, form) {
				found = append(found, name+" as "+form)
				break
			}
		}
	}
	return found
}

// unwrapped is every base64 string found in a JSON document decoded, and, where the decoded text is JSON
// again, its own base64 strings decoded in turn (a few levels deep). A resource's private state sits in
// terraform.tfstate that way: base64 of a JSON object whose values are base64 of what the provider stored,
// where a secret would hide from a scan of the file's text.
func unwrapped(doc []byte) string {
	var b strings.Builder
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		switch v := v.(type) {
		case map[string]any:
			for _, e := range v {
				walk(e, depth)
			}
		case []any:
			for _, e := range v {
				walk(e, depth)
			}
		case string:
			if depth == 0 || len(v) < 8 {
				return
			}
			raw, err := base64.StdEncoding.DecodeString(v)
			if err != nil {
				return
			}
			b.Write(raw)
			b.WriteByte('\n')
			var inner any
			if json.Unmarshal(raw, &inner) == nil {
				walk(inner, depth-1)
			}
		}
	}
	var root any
	if json.Unmarshal(doc, &root) == nil {
		walk(root, 4)
	}
	return b.String()
}

// TestSecretScanDecodesPrivateState proves the state scan reaches private state: a secret a resource put
// there (base64 inside JSON inside base64, as terraform.tfstate holds it) is invisible to the plain scan
// and found once unwrapped.
func TestSecretScanDecodesPrivateState(t *testing.T) {
	secret := "fnSecretWriteOnly0123456789abcdefXYZ"
	secrets := map[string]string{"write-only value": secret}
	// What terraform-plugin-framework stores for a resource that kept the value under a private key: a JSON
	// object of base64 values, each the JSON the provider set.
	private, err := json.Marshal(map[string][]byte{"value_wo": []byte(`{"value":"` + secret + `"}`)})
	if err != nil {
		t.Fatal(err)
	}
	state := []byte(`{"version":4,"resources":[{"type":"twilio_serverless_variable","instances":[{"attributes":` +
		`{"key":"API_SECRET"},"private":"` + base64.StdEncoding.EncodeToString(private) + `"}]}]}`)
	if found := leaks(string(state), secrets); len(found) != 0 {
		t.Fatalf("the plain scan already finds %v: this test would prove nothing", found)
	}
	if found := leaks(string(state)+unwrapped(state), secrets); len(found) == 0 {
		t.Error("the secret in private state was not found once unwrapped")
	}
	if found := leaks(unwrapped([]byte(`{"private":"eyJhIjoiYiJ9","n":"not base64!"}`)), secrets); len(found) != 0 {
		t.Errorf("false positive: %v", found)
	}
}

// TestSecretFormsCatchEncodings proves the scanner: a Basic header, a base64 stream with the secret at
// any offset and a URL-escaped copy are all found; an unrelated log is not flagged.
func TestSecretFormsCatchEncodings(t *testing.T) {
	sid, token := "AC0123456789abcdef0123456789abcdef", "tokenTOKENtoken0123456789abcdefXY"
	secrets := map[string]string{"token": token}
	for name, text := range map[string]string{
		"basic header":       "Authorization: Basic " + basicAuth(sid, token),
		"base64 at offset 1": base64.StdEncoding.EncodeToString([]byte("x" + token + "tail")),
		"base64 at offset 2": base64.URLEncoding.EncodeToString([]byte("xy" + token)),
		"url-escaped":        "password=" + url.QueryEscape(token),
		"hex":                hex.EncodeToString([]byte(token)),
	} {
		if len(leaks(text, secrets)) == 0 {
			t.Errorf("%s: the scanner missed the secret in %q", name, text)
		}
	}
	if got := leaks("Twilio request method=POST host=api.twilio.com status=201", secrets); len(got) != 0 {
		t.Errorf("false positive: %v", got)
	}
}

// TestAccSecretsNeverLogged applies and plans a configuration holding every kind of secret (the main
// auth token, a subaccount's auth token, an API key's secret, an access token, a Serverless variable's
// write-only value) with TF_LOG=TRACE and the real provider binary, then fails if any of them, or any
// credential pair's Authorization header, appears in any encoding in the trace log or the CLI output, or
// if the write-only value appears in the state file, its private state decoded included.
func TestAccSecretsNeverLogged(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	root, err := os.ReadFile(filepath.Join("..", "..", "scripts", "testdata", "secrets", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	emu, srv := startEmulator(t, emulator.Options{})
	c := newCLI(t, emu, srv, string(root))
	trace := filepath.Join(t.TempDir(), "trace.log")
	c.env = append(c.env, "TF_LOG=TRACE", "TF_LOG_PATH="+trace)
	out := c.run("apply", "-input=false", "-auto-approve", "-no-color")
	out += c.run("plan", "-input=false", "-no-color")
	c.env = append(c.env, "TF_LOG=", "TF_LOG_PATH=")
	t.Cleanup(func() { c.run("destroy", "-input=false", "-auto-approve", "-no-color") })

	mainSID, mainToken := emu.MainAccount()
	secrets := map[string]string{"main auth token": mainToken}
	for _, name := range []string{"auth_token", "api_key_secret", "access_token"} {
		v := strings.TrimSpace(c.run("output", "-raw", name))
		if v == "" {
			t.Fatalf("output %s is empty: the check would prove nothing", name)
		}
		secrets[name] = v
	}
	snap := emu.Snapshot()
	// The write-only variable's value reached Twilio (so the scan below looks for a value that exists).
	var woValue, plainValue string
	for _, v := range snap.Variables {
		switch v.Key {
		case "API_SECRET":
			woValue = v.Value
		case "PLAIN":
			plainValue = v.Value
		}
	}
	if woValue == "" || plainValue == "" {
		t.Fatalf("the Serverless variables did not reach the emulator: %+v", snap.Variables)
	}
	secrets["write-only variable value"] = woValue
	if len(snap.Keys) != 1 || len(snap.Accounts) < 2 {
		t.Fatalf("want one key and one subaccount, got %d keys and %d accounts", len(snap.Keys), len(snap.Accounts))
	}
	secrets["main Authorization header"] = basicAuth(mainSID, mainToken)
	secrets["key Authorization header"] = basicAuth(snap.Keys[0].Sid, secrets["api_key_secret"])
	for _, a := range snap.Accounts {
		if !a.IsMain() {
			secrets["subaccount Authorization header"] = basicAuth(a.Sid, secrets["auth_token"])
		}
	}

	log, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	// The trace must hold the provider's own debug lines, or a clean scan would prove nothing.
	if !strings.Contains(string(log), "Twilio request") {
		t.Fatal("the trace log has no provider debug lines")
	}
	// The state legitimately holds the resource secrets: finding them there proves the scan works.
	state, err := os.ReadFile(filepath.Join(c.dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]string{"auth_token": secrets["auth_token"], "api_key_secret": secrets["api_key_secret"],
		"plain variable value": plainValue} {
		if len(leaks(string(state), map[string]string{name: v})) == 0 {
			t.Fatalf("%s not found even in the state: the scan is broken", name)
		}
	}
	// A write-only value is the one secret that must not be in the state either, private state included.
	if found := leaks(string(state)+unwrapped(state), map[string]string{"write-only variable value": woValue}); len(found) > 0 {
		t.Errorf("the write-only variable value is in the state file: %v", found)
	}
	if found := leaks(string(log), secrets); len(found) > 0 {
		t.Errorf("secrets in the TRACE log: %v", found)
	}
	if found := leaks(out, secrets); len(found) > 0 {
		t.Errorf("secrets in the CLI output: %v", found)
	}
	t.Logf("%d secrets and credential headers, in %d encodings each, in none of %d bytes of TRACE log and CLI output",
		len(secrets), len(secretForms(mainToken)), len(log)+len(out))
}
