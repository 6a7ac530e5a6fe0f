package emulator_test

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
)

const serverlessHost = "serverless.twilio.com"

// serverlessOperations are the Serverless operations of services, environments and variables;
// TestConformanceServerless must validate each.
var serverlessOperations = []string{
	"serverless_v1.CreateService", "serverless_v1.FetchService", "serverless_v1.ListService",
	"serverless_v1.UpdateService", "serverless_v1.DeleteService",
	"serverless_v1.CreateEnvironment", "serverless_v1.FetchEnvironment", "serverless_v1.ListEnvironment",
	"serverless_v1.DeleteEnvironment",
	"serverless_v1.CreateVariable", "serverless_v1.FetchVariable", "serverless_v1.ListVariable",
	"serverless_v1.UpdateVariable", "serverless_v1.DeleteVariable",
}

// metaNext is a v1 list's next page as a path.
func metaNext(t *testing.T, a answer) string {
	t.Helper()
	meta, _ := a.body["meta"].(map[string]any)
	next, _ := meta["next_page_url"].(string)
	return nextPage(t, next)
}

// TestConformanceServerless drives every service, environment and variable operation, in a subaccount
// with its own credentials, and requires Twilio's Serverless OpenAPI description to accept each exchange
// (errors included).
func TestConformanceServerless(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	mainSID, mainToken := e.MainAccount()
	main := credentials{mainSID, mainToken}
	sub := c.must(201, main, "POST", apiHost, "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {"serverless"}})
	subCreds := credentials{sub.str("sid"), sub.str("auth_token")}

	svc := c.must(201, subCreds, "POST", serverlessHost, "/v1/Services", url.Values{
		"UniqueName": {"voice-fn"}, "FriendlyName": {"Voice"}, "IncludeCredentials": {"false"}, "UiEditable": {"true"},
	})
	sid := svc.str("sid")
	c.must(201, subCreds, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {"other"}, "FriendlyName": {"Other"}})
	c.must(200, subCreds, "GET", serverlessHost, "/v1/Services/"+sid, nil)
	c.must(200, subCreds, "GET", serverlessHost, "/v1/Services/voice-fn", nil)
	c.must(200, subCreds, "GET", "", "/v1/Services/"+sid, nil)
	c.must(200, subCreds, "POST", serverlessHost, "/v1/Services/"+sid, url.Values{
		"FriendlyName": {"Voice 2"}, "IncludeCredentials": {"true"}, "UiEditable": {"false"},
	})
	page := c.must(200, subCreds, "GET", serverlessHost, "/v1/Services", url.Values{"PageSize": {"1"}})
	c.must(200, subCreds, "GET", serverlessHost, metaNext(t, page), nil)

	envs := "/v1/Services/" + sid + "/Environments"
	env := c.must(201, subCreds, "POST", serverlessHost, envs, url.Values{"UniqueName": {"staging"}, "DomainSuffix": {"stage"}}).str("sid")
	c.must(201, subCreds, "POST", serverlessHost, envs, url.Values{"UniqueName": {"production"}})
	c.must(200, subCreds, "GET", serverlessHost, envs+"/"+env, nil)
	page = c.must(200, subCreds, "GET", serverlessHost, envs, url.Values{"PageSize": {"1"}})
	c.must(200, subCreds, "GET", serverlessHost, metaNext(t, page), nil)
	c.must(409, subCreds, "POST", serverlessHost, envs, url.Values{"UniqueName": {"staging"}, "DomainSuffix": {"other"}})

	vars := envs + "/" + env + "/Variables"
	variable := c.must(201, subCreds, "POST", serverlessHost, vars, url.Values{"Key": {"API_KEY"}, "Value": {"SKxyz"}}).str("sid")
	c.must(201, subCreds, "POST", serverlessHost, vars, url.Values{"Key": {"GREETING"}, "Value": {"hello"}})
	c.must(200, subCreds, "GET", serverlessHost, vars+"/"+variable, nil)
	c.must(200, subCreds, "POST", serverlessHost, vars+"/"+variable, url.Values{"Value": {"SKabc"}})
	c.must(409, subCreds, "POST", serverlessHost, vars+"/"+variable, url.Values{"Key": {"GREETING"}})
	page = c.must(200, subCreds, "GET", serverlessHost, vars, url.Values{"PageSize": {"1"}})
	c.must(200, subCreds, "GET", serverlessHost, metaNext(t, page), nil)
	c.must(204, subCreds, "DELETE", serverlessHost, vars+"/"+variable, nil)
	c.must(204, subCreds, "DELETE", serverlessHost, envs+"/"+env, nil)
	c.must(409, subCreds, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {"other"}, "FriendlyName": {"x"}})
	c.must(204, subCreds, "DELETE", serverlessHost, "/v1/Services/"+sid, nil)

	oastest.Check(t, v)
	validated := v.Operations()
	for _, op := range serverlessOperations {
		if !slices.Contains(validated, op) {
			t.Errorf("operation %s was not validated: drive it here", op)
		}
	}
}

