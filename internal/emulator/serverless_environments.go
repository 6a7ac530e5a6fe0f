package emulator

import (
	"maps"
	"net/http"
	"regexp"
	"unicode/utf8"

	"github.com/tenantwire/terraform-provider-twilio/internal/serverlessruntime"
)

// Environment is a Serverless environment. DomainName is "<service domain_base>[-<domain_suffix>].twil.io"
// ("https://[service name]-[random numbers]-[environment].twil.io/",
// https://www.twilio.com/docs/serverless/functions-assets/functions/create-service; the Environment
// create example in Twilio's Serverless OpenAPI description answers "foobar-1234-stage.twil.io" for the
// suffix "stage"). BuildSid is the build deployed in it, "" until the first deployment: see
// [Emulator.deployBuild].
type Environment struct {
	Sid          string `json:"sid"`
	AccountSid   string `json:"account_sid"`
	ServiceSid   string `json:"service_sid"`
	BuildSid     string `json:"build_sid"`
	UniqueName   string `json:"unique_name"`
	DomainSuffix string `json:"domain_suffix"`
	DomainName   string `json:"domain_name"`
	stamp
}

// Limits from Twilio's Environment resource docs (https://www.twilio.com/docs/serverless/api/resource/environment):
// UniqueName "can be a maximum of 100 characters", DomainSuffix "a URL-friendly name ... a maximum of 16
// characters". URL-friendly is read as what a DNS label allows: letters, digits and dashes.
const (
	maxEnvironmentUniqueName = 100
	maxDomainSuffix          = 16
)

var domainSuffix = regexp.MustCompile(`^[A-Za-z0-9-]*$`)

type environmentJSON struct {
	Sid          string  `json:"sid"`
	AccountSid   string  `json:"account_sid"`
	ServiceSid   string  `json:"service_sid"`
	BuildSid     *string `json:"build_sid"`
	UniqueName   string  `json:"unique_name"`
	DomainSuffix *string `json:"domain_suffix"`
	DomainName   string  `json:"domain_name"`
	v1Meta
	Links map[string]string `json:"links"`
}

func renderEnvironment(c *call, v *Environment) any {
	url := c.base + "/v1/Services/" + v.ServiceSid + "/Environments/" + v.Sid
	return environmentJSON{
		Sid: v.Sid, AccountSid: v.AccountSid, ServiceSid: v.ServiceSid, BuildSid: nullable(v.BuildSid),
		UniqueName: v.UniqueName, DomainSuffix: nullable(v.DomainSuffix), DomainName: v.DomainName,
		v1Meta: v.metaAt(url),
		Links: map[string]string{
			"variables": url + "/Variables", "deployments": url + "/Deployments", "logs": url + "/Logs",
		},
	}
}

// environmentIn finds the environment the path names (param "Sid" or "EnvironmentSid") under the
// path's service.
func (e *Emulator) environmentIn(c *call, param string) (*Service, *Environment, *apiError) {
	s, err := e.serviceIn(c, "ServiceSid")
	if err != nil {
		return nil, nil, err
	}
	v := e.st.sv.environments[c.params[param]]
	if v == nil || v.ServiceSid != s.Sid {
		return nil, nil, notFound(c.path)
	}
	return s, v, nil
}

// deployBuild makes buildSid the environment's live build, as a deployment does. Callers hold e.mu.
func (e *Emulator) deployBuild(v *Environment, buildSid string) {
	v.BuildSid = buildSid
	v.DateUpdated = touched(v.DateUpdated)
}

// dropEnvironment removes an environment and its variables.
func (s *serverlessStore) dropEnvironment(envSid string) {
	maps.DeleteFunc(s.variables, func(_ string, v *Variable) bool { return v.EnvironmentSid == envSid })
	s.code.dropEnvironment(envSid)
	delete(s.environments, envSid)
}

func (e *Emulator) listEnvironments(c *call) result {
	s, err := e.serviceIn(c, "ServiceSid")
	if err != nil {
		return result{err: err}
	}
	all := sorted(e.st.sv.environments, func(v *Environment) bool { return v.ServiceSid == s.Sid })
	return listed(c, listV1, "environments", nil, all,
		func(v *Environment) string { return v.Sid }, func(v *Environment) any { return renderEnvironment(c, v) })
}

// createEnvironment needs UniqueName; DomainSuffix is optional. Environments have no update in Twilio's
// API: both are fixed for the environment's life.
func (e *Emulator) createEnvironment(c *call) result {
	s, err := e.serviceIn(c, "ServiceSid")
	if err != nil {
		return result{err: err}
	}
	unique, suffix := c.form.Get("UniqueName"), c.form.Get("DomainSuffix")
	switch {
	case unique == "":
		return result{err: missingParam("UniqueName")}
	case utf8.RuneCountInString(unique) > maxEnvironmentUniqueName:
		return result{err: badRequest(codeInvalidParameter, "UniqueName must be at most %d characters long", maxEnvironmentUniqueName)}
	case len(suffix) > maxDomainSuffix:
		return result{err: badRequest(codeInvalidParameter, "DomainSuffix must be at most %d characters long", maxDomainSuffix)}
	case !domainSuffix.MatchString(suffix):
		return result{err: badRequest(codeInvalidParameter, "DomainSuffix %q may only contain letters, numbers and dashes", suffix)}
	}
	// Two environments of a service cannot share a unique name or a domain (an empty suffix is the
	// service's bare domain, so it counts too).
	inService := 0
	for _, other := range e.st.sv.environments {
		if other.ServiceSid == s.Sid && (other.UniqueName == unique || other.DomainSuffix == suffix) {
			return result{err: newError(http.StatusConflict, codeConflict,
				"Environment with this UniqueName or DomainSuffix already exists")}
		}
		if other.ServiceSid == s.Sid {
			inService++
		}
	}
	// 25 environments per service: the assumption serverless-count-limits (checkBuildLimits).
	if inService >= serverlessruntime.MaxEnvironmentsPerService {
		return result{err: badRequest(codeInvalidParameter, "A Service can have at most %d Environments",
			serverlessruntime.MaxEnvironmentsPerService)}
	}
	domain := s.DomainBase
	if suffix != "" {
		domain += "-" + suffix
	}
	t := now()
	v := &Environment{Sid: newSID("ZE"), AccountSid: s.AccountSid, ServiceSid: s.Sid, UniqueName: unique,
		DomainSuffix: suffix, DomainName: domain + ".twil.io", stamp: stamp{DateCreated: t, DateUpdated: t}}
	return created(e, e.st.sv.environments, v.Sid, v, func() any { return renderEnvironment(c, v) })
}

// environmentKind serves a service's environments (they have no update); a deleted environment takes its
// variables and deployments along.
var environmentKind = objectKind[Environment, *Environment]{
	find: func(e *Emulator, c *call) (*Environment, *apiError) {
		_, v, err := e.environmentIn(c, "Sid")
		return v, err
	},
	render: func(_ *Emulator, c *call, v *Environment) any { return renderEnvironment(c, v) },
	drop:   func(e *Emulator, v *Environment) { e.st.sv.dropEnvironment(v.Sid) },
}
