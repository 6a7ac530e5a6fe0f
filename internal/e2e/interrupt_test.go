package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// TestAccInterruptMidCreate presses Ctrl-C once (SIGINT to the real Terraform or OpenTofu binary) while
// Twilio has made a subaccount, an app and a number but not yet answered. Terraform asks the provider to
// stop and waits; the provider must still find what its requests made and return it, so that the state
// records every object (no orphan), and the re-apply creates nothing more (no duplicate).
func TestAccInterruptMidCreate(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	emu, srv := startEmulator(t, emulator.Options{})
	root := `terraform {
  required_providers {
    twilio = { source = "tenantwire/twilio" }
  }
}

provider "twilio" {}

resource "twilio_twiml_app" "app" {
  friendly_name = "interrupted"
  voice_url     = "https://example.com/voice"
}

resource "twilio_incoming_number" "number" {
  phone_number = "+14155550123"
  voice_url    = "https://example.com/voice"
}

resource "twilio_subaccount" "tenant" {
  friendly_name = "interrupted"
}
`
	c := newCLI(t, emu, srv, root)
	for _, path := range []string{`/Applications\.json$`, `/IncomingPhoneNumbers\.json$`, `^/2010-04-01/Accounts\.json$`} {
		// Made at once, answered 10 s later: the interrupt lands while Twilio is still answering.
		emu.AddFault(emulator.Fault{Method: "POST", Path: path, Kind: emulator.FaultLatency, Latency: 10 * time.Second, AfterEffect: true, Times: 1})
	}
	cmd := exec.Command(c.bin, "apply", "-input=false", "-auto-approve", "-no-color")
	cmd.Dir, cmd.Env = c.dir, c.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for len(acctest.LiveObjects(emu.Snapshot())) < 3 {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("the creates never reached the emulator:\n%s", tail(out.String(), 3000))
		}
		time.Sleep(20 * time.Millisecond)
	}
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	t.Logf("apply after one SIGINT: %v after %v\n%s", err, time.Since(start).Round(time.Millisecond), tail(out.String(), 2500))
	if time.Since(start) > 9*time.Second {
		t.Errorf("the interrupted apply waited for Twilio's late answers (%v): the interrupt did not reach the provider", time.Since(start))
	}

	if orphans, ghosts := compare(emu.Snapshot(), c.stateSIDs()); len(orphans)+len(ghosts) > 0 {
		t.Fatalf("after the interrupt: orphans (billed, in no state) %v, ghosts %v", orphans, ghosts)
	}
	before := len(acctest.LiveObjects(emu.Snapshot()))
	c.run("apply", "-input=false", "-auto-approve", "-no-color")
	s := emu.Snapshot()
	if after := len(acctest.LiveObjects(s)); after != before {
		t.Errorf("the re-apply made %d more objects: duplicates", after-before)
	}
	if orphans, ghosts := compare(s, c.stateSIDs()); len(orphans)+len(ghosts) > 0 {
		t.Fatalf("after the re-apply: orphans %v, ghosts %v", orphans, ghosts)
	}
	c.run("destroy", "-input=false", "-auto-approve", "-no-color")
}
