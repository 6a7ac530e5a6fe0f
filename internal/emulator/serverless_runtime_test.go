package emulator_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
)

// TestServerlessBuildRuntimes: Twilio refuses a build on a retired or unknown runtime with 82007
// (node18 since 2025-11-10, node16 and older since 2024-02-01), builds node24 (since 2026-07-08), and a
// build without Runtime gets the runtime of the service's last successful build, else node22.
func TestServerlessBuildRuntimes(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	sid, token := e.MainAccount()
	cr := credentials{sid, token}
	svc := c.must(201, cr, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {"rt"}, "FriendlyName": {"rt"}}).str("sid")
	base := "/v1/Services/" + svc
	fn := c.must(201, cr, "POST", serverlessHost, base+"/Functions", url.Values{"FriendlyName": {"f"}}).str("sid")
	fv := c.upload(cr, uploadHost, base+"/Functions/"+fn+"/Versions", "/f", "public", []byte("// f\n")).str("sid")

	build := func(runtime string) answer {
		form := url.Values{"FunctionVersions": {fv}}
		if runtime != "" {
			form.Set("Runtime", runtime)
		}
		return c.send(cr, "POST", serverlessHost, base+"/Builds", form)
	}
	for _, tc := range []struct{ runtime, want string }{
		{"node18", "2025-11-10"}, {"node16", "2024-02-01"}, {"node8", "2024-02-01"}, {"node99", "not a Twilio Functions runtime"},
	} {
		a := build(tc.runtime)
		msg, _ := a.body["message"].(string)
		if a.status != 400 || a.body["code"] != float64(82007) || !strings.Contains(msg, tc.want) || !strings.Contains(msg, "node22") {
			t.Errorf("a %s build answered %d %v; want 400/82007 naming %s and node22", tc.runtime, a.status, a.body, tc.want)
		}
	}
	if a := build(""); a.status != 201 || a.str("runtime") != "node22" {
		t.Fatalf("a first build without Runtime = %d %v, want 201 on node22", a.status, a.body)
	}
	b24 := build("node24")
	if b24.status != 201 || b24.str("runtime") != "node24" {
		t.Fatalf("a node24 build = %d %v, want 201", b24.status, b24.body)
	}
	c.must(200, cr, "GET", serverlessHost, base+"/Builds/"+b24.str("sid"), nil) // completes it
	if a := build(""); a.status != 201 || a.str("runtime") != "node24" {
		t.Errorf("a build without Runtime after a completed node24 build = %d %v, want node24 (the last successful build's)", a.status, a.body)
	}
	oastest.Check(t, v)
}
