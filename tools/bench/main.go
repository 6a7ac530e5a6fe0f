// Command bench measures the provider end to end with the real Terraform binary against the local Twilio
// emulator, at a fixed injected latency per request. For each number of tenants N (each tenant is the
// examples/modules/tenant module: a subaccount, an API key, a TwiML app and two numbers) it runs four
// phases — create (apply), refresh (plan), update (one attribute of every tenant) and destroy — and
// reports per phase the Twilio requests per managed object from the emulator's request log, the wall
// time against a lower bound, and the provider's peak RSS. With -out it writes the results into a
// Markdown file between two markers, leaving the prose around them alone.
//
// Run it through `make bench` (scripts/bench.sh): that builds the provider into a local filesystem
// mirror, points Terraform's CLI configuration at it and passes the pinned binary as -terraform.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// options are the command-line flags.
type options struct {
	sizes       []int
	latency     time.Duration
	parallelism int
	terraform   string
	module      string
	out         string
	interval    time.Duration
	keep        bool
	control     bool
}

func main() {
	o, err := parseFlags(os.Args[1:])
	if err == nil {
		err = run(o)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	sizes := fs.String("n", "1,10,50,200", "comma-separated numbers of tenants")
	fs.DurationVar(&o.latency, "latency", 50*time.Millisecond, "fixed latency the emulator adds to every request")
	fs.IntVar(&o.parallelism, "parallelism", 20, "terraform -parallelism and the provider's max_concurrency")
	fs.StringVar(&o.terraform, "terraform", os.Getenv("BENCH_TERRAFORM"), "Terraform binary (default $BENCH_TERRAFORM)")
	fs.StringVar(&o.module, "module", "examples/modules/tenant", "the tenant module")
	fs.StringVar(&o.out, "out", "", "Markdown file to write the results into (between the bench markers)")
	fs.DurationVar(&o.interval, "sample", 50*time.Millisecond, "how often to sample the provider's RSS")
	fs.BoolVar(&o.keep, "keep", false, "keep the work folder (configurations, state, Terraform output)")
	fs.BoolVar(&o.control, "control", false, "also run every phase on terraform_data resources of the same "+
		"shape (no provider, no network): what Terraform itself costs")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 2000 {
			return o, fmt.Errorf("-n: %q is not a number of tenants from 1 to 2000", s)
		}
		o.sizes = append(o.sizes, n)
	}
	switch {
	case o.parallelism < 1 || o.parallelism > 100:
		return o, errors.New("-parallelism must be from 1 to 100 (the provider's max_concurrency range)")
	case o.latency <= 0:
		return o, errors.New("-latency must be positive: the lower bound is measured in it")
	case o.terraform == "":
		return o, errors.New("no Terraform binary: pass -terraform or run `make bench`")
	case os.Getenv("TF_CLI_CONFIG_FILE") == "":
		return o, errors.New("TF_CLI_CONFIG_FILE is not set: run `make bench`, which installs the provider " +
			"from a local mirror")
	}
	return o, nil
}

// phase is one Terraform command of the benchmark.
type phase struct {
	name string
	// args are the command's arguments before the common flags.
	args []string
	// depth is the longest chain of requests that must follow one another: subaccount, then TwiML app,
	// then the numbers pointing at it (and the reverse on destroy). Terraform plans in dependency order
	// too, so a refresh has the same chain.
	depth int
	// changed is how many objects the phase acts on, out of n tenants.
	changed func(n int) int
	// voiceURL is the value of the tenants' voice_url the phase applies.
	voiceURL string
}

const (
	objectsPerTenant = 5 // subaccount, API key, TwiML app, two numbers
	voiceURLBefore   = "https://bench.example.com/voice/v1"
	voiceURLAfter    = "https://bench.example.com/voice/v2"
)

func all(n int) int { return objectsPerTenant * n }

