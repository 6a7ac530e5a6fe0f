package e2e

import (
	"os"
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// TestAccTenantModule_forEach instantiates the shipped tenant module with for_each over three tenants
// and one provider block: each tenant gets a subaccount, an API key, a TwiML app and a number bound to
// the app; the next plan is empty; destroying leaves nothing open in Twilio.
func TestAccTenantModule_forEach(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	emu, srv := startEmulator(t, emulator.Options{})
	c := newCLI(t, emu, srv, tenantsRoot(3, ""))

	c.run("apply", "-input=false", "-auto-approve", "-no-color")
	if out, err := c.try("plan", "-input=false", "-no-color", "-detailed-exitcode"); err != nil {
		t.Fatalf("the plan after apply is not empty (%v):\n%s", err, tail(out, 3000))
	}
	s := emu.Snapshot()
	tenants := 0
	for _, a := range s.Accounts {
		if a.IsMain() || !strings.HasPrefix(a.FriendlyName, "e2e-") {
			continue
		}
		var keys, apps []string
		for _, k := range s.Keys {
			if k.AccountSid == a.Sid {
				keys = append(keys, k.Sid)
			}
		}
		for _, app := range s.Applications {
			if app.AccountSid == a.Sid {
				apps = append(apps, app.Sid)
			}
		}
		bound := 0
		for _, n := range s.IncomingNumbers {
			if n.AccountSid == a.Sid && len(apps) == 1 && n.VoiceApplicationSid == apps[0] {
				bound++
			}
		}
		if len(keys) != 1 || len(apps) != 1 || bound != 1 {
			t.Errorf("tenant %s: %d keys, %d apps, %d numbers bound to its app; want 1 each", a.FriendlyName, len(keys), len(apps), bound)
			continue
		}
		tenants++
	}
	if tenants != 3 {
		t.Fatalf("%d complete tenants in Twilio, want 3", tenants)
	}
	if orphans, ghosts := compare(s, c.stateSIDs()); len(orphans)+len(ghosts) > 0 {
		t.Fatalf("orphans %v, ghosts %v", orphans, ghosts)
	}

	c.run("destroy", "-input=false", "-auto-approve", "-no-color")
	if orphans, _ := compare(emu.Snapshot(), nil); len(orphans) > 0 {
		t.Fatalf("destroy left objects open in Twilio: %v", orphans)
	}
	t.Logf("3 tenants from examples/modules/tenant with for_each: applied, empty plan, destroyed, nothing left open")
}
