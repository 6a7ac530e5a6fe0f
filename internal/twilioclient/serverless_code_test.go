package twilioclient

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	serverlessv1 "github.com/twilio/twilio-go/rest/serverless/v1"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
)

// serverlessFixture is a subaccount with a Serverless service and environment, reached through the main
// account's client (ForAccount), with every exchange checked against Twilio's specs (the upload host's
// two operations as described from its documentation).
type serverlessFixture struct {
	emu                   *emulator.Emulator
	main                  *Client
	account, service, env string
}

func newServerlessFixture(t *testing.T) *serverlessFixture {
	t.Helper()
	v := oastest.Validator(t)
	emu := emulator.New(emulator.Options{})
	srv := httptest.NewServer(v.Middleware(emu))
	t.Cleanup(srv.Close)
	t.Cleanup(func() {
		for _, violation := range v.Violations() {
			t.Errorf("conformance: %+v", violation)
		}
	})
	sid, token := emu.MainAccount()
	main, err := New(Config{AccountSID: sid, AuthToken: token, BaseURL: srv.URL, MaxRetries: 3, MinBackoff: time.Millisecond, MaxBackoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	acct, err := main.CreateSubaccount(ctx, "tenant")
	if err != nil {
		t.Fatal(err)
	}
	f := &serverlessFixture{emu: emu, main: main, account: *acct.Sid}
	sub, err := main.ForAccount(ctx, f.account)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := sub.serverless(ctx).CreateService((&serverlessv1.CreateServiceParams{}).SetUniqueName("voice").SetFriendlyName("Voice"))
	if err != nil {
		t.Fatal(err)
	}
	f.service = *svc.Sid
	env, err := sub.serverless(ctx).CreateEnvironment(f.service, (&serverlessv1.CreateEnvironmentParams{}).SetUniqueName("prod").SetDomainSuffix("prod"))
	if err != nil {
		t.Fatal(err)
	}
	f.env = *env.Sid
	return f
}

func init() { BuildPollInterval = 10 * time.Millisecond }

// TestServerlessCodeLifecycle uploads a function and an asset, builds and deploys them, and checks what
// the environment runs; a build of code the packager rejects fails with Twilio's status.
func TestServerlessCodeLifecycle(t *testing.T) {
	t.Parallel()
	f := newServerlessFixture(t)
	ctx := context.Background()
	c := f.main

	fn, err := c.CreateCode(ctx, f.account, f.service, KindFunction, "voice")
	if err != nil {
		t.Fatal(err)
	}
	const code = "exports.handler = (context, event, callback) => callback(null, 'hi');\n"
	v1, err := c.UploadVersion(ctx, f.account, f.service, KindFunction, fn.Sid, "voice", "protected", []byte(code), "application/javascript")
	if err != nil {
		t.Fatal(err)
	}
	if v1.Path != "/voice" || v1.Visibility != "protected" || v1.CodeSid != fn.Sid {
		t.Errorf("version = %+v: want path /voice (Twilio prepends the slash), protected, of %s", v1, fn.Sid)
	}
	got, err := c.FunctionVersionContent(ctx, f.account, f.service, fn.Sid, v1.Sid)
	if err != nil || got != code {
		t.Errorf("content = %q, %v; want the uploaded code", got, err)
	}
	asset, err := c.CreateCode(ctx, f.account, f.service, KindAsset, "logo")
	if err != nil {
		t.Fatal(err)
	}
	av, err := c.UploadVersion(ctx, f.account, f.service, KindAsset, asset.Sid, "/logo.png", "public", []byte{0x89, 'P', 'N', 'G', 0}, "image/png")
	if err != nil {
		t.Fatal(err)
	}
	v2, err := c.UploadVersion(ctx, f.account, f.service, KindFunction, fn.Sid, "/voice", "public", []byte(code+"// v2\n"), "application/javascript")
	if err != nil {
		t.Fatal(err)
	}
	versions, err := c.ListVersions(ctx, f.account, f.service, KindFunction, fn.Sid)
	if err != nil || len(versions) != 2 || versions[1].Sid != v2.Sid {
		t.Errorf("versions = %+v, %v; want v1 then v2", versions, err)
	}

	b, err := c.CreateBuild(ctx, f.account, f.service, []string{v2.Sid}, []string{av.Sid}, map[string]string{"twilio": "5.3.0"}, "node22")
	if err != nil {
		t.Fatal(err)
	}
	if b.Status != BuildBuilding || !slices.Equal(b.FunctionVersions, []string{v2.Sid}) || b.Dependencies["twilio"] != "5.3.0" {
		t.Errorf("build = %+v", b)
	}
	if status, err := c.WaitForBuild(ctx, f.account, f.service, b.Sid); err != nil || status != BuildCompleted {
		t.Fatalf("WaitForBuild = %q, %v", status, err)
	}
	d, err := c.CreateDeployment(ctx, f.account, f.service, f.env, b.Sid)
	if err != nil {
		t.Fatal(err)
	}
	if d.BuildSid != b.Sid {
		t.Errorf("deployment = %+v", d)
	}
	runs, err := c.FindEnvironmentRuns(ctx, f.account, f.service, f.env)
	if err != nil || runs.BuildSid != b.Sid || runs.DomainName == "" {
		t.Errorf("environment runs %+v, %v; want build %s", runs, err, b.Sid)
	}
	if live, err := c.EnvironmentsRunning(ctx, f.account, f.service, b.Sid); err != nil || !slices.Equal(live, []string{f.env}) {
		t.Errorf("EnvironmentsRunning = %v, %v", live, err)
	}

	bad, err := c.UploadVersion(ctx, f.account, f.service, KindFunction, fn.Sid, "/voice", "public",
		[]byte("syntax error "+emulator.BuildFailMarker), "application/javascript")
	if err != nil {
		t.Fatal(err)
	}
	fb, err := c.CreateBuild(ctx, f.account, f.service, []string{bad.Sid}, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	var failed *BuildFailedError
	if _, err := c.WaitForBuild(ctx, f.account, f.service, fb.Sid); !errors.As(err, &failed) || failed.Status != BuildFailed {
		t.Errorf("WaitForBuild of a failing build = %v, want a BuildFailedError", err)
	}
	if _, err := c.CreateDeployment(ctx, f.account, f.service, f.env, fb.Sid); err == nil {
		t.Error("deploying a failed build succeeded")
	}
	if runs, _ := c.FindEnvironmentRuns(ctx, f.account, f.service, f.env); runs == nil || runs.BuildSid != b.Sid {
		t.Errorf("after the failed build the environment runs %+v, want still %s", runs, b.Sid)
	}
	if err := c.DeleteCode(ctx, f.account, f.service, KindFunction, fn.Sid); err != nil {
		t.Fatal(err)
	}
	if _, err := c.FindCode(ctx, f.account, f.service, KindFunction, fn.Sid); !IsNotFound(err) {
		t.Errorf("FindCode after delete = %v, want not found", err)
	}
}

// TestUploadVersionNotResent: an upload creates a version, so after an answer that may follow a change (a
// 500) it is not sent again, while a 429 (Twilio did not act) is retried.
func TestUploadVersionNotResent(t *testing.T) {
	t.Parallel()
	f := newServerlessFixture(t)
	ctx := context.Background()
	fn, err := f.main.CreateCode(ctx, f.account, f.service, KindFunction, "voice")
	if err != nil {
		t.Fatal(err)
	}
	uploads := func() int {
		n := 0
		for _, r := range f.emu.Requests() {
			if r.Method == http.MethodPost && r.Host == "serverless-upload.twilio.com" {
				n++
			}
		}
		return n
	}
	f.emu.AddFault(emulator.Fault{Method: http.MethodPost, Path: "/Versions$", Kind: emulator.FaultInternal, Times: 1, AfterEffect: true})
	_, err = f.main.UploadVersion(ctx, f.account, f.service, KindFunction, fn.Sid, "/voice", "public", []byte("x"), "application/javascript")
	if !IsAmbiguous(err) || uploads() != 1 {
		t.Errorf("upload after a 500: err %v (ambiguous %v), %d uploads sent; want an ambiguous error and 1", err, IsAmbiguous(err), uploads())
	}
	f.emu.AddFault(emulator.Fault{Method: http.MethodPost, Path: "/Versions$", Kind: emulator.FaultRateLimit, Times: 1})
	if _, err := f.main.UploadVersion(ctx, f.account, f.service, KindFunction, fn.Sid, "/voice", "public", []byte("x"), "application/javascript"); err != nil || uploads() != 3 {
		t.Errorf("upload after a 429: %v, %d uploads sent; want success after a retry (3 in all)", err, uploads())
	}
}
