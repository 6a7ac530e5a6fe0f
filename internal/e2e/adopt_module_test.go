package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// TestAccAdopt_module is the guide's other route, for Terraform 1.12+ and OpenTofu 1.12 (which has no
// query): tenants made through the API are imported into module.tenant["…"] of the shipped tenant module
// by the for_each import blocks of examples/adopt/module/main.tf, identities only. The first plan only
// imports, the plan after apply is empty, and destroy leaves nothing open.
func TestAccAdopt_module(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	emu, srv := startEmulator(t, emulator.Options{})
	client := e2eClient(t, emu, srv)
	adopted := map[string]map[string]string{}
	ctx := context.Background()
	for i, name := range []string{"north", "south", "west"} {
		acct, err := client.CreateSubaccount(ctx, "acme-"+name)
		if err != nil {
			t.Fatal(err)
		}
		sid := *acct.Sid
		key, err := client.CreateKey(ctx, sid, name+" backend")
		if err != nil {
			t.Fatal(err)
		}
		app := &twilioclient.CreateApplicationParams{}
		app.SetFriendlyName(name + " voice").SetVoiceUrl("https://voice.example.com/" + name)
		a, err := client.CreateApplication(ctx, sid, app)
		if err != nil {
			t.Fatal(err)
		}
		num := &twilioclient.CreateIncomingNumberParams{}
		num.SetPhoneNumber(fmt.Sprintf("+141555501%02d", i)).SetFriendlyName(name + " main").SetVoiceApplicationSid(*a.Sid)
		n, err := client.CreateIncomingNumber(ctx, sid, num)
		if err != nil {
			t.Fatal(err)
		}
		adopted[name] = map[string]string{"subaccount": sid, "api_key": key.SID, "twiml_app": *a.Sid, "number": *n.Sid,
			"phone_number": *n.PhoneNumber, "voice_url": "https://voice.example.com/" + name}
	}

	// The example is laid out as in the repository, so its module source ../../modules/tenant resolves.
	work := t.TempDir()
	dir := filepath.Join(work, "examples", "adopt", "module")
	copyModule(t, filepath.Join(work, "examples", "modules", "tenant"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../examples/adopt/module/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	// protect = false, so that destroy may close what the test made; with the default (true) the first plan
	// also sets skip_destroy, which only Terraform holds.
	vars, err := json.Marshal(map[string]any{"adopted": adopted, "protect": false})
	if err != nil {
		t.Fatal(err)
	}
	for f, b := range map[string][]byte{"main.tf": src, "adopted.auto.tfvars.json": vars} {
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	c := initCLI(t, emu, srv, os.Getenv("TF_ACC_TERRAFORM_PATH"), work, dir)

	if out, err := c.try("plan", "-input=false", "-no-color", "-detailed-exitcode"); err == nil || !strings.Contains(out, "12 to import, 0 to add, 0 to change, 0 to destroy") {
		t.Fatalf("the first plan should only import 12 objects (%v):\n%s", err, tail(out, 4000))
	}
	c.run("apply", "-input=false", "-auto-approve", "-no-color")
	if out, err := c.try("plan", "-input=false", "-no-color", "-detailed-exitcode"); err != nil {
		t.Fatalf("the plan after adoption is not empty (%v):\n%s", err, tail(out, 4000))
	}
	if orphans, ghosts := compare(emu.Snapshot(), c.stateSIDs()); len(orphans)+len(ghosts) > 0 {
		t.Fatalf("after adoption: unmanaged %v, ghosts %v", orphans, ghosts)
	}
	c.run("destroy", "-input=false", "-auto-approve", "-no-color")
	if orphans, _ := compare(emu.Snapshot(), nil); len(orphans) > 0 {
		t.Fatalf("destroy left objects open in Twilio: %v", orphans)
	}
	t.Logf("3 Console-made tenants imported into module.tenant by identity: empty plan, destroyed")
}
