package emulator_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
)

const uploadHost = "serverless-upload.twilio.com"

// codeOperations are the operations of functions, assets, versions, builds and deployments (the upload
// host's described from Twilio's docs); TestConformanceServerlessCode must validate each.
var codeOperations = []string{
	"serverless_v1.CreateFunction", "serverless_v1.FetchFunction", "serverless_v1.ListFunction",
	"serverless_v1.UpdateFunction", "serverless_v1.DeleteFunction",
	"serverless_v1.CreateAsset", "serverless_v1.FetchAsset", "serverless_v1.ListAsset",
	"serverless_v1.UpdateAsset", "serverless_v1.DeleteAsset",
	"serverless_upload_v1.CreateFunctionVersion", "serverless_upload_v1.CreateAssetVersion",
	"serverless_v1.ListFunctionVersion", "serverless_v1.FetchFunctionVersion", "serverless_v1.FetchFunctionVersionContent",
	"serverless_v1.ListAssetVersion", "serverless_v1.FetchAssetVersion",
	"serverless_v1.CreateBuild", "serverless_v1.FetchBuild", "serverless_v1.ListBuild", "serverless_v1.DeleteBuild",
	"serverless_v1.FetchBuildStatus",
	"serverless_v1.CreateDeployment", "serverless_v1.FetchDeployment", "serverless_v1.ListDeployment",
}

// upload sends a version the way the upload docs show: a multipart form with the file in Content.
func (c *twilioAPI) upload(cr credentials, host, path, filePath, visibility string, content []byte) answer {
	c.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("Path", filePath)
	_ = w.WriteField("Visibility", visibility)
	part, err := w.CreateFormFile("Content", "code.js")
	if err != nil {
		c.t.Fatal(err)
	}
	_, _ = part.Write(content)
	_ = w.Close()
	req, err := http.NewRequest(http.MethodPost, c.url+path, &body)
	if err != nil {
		c.t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	req.SetBasicAuth(cr.user, cr.pass)
	req.Header.Set("Content-Type", w.FormDataContentType())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode}
	_ = json.Unmarshal(raw, &a.body)
	return a
}

