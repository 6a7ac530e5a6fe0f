package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeDist writes a release of version 1.2.3 for linux/amd64 whose SHA256SUMS records recorded as the
// zip's checksum, whatever the zip holds.
func fakeDist(t *testing.T, recorded string) string {
	t.Helper()
	dir := t.TempDir()
	p := "terraform-provider-twilio_1.2.3"
	files := map[string]string{
		p + "_linux_amd64.zip":   "zip bytes",
		p + "_SHA256SUMS":        recorded + "  " + p + "_linux_amd64.zip\n" + strings.Repeat("0", 64) + "  twilio-emulator_1.2.3_linux_amd64.tar.gz\n",
		p + "_SHA256SUMS.sig":    "sig",
		p + "_manifest.json":     `{"version": 1, "metadata": {"protocol_versions": ["6.0"]}}`,
		"twilio-emulator.tar.gz": "other",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func get(t *testing.T, h http.Handler, path string) (int, map[string]any) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	var body map[string]any
	if rec.Code == http.StatusOK && strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
	}
	return rec.Code, body
}

func TestRegistryAnswersFromTheSignedChecksums(t *testing.T) {
	t.Parallel()
	recorded := strings.Repeat("ab", 32) // not the zip's real checksum: a registry never recomputes it
	dist := fakeDist(t, recorded)
	releases, err := loadReleases(dist, "terraform-provider-twilio")
	if err != nil {
		t.Fatal(err)
	}
	h := &handler{o: options{dist: dist, namespace: "tenantwire", name: "twilio", keyID: "ABCDEF0123456789"},
		base: "https://127.0.0.1:1", armor: "KEY", releases: releases}

	if code, body := get(t, h, "/.well-known/terraform.json"); code != http.StatusOK || body["providers.v1"] != "/v1/providers/" {
		t.Errorf("discovery: %d %v", code, body)
	}
	code, body := get(t, h, "/v1/providers/tenantwire/twilio/versions")
	versions, _ := body["versions"].([]any)
	if code != http.StatusOK || len(versions) != 1 {
		t.Fatalf("versions: %d %v", code, body)
	}
	if v, _ := versions[0].(map[string]any); v["version"] != "1.2.3" || len(v["platforms"].([]any)) != 1 {
		t.Errorf("versions lists %v, want 1.2.3 on one platform (the emulator archive is no provider zip)", v)
	}
	code, body = get(t, h, "/v1/providers/tenantwire/twilio/1.2.3/download/linux/amd64")
	if code != http.StatusOK || body["shasum"] != recorded ||
		body["download_url"] != "https://127.0.0.1:1/files/terraform-provider-twilio_1.2.3_linux_amd64.zip" ||
		body["shasums_signature_url"] != "https://127.0.0.1:1/files/terraform-provider-twilio_1.2.3_SHA256SUMS.sig" {
		t.Errorf("download: %d %v", code, body)
	}
	keys, _ := body["signing_keys"].(map[string]any)
	if gpg, _ := keys["gpg_public_keys"].([]any); len(gpg) != 1 {
		t.Errorf("signing keys %v", keys)
	}
	for _, path := range []string{
		"/v1/providers/tenantwire/twilio/1.2.3/download/darwin/arm64",
		"/v1/providers/tenantwire/twilio/9.9.9/download/linux/amd64",
		"/v1/providers/other/twilio/versions",
		"/files/../main.go",
		"/files/.hidden",
	} {
		if code, _ := get(t, h, path); code != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, code)
		}
	}
	if code, _ := get(t, h, "/files/terraform-provider-twilio_1.2.3_linux_amd64.zip"); code != http.StatusOK {
		t.Errorf("zip: %d", code)
	}
}

func TestRegistryRefusesAnIncompleteRelease(t *testing.T) {
	t.Parallel()
	dist := fakeDist(t, strings.Repeat("ab", 32))
	if err := os.Remove(filepath.Join(dist, "terraform-provider-twilio_1.2.3_SHA256SUMS.sig")); err != nil {
		t.Fatal(err)
	}
	if _, err := loadReleases(dist, "terraform-provider-twilio"); err == nil || !strings.Contains(err.Error(), "no signature") {
		t.Errorf("loadReleases without a signature: %v", err)
	}
	if _, err := loadReleases(t.TempDir(), "terraform-provider-twilio"); err == nil || !strings.Contains(err.Error(), "build a snapshot") {
		t.Errorf("loadReleases of an empty folder: %v", err)
	}
}
