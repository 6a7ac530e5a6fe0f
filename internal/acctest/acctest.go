// Package acctest is the acceptance tests' harness: it gives each test its own Twilio (an in-process
// emulator on a loopback port whose traffic is validated against Twilio's OpenAPI description, or a real
// account), provider configuration blocks, and a client for checks and Console-style edits.
package acctest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Environment variables of the harness.
const (
	// EnvRealAccount set to 1 runs the acceptance tests against the Twilio account in TWILIO_ACCOUNT_SID and
	// TWILIO_AUTH_TOKEN instead of the emulator. It costs money (numbers are bought) and skips tests that
	// need the emulator's controls.
	EnvRealAccount = "TWILIO_ACC_REAL"
)

// Env is one test's Twilio.
type Env struct {
	// Emulator is nil in real-account mode.
	Emulator   *emulator.Emulator
	URL        string
	AccountSID string
	AuthToken  string

	validator *oas.Validator
	client    *twilioclient.Client
	baseline  map[string]string
}

// RealAccount reports whether the tests run against a real Twilio account.
func RealAccount() bool { return os.Getenv(EnvRealAccount) == "1" }

// New starts a fresh emulator for t (closed when t ends) whose traffic must conform to Twilio's OpenAPI
// description, or returns the real account in real-account mode.
func New(t *testing.T) *Env {
	t.Helper()
	if RealAccount() {
		env := &Env{AccountSID: os.Getenv("TWILIO_ACCOUNT_SID"), AuthToken: os.Getenv("TWILIO_AUTH_TOKEN")}
		if env.AccountSID == "" || env.AuthToken == "" {
			t.Fatalf("%s=1 needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN", EnvRealAccount)
		}
		return env
	}
	emu := emulator.New(emulator.Options{})
	sid, token := emu.MainAccount()
	env := &Env{Emulator: emu, AccountSID: sid, AuthToken: token}

	// Every exchange is validated against Twilio's OpenAPI description, so a test cannot pass on an
	// emulator behaviour Twilio does not have.
	env.validator = oastest.Validator(t)
	handler := env.validator.Middleware(emu)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("starting emulator: %v", err)
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	env.URL = "http://" + ln.Addr().String()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		env.checkConformance(t)
	})
	return env
}

// RequireEmulator skips t in real-account mode, for tests that inject faults or read the request log.
func (e *Env) RequireEmulator(t *testing.T) {
	t.Helper()
	if e.Emulator == nil {
		t.Skip("needs the emulator's controls; skipped against a real account")
	}
}

// Bundle adds a regulatory bundle as Twilio's Console and reviewers would leave it (twilio-approved unless
// o.Status says otherwise) and returns its SID; the provider never creates bundles. It skips t against a
// real account, where bundles take days of review.
func (e *Env) Bundle(t *testing.T, o emulator.BundleOptions) string {
	t.Helper()
	e.RequireEmulator(t)
	sid, err := e.Emulator.NewBundle(o)
	if err != nil {
		t.Fatalf("making a bundle: %v", err)
	}
	return sid
}

// ProviderConfig is a provider block pointing at this Env. Real-account mode leaves configuration to the
// TWILIO_* environment variables, exactly as users do.
func (e *Env) ProviderConfig() string {
	if e.Emulator == nil {
		return ""
	}
	return fmt.Sprintf(`
provider "twilio" {
  base_url    = %q
  account_sid = %q
  auth_token  = %q
  max_retries = 2
}
`, e.URL, e.AccountSID, e.AuthToken)
}

// Config joins the provider block and the given configuration.
func (e *Env) Config(parts ...string) string {
	return e.ProviderConfig() + strings.Join(parts, "\n")
}

// Client is a Twilio client with the main account's credentials, for checks and for changing objects as
// a Console user would (outside Terraform).
func (e *Env) Client(t *testing.T) *twilioclient.Client {
	t.Helper()
	if e.client != nil {
		return e.client
	}
	c, err := twilioclient.New(twilioclient.Config{
		AccountSID: e.AccountSID, AuthToken: e.AuthToken, BaseURL: e.URL, UserAgent: "acctest",
		MaxRetries: 2, MinBackoff: 10 * time.Millisecond, MaxBackoff: 100 * time.Millisecond,
	})
	if err != nil {
		t.Fatalf("test client: %v", err)
	}
	e.client = c
	return c
}

// Requests returns the emulator's log of Twilio API requests whose method and path match.
func (e *Env) Requests(method, pathContains string) []emulator.Request {
	if e.Emulator == nil {
		return nil
	}
	var out []emulator.Request
	for _, r := range e.Emulator.Requests() {
		if (method == "" || r.Method == method) && strings.Contains(r.Path, pathContains) {
			out = append(out, r)
		}
	}
	return out
}

func (e *Env) checkConformance(t *testing.T) {
	oastest.Check(t, e.validator)
	recordOperations(e.validator.Operations())
}

var (
	opsMu sync.Mutex
	ops   = map[string]bool{}
)

func recordOperations(list []string) {
	opsMu.Lock()
	defer opsMu.Unlock()
	for _, op := range list {
		ops[op] = true
	}
}

// ConformanceSummary is the line TestMain prints after the acceptance suite: how many distinct Twilio
// operations the suite's traffic exercised, each validated against the OpenAPI description.
func ConformanceSummary() string {
	opsMu.Lock()
	defer opsMu.Unlock()
	if len(ops) == 0 {
		return "conformance: no emulator traffic was validated"
	}
	names := make([]string, 0, len(ops))
	for op := range ops {
		names = append(names, op)
	}
	sort.Strings(names)
	return fmt.Sprintf("conformance: acceptance traffic exercised %d Twilio operations, every exchange validated "+
		"against Twilio's OpenAPI description: %s", len(names), strings.Join(names, ", "))
}

// UnderBothOutcomes runs test twice in parallel, each with its own emulator, with the emulator's
// alternative for an undocumented Twilio behaviour off and on (subtests "<label>=false" and "=true"): the
// provider must be safe whichever way Twilio behaves.
func UnderBothOutcomes(t *testing.T, alternative, label string, test func(t *testing.T, env *Env, on bool)) {
	t.Helper()
	for _, on := range []bool{false, true} {
		t.Run(fmt.Sprintf("%s=%v", label, on), func(t *testing.T) {
			t.Parallel()
			env := New(t)
			env.RequireEmulator(t)
			env.Emulator.SetAlternative(alternative, on)
			test(t, env, on)
		})
	}
}
