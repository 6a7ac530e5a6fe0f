package emulator_test

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
	"github.com/tenantwire/terraform-provider-twilio/internal/serverlessruntime"
)

// TestServerlessCountLimits: the counts of Twilio's Functions & Assets limits (assumption
// serverless-count-limits): the 11th service of an account, the 26th environment of a service, a build of
// 51 function versions and the account's 101st build within an hour are refused, the one before each taken.
func TestServerlessCountLimits(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	sid, token := e.MainAccount()
	cr := credentials{sid, token}
	var svc string
	for i := 1; i <= serverlessruntime.MaxServicesPerAccount; i++ {
		svc = c.must(201, cr, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {fmt.Sprintf("s%d", i)}, "FriendlyName": {"s"}}).str("sid")
	}
	if a := c.send(cr, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {"one-too-many"}, "FriendlyName": {"s"}}); a.status != 400 || a.body["code"] != float64(20001) {
		t.Errorf("service %d = %d %v, want 400/20001", serverlessruntime.MaxServicesPerAccount+1, a.status, a.body)
	}
	base := "/v1/Services/" + svc
	for i := 1; i <= serverlessruntime.MaxEnvironmentsPerService; i++ {
		c.must(201, cr, "POST", serverlessHost, base+"/Environments", url.Values{"UniqueName": {fmt.Sprintf("e%d", i)}, "DomainSuffix": {fmt.Sprintf("e%d", i)}})
	}
	if a := c.send(cr, "POST", serverlessHost, base+"/Environments", url.Values{"UniqueName": {"e-extra"}, "DomainSuffix": {"extra"}}); a.status != 400 || a.body["code"] != float64(20001) {
		t.Errorf("environment %d = %d %v, want 400/20001", serverlessruntime.MaxEnvironmentsPerService+1, a.status, a.body)
	}

	var fvs []string
	for i := 0; i <= serverlessruntime.MaxFunctionVersionsPerBuild; i++ {
		fn := c.must(201, cr, "POST", serverlessHost, base+"/Functions", url.Values{"FriendlyName": {fmt.Sprintf("f%d", i)}}).str("sid")
		fvs = append(fvs, c.upload(cr, uploadHost, base+"/Functions/"+fn+"/Versions", fmt.Sprintf("/f%d", i), "public", []byte("// f\n")).str("sid"))
	}
	if a := c.send(cr, "POST", serverlessHost, base+"/Builds", url.Values{"FunctionVersions": fvs}); a.status != 400 || a.body["code"] != float64(20001) {
		t.Errorf("a build of %d function versions = %d %v, want 400/20001", len(fvs), a.status, a.body)
	}
	one := url.Values{"FunctionVersions": fvs[:serverlessruntime.MaxFunctionVersionsPerBuild]}
	for i := 1; i <= serverlessruntime.MaxBuildsPerHour; i++ {
		c.must(201, cr, "POST", serverlessHost, base+"/Builds", one)
	}
	if a := c.send(cr, "POST", serverlessHost, base+"/Builds", one); a.status != 429 || a.body["code"] != float64(20429) {
		t.Errorf("build %d within the hour = %d %v, want 429/20429", serverlessruntime.MaxBuildsPerHour+1, a.status, a.body)
	}
	oastest.Check(t, v)
}
