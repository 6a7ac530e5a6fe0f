package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"96MiB", 96 << 20, true}, {"1GiB", 1 << 30, true}, {"512KiB", 512 << 10, true}, {"1000", 1000, true},
		{"100B", 100, true}, {"", 0, false}, {"MiB", 0, false}, {"-5MiB", 0, false}, {"96MB", 0, false},
	} {
		got, err := parseSize(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d (ok %v)", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// The provider sets its own memory limit and GOGC, which the environment can override, and writes its
// profiles where TWILIO_PROVIDER_PPROF says.
func TestTuneRuntime(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }

	if _, err := tuneRuntime(env(nil)); err != nil {
		t.Fatal(err)
	}
	if got := debug.SetMemoryLimit(-1); got != defaultMemoryLimit {
		t.Errorf("memory limit %d, want %d", got, defaultMemoryLimit)
	}
	if got := debug.SetGCPercent(-1); got != defaultGCPercent {
		t.Errorf("GOGC %d, want %d", got, defaultGCPercent)
	}
	if _, err := tuneRuntime(env(map[string]string{memoryLimitEnv: "200MiB", gcPercentEnv: "150"})); err != nil {
		t.Fatal(err)
	}
	if got, gc := debug.SetMemoryLimit(-1), debug.SetGCPercent(-1); got != 200<<20 || gc != 150 {
		t.Errorf("overridden: memory limit %d, GOGC %d; want %d and 150", got, gc, 200<<20)
	}
	// A user's own GOGC and GOMEMLIMIT (which the runtime applied at start) win over the provider's defaults.
	debug.SetGCPercent(250)
	debug.SetMemoryLimit(300 << 20)
	if _, err := tuneRuntime(env(map[string]string{"GOGC": "250", "GOMEMLIMIT": "300MiB"})); err != nil {
		t.Fatal(err)
	}
	if got, gc := debug.SetMemoryLimit(-1), debug.SetGCPercent(-1); got != 300<<20 || gc != 250 {
		t.Errorf("the user's GOGC/GOMEMLIMIT: memory limit %d, GOGC %d; want %d and 250", got, gc, 300<<20)
	}
	for _, bad := range []map[string]string{{memoryLimitEnv: "lots"}, {gcPercentEnv: "5"}, {gcPercentEnv: "x"}} {
		if _, err := tuneRuntime(env(bad)); err == nil {
			t.Errorf("%v: want an error", bad)
		}
	}

	dir := t.TempDir()
	stop, err := tuneRuntime(env(map[string]string{"TWILIO_PROVIDER_PPROF": dir}))
	if err != nil {
		t.Fatal(err)
	}
	stop()
	stop() // a second stop (signal, then the deferred one) does nothing
	for _, pattern := range []string{"cpu-*.pprof", "heap-*.pprof"} {
		if m, _ := filepath.Glob(filepath.Join(dir, pattern)); len(m) != 1 {
			t.Errorf("%s in %s: %v", pattern, dir, m)
		} else if fi, err := os.Stat(m[0]); err != nil || fi.Size() == 0 {
			t.Errorf("%s is empty: %v", m[0], err)
		}
	}
}
