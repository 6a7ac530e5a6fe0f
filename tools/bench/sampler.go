package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// providerExePrefix is how the provider binary's file name starts, whatever version suffix Terraform's
// installer gives it.
const providerExePrefix = "terraform-provider-twilio"

// procSampler records the peak resident set size (VmHWM) of a Terraform process and of the provider
// processes it starts, and the provider processes' CPU time. Terraform may start the provider more than
// once per command (validation, plan, apply); the peak is the highest of any one of them, the CPU time
// their sum.
//
// NOTE: VmHWM only grows, so the last sample before a process exits is its peak up to one interval
// before the exit. Polling /proc is the only way to see a grandchild's peak separately from Terraform's:
// wait4's rusage reports the larger of the two.
type procSampler struct {
	parent int

	mu          sync.Mutex
	providerKB  int64
	terraformKB int64
	providers   map[int]int64 // provider PID -> CPU clock ticks at the last sample
}

func newProcSampler(parent int) *procSampler {
	return &procSampler{parent: parent, providers: map[int]int64{}}
}

// run samples every interval until stop is closed, then once more.
func (s *procSampler) run(interval time.Duration, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		s.sample()
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

func (s *procSampler) sample() {
	if kb, ok := vmHWM(s.parent); ok {
		s.mu.Lock()
		s.terraformKB = max(s.terraformKB, kb)
		s.mu.Unlock()
	}
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		ppid, ticks := statOf(pid)
		if ppid != s.parent {
			continue
		}
		exe, err := os.Readlink("/proc/" + e.Name() + "/exe")
		if err != nil || !strings.HasPrefix(filepath.Base(exe), providerExePrefix) {
			continue
		}
		kb, ok := vmHWM(pid)
		if !ok {
			continue
		}
		s.mu.Lock()
		s.providerKB = max(s.providerKB, kb)
		s.providers[pid] = max(s.providers[pid], ticks)
		s.mu.Unlock()
	}
}

// peaks returns the provider's and Terraform's peak RSS in KiB and the provider processes' CPU time (up
// to one interval short at their end).
//
// NOTE: a provider process that lives less than one interval (Terraform starts short-lived ones to read
// schemas) may be missed; its RSS and CPU time are negligible.
func (s *procSampler) peaks() (providerKB, terraformKB int64, providerCPU time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ticks int64
	for _, t := range s.providers {
		ticks += t
	}
	return s.providerKB, s.terraformKB, time.Duration(ticks) * time.Second / clockTicks
}

// clockTicks is USER_HZ, the unit of CPU times in /proc/<pid>/stat: 100 on every Linux architecture Go
// supports.
const clockTicks = 100

// statOf reads a process's parent PID and CPU time (user + system, in clock ticks) from /proc/<pid>/stat;
// zeros when it cannot.
func statOf(pid int) (ppid int, ticks int64) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0
	}
	// NOTE: the command name (field 2) is in parentheses and may itself contain spaces or parentheses,
	// so the fields that follow are counted from the last ')': state, ppid, ..., utime (14th field of
	// the line), stime (15th).
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, 0
	}
	fields := strings.Fields(string(b[i+1:]))
	if len(fields) < 13 {
		return 0, 0
	}
	ppid, _ = strconv.Atoi(fields[1])
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return ppid, utime + stime
}

// vmHWM reads a process's peak resident set size in KiB.
func vmHWM(pid int) (int64, bool) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, false
	}
	defer func() { _ = f.Close() }() // read-only
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb, err == nil
		}
	}
	return 0, false
}
