package oas

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// skipPrefix marks the emulator's own control endpoints, which are not part of Twilio's API.
const skipPrefix = "/_emulator/"

// Middleware validates each exchange that passes through it and records what does not match Twilio's
// specs:
//
//   - a request no operation describes (unknown path or method) is a request violation, whatever the
//     answer;
//   - a successful answer (below 400) must come from a request the spec accepts (parameters, form body,
//     HTTP Basic credentials, no undeclared fields) and must match the operation's response for that
//     status, which must be documented;
//   - an error answer (400 and above) must have Twilio's error shape {code, message, more_info, status},
//     with a code Twilio documents for the operation (errorcodes.go). The request is judged too (its
//     parameters, form body and fields, not its credentials, which a 401 is about): a client's malformed
//     request must not pass because the emulator happened to refuse it. This is also how injected faults
//     (429, 500, 503) are checked;
//   - a hijacked connection (an injected connection reset), or a client gone before any answer, has no
//     response to check and is skipped.
//
// The response is buffered and validated before it is sent, so a client that has its answer can read
// Violations without racing the check. Paths under /_emulator/ pass through unchecked.
func (v *Validator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, skipPrefix) {
			next.ServeHTTP(w, r)
			return
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			v.record([]Violation{{Method: r.Method, Path: r.URL.Path, Kind: KindRequest,
				Err: "reading the request body: " + err.Error()}}, "")
			http.Error(w, "reading the request body failed", http.StatusBadRequest)
			return
		}
		_ = r.Body.Close() // The body is fully read; closing a server request body cannot fail usefully.
		r.Body = io.NopCloser(bytes.NewReader(body))

		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.hijacked {
			return
		}
		if rec.status == 0 && r.Context().Err() != nil {
			// The client went away before the handler answered (the emulator then writes nothing);
			// there is no answer to judge.
			return
		}
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		v.check(r, body, rec.status, w.Header().Clone(), rec.body.Bytes())
		w.WriteHeader(rec.status)
		_, _ = w.Write(rec.body.Bytes()) // A client that went away is not a conformance problem.
	})
}

// recorder holds the response back until it has been validated. Headers go straight to the real
// writer's map (they are not sent before WriteHeader).
type recorder struct {
	http.ResponseWriter
	status   int
	body     bytes.Buffer
	hijacked bool
}

func (rec *recorder) WriteHeader(status int) {
	if rec.status == 0 {
		rec.status = status
	}
}

func (rec *recorder) Write(p []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return rec.body.Write(p)
}

// Hijack lets the emulator's fault injection reset the connection through the middleware.
func (rec *recorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	h, ok := rec.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("oas: the underlying ResponseWriter cannot hijack")
	}
	rec.hijacked = true
	return h.Hijack()
}

// Flush is a no-op: the response is sent in one piece once validated.
func (rec *recorder) Flush() {}

// check validates one exchange and records the outcome.
func (v *Validator) check(r *http.Request, body []byte, status int, header http.Header, respBody []byte) {
	violation := func(kind, operation string, err error) Violation {
		return Violation{Method: r.Method, Path: r.URL.Path, OperationID: operation, Kind: kind, Err: err.Error()}
	}
	var found []Violation

	s, route, params, err := v.findRoute(r)
	operation := ""
	if err != nil {
		found = append(found, violation(KindRequest, "", err))
	} else {
		operation = qualify(s, route)
	}

	if route == nil {
		if status >= 400 {
			if err := checkError(status, header, respBody, ""); err != nil {
				found = append(found, violation(KindResponse, operation, err))
			}
		}
		v.record(found, "")
		return
	}

	ctx := context.Background()
	opts := filterOptions()
	if status >= 400 {
		// An error answer is judged on its own terms below; the credentials are what 401 answers judge.
		opts.AuthenticationFunc = func(context.Context, *openapi3filter.AuthenticationInput) error { return nil }
	}
	upload := s.name == uploadSpecName
	if upload {
		opts.ExcludeRequestBody = true // judged by checkUploadForm
	}
	req := r.Clone(ctx)
	req.Body = io.NopCloser(bytes.NewReader(body))
	input := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	requestOK := true
	if err := openapi3filter.ValidateRequest(ctx, input); err != nil {
		requestOK = false
		found = append(found, violation(KindRequest, operation, err))
	}
	if upload {
		if err := checkUploadForm(r, body); err != nil {
			requestOK = false
			found = append(found, violation(KindRequest, operation, err))
		}
	}
	if err := checkUnknownRequestFields(r, body, route); err != nil {
		requestOK = false
		found = append(found, violation(KindRequest, operation, err))
	}
	if status >= 400 {
		if err := checkError(status, header, respBody, operation); err != nil {
			found = append(found, violation(KindResponse, operation, err))
		}
		v.record(found, "")
		return
	}

	respInput := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: input,
		Status:                 status,
		Header:                 header,
		Body:                   io.NopCloser(bytes.NewReader(respBody)),
		Options:                opts,
	}
	responseOK := true
	if err := openapi3filter.ValidateResponse(ctx, respInput); err != nil {
		responseOK = false
		found = append(found, violation(KindResponse, operation, err))
	}
	if !requestOK || !responseOK {
		operation = ""
	}
	v.record(found, operation)
}

