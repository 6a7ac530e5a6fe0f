package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// rotationRoot is a tenant and the auth token rotation action; TestAccSecretsNeverLogged's configuration
// cannot hold the action block, which OpenTofu does not parse.
const rotationRoot = `
terraform {
  required_providers {
    twilio = {
      source = "tenantwire/twilio"
    }
  }
}

resource "twilio_subaccount" "tenant" {
  friendly_name = "secrets-rotation"
}

action "twilio_subaccount_auth_token_rotation" "tenant" {
  config {
    account_sid = twilio_subaccount.tenant.sid
  }
}

output "auth_token" {
  value     = twilio_subaccount.tenant.auth_token
  sensitive = true
}
`

// TestAccSecretsNeverLogged_rotation runs the auth token rotation action, which holds three tokens at
// once (the tenant's old one, the secondary it creates and promotes, and the main account's), with
// TF_LOG=TRACE and the real provider binary, then fails if any of them, or an Authorization header built
// from them, appears in any encoding in the trace log or the CLI output. Terraform 1.14+ only: OpenTofu
// has no actions.
func TestAccSecretsNeverLogged_rotation(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	if acctest.OpenTofu() {
		t.Skip("OpenTofu has no actions")
	}
	emu, srv := startEmulator(t, emulator.Options{})
	c := newCLI(t, emu, srv, rotationRoot)
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal([]byte(c.run("version", "-json")), &v); err != nil {
		t.Fatal(err)
	}
	if got := version.Must(version.NewVersion(v.Version)); got.LessThan(acctest.Actions.Terraform) {
		t.Skipf("actions need Terraform %s or later, this is %s", acctest.Actions.Terraform, got)
	}
	c.run("apply", "-input=false", "-auto-approve", "-no-color")
	t.Cleanup(func() { c.run("destroy", "-input=false", "-auto-approve", "-no-color") })
	oldToken := strings.TrimSpace(c.run("output", "-raw", "auth_token"))

	trace := filepath.Join(t.TempDir(), "trace.log")
	c.env = append(c.env, "TF_LOG=TRACE", "TF_LOG_PATH="+trace)
	out := c.run("apply", "-invoke=action.twilio_subaccount_auth_token_rotation.tenant", "-input=false", "-auto-approve", "-no-color")
	out += c.run("apply", "-refresh-only", "-input=false", "-auto-approve", "-no-color")
	c.env = append(c.env, "TF_LOG=", "TF_LOG_PATH=")
	newToken := strings.TrimSpace(c.run("output", "-raw", "auth_token"))
	if oldToken == "" || newToken == "" || newToken == oldToken {
		t.Fatalf("the rotation did not give the tenant a new token (old empty %v, new empty %v, same %v): the scan would prove nothing",
			oldToken == "", newToken == "", newToken == oldToken)
	}

	mainSID, mainToken := emu.MainAccount()
	var subSID string
	for _, a := range emu.Snapshot().Accounts {
		if !a.IsMain() {
			subSID = a.Sid
		}
	}
	secrets := map[string]string{
		"main auth token": mainToken, "old tenant token": oldToken, "new tenant token": newToken,
		"main Authorization header":       basicAuth(mainSID, mainToken),
		"old tenant Authorization header": basicAuth(subSID, oldToken),
		"new tenant Authorization header": basicAuth(subSID, newToken),
	}
	log, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	// The trace must show the rotation's own requests, or a clean scan would prove nothing.
	for _, want := range []string{"Twilio request", "/v1/AuthTokens/Secondary", "/v1/AuthTokens/Promote"} {
		if !strings.Contains(string(log), want) {
			t.Fatalf("the trace log has no %q", want)
		}
	}
	if found := leaks(string(log), secrets); len(found) > 0 {
		t.Errorf("secrets in the TRACE log: %v", found)
	}
	if found := leaks(out, secrets); len(found) > 0 {
		t.Errorf("secrets in the CLI output: %v", found)
	}
	t.Logf("%d tokens and credential headers, in %d encodings each, in none of %d bytes of TRACE log and CLI output",
		len(secrets), len(secretForms(mainToken)), len(log)+len(out))
}
