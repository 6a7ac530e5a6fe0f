package emulator

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Options configure a new [Emulator].
type Options struct {
	// AccountSID is the main account's SID; generated when empty.
	AccountSID string
	// AuthToken is the main account's auth token; generated when empty.
	AuthToken string
	// Latency is a fixed delay added to every Twilio API request.
	Latency time.Duration
	// Seed seeds the random source of probabilistic faults (0 means 1), so
	// that a test run is reproducible.
	Seed uint64
	// LenientKeys lets Standard and Restricted API keys manage accounts and
	// API keys. Twilio reserves those endpoints to the auth token and Main
	// keys; leave it false to reproduce that.
	LenientKeys bool
	// ConcurrencyLimit, when positive, refuses requests beyond that many in flight per account whose
	// credentials made them with 429/20429 (concurrency.go); 0 enforces no limit.
	ConcurrencyLimit int
}

// Emulator is an in-memory Twilio. It implements [net/http.Handler] and is
// safe for concurrent use.
type Emulator struct {
	mu        sync.Mutex // guards everything below; never held while sleeping
	st        *store
	mainSID   string
	mainToken string
	// reviewPolicies are the test control playing Twilio's reviewers, by review kind (reviews.go).
	reviewPolicies map[string]ReviewPolicy
	latency        time.Duration
	lenientKeys    bool
	// alternatives are assumptions switched to their other outcome (alternatives.go).
	alternatives map[string]bool
	// elapsed is how far the test clock control moved the Serverless retention clock past the wall clock
	// (serverless_retention.go).
	elapsed time.Duration
	// emergencyDelay and emergencyHeld time emergency address registrations (numbers_emergency.go).
	emergencyDelay time.Duration
	emergencyHeld  bool

	faults      []*faultState
	nextFaultID int
	rng         *rand.Rand

	log         []Request
	logStart    int // index of the oldest entry once log is full
	inFlight    map[string]int
	peak        map[string]int
	inFlightAll int
	peakAll     int

	concurrencyLimit int
	credInFlight     map[string]int
	throttled        int
	served           int // Twilio API requests answered since the start, beyond the log's reach
}

// New returns an emulator holding one active main account.
func New(opts Options) *Emulator {
	seed := opts.Seed
	if seed == 0 {
		seed = 1
	}
	e := &Emulator{
		st:          newStore(),
		latency:     opts.Latency,
		lenientKeys: opts.LenientKeys,

		concurrencyLimit: opts.ConcurrencyLimit,
		credInFlight:     map[string]int{},
		rng:              rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		inFlight:         map[string]int{},
		peak:             map[string]int{},

		emergencyDelay: DefaultEmergencyRegistrationDelay,
	}
	e.mainSID, e.mainToken = e.NewMainAccount(opts.AccountSID, opts.AuthToken, "")
	return e
}

// MainAccount returns the main account's SID and auth token.
func (e *Emulator) MainAccount() (sid, authToken string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.mainSID, e.mainToken
}

// AuthTokenIn returns an account's auth token in a processing region (us1,
// ie1, au1): Twilio gives each region its own credentials. ok is false for an
// unknown account.
func (e *Emulator) AuthTokenIn(accountSID, region string) (token string, ok bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.st.accounts[accountSID]
	if a == nil {
		return "", false
	}
	return a.authTokenIn(region), true
}