// phases run in order on one configuration. Update and destroy skip Terraform's refresh so that each row
// measures one thing: the refresh row is the price of the refresh a default apply adds.
var phases = []phase{
	{name: "create", args: []string{"apply", "-auto-approve"}, depth: 3, changed: all, voiceURL: voiceURLBefore},
	{name: "refresh", args: []string{"plan", "-detailed-exitcode"}, depth: 3, changed: all, voiceURL: voiceURLBefore},
	{name: "update", args: []string{"apply", "-auto-approve", "-refresh=false"}, depth: 1,
		changed: func(n int) int { return n }, voiceURL: voiceURLAfter},
	{name: "destroy", args: []string{"destroy", "-auto-approve", "-refresh=false"}, depth: 3, changed: all,
		voiceURL: voiceURLAfter},
}

// result is one phase at one N.
type result struct {
	sample
	// control is the same phase on terraform_data resources, with -control.
	control              *sample
	n, objects, managed  int
	phase                phase
	requests, failed     int
	byKind               map[string]int
	span                 time.Duration
	peakInFlight         int
	boundIssue, boundDep time.Duration
}

func run(o options) error {
	work, err := os.MkdirTemp("", "twilio-bench-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Fprintln(os.Stderr, "bench: work folder", work)
	} else {
		defer func() { _ = os.RemoveAll(work) }() // best effort: it is a temporary folder
	}
	env, err := describeEnv(o)
	if err != nil {
		return err
	}
	var results []result
	for _, n := range o.sizes {
		rs, err := benchSize(o, work, n)
		if err != nil {
			return fmt.Errorf("N=%d: %w", n, err)
		}
		results = append(results, rs...)
	}
	report := render(o, env, results)
	fmt.Print(report)
	if o.out != "" {
		return writeReport(o.out, report)
	}
	return nil
}

// benchSize runs every phase for n tenants against a fresh emulator.
func benchSize(o options, work string, n int) ([]result, error) {
	e := emulator.New(emulator.Options{Latency: o.latency})
	srv, err := emulator.Start("127.0.0.1:0", e)
	if err != nil {
		return nil, err
	}
	defer func() { _ = srv.Close() }() // the requests that matter were all answered and counted
	sid, token := e.MainAccount()

	dir := filepath.Join(work, fmt.Sprintf("n%d", n))
	if err := writeConfig(dir, o.module, n, o.parallelism); err != nil {
		return nil, err
	}
	env := terraformEnv(srv.URL, sid, token)
	if _, err := runTerraform(o, dir, env, "init", []string{"init", "-input=false", "-no-color"}, nil); err != nil {
		return nil, err
	}
	e.ResetRequests()

	var out []result
	for _, ph := range phases {
		fmt.Fprintf(os.Stderr, "bench: N=%d %s ...", n, ph.name)
		args := append(append([]string{}, ph.args...), "-input=false", "-no-color",
			"-parallelism="+strconv.Itoa(o.parallelism), "-var", "voice_url="+ph.voiceURL)
		s, err := runTerraform(o, dir, env, ph.name, args, func(code int) bool { return code == 0 })
		if err != nil {
			return nil, err
		}
		r := account(o, n, ph, e)
		r.sample = s
		fmt.Fprintf(os.Stderr, " %d requests, %s wall, CPU %s Terraform + %s provider, provider %.1f MB\n",
			r.requests, r.wall.Round(time.Millisecond), (r.totalCPU - r.providerCPU).Round(time.Millisecond),
			r.providerCPU.Round(time.Millisecond), mb(r.providerKB))
		if r.failed > 0 {
			return nil, fmt.Errorf("%s: %d requests failed; see the request log with -keep", ph.name, r.failed)
		}
		if err := checkState(ph, n, e); err != nil {
			return nil, err
		}
		if err := checkSummary(dir, ph, n); err != nil {
			return nil, err
		}
		out = append(out, r)
		e.ResetRequests()
	}
	if o.control {
		if err := benchControl(o, work, n, env, out); err != nil {
			return nil, fmt.Errorf("control: %w", err)
		}
	}
	return out, nil
}

