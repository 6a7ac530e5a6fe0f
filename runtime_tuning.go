package main

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"syscall"
)

// memoryLimitEnv overrides the provider's soft memory limit (a Go size such as 96MiB, or "off"); Go's
// own GOMEMLIMIT is left to Terraform, which would inherit it too.
const memoryLimitEnv = "TWILIO_PROVIDER_MEMORY_LIMIT"

// defaultMemoryLimit is the provider's soft memory limit. The process's RSS runs 20 to 45 MB above it
// (code, stacks, the runtime, and the collector falling behind when the machine is busy): at 200 tenants
// the peak was 98.9 MB with 80 MiB on a loaded machine and 105 MB with 72 MiB on a busier one. With Go's
// default GOGC=100 and no limit the heap grew to twice what was live, and the peak RSS was 130 to 170 MB.
// The limit is soft: a provider that needs more still gets it.
const defaultMemoryLimit = 60 << 20

// gcPercentEnv overrides the provider's GOGC (Go's own GOGC would reach Terraform too).
const gcPercentEnv = "TWILIO_PROVIDER_GOGC"

// defaultGCPercent is the provider's GOGC. What a provider call allocates is garbage by its end, and
// what stays live is small, so Go's default of 100 collects very often while the heap is small (about a
// third of the provider's CPU in a refresh went to the collector); a higher percentage collects less
// often, and the soft memory limit above still bounds the heap when many calls run at once.
const defaultGCPercent = 400

// tuneRuntime sets the soft memory limit and, with TWILIO_PROVIDER_PPROF set to a folder, writes a CPU
// profile (cpu-<pid>.pprof) and a heap profile (heap-<pid>.pprof) of this provider process there. It
// returns what to call when the provider stops.
func tuneRuntime(getenv func(string) string) (stop func(), err error) {
	limit := int64(defaultMemoryLimit)
	if getenv("GOMEMLIMIT") != "" {
		limit = -1 // the user's own Go setting, which the runtime has applied already, wins
	}
	switch v := getenv(memoryLimitEnv); v {
	case "":
	case "off":
		limit = -1
	default:
		n, err := parseSize(v)
		if err != nil {
			return nil, fmt.Errorf("%s=%q: %w", memoryLimitEnv, v, err)
		}
		limit = n
	}
	if limit > 0 {
		debug.SetMemoryLimit(limit)
	}
	gcPercent := defaultGCPercent
	if getenv("GOGC") != "" {
		gcPercent = debug.SetGCPercent(-1) // read the user's own setting back, which wins
	}
	if v := getenv(gcPercentEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 10 {
			return nil, fmt.Errorf("%s=%q: want a percentage of at least 10, as GOGC", gcPercentEnv, v)
		}
		gcPercent = n
	}
	debug.SetGCPercent(gcPercent)
	dir := getenv("TWILIO_PROVIDER_PPROF")
	if dir == "" {
		return func() {}, nil
	}
	// NOTE: the profile must be cut when Terraform stops the provider, which happens by a Kill after a
	// graceful shutdown, so both the return of Serve and SIGTERM stop it. SIGINT is left alone: a Ctrl-C
	// reaches the provider too, and it must go on (a create in flight still looks for what it made).
	cpu, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", os.Getpid())))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		return nil, err
	}
	done := make(chan struct{})
	stopOnce := func() {
		select {
		case <-done:
			return
		default:
			close(done)
		}
		pprof.StopCPUProfile()
		_ = cpu.Close() // a profile cut short is still readable
		// The goroutines still running when Terraform stops the provider: none but the server's own should
		// outlive the call that started them.
		if g, err := os.Create(filepath.Join(dir, fmt.Sprintf("goroutine-%d.txt", os.Getpid()))); err == nil {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			_, _ = fmt.Fprintf(g, "# heap live after a full collection: %d bytes in %d objects\n", ms.HeapAlloc, ms.HeapObjects)
			_ = pprof.Lookup("goroutine").WriteTo(g, 1)
			_ = g.Close()
		}
		if heap, err := os.Create(filepath.Join(dir, fmt.Sprintf("heap-%d.pprof", os.Getpid()))); err == nil {
			runtime.GC()
			_ = pprof.Lookup("allocs").WriteTo(heap, 0) // allocs: every allocation since start, and what is live
			_ = heap.Close()
		}
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	go func() {
		<-sig
		stopOnce()
		os.Exit(1)
	}()
	return stopOnce, nil
}

// parseSize reads a size in bytes with an optional KiB, MiB or GiB suffix, as GOMEMLIMIT does.
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mul    int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}}
	mul := int64(1)
	for _, u := range units {
		if len(s) > len(u.suffix) && s[len(s)-len(u.suffix):] == u.suffix {
			s, mul = s[:len(s)-len(u.suffix)], u.mul
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("want a positive size such as 96MiB, or off")
	}
	return n * mul, nil
}