// NewMainAccount adds another main account (another account family), for
// tests of isolation between customers, and returns its credentials. Empty
// arguments are generated; an empty friendly name becomes "My first Twilio
// account". An existing account with the same SID is replaced.
func (e *Emulator) NewMainAccount(sid, authToken, friendlyName string) (accountSID, token string) {
	if sid == "" {
		sid = newSID("AC")
	}
	if authToken == "" {
		authToken = newSecret()
	}
	if friendlyName == "" {
		friendlyName = "My first Twilio account"
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	t := now()
	keep(e, e.st.accounts, sid, &Account{
		Sid: sid, OwnerAccountSid: sid, FriendlyName: friendlyName, Status: StatusActive,
		Type: "Full", AuthToken: authToken, stamp: stamp{DateCreated: t, DateUpdated: t},
		Dialing: defaultDialing(),
	})
	return sid, authToken
}

// SetLatency changes the fixed delay added to every Twilio API request.
func (e *Emulator) SetLatency(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.latency = d
}

// call is one Twilio API request being handled.
type call struct {
	r      *http.Request
	path   string
	form   url.Values // the body for POST, the query string otherwise
	params map[string]string
	p      principal
	target *Account // the account the request acts on
	base   string   // scheme and host for absolute URLs (v1/v2 APIs)
}

// result is what a handler produced; it is written after the lock is released.
type result struct {
	status int
	body   any
	err    *apiError
}

// ServeHTTP serves the Twilio API and, under /_emulator/, the control surface.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, controlPrefix) {
		e.serveControl(w, r)
		return
	}
	start := time.Now()
	parseErr := parseBody(r)
	rt, params, routeErr := match(r)

	e.mu.Lock()
	acting := e.actingAccount(r, params)
	e.enter(acting)
	cred := e.credentialAccount(r)
	admitted := e.admit(cred)
	plan := e.planFaults(r)
	pre := e.latency + plan.preLatency
	e.mu.Unlock()

	entry := Request{
		Time: start, Method: r.Method, Host: r.Host, Path: r.URL.Path, RawQuery: r.URL.RawQuery,
		Form: cloneValues(r.Form), Account: acting, Fault: plan.kind,
	}
	entry.AuthUser, _, _ = r.BasicAuth()
	logged := false
	finish := func() {
		if logged {
			return
		}
		logged = true
		entry.Duration = time.Since(start)
		e.mu.Lock()
		e.leave(acting)
		if admitted {
			e.release(cred)
		}
		e.appendLog(entry)
		e.mu.Unlock()
	}
	defer finish()
	// NOTE: a reset reaches the client the moment the connection closes, so the log must say so first:
	// a test reading the log right after its request failed would otherwise race the deferred entry.
	writeFaultLogged := func(f *Fault) int {
		if f.Kind == FaultReset {
			finish()
		}
		return writeFault(w, r.URL.Path, f)
	}

	if !sleep(r.Context(), pre) {
		return // the client went away; nobody reads an answer
	}
	if f := plan.terminal; f != nil && !f.AfterEffect {
		entry.Status = writeFaultLogged(f)
		return
	}
	if !admitted {
		refusal := tooManyRequests()
		writeError(w, refusal)
		entry.Status = refusal.Status
		return
	}

	var res result
	switch {
	case parseErr != nil:
		res.err = badRequest(codeInvalidParameter, "The request body could not be parsed: %v", parseErr)
	case routeErr != nil:
		res.err = routeErr
	default:
		e.mu.Lock()
		res = e.dispatch(r, rt, params)
		e.mu.Unlock()
	}

	if !sleep(r.Context(), plan.postLatency) {
		return
	}
	if f := plan.terminal; f != nil {
		// AfterEffect: the change happened, but the client sees a failure.
		entry.Status = writeFaultLogged(f)
		return
	}
	if res.err != nil {
		writeError(w, res.err)
		entry.Status = res.err.Status
		return
	}
	writeJSON(w, res.status, res.body)
	entry.Status = res.status
}

// dispatch authenticates, authorizes and runs a handler. Callers hold e.mu.
func (e *Emulator) dispatch(r *http.Request, rt *route, params map[string]string) result {
	p, err := e.authenticate(r)
	if err != nil {
		return result{err: err}
	}
	c := &call{r: r, path: r.URL.Path, params: params, p: p, base: baseURL(r, rt.product)}
	if r.Method == http.MethodPost {
		c.form = r.PostForm
	} else {
		c.form = r.URL.Query()
	}
	if err := e.authorize(c, rt); err != nil {
		return result{err: err}
	}
	return rt.methods[r.Method](e, c)
}

// sleep waits for d unless ctx ends first; it reports whether it waited.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

func cloneValues(v url.Values) url.Values {
	if v == nil {
		return url.Values{}
	}
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// parseBody parses a form body: url-encoded, as every Twilio API takes, or multipart for the Serverless
// upload host (serverless_code.go).
func parseBody(r *http.Request) error {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return r.ParseMultipartForm(maxUploadBytes)
	}
	return r.ParseForm()
}