// benchControl runs the phases on terraform_data resources in the tenant module's shape and records them
// in results: the cost of Terraform alone.
func benchControl(o options, work string, n int, env []string, results []result) error {
	dir := filepath.Join(work, fmt.Sprintf("n%d-control", n))
	if err := writeControlConfig(dir, n); err != nil {
		return err
	}
	if _, err := runTerraform(o, dir, env, "init", []string{"init", "-input=false", "-no-color"}, nil); err != nil {
		return err
	}
	for i, ph := range phases {
		fmt.Fprintf(os.Stderr, "bench: N=%d %s (terraform_data) ...", n, ph.name)
		args := append(append([]string{}, ph.args...), "-input=false", "-no-color",
			"-parallelism="+strconv.Itoa(o.parallelism), "-var", "voice_url="+ph.voiceURL)
		s, err := runTerraform(o, dir, env, ph.name, args, nil)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, " %s wall, CPU %s\n", s.wall.Round(time.Millisecond), s.totalCPU.Round(time.Millisecond))
		if err := checkSummary(dir, ph, n); err != nil {
			return err
		}
		results[i].control = &s
	}
	return nil
}

// sidInPath matches a Twilio SID in a request path, to group requests by endpoint.
var sidInPath = regexp.MustCompile(sids.Pattern(""))

// account turns the emulator's request log of one phase into a result.
func account(o options, n int, ph phase, e *emulator.Emulator) result {
	reqs := e.Requests()
	r := result{n: n, phase: ph, objects: ph.changed(n), managed: all(n), requests: len(reqs),
		byKind: map[string]int{}, peakInFlight: e.PeakInFlightAll()}
	var first, last time.Time
	for _, q := range reqs {
		r.byKind[q.Method+" "+sidInPath.ReplaceAllString(q.Path, "{Sid}")]++
		if q.Status < 200 || q.Status > 299 {
			r.failed++
		}
		if first.IsZero() || q.Time.Before(first) {
			first = q.Time
		}
		if end := q.Time.Add(q.Duration); end.After(last) {
			last = end
		}
	}
	r.span = last.Sub(first)
	r.boundIssue = time.Duration(float64(r.requests) / float64(o.parallelism) * float64(o.latency))
	r.boundDep = max(r.boundIssue, time.Duration(ph.depth)*o.latency)
	return r
}

// checkState makes sure a phase did what it claims, so that a fast but wrong run cannot pass.
func checkState(ph phase, n int, e *emulator.Emulator) error {
	snap := e.Snapshot()
	mainSID, _ := e.MainAccount()
	open, apps, updated := 0, 0, 0
	for _, a := range snap.Accounts {
		if a.Sid != mainSID && a.Status != "closed" {
			open++
		}
	}
	for _, a := range snap.Applications {
		apps++
		if a.VoiceURL == voiceURLAfter {
			updated++
		}
	}
	want := n
	if ph.name == "destroy" {
		want = 0
	}
	switch {
	case open != want || apps != want || len(snap.Keys) != want || len(snap.IncomingNumbers) != 2*want:
		return fmt.Errorf("after %s: %d open subaccounts, %d keys, %d TwiML apps, %d numbers; want %d tenants",
			ph.name, open, len(snap.Keys), apps, len(snap.IncomingNumbers), want)
	case ph.name == "update" && updated != n:
		return fmt.Errorf("after update: %d of %d TwiML apps have the new voice_url", updated, n)
	}
	return nil
}

