package emulator

import (
	"net/url"
	"time"
)

// maxLogEntries bounds the request log of a long-running standalone
// emulator; the oldest entries are dropped first.
const maxLogEntries = 10000

// Request is one Twilio API request as the emulator saw it.
type Request struct {
	Time     time.Time     `json:"time"`
	Method   string        `json:"method"`
	Host     string        `json:"host"`
	Path     string        `json:"path"`
	RawQuery string        `json:"raw_query"`
	Form     url.Values    `json:"form"`
	AuthUser string        `json:"auth_user"` // the Basic auth user: an account or key SID
	Account  string        `json:"account"`   // the account the request acted on
	Status   int           `json:"status"`    // 0 when the connection was reset
	Fault    FaultKind     `json:"fault,omitempty"`
	Duration time.Duration `json:"duration_ns"`
}

// Requests returns a copy of the request log (Twilio API requests only, not
// control calls), oldest first.
func (e *Emulator) Requests() []Request {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]Request, 0, len(e.log))
	// Once full, the log is a ring whose oldest entry is at logStart.
	for _, part := range [][]Request{e.log[e.logStart:], e.log[:e.logStart]} {
		for _, r := range part {
			r.Form = cloneValues(r.Form)
			out = append(out, r)
		}
	}
	return out
}

// ResetRequests empties the request log and the in-flight peaks.
func (e *Emulator) ResetRequests() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.log, e.logStart = nil, 0
	e.peak = map[string]int{}
	e.peakAll = e.inFlightAll
	for acct, n := range e.inFlight {
		e.peak[acct] = n
	}
}

// PeakInFlight returns the highest number of concurrent requests seen acting
// on an account, for tests of client-side concurrency caps.
func (e *Emulator) PeakInFlight(accountSID string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.peak[accountSID]
}

// PeakInFlightAll returns the highest number of concurrent requests seen.
func (e *Emulator) PeakInFlightAll() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.peakAll
}

// enter and leave count in-flight requests. Callers hold e.mu.
func (e *Emulator) enter(acct string) {
	e.inFlight[acct]++
	e.peak[acct] = max(e.peak[acct], e.inFlight[acct])
	e.inFlightAll++
	e.peakAll = max(e.peakAll, e.inFlightAll)
}

func (e *Emulator) leave(acct string) {
	e.inFlight[acct]--
	if e.inFlight[acct] == 0 {
		delete(e.inFlight, acct)
	}
	e.inFlightAll--
}

// appendLog records a request; a full log overwrites its oldest entry in place, so a long-running
// emulator pays the same per request as a fresh one. Callers hold e.mu.
func (e *Emulator) appendLog(r Request) {
	e.served++
	if len(e.log) < maxLogEntries {
		e.log = append(e.log, r)
		return
	}
	e.log[e.logStart] = r
	e.logStart = (e.logStart + 1) % len(e.log)
}
