package emulator

import (
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"time"
)

// FaultKind names a fault the emulator can inject.
type FaultKind string

// Fault kinds.
const (
	// FaultRateLimit answers 429 with Twilio's code 20429.
	FaultRateLimit FaultKind = "429"
	// FaultInternal answers 500 with code 20500.
	FaultInternal FaultKind = "500"
	// FaultUnavailable answers 503 with code 20503.
	FaultUnavailable FaultKind = "503"
	// FaultReset closes the TCP connection with a reset instead of answering.
	FaultReset FaultKind = "reset"
	// FaultLatency delays the answer by Fault.Latency.
	FaultLatency FaultKind = "latency"
	// FaultStaleRead answers a matching GET with Twilio's 404 (code 20404), as
	// if the object did not exist yet: a read that lags a write. Other methods
	// never match it. ASSUMPTION(stale-read): Twilio does not document read-after-write
	// lag; it models what users reported against both earlier Twilio
	// providers, a 404 for a number or a Studio flow fetched right after it was
	// created (github.com/twilio/terraform-provider-twilio/issues/124,
	// github.com/RJPearson94/terraform-provider-twilio/issues/86). The provider
	// must be safe whether or not Twilio ever does it.
	FaultStaleRead FaultKind = "stale_read"
)

// Fault describes requests to disturb and how.
type Fault struct {
	Method      string        // HTTP method to match; "" matches any
	Path        string        // regexp matched against r.URL.Path; "" matches any
	Kind        FaultKind     // what to do
	RetryAfter  time.Duration // for 429 and 503: the Retry-After header, in seconds rounded up; 0 sends none
	Latency     time.Duration // for "latency": the added delay
	Times       int           // how many matching requests get the fault; 0 means all
	Probability float64       // 0 or 1 means always; otherwise the chance per matching request
	AfterEffect bool          // apply after the handler ran: the change happened, the client sees the fault
}

type faultState struct {
	id   int
	f    Fault
	re   *regexp.Regexp
	used int
}

// faultPlan is what the faults decided for one request.
type faultPlan struct {
	preLatency, postLatency time.Duration
	terminal                *Fault // 429, 500, 503 or reset; nil for none
	kind                    FaultKind
}

// AddFault installs a fault and returns its ID for [Emulator.RemoveFault].
// Faults are checked in the order they were added: every matching latency
// fault adds its delay, and the first matching fault of another kind
// answers. It panics on an invalid Path regexp or an unknown Kind, like
// regexp.MustCompile, since that is a bug in the test.
func (e *Emulator) AddFault(f Fault) int {
	id, err := e.addFault(f)
	if err != nil {
		panic(err)
	}
	return id
}

func (e *Emulator) addFault(f Fault) (int, error) {
	switch f.Kind {
	case FaultRateLimit, FaultInternal, FaultUnavailable, FaultReset, FaultLatency, FaultStaleRead:
	default:
		return 0, fmt.Errorf("twilio emulator: unknown fault kind %q", f.Kind)
	}
	if f.Probability < 0 || f.Probability > 1 {
		return 0, fmt.Errorf("twilio emulator: fault probability %v is outside [0, 1]", f.Probability)
	}
	var re *regexp.Regexp
	if f.Path != "" {
		var err error
		if re, err = regexp.Compile(f.Path); err != nil {
			return 0, fmt.Errorf("twilio emulator: fault path: %w", err)
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.nextFaultID++
	e.faults = append(e.faults, &faultState{id: e.nextFaultID, f: f, re: re})
	return e.nextFaultID, nil
}

// RemoveFault removes one fault; it reports whether the fault existed.
func (e *Emulator) RemoveFault(id int) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, fs := range e.faults {
		if fs.id == id {
			e.faults = append(e.faults[:i], e.faults[i+1:]...)
			return true
		}
	}
	return false
}

// ClearFaults removes every fault.
func (e *Emulator) ClearFaults() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.faults = nil
}

