// Package oas checks HTTP traffic against Twilio's own OpenAPI descriptions, so the local emulator
// cannot drift from Twilio unnoticed: wrap the emulator in (*Validator).Middleware and every request
// and response it handles is validated, and each mismatch is kept as a Violation.
//
// The specs come from the pinned npm package that scripts/fetch-specs.sh downloads into DefaultDir.
// Twilio's descriptions need a few loader and validator tweaks before kin-openapi can use them as a
// conformance oracle; each is explained where it is made: loadSpec, twilioFormats, tightenResponses
// and adaptFormFields.
package oas

import (
	"context"
	"fmt"
	"maps"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// SpecVersion is the version of the npm package @twilio-alpha/mcp whose twilio-oai files are validated
// against. scripts/fetch-specs.sh pins the same version (and the tarball's checksum).
const SpecVersion = "0.7.0"

// specNames are the spec files Load reads, without the "twilio_" prefix and ".json" suffix. The
// names also qualify operation IDs (see Operations), because Twilio reuses operation IDs across
// specs: FetchKey is both the 2010 API's key and IAM v1's key.
var specNames = []string{"api_v2010", "iam_v1", "studio_v2", "accounts_v1", "numbers_v2", "serverless_v1", "voice_v1", "messaging_v1", "trusthub_v1"}

// Violation is one way a request or a response differed from Twilio's OpenAPI description.
type Violation struct {
	// Method and Path are the request's, as the server received them.
	Method string
	Path   string
	// OperationID is the matched operation, qualified by its spec ("iam_v1.CreateNewKey"), or empty
	// when no operation matched.
	OperationID string
	// Kind is "request" or "response".
	Kind string
	// Err says what did not match.
	Err string
}

// String formats the violation for test logs.
func (v Violation) String() string {
	op := v.OperationID
	if op == "" {
		op = "no operation"
	}
	return fmt.Sprintf("%s %s (%s): %s: %s", v.Method, v.Path, op, v.Kind, v.Err)
}

// Violation kinds.
const (
	KindRequest  = "request"
	KindResponse = "response"
)

// spec is one loaded description and its router. Both are read-only once Load returns, so validators
// made by Fork share them.
type spec struct {
	name   string
	host   string
	doc    *openapi3.T
	router routers.Router
}

// Validator validates traffic against Twilio's OpenAPI descriptions and records the outcome. It is safe
// for concurrent use.
type Validator struct {
	specs  []*spec          // in the order used to guess a product from a path
	byHost map[string]*spec // Twilio product host, e.g. "api.twilio.com"

	mu         sync.Mutex
	violations []Violation
	operations map[string]bool
}

// DefaultDir is where scripts/fetch-specs.sh puts the specs: $TWILIO_OAS_DIR when set, else a folder
// keyed by SpecVersion under the user's cache directory ($XDG_CACHE_HOME or ~/.cache), outside the
// clone so that CI's fresh clones reuse it.
func DefaultDir() string {
	if dir := os.Getenv("TWILIO_OAS_DIR"); dir != "" {
		return dir
	}
	cache := os.Getenv("XDG_CACHE_HOME")
	if cache == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			// NOTE: without a home the script could not have written there either; a relative
			// folder makes Load fail with a clear "no such file" naming it.
			home = "."
		}
		cache = filepath.Join(home, ".cache")
	}
	return filepath.Join(cache, "terraform-provider-twilio", "oas", SpecVersion)
}

// Load reads twilio_{api_v2010,iam_v1,studio_v2,accounts_v1,numbers_v2,serverless_v1}.json from dir, adapts them for validation
// and builds one router per spec. Loading the 2 MB 2010 API description takes about half a second, so
// tests should load once and Fork.
func Load(dir string) (*Validator, error) {
	v := &Validator{byHost: map[string]*spec{}, operations: map[string]bool{}}
	for _, name := range specNames {
		s, err := loadSpec(filepath.Join(dir, "twilio_"+name+".json"))
		if err != nil {
			return nil, err
		}
		s.name = name
		v.specs = append(v.specs, s)
		v.byHost[s.host] = s
		if name == "serverless_v1" {
			up, err := uploadSpec(s.doc)
			if err != nil {
				return nil, err
			}
			v.specs = append(v.specs, up)
			v.byHost[up.host] = up
		}
	}
	return v, nil
}