// checkSummary makes sure Terraform's closing line reports the objects the phase acts on.
func checkSummary(dir string, ph phase, n int) error {
	want := map[string]string{
		"create":  fmt.Sprintf("Resources: %d added, 0 changed, 0 destroyed.", all(n)),
		"refresh": "No changes.",
		"update":  fmt.Sprintf("Resources: 0 added, %d changed, 0 destroyed.", n),
		"destroy": fmt.Sprintf("Resources: %d destroyed.", all(n)),
	}[ph.name]
	b, err := os.ReadFile(filepath.Join(dir, ph.name+".log"))
	if err != nil {
		return err
	}
	if !bytes.Contains(b, []byte(want)) {
		return fmt.Errorf("%s in %s: Terraform did not report %q:\n%s", ph.name, dir, want, tail(filepath.Join(dir, ph.name+".log"), 20))
	}
	return nil
}

// sample is what one Terraform command cost.
type sample struct {
	wall                  time.Duration
	providerKB, tfKB      int64
	providerCPU, totalCPU time.Duration
	// selfCPU is this process's CPU time during the command: the in-process emulator and the sampler.
	selfCPU time.Duration
}

// commandTimeout stops a Terraform command that hangs; the slowest phase takes about a minute at N = 200.
const commandTimeout = 15 * time.Minute

// runTerraform runs one Terraform command in dir, sampling the RSS of Terraform and of the providers it
// starts. Its output goes to <dir>/<name>.log; ok decides which exit codes succeed (nil: only 0).
func runTerraform(o options, dir string, env []string, name string, args []string, ok func(int) bool) (sample, error) {
	logPath := filepath.Join(dir, name+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return sample{}, err
	}
	defer func() { _ = logFile.Close() }() // read back only for error messages
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, o.terraform, args...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, env, logFile, logFile

	selfBefore := selfCPU()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, err
	}
	sampler := newProcSampler(cmd.Process.Pid)
	stop, done := make(chan struct{}), make(chan struct{})
	go sampler.run(o.interval, stop, done)
	waitErr := cmd.Wait()
	wall := time.Since(start)
	close(stop)
	<-done

	code := cmd.ProcessState.ExitCode()
	if ok == nil {
		ok = func(c int) bool { return c == 0 }
	}
	if waitErr != nil && code < 0 || !ok(code) {
		return sample{}, fmt.Errorf("terraform %s exited with %d:\n%s", strings.Join(args, " "), code, tail(logPath, 40))
	}
	// NOTE: on Linux the rusage of a reaped child includes its own reaped children, so this is Terraform's
	// CPU time plus that of the provider processes it started.
	s := sample{wall: wall, totalCPU: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(),
		selfCPU: selfCPU() - selfBefore}
	s.providerKB, s.tfKB, s.providerCPU = sampler.peaks()
	// A command shorter than the sampling interval is sampled only as it starts. The kernel's peak for
	// it is the larger of Terraform's and its providers' peaks, so it is Terraform's when it exceeds
	// the provider's.
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > s.providerKB {
		s.tfKB = max(s.tfKB, ru.Maxrss)
	}
	return s, nil
}

// selfCPU is this process's user and system CPU time so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// terraformEnv is the environment Terraform runs with: this process's, pointed at the emulator, without
// anything that would change what is measured (other credentials, logging).
func terraformEnv(baseURL, sid, token string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(k, "TWILIO_"), strings.HasPrefix(k, "TF_LOG"), k == "TF_CLI_ARGS" ||
			strings.HasPrefix(k, "TF_CLI_ARGS_"), strings.HasPrefix(k, "TF_VAR_"):
			continue
		}
		env = append(env, kv)
	}
	return append(env, "TWILIO_BASE_URL="+baseURL, "TWILIO_ACCOUNT_SID="+sid, "TWILIO_AUTH_TOKEN="+token,
		"TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
}

