package e2e

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

const (
	loadTenants     = 50
	loadParallelism = 20
	loadConcurrency = 10
	loadRateLimited = 0.2
)

// TestLoad_rateLimitedBulkApply applies 50 tenants with -parallelism=20 while the emulator answers one
// request in five with 429: the apply succeeds, nothing is orphaned, and the provider's concurrency cap
// holds as measured by the emulator. It takes minutes, so it runs only with TWILIO_LOADTEST=1
// (`make loadtest`, which CI runs).
func TestLoad_rateLimitedBulkApply(t *testing.T) {
	if os.Getenv("TWILIO_LOADTEST") != "1" {
		t.Skip("set TWILIO_LOADTEST=1 (make loadtest) to run the load test")
	}
	// Latency makes requests overlap, so the concurrency cap is really exercised.
	emu, srv := startEmulator(t, emulator.Options{Latency: 20 * time.Millisecond, Seed: 7})
	c := newCLI(t, emu, srv, tenantsRoot(loadTenants, fmt.Sprintf("  max_concurrency = %d\n  max_retries     = 10", loadConcurrency)))

	emu.AddFault(emulator.Fault{Kind: emulator.FaultRateLimit, Probability: loadRateLimited})
	emu.ResetRequests()
	start := time.Now()
	c.run("apply", "-input=false", "-auto-approve", "-no-color", fmt.Sprintf("-parallelism=%d", loadParallelism))
	applyTime := time.Since(start)
	reqs := emu.Requests()
	limited := 0
	for _, r := range reqs {
		if r.Status == 429 {
			limited++
		}
	}
	peak := emu.PeakInFlightAll()
	inState := c.stateSIDs()
	orphans, ghosts := compare(emu.Snapshot(), inState)
	fmt.Printf("load test: %d tenants, %d objects, -parallelism=%d, %d of %d requests answered 429, peak concurrency %d "+
		"(cap %d), orphans %d, ghosts %d, apply %v\n", loadTenants, len(inState), loadParallelism, limited, len(reqs), peak,
		loadConcurrency, len(orphans), len(ghosts), applyTime.Round(time.Second))

	if len(inState) != loadTenants*4 {
		t.Errorf("state has %d objects, want %d (subaccount, key, app, number per tenant)", len(inState), loadTenants*4)
	}
	if limited == 0 {
		t.Error("no request was rate-limited: the test proves nothing")
	}
	if peak > loadConcurrency {
		t.Errorf("the emulator saw %d concurrent requests; the provider's cap is %d", peak, loadConcurrency)
	}
	if len(orphans)+len(ghosts) > 0 {
		t.Errorf("orphans %v, ghosts %v", orphans, ghosts)
	}

	c.run("destroy", "-input=false", "-auto-approve", "-no-color", fmt.Sprintf("-parallelism=%d", loadParallelism))
	if orphans, _ := compare(emu.Snapshot(), nil); len(orphans) > 0 {
		t.Errorf("left in Twilio after destroy: %v", orphans)
	}
}
