// Package e2e runs the real provider binary under the real Terraform or OpenTofu binary against the
// emulator, for what plugin-testing's in-process harness cannot show: a module instantiated with
// for_each (plugin-testing neither installs modules nor converts string-keyed instances), and bulk
// applies with -parallelism.
package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// cli is one Terraform working directory driven with the real binary.
type cli struct {
	t   *testing.T
	bin string
	dir string
	env []string
}

// newCLI builds the provider into a filesystem mirror, lays out the tenant module and the given root
// configuration, points the provider at srv, and runs init.
func newCLI(t *testing.T, emu *emulator.Emulator, srv *emulator.Server, root string) *cli {
	t.Helper()
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the Terraform or OpenTofu binary")
	}
	work := t.TempDir()
	dir := filepath.Join(work, "config")
	copyModule(t, filepath.Join(dir, "modules", "tenant"))
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(root), 0o600); err != nil {
		t.Fatal(err)
	}
	return initCLI(t, emu, srv, bin, work, dir)
}

// newCLIWith lays out the given files of an example folder, as a user would copy them, and runs init.
func newCLIWith(t *testing.T, emu *emulator.Emulator, srv *emulator.Server, example string, files ...string) *cli {
	t.Helper()
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the Terraform or OpenTofu binary")
	}
	work := t.TempDir()
	dir := filepath.Join(work, "config")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(example, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return initCLI(t, emu, srv, bin, work, dir)
}

// initCLI points the provider at srv, installs it from a local mirror and runs init in dir.
func initCLI(t *testing.T, emu *emulator.Emulator, srv *emulator.Server, bin, work, dir string) *cli {
	t.Helper()
	sid, token := emu.MainAccount()
	c := &cli{t: t, bin: bin, dir: dir, env: append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+buildProvider(t, work), "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
		"TWILIO_BASE_URL="+srv.URL, "TWILIO_ACCOUNT_SID="+sid, "TWILIO_AUTH_TOKEN="+token,
		"TWILIO_API_KEY=", "TWILIO_API_SECRET=", "TF_LOG=")}
	c.run("init", "-input=false", "-no-color")
	return c
}

// run runs a command that must succeed and returns its output.
func (c *cli) run(args ...string) string {
	c.t.Helper()
	out, err := c.try(args...)
	if err != nil {
		c.t.Fatalf("%s %s: %v\n%s", filepath.Base(c.bin), strings.Join(args, " "), err, tail(out, 4000))
	}
	return out
}

// try runs a command and returns its output and error.
func (c *cli) try(args ...string) (string, error) {
	cmd := exec.Command(c.bin, args...)
	cmd.Dir, cmd.Env = c.dir, c.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// stateSIDs collects the sid of every resource in the current state.
func (c *cli) stateSIDs() map[string]bool {
	c.t.Helper()
	return stateSIDs(c.t, c.run("show", "-json", "-no-color"))
}

// buildProvider builds the provider into a filesystem mirror (under both registries, for Terraform and
// OpenTofu) and returns a CLI configuration that installs it from there and nothing from the network.
func buildProvider(t *testing.T, work string) string {
	t.Helper()
	mirror := filepath.Join(work, "mirror")
	var hosts []string
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		dir := filepath.Join(mirror, host, "tenantwire/twilio/0.0.1", runtime.GOOS+"_"+runtime.GOARCH)
		cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-twilio_v0.0.1"), "../..")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("building the provider: %v\n%s", err, out)
		}
		hosts = append(hosts, fmt.Sprintf("%q", host+"/tenantwire/twilio"))
	}
	cfg := filepath.Join(work, "cli.tfrc")
	body := fmt.Sprintf(`provider_installation {
  filesystem_mirror {
    path    = %q
    include = [%[2]s]
  }
  direct {
    exclude = [%[2]s]
  }
}
`, mirror, strings.Join(hosts, ", "))
	if err := os.WriteFile(cfg, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// copyModule copies the shipped tenant module, so the tests exercise exactly what users get.
func copyModule(t *testing.T, dst string) {
	t.Helper()
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	// Every .tf file of the module (not its tests): a file added to the module is tested without a change here.
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "modules", "tenant", "*.tf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("the tenant module's files: %v (found %d)", err, len(files))
	}
	for _, src := range files {
		f := filepath.Base(src)
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, f), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// startEmulator runs an emulator on loopback for the test.
func startEmulator(t *testing.T, opts emulator.Options) (*emulator.Emulator, *emulator.Server) {
	t.Helper()
	emu := emulator.New(opts)
	srv, err := emulator.Start("127.0.0.1:0", emu)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return emu, srv
}

// stateSIDs collects the sid of every resource in `terraform show -json` output.
func stateSIDs(t *testing.T, out string) map[string]bool {
	t.Helper()
	type module struct {
		Resources []struct {
			Values map[string]any `json:"values"`
		} `json:"resources"`
		ChildModules []json.RawMessage `json:"child_modules"`
	}
	var doc struct {
		Values struct {
			RootModule json.RawMessage `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("parsing show -json: %v", err)
	}
	sids := map[string]bool{}
	if doc.Values.RootModule == nil {
		return sids
	}
	var walk func(raw json.RawMessage)
	walk = func(raw json.RawMessage) {
		var m module
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("parsing a module of the state: %v", err)
		}
		for _, r := range m.Resources {
			if sid, ok := r.Values["sid"].(string); ok && sid != "" {
				sids[sid] = true
			}
		}
		for _, c := range m.ChildModules {
			walk(c)
		}
	}
	walk(doc.Values.RootModule)
	return sids
}

// compare lists live emulator objects missing from the state (orphans) and state entries missing from
// the emulator (ghosts).
func compare(s emulator.Snapshot, inState map[string]bool) (orphans, ghosts []string) {
	live := acctest.LiveObjects(s)
	for sid, what := range live {
		if !inState[sid] {
			orphans = append(orphans, what)
		}
	}
	for sid := range inState {
		if live[sid] == "" {
			ghosts = append(ghosts, sid)
		}
	}
	return orphans, ghosts
}

// tenantsRoot is a root configuration instantiating the tenant module for each tenant with one number
// bought by exact phone number and bound to the tenant's TwiML app.
func tenantsRoot(tenants int, providerBody string) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    twilio = { source = "tenantwire/twilio" }
  }
}

provider "twilio" {
%s
}

locals {
  # Numbers the emulator stocks (+1 <area> 555-0100 to -0199 in its default area codes), as Twilio sells
  # only what its AvailablePhoneNumbers search offers: up to 500 tenants.
  tenants = { for i in range(%d) : format("t%%03d", i) => format("+1%%s555%%04d", element(["415", "212", "312", "206", "512"], floor(i / 100)), 100 + i %% 100) }
}

module "tenant" {
  source   = "./modules/tenant"
  for_each = local.tenants

  name        = each.key
  environment = "e2e"
  protect     = false # disposable tenants: destroy closes them
  voice_url   = "https://voice.example.com/twiml"
  numbers     = { main = { phone_number = each.value } }
}
`, providerBody, tenants)
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}
