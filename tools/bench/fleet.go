package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// fleetOptions are the -states, -limit and -state-parallelism flags: the fleet mode splits -n tenants over
// states applied at once against one emulated account that enforces a concurrent-request limit.
type fleetOptions struct {
	states, limit, parallelism int
}

// fleetPhase is one Terraform command run in every state at once.
type fleetPhase struct {
	name string
	args []string
	want func(tenants int) string // Terraform's closing line in each state
}

var fleetPhases = []fleetPhase{
	{name: "apply", args: []string{"apply", "-auto-approve"},
		want: func(t int) string { return fmt.Sprintf("Resources: %d added, 0 changed, 0 destroyed.", all(t)) }},
	{name: "destroy", args: []string{"destroy", "-auto-approve"},
		want: func(t int) string { return fmt.Sprintf("Resources: %d destroyed.", all(t)) }},
}

// fleetResult is what one phase cost across the fleet.
type fleetResult struct {
	phase                      string
	wall                       time.Duration
	walls                      []time.Duration // per state
	requests, throttled, peak  int
	providerKB                 int64
	providerCPU, totalCPU      time.Duration
	loadBefore                 string
	openAfter, objectsAfter    int
	orphans, ghosts, duplicate int
}

// runFleet is the fleet mode: n tenants over f.states states, every state applied at once, then destroyed
// at once; it fails unless every command succeeds and the emulator holds exactly what the states say.
func runFleet(o options, f fleetOptions, n int) error {
	if n%f.states != 0 {
		return fmt.Errorf("-n %d does not split evenly over -states %d", n, f.states)
	}
	per := n / f.states
	work, err := os.MkdirTemp("", "twilio-fleet-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Fprintln(os.Stderr, "fleet: work folder", work)
	} else {
		defer func() { _ = os.RemoveAll(work) }() // best effort: a temporary folder
	}
	env, err := describeEnv(o)
	if err != nil {
		return err
	}
	e := emulator.New(emulator.Options{Latency: o.latency, ConcurrencyLimit: f.limit})
	srv, err := emulator.Start("127.0.0.1:0", e)
	if err != nil {
		return err
	}
	defer func() { _ = srv.Close() }() // every request was answered and counted
	sid, token := e.MainAccount()
	tfEnv := terraformEnv(srv.URL, sid, token)

	dirs := make([]string, f.states)
	for s := range f.states {
		dirs[s] = filepath.Join(work, fmt.Sprintf("state%02d", s+1))
		if err := writeConfig(dirs[s], o.module, per, f.parallelism); err != nil {
			return err
		}
		// Each state gets its own tenants and numbers: t0001… and numbers from its own range.
		if err := writeFleetTenants(dirs[s], s, per); err != nil {
			return err
		}
		if _, err := runTerraform(o, dirs[s], tfEnv, "init", []string{"init", "-input=false", "-no-color"}, nil); err != nil {
			return err
		}
	}

	var results []fleetResult
	for _, ph := range fleetPhases {
		servedBefore, throttledBefore := e.Served(), e.Throttled()
		e.ResetRequests()
		r := fleetResult{phase: ph.name, loadBefore: loadAverage(), walls: make([]time.Duration, f.states)}
		fmt.Fprintf(os.Stderr, "fleet: %d states × %d tenants %s (load %s) ...", f.states, per, ph.name, r.loadBefore)
		args := append(append([]string{}, ph.args...), "-input=false", "-no-color",
			"-parallelism="+strconv.Itoa(f.parallelism), "-var", "voice_url="+voiceURLBefore)
		samples := make([]sample, f.states)
		errs := make([]error, f.states)
		var wg sync.WaitGroup
		start := time.Now()
		for s := range f.states {
			wg.Add(1)
			go func() {
				defer wg.Done()
				samples[s], errs[s] = runTerraform(o, dirs[s], tfEnv, ph.name, args, nil)
			}()
		}
		wg.Wait()
		r.wall = time.Since(start)
		if err := errors.Join(errs...); err != nil {
			return fmt.Errorf("%s: %w", ph.name, err)
		}
		for s, sm := range samples {
			r.walls[s] = sm.wall
			r.providerKB = max(r.providerKB, sm.providerKB)
			r.providerCPU += sm.providerCPU
			r.totalCPU += sm.totalCPU
			if err := checkFleetSummary(dirs[s], ph, per); err != nil {
				return err
			}
		}
		r.requests, r.throttled = e.Served()-servedBefore, e.Throttled()-throttledBefore
		r.peak = e.PeakInFlightAll()
		if err := checkFleetState(&r, e, dirs); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, " %s wall, %d requests, %d refused with 429, %d in flight at most, %d orphans, %d ghosts, %d duplicates\n",
			r.wall.Round(time.Millisecond), r.requests, r.throttled, r.peak, r.orphans, r.ghosts, r.duplicate)
		results = append(results, r)
		if r.orphans+r.ghosts+r.duplicate > 0 {
			return fmt.Errorf("%s: %d orphans, %d ghosts, %d duplicates", ph.name, r.orphans, r.ghosts, r.duplicate)
		}
	}
	report := renderFleet(o, f, env, n, per, results)
	fmt.Print(report)
	if o.out != "" {
		return writeFleetReport(o.out, report)
	}
	return nil
}