// planFaults picks the faults for a request and counts them as used.
// Callers hold e.mu.
func (e *Emulator) planFaults(r *http.Request) faultPlan {
	var plan faultPlan
	for _, fs := range e.faults {
		f := &fs.f
		if f.Times > 0 && fs.used >= f.Times ||
			f.Method != "" && f.Method != r.Method ||
			fs.re != nil && !fs.re.MatchString(r.URL.Path) ||
			f.Kind == FaultStaleRead && r.Method != http.MethodGet {
			continue
		}
		if f.Kind != FaultLatency && plan.terminal != nil {
			continue
		}
		if f.Probability > 0 && f.Probability < 1 && e.rng.Float64() >= f.Probability {
			continue
		}
		fs.used++
		if f.Kind == FaultLatency {
			if f.AfterEffect {
				plan.postLatency += f.Latency
			} else {
				plan.preLatency += f.Latency
			}
			if plan.kind == "" {
				plan.kind = FaultLatency
			}
			continue
		}
		copied := *f
		plan.terminal, plan.kind = &copied, f.Kind
	}
	return plan
}

// writeFault answers request path with a fault and returns the status sent
// (0 for a reset).
func writeFault(w http.ResponseWriter, path string, f *Fault) int {
	var e *apiError
	switch f.Kind {
	case FaultReset:
		resetConnection(w)
		return 0
	case FaultStaleRead:
		e = notFound(path)
	case FaultRateLimit:
		e = newError(http.StatusTooManyRequests, codeTooManyRequests, "Too Many Requests")
	case FaultUnavailable:
		e = newError(http.StatusServiceUnavailable, codeUnavailable, "Service Unavailable")
	default:
		e = newError(http.StatusInternalServerError, codeInternal, "Internal Server Error")
	}
	if f.RetryAfter > 0 && (f.Kind == FaultRateLimit || f.Kind == FaultUnavailable) {
		secs := (f.RetryAfter + time.Second - 1) / time.Second
		w.Header().Set("Retry-After", strconv.FormatInt(int64(secs), 10))
	}
	writeError(w, e)
	return e.Status
}

// resetConnection drops the client's connection so that it sees a reset:
// SetLinger(0) makes Close send RST instead of FIN. Without a hijackable
// connection (HTTP/2, a recorder) it aborts the handler, which net/http
// turns into a dropped connection or stream.
func resetConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0) // best effort: a plain close still fails the request
	}
	_ = conn.Close() // the connection is being thrown away on purpose
}

// Backdate moves an object's creation (and last update) dates age into the
// past, for tests of behaviour that depends on an object's age, such as how
// long a client keeps retrying a 404 for a recent object. sid may name an
// account, a key, an application, a number, a flow, an address or a Serverless object.
func (e *Emulator) Backdate(sid string, age time.Duration) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var created, updated *time.Time
	if a := e.st.accounts[sid]; a != nil {
		created, updated = &a.DateCreated, &a.DateUpdated
	} else if k := e.st.keys[sid]; k != nil {
		created, updated = &k.DateCreated, &k.DateUpdated
	} else if app := e.st.apps[sid]; app != nil {
		created, updated = &app.DateCreated, &app.DateUpdated
	} else if n := e.st.numbers[sid]; n != nil {
		created, updated = &n.DateCreated, &n.DateUpdated
	} else if f := e.st.flows[sid]; f != nil {
		created, updated = &f.DateCreated, &f.DateUpdated
	} else if b := e.st.bundles[sid]; b != nil {
		created, updated = &b.DateCreated, &b.DateUpdated
	} else if c, u := e.st.sv.dates(sid); c != nil {
		created, updated = c, u
	} else if ad := e.st.addresses[sid]; ad != nil {
		created, updated = &ad.DateCreated, &ad.DateUpdated
	} else if tr := e.st.triggers[sid]; tr != nil {
		created, updated = &tr.DateCreated, &tr.DateUpdated
	} else if b := e.st.msg.brands[sid]; b != nil {
		created, updated = &b.DateCreated, &b.DateUpdated
	} else if k := e.st.msg.campaigns[sid]; k != nil {
		created, updated = &k.DateCreated, &k.DateUpdated
	} else if v := e.st.msg.tollfree[sid]; v != nil {
		created, updated = &v.DateCreated, &v.DateUpdated
	} else {
		return fmt.Errorf("twilio emulator: no object %s", sid)
	}
	*created = created.Add(-age)
	if !updated.IsZero() {
		*updated = updated.Add(-age)
	}
	return nil
}