// TestConformanceServerlessCode drives every function, asset, version, build and deployment operation in
// a subaccount with its own credentials, errors included, and checks what Twilio documents: versions only
// through the upload host, a slash prepended to a path, builds that complete (or fail) when next fetched,
// a deployment that changes what the environment runs, and nothing left once the service is deleted.
func TestConformanceServerlessCode(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	mainSID, mainToken := e.MainAccount()
	sub := c.must(201, credentials{mainSID, mainToken}, "POST", apiHost, "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {"code"}})
	cr := credentials{sub.str("sid"), sub.str("auth_token")}
	svc := c.must(201, cr, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {"voice"}, "FriendlyName": {"Voice"}}).str("sid")
	env := c.must(201, cr, "POST", serverlessHost, "/v1/Services/"+svc+"/Environments", url.Values{"UniqueName": {"prod"}, "DomainSuffix": {"prod"}}).str("sid")
	base := "/v1/Services/" + svc

	fn := c.must(201, cr, "POST", serverlessHost, base+"/Functions", url.Values{"FriendlyName": {"voice"}}).str("sid")
	c.must(200, cr, "POST", serverlessHost, base+"/Functions/"+fn, url.Values{"FriendlyName": {"voice 2"}})
	c.must(200, cr, "GET", serverlessHost, base+"/Functions", nil)
	c.must(200, cr, "GET", serverlessHost, base+"/Functions/"+fn, nil)
	asset := c.must(201, cr, "POST", serverlessHost, base+"/Assets", url.Values{"FriendlyName": {"logo"}}).str("sid")
	c.must(200, cr, "POST", serverlessHost, base+"/Assets/"+asset, url.Values{"FriendlyName": {"logo 2"}})
	c.must(200, cr, "GET", serverlessHost, base+"/Assets", nil)
	c.must(200, cr, "GET", serverlessHost, base+"/Assets/"+asset, nil)

	fv := c.upload(cr, uploadHost, base+"/Functions/"+fn+"/Versions", "voice", "protected", []byte("// code\n"))
	if fv.status != 201 || fv.str("path") != "/voice" || fv.str("function_sid") != fn {
		t.Fatalf("function upload = %d %v; want 201, path /voice (slash prepended)", fv.status, fv.body)
	}
	av := c.upload(cr, uploadHost, base+"/Assets/"+asset+"/Versions", "/logo.png", "public", []byte{0x89, 'P'})
	if av.status != 201 || av.str("asset_sid") != asset {
		t.Fatalf("asset upload = %d %v", av.status, av.body)
	}
	c.must(200, cr, "GET", serverlessHost, base+"/Functions/"+fn+"/Versions", nil)
	c.must(200, cr, "GET", serverlessHost, base+"/Functions/"+fn+"/Versions/"+fv.str("sid"), nil)
	if got := c.must(200, cr, "GET", serverlessHost, base+"/Functions/"+fn+"/Versions/"+fv.str("sid")+"/Content", nil).str("content"); got != "// code\n" {
		t.Errorf("content = %q", got)
	}
	c.must(200, cr, "GET", serverlessHost, base+"/Assets/"+asset+"/Versions", nil)
	c.must(200, cr, "GET", serverlessHost, base+"/Assets/"+asset+"/Versions/"+av.str("sid"), nil)

	// Builds complete when next fetched; a failed one cannot be deployed.
	c.must(400, cr, "POST", serverlessHost, base+"/Builds", url.Values{"Runtime": {"node22"}})
	b := c.must(201, cr, "POST", serverlessHost, base+"/Builds", url.Values{
		"FunctionVersions": {fv.str("sid")}, "AssetVersions": {av.str("sid")},
		"Dependencies": {`[{"name":"twilio","version":"5.3.0"}]`}, "Runtime": {"node20"},
	})
	if b.str("status") != "building" {
		t.Errorf("a new build is %q, want building", b.str("status"))
	}
	build := b.str("sid")
	c.must(400, cr, "POST", serverlessHost, base+"/Environments/"+env+"/Deployments", url.Values{"BuildSid": {build}})
	if st := c.must(200, cr, "GET", serverlessHost, base+"/Builds/"+build+"/Status", nil).str("status"); st != "completed" {
		t.Errorf("build status on the next fetch = %q, want completed", st)
	}
	c.must(200, cr, "GET", serverlessHost, base+"/Builds/"+build, nil)
	c.must(200, cr, "GET", serverlessHost, base+"/Builds", nil)
	bad := c.upload(cr, uploadHost, base+"/Functions/"+fn+"/Versions", "/voice", "public", []byte(emulator.BuildFailMarker))
	failed := c.must(201, cr, "POST", serverlessHost, base+"/Builds", url.Values{"FunctionVersions": {bad.str("sid")}}).str("sid")
	if st := c.must(200, cr, "GET", serverlessHost, base+"/Builds/"+failed, nil).str("status"); st != "failed" {
		t.Errorf("build with the fail marker = %q, want failed", st)
	}
	c.must(400, cr, "POST", serverlessHost, base+"/Environments/"+env+"/Deployments", url.Values{"BuildSid": {failed}})
	c.must(204, cr, "DELETE", serverlessHost, base+"/Builds/"+failed, nil)

	d := c.must(201, cr, "POST", serverlessHost, base+"/Environments/"+env+"/Deployments", url.Values{"BuildSid": {build}, "IsPlugin": {"false"}}).str("sid")
	if got := c.must(200, cr, "GET", serverlessHost, base+"/Environments/"+env, nil).str("build_sid"); got != build {
		t.Errorf("environment build_sid = %q, want %s", got, build)
	}
	c.must(200, cr, "GET", serverlessHost, base+"/Environments/"+env+"/Deployments/"+d, nil)
	c.must(200, cr, "GET", serverlessHost, base+"/Environments/"+env+"/Deployments", nil)

	// Deleting the function keeps the version its build holds.
	c.must(204, cr, "DELETE", serverlessHost, base+"/Functions/"+fn, nil)
	c.must(404, cr, "GET", serverlessHost, base+"/Functions/"+fn, nil)
	c.must(200, cr, "GET", serverlessHost, base+"/Builds/"+build, nil)
	c.must(204, cr, "DELETE", serverlessHost, base+"/Assets/"+asset, nil)
	c.must(204, cr, "DELETE", serverlessHost, base, nil)
	snap := e.Snapshot()
	if n := len(snap.ServerlessCode) + len(snap.ServerlessVersions) + len(snap.ServerlessBuilds) + len(snap.ServerlessDeployments); n != 0 {
		t.Errorf("%d code objects left after the service was deleted", n)
	}

	oastest.Check(t, v)
	validated := v.Operations()
	for _, op := range codeOperations {
		found := false
		for _, got := range validated {
			found = found || got == op
		}
		if !found {
			t.Errorf("%s was not validated", op)
		}
	}
}

// TestServerlessUploadRefusals: requests Twilio's documentation rules out (checked without the conformance
// validator, which would rightly flag them): an upload to serverless.twilio.com, a visibility outside the
// three, a function without a name.
func TestServerlessUploadRefusals(t *testing.T) {
	t.Parallel()
	e := newEmulator()
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	c := &twilioAPI{t: t, url: srv.URL}
	sid, token := e.MainAccount()
	cr := credentials{sid, token}
	svc := c.must(201, cr, "POST", serverlessHost, "/v1/Services", url.Values{"UniqueName": {"voice"}, "FriendlyName": {"Voice"}}).str("sid")
	base := "/v1/Services/" + svc
	fn := c.must(201, cr, "POST", serverlessHost, base+"/Functions", url.Values{"FriendlyName": {"voice"}}).str("sid")
	if a := c.upload(cr, serverlessHost, base+"/Functions/"+fn+"/Versions", "/voice", "public", []byte("x")); a.status != 405 {
		t.Errorf("an upload to serverless.twilio.com answered %d, want 405", a.status)
	}
	if a := c.upload(cr, uploadHost, base+"/Functions/"+fn+"/Versions", "/voice", "secret", []byte("x")); a.status != 400 {
		t.Errorf("an upload with visibility secret answered %d, want 400", a.status)
	}
	// Without a Twilio host (a client of the emulator's own address), an upload still lands.
	if a := c.upload(cr, "", base+"/Functions/"+fn+"/Versions", "/voice", "public", []byte("x")); a.status != 201 {
		t.Errorf("an upload to the emulator's address answered %d, want 201", a.status)
	}
	c.must(400, cr, "POST", serverlessHost, base+"/Functions", url.Values{})
}