// writeFleetTenants writes state s's tenants, each with numbersPerTenant numbers no other state uses.
func writeFleetTenants(dir string, s, per int) error {
	tenants := map[string]map[string]map[string]string{}
	for i := range per {
		numbers := map[string]map[string]string{}
		for k := range numbersPerTenant {
			numbers[fmt.Sprintf("n%d", k+1)] = map[string]string{
				"phone_number": stockedNumber(numbersPerTenant*(s*per+i) + k)}
		}
		tenants[fmt.Sprintf("s%02d-t%04d", s+1, i+1)] = numbers
	}
	b, err := json.MarshalIndent(map[string]any{"tenants": tenants}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "terraform.tfvars.json"), b, 0o644)
}

func checkFleetSummary(dir string, ph fleetPhase, per int) error {
	b, err := os.ReadFile(filepath.Join(dir, ph.name+".log"))
	if err != nil {
		return err
	}
	if want := ph.want(per); !strings.Contains(string(b), want) {
		return fmt.Errorf("%s in %s: Terraform did not report %q:\n%s", ph.name, dir, want, tail(filepath.Join(dir, ph.name+".log"), 20))
	}
	return nil
}

// checkFleetState compares the emulator's live objects with the SIDs in every state: an orphan is live in
// Twilio but in no state, a ghost in a state but not live, a duplicate a name made more than once.
func checkFleetState(r *fleetResult, e *emulator.Emulator, dirs []string) error {
	inState := map[string]bool{}
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, "terraform.tfstate"))
		if err != nil {
			return err
		}
		var st struct {
			Resources []struct {
				Mode      string `json:"mode"`
				Instances []struct {
					Attributes map[string]any `json:"attributes"`
				} `json:"instances"`
			} `json:"resources"`
		}
		if err := json.Unmarshal(b, &st); err != nil {
			return fmt.Errorf("%s: %w", dir, err)
		}
		for _, res := range st.Resources {
			for _, in := range res.Instances {
				if sid, _ := in.Attributes["sid"].(string); res.Mode == "managed" && sid != "" {
					inState[sid] = true
				}
			}
		}
	}
	snap := e.Snapshot()
	mainSID, _ := e.MainAccount()
	live := map[string]string{} // SID -> kind and name, for duplicates
	for _, a := range snap.Accounts {
		if a.Sid != mainSID && a.Status != "closed" {
			live[a.Sid] = "account " + a.FriendlyName
			r.openAfter++
		}
	}
	for _, k := range snap.Keys {
		live[k.Sid] = "key " + k.AccountSid + " " + k.FriendlyName
	}
	for _, a := range snap.Applications {
		live[a.Sid] = "app " + a.AccountSid + " " + a.FriendlyName
	}
	for _, p := range snap.IncomingNumbers {
		live[p.Sid] = "number " + p.PhoneNumber
	}
	r.objectsAfter = len(live)
	names := map[string]int{}
	for sid, name := range live {
		if !inState[sid] {
			r.orphans++
		}
		names[name]++
	}
	for sid := range inState {
		if live[sid] == "" {
			r.ghosts++
		}
	}
	for _, c := range names {
		r.duplicate += c - 1
	}
	return nil
}

