package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// adoptTenants is the fleet size: big enough that every list follows more than one account and
// Terraform imports ~120 objects, small enough for CI.
const adoptTenants = 20

// TestAccAdopt_query is the guide "Adopting tenants made in the Console", command for command: a fleet
// made through the API only (a subaccount with a key, a TwiML app, two numbers and a Studio flow each) is
// found with `terraform query`, written out with -generate-config-out, imported by apply, and the next
// plan is empty (-detailed-exitcode 0). Then the Console buys one more number, and examples/adopt/
// unmanaged.sh names exactly that one. Destroy leaves nothing open. Needs Terraform 1.14 or later.
func TestAccAdopt_query(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	emu, srv := startEmulator(t, emulator.Options{})
	c := newCLIWith(t, emu, srv, "../../examples/adopt", "main.tf", "tenants.tfquery.hcl", "unmanaged.sh")
	if !c.hasQuery() {
		t.Skip(filepath.Base(c.bin) + " has no query command (Terraform 1.14+; OpenTofu has none)")
	}
	client := e2eClient(t, emu, srv)
	fleet := makeConsoleFleet(t, client, adoptTenants)
	before := len(emu.Requests())

	start := time.Now()
	out := c.run("query", "-no-color", "-generate-config-out=generated.tf")
	queryRequests := len(emu.Requests()) - before
	gen, err := os.ReadFile(filepath.Join(c.dir, "generated.tf"))
	if err != nil {
		t.Fatalf("terraform query wrote no generated.tf: %v\n%s", err, tail(out, 3000))
	}
	imports := regexp.MustCompile(`(?m)^import \{`).FindAllIndex(gen, -1)
	if want := adoptTenants * 6; len(imports) != want {
		t.Fatalf("generated.tf has %d import blocks, want %d (subaccount, key, app, 2 numbers, flow per tenant)", len(imports), want)
	}
	// Request count of the query: one list of subaccounts per list block that searches them, one list per
	// subaccount and collection, and one IAM read per key (a restricted key's policy is not on the page).
	if limit := 4 + 4*adoptTenants + adoptTenants + 1; queryRequests > limit {
		t.Errorf("terraform query made %d Twilio requests for %d tenants, want at most %d", queryRequests, adoptTenants, limit)
	}
	t.Logf("query: %d tenants, %d objects, %d Twilio requests, %s", adoptTenants, len(imports), queryRequests, time.Since(start).Round(time.Millisecond))

	if out, err := c.try("plan", "-input=false", "-no-color", "-detailed-exitcode"); err == nil || !strings.Contains(out, fmt.Sprintf("%d to import, 0 to add, 0 to change, 0 to destroy", len(imports))) {
		t.Fatalf("the plan with the generated configuration should only import (%v):\n%s", err, tail(out, 4000))
	}
	c.run("apply", "-input=false", "-auto-approve", "-no-color")
	if out, err := c.try("plan", "-input=false", "-no-color", "-detailed-exitcode"); err != nil {
		t.Fatalf("the plan after adoption is not empty (%v):\n%s", err, tail(out, 4000))
	}
	if orphans, ghosts := compare(emu.Snapshot(), c.stateSIDs()); len(orphans)+len(ghosts) > 0 {
		t.Fatalf("after adoption: unmanaged %v, ghosts %v", orphans, ghosts)
	}

	// The Console buys one more number for the first tenant: only it is reported.
	params := &twilioclient.CreateIncomingNumberParams{}
	params.SetPhoneNumber("+16505550199").SetFriendlyName("bought in the console")
	extra, err := client.CreateIncomingNumber(context.Background(), fleet[0], params)
	if err != nil {
		t.Fatal(err)
	}
	out = c.runScript("./unmanaged.sh")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], *extra.Sid+"\t") {
		t.Fatalf("unmanaged.sh should name only %s, got:\n%s", *extra.Sid, out)
	}

	// The generated configuration has no references, so destroy may close a subaccount before its numbers
	// are released, and the provider refuses to release numbers by surprise: say so, as the refusal
	// explains, then destroy (the Console-bought number goes with its subaccount).
	gen, err = os.ReadFile(filepath.Join(c.dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	released := regexp.MustCompile(`release_numbers_on_close(\s*)= false`).ReplaceAll(gen, []byte("release_numbers_on_close$1= true"))
	if err := os.WriteFile(filepath.Join(c.dir, "generated.tf"), released, 0o600); err != nil {
		t.Fatal(err)
	}
	c.run("apply", "-input=false", "-auto-approve", "-no-color")
	c.run("destroy", "-input=false", "-auto-approve", "-no-color")
	if orphans, _ := compare(emu.Snapshot(), nil); len(orphans) > 0 {
		t.Fatalf("destroy left objects open in Twilio: %v", orphans)
	}
	t.Logf("%d Console-made tenants adopted with terraform query: generated config, empty plan, destroyed", adoptTenants)
}

// makeConsoleFleet creates n tenants through the API only and returns their subaccount SIDs.
func makeConsoleFleet(t *testing.T, c *twilioclient.Client, n int) []string {
	t.Helper()
	ctx := context.Background()
	var accounts []string
	for i := range n {
		name := fmt.Sprintf("acme-%02d", i)
		acct, err := c.CreateSubaccount(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		sid := *acct.Sid
		accounts = append(accounts, sid)
		if _, err := c.CreateKey(ctx, sid, name+" backend"); err != nil {
			t.Fatal(err)
		}
		app := &twilioclient.CreateApplicationParams{}
		app.SetFriendlyName(name + " voice").SetVoiceUrl("https://voice.example.com/" + name)
		a, err := c.CreateApplication(ctx, sid, app)
		if err != nil {
			t.Fatal(err)
		}
		flow := &twilioclient.CreateFlowParams{}
		flow.SetFriendlyName(name + " ivr").SetStatus("published").SetDefinition(json.RawMessage(
			`{"description":"` + name + `","states":[{"name":"Trigger","type":"trigger","properties":{"offset":{"x":0,"y":0}},"transitions":[]}],"initial_state":"Trigger","flags":{"allow_concurrent_calls":true}}`))
		f, err := c.CreateFlow(ctx, sid, flow)
		if err != nil {
			t.Fatal(err)
		}
		main := &twilioclient.CreateIncomingNumberParams{}
		main.SetPhoneNumber(fmt.Sprintf("+141555501%02d", i)).SetFriendlyName(name + " main").SetVoiceApplicationSid(*a.Sid)
		ivr := &twilioclient.CreateIncomingNumberParams{}
		ivr.SetPhoneNumber(fmt.Sprintf("+162855501%02d", i)).SetFriendlyName(name + " ivr").
			SetVoiceUrl(twilioclient.FlowWebhookURL(sid, *f.Sid)).SetVoiceMethod("POST")
		for _, p := range []*twilioclient.CreateIncomingNumberParams{main, ivr} {
			if _, err := c.CreateIncomingNumber(ctx, sid, p); err != nil {
				t.Fatal(err)
			}
		}
	}
	return accounts
}

// e2eClient is a Twilio client with the main account's credentials, standing in for the Console.
func e2eClient(t *testing.T, emu *emulator.Emulator, srv *emulator.Server) *twilioclient.Client {
	t.Helper()
	sid, token := emu.MainAccount()
	c, err := twilioclient.New(twilioclient.Config{AccountSID: sid, AuthToken: token, BaseURL: srv.URL, UserAgent: "console"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// hasQuery reports whether the binary has `terraform query` (Terraform 1.14+).
func (c *cli) hasQuery() bool {
	out, _ := c.try("query", "-help")
	return strings.Contains(out, "-generate-config-out")
}

// runScript runs a shell script of the example in the working directory, with `terraform` on PATH being
// the binary under test, and returns its standard output.
func (c *cli) runScript(script string) string {
	c.t.Helper()
	bin := filepath.Join(c.t.TempDir(), "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		c.t.Fatal(err)
	}
	if err := os.Symlink(c.bin, filepath.Join(bin, "terraform")); err != nil {
		c.t.Fatal(err)
	}
	cmd := exec.Command("bash", script)
	cmd.Dir = c.dir
	cmd.Env = append(append([]string{}, c.env...), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		c.t.Fatalf("%s: %v\n%s", script, err, tail(stderr.String(), 3000))
	}
	return string(out)
}