// loadSpec loads one description and builds its router.
func loadSpec(path string) (*spec, error) {
	// A missing file is reported as such (wrapping fs.ErrNotExist), so tests can tell "not fetched
	// yet" from a broken spec.
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("spec %s is missing (run scripts/fetch-specs.sh to fetch the specs): %w", path, err)
	}
	loader := openapi3.NewLoader()
	// Twilio's specs are self-contained; refusing external refs keeps loading offline and
	// deterministic even if a future version grew one.
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	// NOTE: Twilio's examples do not always match their own schemas (the 2010 API's
	// IncomingPhoneNumber example puts an AP… SID in trunk_sid, whose pattern is ^TK…), so example
	// validation is off; the examples are documentation, not the contract. Unknown formats
	// ("phone-number", "uri-map", ...) are already ignored by document validation by default.
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		return nil, fmt.Errorf("validate %s: %w", path, err)
	}
	host, err := specHost(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	tightenResponses(doc)
	adaptFormFields(doc)
	// gorillamux honours per-path servers, which Twilio uses on every path, so routes match on the
	// host too (FindRoute is given https://<product host>/<path>).
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("route %s: %w", path, err)
	}
	return &spec{host: host, doc: doc, router: router}, nil
}

// specHost returns the one Twilio host a spec serves. Twilio puts servers both at the top and on each
// path (a few paths have none and inherit the top level); all name the same product host.
func specHost(doc *openapi3.T) (string, error) {
	hosts := map[string]bool{}
	add := func(servers openapi3.Servers) error {
		for _, s := range servers {
			u, err := url.Parse(s.URL)
			if err != nil {
				return fmt.Errorf("server %q: %w", s.URL, err)
			}
			hosts[u.Host] = true
		}
		return nil
	}
	if err := add(doc.Servers); err != nil {
		return "", err
	}
	for _, item := range doc.Paths.Map() {
		if err := add(item.Servers); err != nil {
			return "", err
		}
	}
	names := slices.Sorted(maps.Keys(hosts))
	if len(names) != 1 {
		return "", fmt.Errorf("want exactly one server host, got %v", names)
	}
	return names[0], nil
}

// Fork returns a Validator that shares v's loaded specs and starts with no records, so parallel tests
// can each keep their own violations without loading the specs again.
func (v *Validator) Fork() *Validator {
	return &Validator{specs: v.specs, byHost: v.byHost, operations: map[string]bool{}}
}

// Violations returns the violations recorded so far, in the order they were found.
func (v *Validator) Violations() []Violation {
	v.mu.Lock()
	defer v.mu.Unlock()
	return slices.Clone(v.violations)
}

// Operations returns the sorted, spec-qualified IDs ("api_v2010.FetchAccount") of the operations that
// had at least one successful exchange whose request and response both matched the spec.
func (v *Validator) Operations() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return slices.Sorted(maps.Keys(v.operations))
}

// Reset forgets the recorded violations and operations.
func (v *Validator) Reset() {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.violations = nil
	v.operations = map[string]bool{}
}

func (v *Validator) record(vs []Violation, operation string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.violations = append(v.violations, vs...)
	if operation != "" {
		v.operations[operation] = true
	}
}

// qualify names an operation by spec, since operation IDs repeat across Twilio's specs.
func qualify(s *spec, route *routers.Route) string {
	if route == nil || route.Operation == nil {
		return ""
	}
	return s.name + "." + route.Operation.OperationID
}

// hostOnly strips the port from a Host header.
func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return hostport
}