const (
	fleetBegin = "<!-- BEGIN generated by tools/bench -states (make fleet); edits up to the END marker are overwritten -->"
	fleetEnd   = "<!-- END generated by tools/bench -states -->"
)

func renderFleet(o options, f fleetOptions, env runEnv, n, per int, results []fleetResult) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("%s\n\n", fleetBegin)
	w("Reproduce with `make fleet FLEET_TENANTS=%d FLEET_STATES=%d`, which runs:\n\n```sh\nscripts/bench.sh -n %d "+
		"-states %d -state-parallelism %d -limit %d -latency %s -out BENCHMARKS.md\n```\n\n",
		n, f.states, n, f.states, f.parallelism, f.limit, o.latency)
	w("Run on %s: %d CPUs (%s), %s, %s. %d tenants (%d objects: a subaccount, an API key, a TwiML app and %d "+
		"number(s) each) in %d states of %d tenants, all applied at once, then all destroyed at once, against "+
		"one emulated main account with %s latency per request that refuses requests beyond %d in flight with "+
		"429/20429. Each state: `-parallelism=%d` and `max_concurrency = %d`, so up to %d requests at once "+
		"for the fleet.\n\n", env.date, env.cpus, env.cpu, env.goVersion, env.terraform, n, all(n), numbersPerTenant,
		f.states, per, o.latency, f.limit, f.parallelism, f.parallelism, f.states*f.parallelism)
	w("| phase | wall (all states) | slowest state | fastest state | requests | refused (429) | most in flight | provider CPU (sum) | Terraform + provider CPU (sum) | provider peak RSS | open subaccounts after | live objects after | orphans | ghosts | duplicates | load at start |\n")
	w("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n")
	for _, r := range results {
		walls := append([]time.Duration{}, r.walls...)
		sort.Slice(walls, func(i, j int) bool { return walls[i] < walls[j] })
		w("| %s | %s | %s | %s | %d | %d | %d | %s | %s | %.1f MB | %d | %d | %d | %d | %d | %s |\n", r.phase,
			secs(r.wall), secs(walls[len(walls)-1]), secs(walls[0]), r.requests, r.throttled, r.peak,
			secs(r.providerCPU), secs(r.totalCPU), mb(r.providerKB), r.openAfter, r.objectsAfter, r.orphans,
			r.ghosts, r.duplicate, r.loadBefore)
	}
	w("\n*requests*: every request the emulator answered, refusals included; *most in flight*: refusals "+
		"included (a refusal also takes the emulator's latency). *orphans*: objects live in the "+
		"emulator that no state holds; *ghosts*: SIDs in a state that are not live; *duplicates*: objects made "+
		"twice under one name. Every command exited 0 and reported all its %d objects.\n\n", all(per))
	w("%s\n", fleetEnd)
	return b.String()
}

// writeFleetReport puts the fleet section into path between its markers, or appends it.
func writeFleetReport(path, report string) error {
	old, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return os.WriteFile(path, []byte(report), 0o644)
	}
	if err != nil {
		return err
	}
	before, rest, ok1 := strings.Cut(string(old), fleetBegin)
	_, after, ok2 := strings.Cut(rest, fleetEnd+"\n")
	if !ok1 || !ok2 {
		return os.WriteFile(path, append(old, []byte("\n"+report)...), 0o644)
	}
	return os.WriteFile(path, []byte(before+report+after), 0o644)
}
