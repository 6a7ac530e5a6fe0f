package emulator

import (
	"strconv"
	"testing"
)

func TestRequestLogKeepsNewestEntries(t *testing.T) {
	t.Parallel()
	e := New(Options{})
	const extra = 2500
	for i := range maxLogEntries + extra {
		e.mu.Lock()
		e.appendLog(Request{Path: strconv.Itoa(i)})
		e.mu.Unlock()
	}
	got := e.Requests()
	if len(got) != maxLogEntries {
		t.Fatalf("%d entries, want %d", len(got), maxLogEntries)
	}
	for i, r := range got {
		if want := strconv.Itoa(extra + i); r.Path != want {
			t.Fatalf("entry %d is request %s, want %s (oldest first)", i, r.Path, want)
		}
	}
	e.ResetRequests()
	e.mu.Lock()
	e.appendLog(Request{Path: "after"})
	e.mu.Unlock()
	if got := e.Requests(); len(got) != 1 || got[0].Path != "after" {
		t.Fatalf("after reset: %v", got)
	}
}
