package emulator

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"regexp"
	"time"
	"unicode/utf8"

	"github.com/tenantwire/terraform-provider-twilio/internal/serverlessruntime"
)

// Serverless v1 (https://www.twilio.com/docs/serverless/api): services, their environments and the
// environments' variables live here and in serverless_environments.go / serverless_variables.go;
// functions, assets, builds, deployments and the upload host live in the serverless_code/builds files.
// Every route acts on the authenticated account only, like Studio (product hosts need the account's own
// credentials; see authorize).

// productServerless is serverless.twilio.com; productServerlessUpload is serverless-upload.twilio.com,
// which serves the same /v1/Services/... paths for content uploads.
const (
	productServerless       = "serverless"
	productServerlessUpload = "serverless-upload"
)

// serverlessRoutes are the routes of this file and its two siblings; the functions, builds and uploads
// files register theirs the same way, each in its own init, so no file lists another's routes.
var serverlessRoutes = []*route{
	{productServerless, []string{"v1", "Services"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listServices, http.MethodPost: (*Emulator).createService}},
	{productServerless, []string{"v1", "Services", "{Sid}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: serviceKind.fetch, http.MethodPost: serviceKind.update,
		http.MethodDelete: serviceKind.delete}},
	{productServerless, []string{"v1", "Services", "{ServiceSid}", "Environments"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listEnvironments, http.MethodPost: (*Emulator).createEnvironment}},
	{productServerless, []string{"v1", "Services", "{ServiceSid}", "Environments", "{Sid}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: environmentKind.fetch, http.MethodDelete: environmentKind.delete}},
	{productServerless, []string{"v1", "Services", "{ServiceSid}", "Environments", "{EnvironmentSid}", "Variables"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listVariables, http.MethodPost: (*Emulator).createVariable}},
	{productServerless, []string{"v1", "Services", "{ServiceSid}", "Environments", "{EnvironmentSid}", "Variables", "{Sid}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: variableKind.fetch, http.MethodPost: variableKind.update,
		http.MethodDelete: variableKind.delete}},
}

func init() { routes = append(routes, serverlessRoutes...) }

// codeConflict answers a create whose unique value is taken.
//
// ASSUMPTION(serverless-conflict): Twilio answers HTTP 409 to an environment whose UniqueName or
// DomainSuffix is taken ("Environment with this UniqueName or DomainSuffix already exists", reported by
// users of the Serverless API) but documents neither the code nor the answer for a taken service unique
// name or variable key. The emulator answers 409 with Twilio's generic conflict code 20409, the code its
// Studio v2 docs show for a 409 (https://www.twilio.com/docs/studio/rest-api/v2/execution). The provider
// treats any error of a create as a failed create (nothing stored) and its hint for a 409 says the name is
// taken, so it is right under any code.
const codeConflict = 20409

// Service is a Serverless service. DomainBase is "<unique name>-<4 random digits>", the first part of
// every environment's domain (https://www.twilio.com/docs/serverless/functions-assets/functions/create-service).
type Service struct {
	Sid                string `json:"sid"`
	AccountSid         string `json:"account_sid"`
	FriendlyName       string `json:"friendly_name"`
	UniqueName         string `json:"unique_name"`
	IncludeCredentials bool   `json:"include_credentials"`
	UIEditable         bool   `json:"ui_editable"`
	DomainBase         string `json:"domain_base"`
	stamp
}

// serverlessStore holds the Serverless objects, keyed by SID. Callers hold Emulator.mu.
type serverlessStore struct {
	services     map[string]*Service
	environments map[string]*Environment
	variables    map[string]*Variable
	code         codeStore // functions, assets, versions, builds, deployments (serverless_code.go)
}

func newServerlessStore() *serverlessStore {
	return &serverlessStore{
		services:     map[string]*Service{},
		environments: map[string]*Environment{},
		variables:    map[string]*Variable{},
		code:         newCodeStore(),
	}
}

// snapshot copies the Serverless objects into snap in creation order.
func (s *serverlessStore) snapshot(snap *Snapshot) {
	for _, v := range sorted(s.services, nil) {
		snap.Services = append(snap.Services, *v)
	}
	for _, v := range sorted(s.environments, nil) {
		snap.Environments = append(snap.Environments, *v)
	}
	for _, v := range sorted(s.variables, nil) {
		snap.Variables = append(snap.Variables, *v)
	}
}

// dates returns the creation and update dates of the Serverless object sid, for Backdate; nil when sid
// is not one.
func (s *serverlessStore) dates(sid string) (created, updated *time.Time) {
	if v := s.services[sid]; v != nil {
		return &v.DateCreated, &v.DateUpdated
	}
	if v := s.environments[sid]; v != nil {
		return &v.DateCreated, &v.DateUpdated
	}
	if v := s.variables[sid]; v != nil {
		return &v.DateCreated, &v.DateUpdated
	}
	return s.code.dates(sid)
}

// dropAccount removes a closed account's Serverless objects (see closeAccount).
func (s *serverlessStore) dropAccount(accountSid string) {
	for _, v := range s.services {
		if v.AccountSid == accountSid {
			s.dropService(v.Sid)
		}
	}
}

// dropService removes a service and everything under it: every environment, variable, function and build
// is addressed through the service's path, which no longer resolves once the service is deleted.
func (s *serverlessStore) dropService(serviceSid string) {
	for _, env := range s.environments {
		if env.ServiceSid == serviceSid {
			s.dropEnvironment(env.Sid)
		}
	}
	s.code.dropService(serviceSid)
	delete(s.services, serviceSid)
}

// Limits and formats from Twilio's Service resource docs
// (https://www.twilio.com/docs/serverless/api/resource/service): UniqueName "must be 50 characters or
// less", FriendlyName "a maximum of 255 characters"; a service name "may only contain letters, numbers,
// and dashes" (https://www.twilio.com/docs/serverless/functions-assets/functions/create-service).
const (
	maxServiceUniqueName   = 50
	maxServiceFriendlyName = 255
)

var serviceUniqueName = regexp.MustCompile(`^[A-Za-z0-9-]+$`)

type serviceJSON struct {
	Sid                string `json:"sid"`
	AccountSid         string `json:"account_sid"`
	FriendlyName       string `json:"friendly_name"`
	UniqueName         string `json:"unique_name"`
	IncludeCredentials bool   `json:"include_credentials"`
	UIEditable         bool   `json:"ui_editable"`
	DomainBase         string `json:"domain_base"`
	v1Meta
	Links map[string]string `json:"links"`
}

func renderService(c *call, s *Service) any {
	url := c.base + "/v1/Services/" + s.Sid
	return serviceJSON{
		Sid: s.Sid, AccountSid: s.AccountSid, FriendlyName: s.FriendlyName, UniqueName: s.UniqueName,
		IncludeCredentials: s.IncludeCredentials, UIEditable: s.UIEditable, DomainBase: s.DomainBase,
		v1Meta: s.metaAt(url),
		Links: map[string]string{
			"environments": url + "/Environments", "functions": url + "/Functions",
			"assets": url + "/Assets", "builds": url + "/Builds",
		},
	}
}

// serviceIn finds the service the path names, by SID or by unique name ("It can be used in place of the
// Service resource's sid in the URL"), in the calling account. param is "Sid" or "ServiceSid".
func (e *Emulator) serviceIn(c *call, param string) (*Service, *apiError) {
	id := c.params[param]
	if s := e.st.sv.services[id]; s != nil && s.AccountSid == c.target.Sid {
		return s, nil
	}
	for _, s := range e.st.sv.services {
		if s.AccountSid == c.target.Sid && s.UniqueName == id {
			return s, nil
		}
	}
	return nil, notFound(c.path)
}

// bindService applies FriendlyName, IncludeCredentials and UiEditable.
func bindService(c *call, s *Service) *apiError {
	b := binder{form: c.form}
	b.str("FriendlyName", &s.FriendlyName)
	b.boolean("IncludeCredentials", &s.IncludeCredentials)
	b.boolean("UiEditable", &s.UIEditable)
	if b.err != nil {
		return b.err
	}
	if utf8.RuneCountInString(s.FriendlyName) > maxServiceFriendlyName {
		return badRequest(codeInvalidParameter, "FriendlyName must be at most %d characters long", maxServiceFriendlyName)
	}
	return nil
}

func (e *Emulator) listServices(c *call) result {
	all := sorted(e.st.sv.services, func(s *Service) bool { return s.AccountSid == c.target.Sid })
	return listed(c, listV1, "services", nil, all,
		func(s *Service) string { return s.Sid }, func(s *Service) any { return renderService(c, s) })
}

// createService needs UniqueName and FriendlyName. IncludeCredentials defaults to true and UiEditable to
// false, as Twilio documents.
func (e *Emulator) createService(c *call) result {
	for _, name := range []string{"UniqueName", "FriendlyName"} {
		if c.form.Get(name) == "" {
			return result{err: missingParam(name)}
		}
	}
	unique := c.form.Get("UniqueName")
	switch {
	case utf8.RuneCountInString(unique) > maxServiceUniqueName:
		return result{err: badRequest(codeInvalidParameter, "UniqueName must be at most %d characters long", maxServiceUniqueName)}
	case !serviceUniqueName.MatchString(unique):
		return result{err: badRequest(codeInvalidParameter, "UniqueName %q may only contain letters, numbers and dashes", unique)}
	}
	inAccount := 0
	for _, other := range e.st.sv.services {
		if other.AccountSid == c.target.Sid && other.UniqueName == unique {
			return result{err: newError(http.StatusConflict, codeConflict, "Service with UniqueName %s already exists", unique)}
		}
		if other.AccountSid == c.target.Sid {
			inAccount++
		}
	}
	// 10 services per account: the assumption serverless-count-limits (checkBuildLimits).
	if inAccount >= serverlessruntime.MaxServicesPerAccount {
		return result{err: badRequest(codeInvalidParameter, "An account can have at most %d Services",
			serverlessruntime.MaxServicesPerAccount)}
	}
	t := now()
	s := &Service{Sid: newSID("ZS"), AccountSid: c.target.Sid, UniqueName: unique, IncludeCredentials: true,
		DomainBase: fmt.Sprintf("%s-%04d", unique, rand.IntN(10000)), stamp: stamp{DateCreated: t, DateUpdated: t}}
	if err := bindService(c, s); err != nil {
		return result{err: err}
	}
	return created(e, e.st.sv.services, s.Sid, s, func() any { return renderService(c, s) })
}

// serviceKind serves an account's Serverless services. An update changes FriendlyName, IncludeCredentials
// and UiEditable; the unique name "cannot be updated" (it is part of the domain). A deleted service takes
// everything in it along.
var serviceKind = objectKind[Service, *Service]{
	find:   func(e *Emulator, c *call) (*Service, *apiError) { return e.serviceIn(c, "Sid") },
	render: func(_ *Emulator, c *call, s *Service) any { return renderService(c, s) },
	edit: func(_ *Emulator, c *call, _, next *Service) *apiError {
		if err := bindService(c, next); err != nil {
			return err
		}
		if next.FriendlyName == "" {
			return badRequest(codeInvalidParameter, "FriendlyName cannot be empty")
		}
		return nil
	},
	drop: func(e *Emulator, s *Service) { e.st.sv.dropService(s.Sid) },
}