// filterOptions are the openapi3filter options for every exchange.
func filterOptions() *openapi3filter.Options {
	return &openapi3filter.Options{
		AuthenticationFunc: basicAuth,
		MultiError:         true,
		// Validation must not rewrite what it checks.
		SkipSettingDefaults: true,
		// A 200 where Twilio answers 201 is drift too.
		IncludeResponseStatus:   true,
		SchemaValidationOptions: schemaOptions(),
	}
}

// schemaOptions are the schema validation options for every value checked.
func schemaOptions() []openapi3.SchemaValidationOption {
	return []openapi3.SchemaValidationOption{
		openapi3.WithStringFormatValidators(twilioFormats()),
		// Messages name the field and the reason but not the value: values include auth tokens and
		// key secrets, and violations end up in test logs.
		openapi3.DisableSchemaErrorDetails(),
	}
}

// findRoute finds the operation for a request. The route is looked up as https://<Twilio host><path>
// because every path in Twilio's specs has its product's server. The emulator receives the Twilio
// product host in the Host header (the provider's transport rewrites only where the request goes);
// for any other host (127.0.0.1 when called directly) the product is inferred from the path by trying
// each spec in turn: /2010-04-01/... is the API, /v1/Keys IAM, /v2/... Studio.
func (v *Validator) findRoute(r *http.Request) (*spec, *routers.Route, map[string]string, error) {
	host := hostOnly(r.Host)
	// A regional host (api.dublin.ie1.twilio.com) serves the same operations as the product's default host.
	if product, _, ok, retired := twilioregion.ParseHost(host); ok && !retired {
		host = twilioregion.Host(product, "", "")
	}
	candidates := v.specs
	if s, ok := v.byHost[host]; ok {
		candidates = []*spec{s}
	} else if host == "twilio.com" || strings.HasSuffix(host, ".twilio.com") {
		return nil, nil, nil, fmt.Errorf("no Twilio spec loaded for host %s", host)
	}
	var firstErr error
	for _, s := range candidates {
		u := *r.URL
		u.Scheme, u.Host = "https", s.host
		probe := r.Clone(context.Background())
		probe.URL, probe.Host = &u, s.host
		route, params, err := s.router.FindRoute(probe)
		if err == nil {
			return s, route, params, nil
		}
		if firstErr == nil || errors.Is(err, routers.ErrMethodNotAllowed) {
			firstErr = err
		}
	}
	return nil, nil, nil, fmt.Errorf("no operation in Twilio's OpenAPI for %s %s (host %s): %w", r.Method, r.URL.Path, r.Host, firstErr)
}

// basicAuth accepts a request carrying HTTP Basic credentials, which is the only security scheme
// Twilio's specs declare. Whether the credentials are right is the emulator's business, not the spec's.
func basicAuth(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	scheme := in.SecurityScheme
	if scheme == nil || scheme.Type != "http" || !strings.EqualFold(scheme.Scheme, "basic") {
		return fmt.Errorf("unsupported security scheme %q", in.SecuritySchemeName)
	}
	user, pass, ok := in.RequestValidationInput.Request.BasicAuth()
	if !ok || user == "" || pass == "" {
		return errors.New("no HTTP Basic credentials")
	}
	return nil
}