// The domain follows Twilio's scheme: <unique name>-<4 digits>[-<suffix>].twil.io.
func TestServerlessDomains(t *testing.T) {
	t.Parallel()
	e := newEmulator()
	c := serve(t, oastest.Validator(t), e)
	main := credentials{conformanceMainSID, conformanceMainToken}
	svc := c.must(201, main, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {"astley"}, "FriendlyName": {"a"}})
	base := svc.str("domain_base")
	if !regexp.MustCompile(`^astley-[0-9]{4}$`).MatchString(base) {
		t.Fatalf("domain_base %q, want astley-NNNN", base)
	}
	if svc.body["include_credentials"] != true || svc.body["ui_editable"] != false {
		t.Errorf("defaults: include_credentials %v, ui_editable %v; Twilio documents true and false",
			svc.body["include_credentials"], svc.body["ui_editable"])
	}
	envs := "/v1/Services/astley/Environments"
	prod := c.must(201, main, "POST", serverlessHost, envs, url.Values{"UniqueName": {"production"}})
	dev := c.must(201, main, "POST", serverlessHost, envs, url.Values{"UniqueName": {"dev"}, "DomainSuffix": {"dev"}})
	if got := prod.str("domain_name"); got != base+".twil.io" {
		t.Errorf("without a suffix: domain_name %q, want %s.twil.io", got, base)
	}
	if got := dev.str("domain_name"); got != base+"-dev.twil.io" {
		t.Errorf("suffix dev: domain_name %q, want %s-dev.twil.io", got, base)
	}
	if prod.body["build_sid"] != nil {
		t.Errorf("a new environment's build_sid is %v, want null", prod.body["build_sid"])
	}
}

// Twilio's documented limits and uniqueness rules answer errors; nothing is created.
func TestServerlessValidation(t *testing.T) {
	t.Parallel()
	e := newEmulator()
	c := serve(t, oastest.Validator(t), e)
	main := credentials{conformanceMainSID, conformanceMainToken}
	c.must(201, main, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {"svc"}, "FriendlyName": {"s"}})
	envs := "/v1/Services/svc/Environments"
	env := c.must(201, main, "POST", serverlessHost, envs, url.Values{"UniqueName": {"dev"}, "DomainSuffix": {"dev"}}).str("sid")
	vars := envs + "/" + env + "/Variables"
	c.must(201, main, "POST", serverlessHost, vars, url.Values{"Key": {"A"}, "Value": {"1"}})
	for _, tc := range []struct {
		name   string
		path   string
		form   url.Values
		status int
		code   float64
	}{
		{"unique name too long", "/v1/Services", url.Values{"UniqueName": {strings.Repeat("a", 51)}, "FriendlyName": {"x"}}, 400, 20001},
		{"unique name with a dot", "/v1/Services", url.Values{"UniqueName": {"a.b"}, "FriendlyName": {"x"}}, 400, 20001},
		{"no friendly name", "/v1/Services", url.Values{"UniqueName": {"ok"}}, 400, 20001},
		{"friendly name too long", "/v1/Services", url.Values{"UniqueName": {"ok"}, "FriendlyName": {strings.Repeat("f", 256)}}, 400, 20001},
		{"service name taken", "/v1/Services", url.Values{"UniqueName": {"svc"}, "FriendlyName": {"x"}}, 409, 20409},
		{"environment name taken", envs, url.Values{"UniqueName": {"dev"}, "DomainSuffix": {"other"}}, 409, 20409},
		{"domain suffix taken", envs, url.Values{"UniqueName": {"other"}, "DomainSuffix": {"dev"}}, 409, 20409},
		{"domain suffix too long", envs, url.Values{"UniqueName": {"x"}, "DomainSuffix": {strings.Repeat("s", 17)}}, 400, 20001},
		{"domain suffix not URL-friendly", envs, url.Values{"UniqueName": {"x"}, "DomainSuffix": {"a b"}}, 400, 20001},
		{"environment unique name too long", envs, url.Values{"UniqueName": {strings.Repeat("e", 101)}}, 400, 20001},
		{"key taken", vars, url.Values{"Key": {"A"}, "Value": {"2"}}, 409, 20409},
		{"key too long", vars, url.Values{"Key": {strings.Repeat("k", 129)}, "Value": {"2"}}, 400, 20001},
		{"value too long", vars, url.Values{"Key": {"B"}, "Value": {strings.Repeat("v", 451)}}, 400, 20001},
		{"no value", vars, url.Values{"Key": {"B"}}, 400, 20001},
	} {
		a := c.send(main, "POST", serverlessHost, tc.path, tc.form)
		if a.status != tc.status || a.body["code"] != tc.code {
			t.Errorf("%s: %d %v, want %d with code %v", tc.name, a.status, a.body, tc.status, tc.code)
		}
	}
	snap := e.Snapshot()
	if len(snap.Services) != 1 || len(snap.Environments) != 1 || len(snap.Variables) != 1 {
		t.Errorf("refused creates left objects: %d services, %d environments, %d variables",
			len(snap.Services), len(snap.Environments), len(snap.Variables))
	}
}

