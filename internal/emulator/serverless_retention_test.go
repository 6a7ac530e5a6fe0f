package emulator_test

import (
	"bytes"
	"net/url"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
)

// TestServerlessRetention: versions no build holds, and functions or assets left without versions, are
// deleted once the retention clock passes 7 days after their creation; a build's versions and the builds
// stay (https://www.twilio.com/docs/serverless/api, Retention policy).
func TestServerlessRetention(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	sid, token := e.MainAccount()
	cr := credentials{sid, token}
	svc := c.must(201, cr, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {"keep"}, "FriendlyName": {"keep"}}).str("sid")
	base := "/v1/Services/" + svc
	fn := c.must(201, cr, "POST", serverlessHost, base+"/Functions", url.Values{"FriendlyName": {"f"}}).str("sid")
	built := c.upload(cr, uploadHost, base+"/Functions/"+fn+"/Versions", "/f", "public", []byte("// 1\n")).str("sid")
	loose := c.upload(cr, uploadHost, base+"/Functions/"+fn+"/Versions", "/f", "public", []byte("// 2\n")).str("sid")
	build := c.must(201, cr, "POST", serverlessHost, base+"/Builds", url.Values{"FunctionVersions": {built}}).str("sid")
	empty := c.must(201, cr, "POST", serverlessHost, base+"/Functions", url.Values{"FriendlyName": {"empty"}}).str("sid")

	e.AdvanceClock(6 * 24 * time.Hour)
	c.must(200, cr, "GET", serverlessHost, base+"/Functions/"+fn+"/Versions/"+loose, nil)
	c.must(200, cr, "GET", serverlessHost, base+"/Functions/"+empty, nil)

	e.AdvanceClock(2 * 24 * time.Hour)
	c.must(404, cr, "GET", serverlessHost, base+"/Functions/"+fn+"/Versions/"+loose, nil)
	c.must(404, cr, "GET", serverlessHost, base+"/Functions/"+empty, nil)
	c.must(200, cr, "GET", serverlessHost, base+"/Functions/"+fn+"/Versions/"+built, nil)
	c.must(200, cr, "GET", serverlessHost, base+"/Functions/"+fn, nil)
	c.must(200, cr, "GET", serverlessHost, base+"/Builds/"+build, nil)
	oastest.Check(t, v)
}

// TestServerlessUploadSizes: an Asset Version over 25 MB (10 MB when private) is refused, never stored
// truncated (assumption asset-size-limits).
func TestServerlessUploadSizes(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	sid, token := e.MainAccount()
	cr := credentials{sid, token}
	svc := c.must(201, cr, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {"big"}, "FriendlyName": {"big"}}).str("sid")
	base := "/v1/Services/" + svc
	asset := c.must(201, cr, "POST", serverlessHost, base+"/Assets", url.Values{"FriendlyName": {"a"}}).str("sid")
	up := func(visibility string, size int) answer {
		return c.upload(cr, uploadHost, base+"/Assets/"+asset+"/Versions", "/a.bin", visibility, bytes.Repeat([]byte{'x'}, size))
	}
	if a := up("private", 10<<20+1); a.status != 400 {
		t.Errorf("a private asset of 10 MB + 1 byte answered %d, want 400", a.status)
	}
	if a := up("public", 10<<20+1); a.status != 201 {
		t.Errorf("a public asset of 10 MB + 1 byte answered %d, want 201", a.status)
	}
	for _, ver := range e.Snapshot().ServerlessVersions {
		if ver.Size != 10<<20+1 {
			t.Errorf("stored version %s holds %d bytes, want all %d", ver.Sid, ver.Size, 10<<20+1)
		}
	}
	if a := up("protected", 25<<20+1); a.status != 400 {
		t.Errorf("a protected asset of 25 MB + 1 byte answered %d, want 400", a.status)
	}
	oastest.Check(t, v)
}