// checkUnknownRequestFields reports query parameters and form fields the operation does not declare.
// Twilio ignores unknown fields, so a misspelt "FriendlyNmae" would silently do nothing against the
// real API; kin-openapi ignores them too, hence this check.
func checkUnknownRequestFields(r *http.Request, body []byte, route *routers.Route) error {
	known := map[string]bool{}
	for _, params := range []openapi3.Parameters{route.PathItem.Parameters, route.Operation.Parameters} {
		for _, p := range params {
			if p.Value != nil && p.Value.In == openapi3.ParameterInQuery {
				known[p.Value.Name] = true
			}
		}
	}
	var unknown []string
	for name := range r.URL.Query() {
		if !known[name] {
			unknown = append(unknown, "query parameter "+name)
		}
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/x-www-form-urlencoded" {
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return fmt.Errorf("form body: %w", err)
		}
		fields := map[string]bool{}
		if rb := route.Operation.RequestBody; rb != nil && rb.Value != nil {
			if media := rb.Value.Content.Get(mt); media != nil && media.Schema != nil && media.Schema.Value != nil {
				for name := range media.Schema.Value.Properties {
					fields[name] = true
				}
			}
		}
		for name := range form {
			if !fields[name] {
				unknown = append(unknown, "form field "+name)
			}
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	return fmt.Errorf("not in Twilio's description of this operation: %s", strings.Join(unknown, ", "))
}

// checkError checks an error answer's shape and that its code is one Twilio documents for operation.
func checkError(status int, header http.Header, body []byte, operation string) error {
	code, err := checkErrorShape(status, header, body)
	if err != nil {
		return err
	}
	if !documentedCode(operation, code) {
		op := operation
		if op == "" {
			op = "a request no operation matches"
		}
		return fmt.Errorf("error response %d: code %d is not documented for %s (see internal/oas/errorcodes.go)", status, code, op)
	}
	return nil
}

// checkErrorShape checks an error answer against Twilio's error body, which the specs do not describe:
// {"code": 20404, "message": "...", "more_info": "https://www.twilio.com/docs/errors/20404",
// "status": 404}. Twilio adds "details" (an object) to some errors; no other field is expected.
func checkErrorShape(status int, header http.Header, body []byte) (int, error) {
	if mt, _, err := mime.ParseMediaType(header.Get("Content-Type")); err != nil || mt != "application/json" {
		return 0, fmt.Errorf("error response %d: Content-Type %q, want application/json", status, header.Get("Content-Type"))
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var fields map[string]any
	if err := dec.Decode(&fields); err != nil || fields == nil {
		return 0, fmt.Errorf("error response %d: body is not a JSON object", status)
	}
	var problems []string
	code, ok := fields["code"].(json.Number)
	n, err := code.Int64()
	if !ok || err != nil {
		problems = append(problems, "code must be an integer")
	}
	if msg, ok := fields["message"].(string); !ok || msg == "" {
		problems = append(problems, "message must be a non-empty string")
	}
	moreInfo, ok := fields["more_info"].(string)
	if u, err := url.Parse(moreInfo); !ok || err != nil || !u.IsAbs() {
		problems = append(problems, "more_info must be an absolute URL")
	}
	st, ok := fields["status"].(json.Number)
	if s, err := st.Int64(); !ok || err != nil || s != int64(status) {
		problems = append(problems, fmt.Sprintf("status must be the HTTP status %d", status))
	}
	if d, present := fields["details"]; present {
		if _, ok := d.(map[string]any); !ok {
			problems = append(problems, "details must be an object")
		}
	}
	for name := range fields {
		switch name {
		case "code", "message", "more_info", "status", "details":
		default:
			problems = append(problems, "unexpected field "+name)
		}
	}
	if len(problems) == 0 {
		return int(n), nil
	}
	slices.Sort(problems)
	return 0, fmt.Errorf("error response %d does not have Twilio's error shape: %s", status, strings.Join(problems, "; "))
}