// A service's delete removes everything under it; closing an account removes its services. Another
// account (even the parent with its auth token) cannot see a subaccount's services: product hosts act
// on the authenticated account.
func TestServerlessLifecycleAndScope(t *testing.T) {
	t.Parallel()
	e := newEmulator()
	c := serve(t, oastest.Validator(t), e)
	main := credentials{conformanceMainSID, conformanceMainToken}
	sub := c.must(201, main, "POST", apiHost, "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {"tenant"}})
	subCreds := credentials{sub.str("sid"), sub.str("auth_token")}
	mk := func(cr credentials, name string) string {
		sid := c.must(201, cr, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {name}, "FriendlyName": {name}}).str("sid")
		env := c.must(201, cr, "POST", serverlessHost, "/v1/Services/"+sid+"/Environments", url.Values{"UniqueName": {"prod"}}).str("sid")
		c.must(201, cr, "POST", serverlessHost, "/v1/Services/"+sid+"/Environments/"+env+"/Variables", url.Values{"Key": {"K"}, "Value": {"v"}})
		return sid
	}
	mainSvc := mk(main, "shared")
	subSvc := mk(subCreds, "tenant")

	c.must(404, main, "GET", serverlessHost, "/v1/Services/"+subSvc, nil)
	c.must(404, subCreds, "GET", serverlessHost, "/v1/Services/"+mainSvc, nil)
	// The same unique name in two accounts is no conflict.
	c.must(201, subCreds, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {"shared"}, "FriendlyName": {"x"}})

	c.must(204, main, "DELETE", serverlessHost, "/v1/Services/"+mainSvc, nil)
	snap := e.Snapshot()
	for _, v := range snap.Environments {
		if v.ServiceSid == mainSvc {
			t.Errorf("environment %s outlived its service", v.Sid)
		}
	}
	for _, v := range snap.Variables {
		if v.ServiceSid == mainSvc {
			t.Errorf("variable %s outlived its service", v.Sid)
		}
	}

	c.must(200, main, "POST", apiHost, "/2010-04-01/Accounts/"+subCreds.user+".json", url.Values{"Status": {"closed"}})
	snap = e.Snapshot()
	if len(snap.Services) != 0 || len(snap.Environments) != 0 || len(snap.Variables) != 0 {
		t.Errorf("a closed account kept Serverless objects: %+v %+v %+v", snap.Services, snap.Environments, snap.Variables)
	}
}

// Backdate reaches Serverless objects (read-lag tests age them).
func TestServerlessBackdate(t *testing.T) {
	t.Parallel()
	e := newEmulator()
	c := serve(t, oastest.Validator(t), e)
	main := credentials{conformanceMainSID, conformanceMainToken}
	sid := c.must(201, main, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {"old"}, "FriendlyName": {"o"}}).str("sid")
	before := e.Snapshot().Services[0].DateCreated
	if err := e.Backdate(sid, time.Hour); err != nil {
		t.Fatal(err)
	}
	if got := e.Snapshot().Services[0].DateCreated; before.Sub(got).Hours() != 1 {
		t.Errorf("Backdate moved date_created from %v to %v", before, got)
	}
}