// writeConfig writes a root module with n tenants, each with two numbers bought by exact phone number
// (the emulator has only 100 numbers per area code; exact numbers scale to any N).
func writeConfig(dir, module string, n, parallelism int) error {
	modDir := filepath.Join(dir, "modules", "tenant")
	if err := os.MkdirAll(modDir, 0o755); err != nil {
		return err
	}
	var files []string
	if module != "" {
		var err error
		files, err = filepath.Glob(filepath.Join(module, "*.tf"))
		if err != nil || len(files) == 0 {
			return fmt.Errorf("no *.tf files in the tenant module %s", module)
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(modDir, filepath.Base(f)), b, 0o644); err != nil {
			return err
		}
	}
	// A parallelism of 0 is the control configuration: no provider at all.
	provider := ""
	if parallelism > 0 {
		provider = fmt.Sprintf(`terraform {
  required_providers {
    twilio = {
      source = "tenantwire/twilio"
    }
  }
}

provider "twilio" {
  max_concurrency = %d
}

`, parallelism)
	}
	mainTF := "# Generated by tools/bench: N tenants from the tenant module against the local Twilio emulator.\n" +
		provider + `variable "voice_url" {
  type = string
}

variable "tenants" {
  type = map(map(object({ phone_number = string })))
}

module "tenant" {
  source   = "./modules/tenant"
  for_each = var.tenants

  name        = each.key
  environment = "bench"
  protect     = false # disposable tenants: destroy closes them
  voice_url   = var.voice_url
  numbers     = each.value
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(mainTF), 0o644); err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString("{\"tenants\": {\n")
	for i := range n {
		sep := ","
		if i == n-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "  %q: {\"main\": {\"phone_number\": %q}, \"support\": {\"phone_number\": %q}}%s\n",
			fmt.Sprintf("t%04d", i+1), stockedNumber(2*i), stockedNumber(2*i+1), sep)
	}
	b.WriteString("}}\n")
	return os.WriteFile(filepath.Join(dir, "terraform.tfvars.json"), b.Bytes(), 0o644)
}

// stockedNumber is the k-th of the numbers the emulator sells: like Twilio, it sells only what its
// AvailablePhoneNumbers search offers, +1 <area code> 555-0100 to 555-0199 in each area code.
func stockedNumber(k int) string {
	return fmt.Sprintf("+1%d555%04d", 201+k/100, 100+k%100)
}

// controlModule has the tenant module's shape (five objects, the same dependency chains, the same update)
// with terraform_data, which runs inside Terraform: no provider process, no requests.
const controlModule = `# Generated by tools/bench: the tenant module's shape with terraform_data, to measure Terraform alone.
variable "name" {
  type = string
}

variable "environment" {
  type = string
}

variable "voice_url" {
  type = string
}

variable "numbers" {
  type = map(object({ phone_number = string }))
}

variable "protect" {
  type    = bool
  default = true
}

resource "terraform_data" "subaccount" {
  input = { friendly_name = "${var.environment}-${var.name}", status = "active" }
}

resource "terraform_data" "api_key" {
  input = { account_sid = terraform_data.subaccount.id, friendly_name = "${var.name} backend" }
}

resource "terraform_data" "twiml_app" {
  input = { account_sid = terraform_data.subaccount.id, friendly_name = "${var.name} voice", voice_url = var.voice_url }
}

resource "terraform_data" "number" {
  for_each = var.numbers

  input = {
    account_sid           = terraform_data.subaccount.id
    friendly_name         = "${var.name} ${each.key}"
    phone_number          = each.value.phone_number
    voice_application_sid = terraform_data.twiml_app.id
  }
}
`

// writeControlConfig writes the control configuration: the same root module and tenants, no provider.
func writeControlConfig(dir string, n int) error {
	if err := writeConfig(dir, "", n, 0); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "modules", "tenant", "main.tf"), []byte(controlModule), 0o644)
}

// tail returns the last lines of a file, for error messages.
func tail(path string, lines int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	all := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(all[max(0, len(all)-lines):], "\n")
}

func mb(kb int64) float64 { return float64(kb) / 1024 }

// sortedKinds lists request kinds in a stable order: by count, then name.
func sortedKinds(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
