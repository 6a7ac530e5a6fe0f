// Package loadtest applies many tenants at once with the real Terraform binary and the real provider
// binary against the emulator while it rate-limits, and checks that the apply succeeds, nothing is
// orphaned and the provider's concurrency cap holds. It runs only with TWILIO_LOADTEST=1
// (`make loadtest`, which CI runs), since it takes minutes.
package loadtest

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
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

const (
	tenants        = 50
	parallelism    = 20
	maxConcurrency = 10
	rateLimited    = 0.2
)

func TestLoad_rateLimitedBulkApply(t *testing.T) {
	if os.Getenv("TWILIO_LOADTEST") != "1" {
		t.Skip("set TWILIO_LOADTEST=1 (make loadtest) to run the load test")
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the Terraform binary")
	}
	work := t.TempDir()
	cliConfig := buildProvider(t, work)

	emu := emulator.New(emulator.Options{Latency: 20 * time.Millisecond, Seed: 7})
	srv, err := emulator.Start("127.0.0.1:0", emu)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	sid, token := emu.MainAccount()

	dir := filepath.Join(work, "config")
	writeConfig(t, dir)
	env := append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
		"TWILIO_BASE_URL="+srv.URL, "TWILIO_ACCOUNT_SID="+sid, "TWILIO_AUTH_TOKEN="+token,
		"TWILIO_API_KEY=", "TWILIO_API_SECRET=")
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(tf, args...)
		cmd.Dir, cmd.Env = dir, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("terraform %s: %v\n%s", strings.Join(args, " "), err, tail(out.String(), 4000))
		}
		return out.String()
	}
	run("init", "-input=false", "-no-color")

	// One request in five is answered 429 from here on, creates included.
	emu.AddFault(emulator.Fault{Kind: emulator.FaultRateLimit, Probability: rateLimited})
	emu.ResetRequests()
	start := time.Now()
	run("apply", "-input=false", "-auto-approve", "-no-color", fmt.Sprintf("-parallelism=%d", parallelism))
	applyTime := time.Since(start)
	reqs := emu.Requests()
	limited := 0
	for _, r := range reqs {
		if r.Status == 429 {
			limited++
		}
	}
	peak := emu.PeakInFlightAll()

	inState := stateSIDs(t, run("show", "-json", "-no-color"))
	orphans, ghosts := compare(emu.Snapshot(), inState)
	t.Logf("load: %d tenants (%d objects) applied with -parallelism=%d in %v; %d requests, %d answered 429; "+
		"peak in-flight %d (cap %d); orphans %d, ghosts %d",
		tenants, len(inState), parallelism, applyTime.Round(time.Second), len(reqs), limited, peak, maxConcurrency,
		len(orphans), len(ghosts))
	fmt.Printf("load test: %d tenants, %d objects, -parallelism=%d, %d of %d requests answered 429, peak concurrency %d "+
		"(cap %d), orphans %d, ghosts %d, apply %v\n", tenants, len(inState), parallelism, limited, len(reqs), peak,
		maxConcurrency, len(orphans), len(ghosts), applyTime.Round(time.Second))

	if len(inState) != tenants*4 {
		t.Errorf("state has %d objects, want %d (subaccount, key, app, number per tenant)", len(inState), tenants*4)
	}
	if limited == 0 {
		t.Error("no request was rate-limited: the test proves nothing")
	}
	if peak > maxConcurrency {
		t.Errorf("the emulator saw %d concurrent requests; the provider's cap is %d", peak, maxConcurrency)
	}
	if len(orphans)+len(ghosts) > 0 {
		t.Errorf("orphans %v, ghosts %v", orphans, ghosts)
	}

	run("destroy", "-input=false", "-auto-approve", "-no-color", fmt.Sprintf("-parallelism=%d", parallelism))
	if orphans, _ := compare(emu.Snapshot(), nil); len(orphans) > 0 {
		t.Errorf("left in Twilio after destroy: %v", orphans)
	}
}

// buildProvider builds the provider into a filesystem mirror and returns a CLI configuration that
// installs it from there and nothing from the network.
func buildProvider(t *testing.T, work string) string {
	t.Helper()
	mirror := filepath.Join(work, "mirror")
	dir := filepath.Join(mirror, "registry.terraform.io/tenantwire/twilio/0.0.1", runtime.GOOS+"_"+runtime.GOARCH)
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-twilio_v0.0.1"), "../..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	cfg := filepath.Join(work, "cli.tfrc")
	body := fmt.Sprintf(`provider_installation {
  filesystem_mirror {
    path    = %q
    include = ["registry.terraform.io/tenantwire/twilio"]
  }
  direct {
    exclude = ["registry.terraform.io/tenantwire/twilio"]
  }
}
`, mirror)
	if err := os.WriteFile(cfg, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// writeConfig lays out the tenant module and a root configuration with the tenants.
func writeConfig(t *testing.T, dir string) {
	t.Helper()
	module := filepath.Join(dir, "modules", "tenant")
	if err := os.MkdirAll(module, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"main.tf", "variables.tf", "outputs.tf", "versions.tf"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "examples", "modules", "tenant", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(module, f), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `terraform {
  required_providers {
    twilio = { source = "tenantwire/twilio" }
  }
}

provider "twilio" {
  max_concurrency = %d
  max_retries     = 10
}

locals {
  tenants = { for i in range(%d) : format("t%%03d", i) => format("+1415%%07d", 1000000 + i) }
}

module "tenant" {
  source   = "./modules/tenant"
  for_each = local.tenants

  name        = each.key
  environment = "load"
  voice_url   = "https://voice.example.com/twiml"
  numbers     = { main = { phone_number = each.value } }
}
`, maxConcurrency, tenants)
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
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
		t.Fatalf("parsing terraform show -json: %v", err)
	}
	sids := map[string]bool{}
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
	live := map[string]bool{}
	add := func(sid string) {
		live[sid] = true
		if !inState[sid] {
			orphans = append(orphans, sid)
		}
	}
	for _, a := range s.Accounts {
		if !a.IsMain() && a.Status != emulator.StatusClosed {
			add(a.Sid)
		}
	}
	for _, k := range s.Keys {
		add(k.Sid)
	}
	for _, a := range s.Applications {
		add(a.Sid)
	}
	for _, n := range s.IncomingNumbers {
		add(n.Sid)
	}
	for sid := range inState {
		if !live[sid] {
			ghosts = append(ghosts, sid)
		}
	}
	return orphans, ghosts
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}
