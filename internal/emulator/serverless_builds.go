package emulator

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"strings"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/serverlessruntime"
)

// Serverless Builds and Deployments. Sources:
//   - https://www.twilio.com/docs/serverless/api/resource/build: a Build packages Function Version SIDs, Asset
//     Version SIDs and Dependencies (a JSON string of [{"name","version"}]); "At least one function version or
//     asset version is required" (the spec's CreateBuild); "Builds take time to package, deploy, and be
//     verified. After creating a Build, it is best to poll every second to check the Build's status";
//     statuses building, completed, failed.
//   - https://www.twilio.com/docs/serverless/api/resource/deployment: a Deployment puts a Build into an
//     Environment; the Environment's build_sid is the Build it runs
//     (https://www.twilio.com/docs/serverless/api/resource/environment). Deployments have no DELETE.

// BuildFailMarker is the emulator's test control for a failing build: a build fails when one of its
// Function Versions' content contains this text, standing in for code or dependencies Twilio's packager
// rejects. It is not Twilio behaviour; EMULATOR.md documents it.
const BuildFailMarker = "twilio-emulator:fail-build"

// Build statuses, as the spec spells them.
const (
	BuildBuilding  = "building"
	BuildCompleted = "completed"
	BuildFailed    = "failed"
)

// ASSUMPTION(unsupported-runtime-status): https://www.twilio.com/docs/errors/82007 documents the code for a
// runtime Twilio does not build with, not the HTTP status; the emulator answers 400 like its other
// refusals of a parameter. The provider refuses retired and unknown runtimes at plan time (the dates live
// in internal/serverlessruntime) and points the code at runtime whatever its status; test:
// TestAccServerlessBuild_retiredRuntime.
const codeUnsupportedRuntime = 82007

// buildRuntime is the runtime a build gets: the one it names, else (https://www.twilio.com/docs/errors/82007)
// the runtime of the service's last successful build, else Twilio's default. Twilio refuses it with 82007
// when it no longer builds with it (or not yet).
func (e *Emulator) buildRuntime(c *call, service string) (string, *apiError) {
	runtime := strings.TrimSpace(c.form.Get("Runtime"))
	if runtime == "" {
		runtime = serverlessruntime.Default
		var last *ServerlessBuild
		for _, b := range e.st.sv.code.builds {
			if b.ServiceSid == service && b.Status == BuildCompleted && (last == nil || b.seq > last.seq) {
				last = b
			}
		}
		if last != nil {
			runtime = last.Runtime
		}
	}
	if err := serverlessruntime.Check(runtime, now()); err != nil {
		return "", &apiError{Status: http.StatusBadRequest, Code: codeUnsupportedRuntime,
			Message: "Unsupported Runtime: " + err.Error()}
	}
	return runtime, nil
}

// ServerlessDependency is one npm package of a Build.
type ServerlessDependency struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// ServerlessBuild is a Build. It stays building until it has been fetched once after its creation, then
// completes (or fails: [BuildFailMarker]).
type ServerlessBuild struct {
	Sid              string                 `json:"sid"`
	AccountSid       string                 `json:"account_sid"`
	ServiceSid       string                 `json:"service_sid"`
	Status           string                 `json:"status"`
	FunctionVersions []string               `json:"function_versions"`
	AssetVersions    []string               `json:"asset_versions"`
	Dependencies     []ServerlessDependency `json:"dependencies"`
	Runtime          string                 `json:"runtime"`
	stamp
}

// ServerlessDeployment is a Deployment of a Build to an Environment.
type ServerlessDeployment struct {
	Sid            string `json:"sid"`
	AccountSid     string `json:"account_sid"`
	ServiceSid     string `json:"service_sid"`
	EnvironmentSid string `json:"environment_sid"`
	BuildSid       string `json:"build_sid"`
	stamp
}

func (e *Emulator) renderBuild(c *call, b *ServerlessBuild) any {
	url := c.base + "/v1/Services/" + b.ServiceSid + "/Builds/" + b.Sid
	versions := func(sids []string) []any {
		out := make([]any, 0, len(sids))
		for _, sid := range sids {
			if v := e.st.sv.code.versions[sid]; v != nil {
				out = append(out, renderVersion(c, v))
			}
		}
		return out
	}
	deps := make([]any, 0, len(b.Dependencies))
	for _, d := range b.Dependencies {
		deps = append(deps, map[string]string{"name": d.Name, "version": d.Version})
	}
	return map[string]any{
		"sid": b.Sid, "account_sid": b.AccountSid, "service_sid": b.ServiceSid, "status": b.Status,
		"function_versions": versions(b.FunctionVersions), "asset_versions": versions(b.AssetVersions),
		"dependencies": deps, "runtime": b.Runtime,
		"date_created": fmtISO(b.DateCreated), "date_updated": fmtISO(b.DateUpdated), "url": url,
		"links": map[string]string{"build_status": url + "/Status"},
	}
}

// advance finishes a build on its first fetch after creation. Callers hold e.mu.
func (e *Emulator) advance(b *ServerlessBuild) {
	if b.Status != BuildBuilding {
		return
	}
	b.Status = BuildCompleted
	for _, sid := range b.FunctionVersions {
		if v := e.st.sv.code.versions[sid]; v != nil && bytes.Contains(v.Content, []byte(BuildFailMarker)) {
			b.Status = BuildFailed
		}
	}
	b.DateUpdated = touched(b.DateUpdated)
}

func (e *Emulator) buildIn(c *call) (*ServerlessBuild, *apiError) {
	svc, err := e.serviceIn(c, "ServiceSid")
	if err != nil {
		return nil, err
	}
	return findIn(c, e.st.sv.code.builds, c.params["Sid"], func(b *ServerlessBuild) bool { return b.ServiceSid == svc.Sid })
}

func (e *Emulator) listBuilds(c *call) result {
	svc, err := e.serviceIn(c, "ServiceSid")
	if err != nil {
		return result{err: err}
	}
	service := svc.Sid
	all := sorted(e.st.sv.code.builds, func(b *ServerlessBuild) bool { return b.ServiceSid == service })
	return listed(c, listV1, "builds", nil, all,
		func(b *ServerlessBuild) string { return b.Sid }, func(b *ServerlessBuild) any { return e.renderBuild(c, b) })
}

// createBuild checks that every version belongs to the service and is of the right kind.
//
// ASSUMPTION(build-unknown-version): Twilio does not document its answer to a version SID that is not the
// service's; the emulator answers 400/20001. The provider only sends versions its functions and assets
// uploaded, so the answer never matters to it.
func (e *Emulator) createBuild(c *call) result {
	svc, err := e.serviceIn(c, "ServiceSid")
	if err != nil {
		return result{err: err}
	}
	service := svc.Sid
	check := func(name string, asset bool) ([]string, *apiError) {
		var out []string
		for _, sid := range c.form[name] {
			sid = strings.TrimSpace(sid)
			v := e.st.sv.code.versions[sid]
			if v == nil || v.ServiceSid != service || v.Asset != asset {
				return nil, badRequest(codeInvalidParameter, "%s: %s is not a version of this service", name, sid)
			}
			out = append(out, sid)
		}
		return out, nil
	}
	fvs, err := check("FunctionVersions", false)
	if err != nil {
		return result{err: err}
	}
	avs, err := check("AssetVersions", true)
	if err != nil {
		return result{err: err}
	}
	if len(fvs)+len(avs) == 0 {
		return result{err: badRequest(codeInvalidParameter, "At least one function version or asset version is required")}
	}
	if err := e.checkBuildLimits(svc.AccountSid, fvs, avs); err != nil {
		return result{err: err}
	}
	var deps []ServerlessDependency
	if raw := strings.TrimSpace(c.form.Get("Dependencies")); raw != "" {
		if jsonErr := json.Unmarshal([]byte(raw), &deps); jsonErr != nil {
			return result{err: badRequest(codeInvalidParameter, "Dependencies must be a JSON list of {\"name\", \"version\"} objects: %v", jsonErr)}
		}
	}
	runtime, rerr := e.buildRuntime(c, service)
	if rerr != nil {
		return result{err: rerr}
	}
	t := now()
	build := &ServerlessBuild{Sid: newSID("ZB"), AccountSid: svc.AccountSid, ServiceSid: service, Status: BuildBuilding,
		FunctionVersions: fvs, AssetVersions: avs, Dependencies: deps, Runtime: runtime,
		stamp: stamp{DateCreated: t, DateUpdated: t}}
	return created(e, e.st.sv.code.builds, build.Sid, build, func() any { return e.renderBuild(c, build) })
}

// fetchBuild and fetchBuildStatus show a build as it is once read: the first read finishes it (advance).
func (e *Emulator) fetchBuild(c *call) result {
	b, err := e.buildIn(c)
	return answer(err, func() any {
		e.advance(b)
		return e.renderBuild(c, b)
	})
}

func (e *Emulator) fetchBuildStatus(c *call) result {
	b, err := e.buildIn(c)
	return answer(err, func() any {
		e.advance(b)
		return map[string]any{
			"sid": b.Sid, "account_sid": b.AccountSid, "service_sid": b.ServiceSid, "status": b.Status,
			"url": c.base + "/v1/Services/" + b.ServiceSid + "/Builds/" + b.Sid + "/Status",
		}
	})
}

// deleteBuild deletes a build.
//
// ASSUMPTION(delete-live-build): Twilio does not document whether a Build an Environment runs can be
// deleted. The emulator deletes it and the Environment keeps its build_sid. The provider never deletes a
// Build that an Environment of its service runs (it leaves it in Twilio, with a warning), so neither answer
// can take a live site down; test: TestAccServerlessDeployment_failedBuildKeepsLive.
func (e *Emulator) deleteBuild(c *call) result {
	b, err := e.buildIn(c)
	return gone(err, func() { delete(e.st.sv.code.builds, b.Sid) })
}

func renderDeployment(c *call, d *ServerlessDeployment) any {
	return map[string]any{
		"sid": d.Sid, "account_sid": d.AccountSid, "service_sid": d.ServiceSid, "environment_sid": d.EnvironmentSid,
		"build_sid": nullable(d.BuildSid), "date_created": fmtISO(d.DateCreated), "date_updated": fmtISO(d.DateUpdated),
		"url": c.base + "/v1/Services/" + d.ServiceSid + "/Environments/" + d.EnvironmentSid + "/Deployments/" + d.Sid,
	}
}

func (e *Emulator) listDeployments(c *call) result {
	_, envir, err := e.environmentIn(c, "EnvironmentSid")
	if err != nil {
		return result{err: err}
	}
	env := envir.Sid
	all := sorted(e.st.sv.code.deployments, func(d *ServerlessDeployment) bool { return d.EnvironmentSid == env })
	return listed(c, listV1, "deployments", nil, all,
		func(d *ServerlessDeployment) string { return d.Sid }, func(d *ServerlessDeployment) any { return renderDeployment(c, d) })
}

// createDeployment makes the environment run the build.
//
// ASSUMPTION(deploy-unfinished-build): Twilio says a Build is "ready to be used in a Deployment" once
// verified, not what deploying one that is still building or failed answers; the emulator refuses it with
// 400/20001. The provider only deploys builds it saw completed.
//
// ASSUMPTION(deploy-without-build): BuildSid is optional in the spec without a stated meaning; the emulator
// takes a Deployment without one to leave the Environment running no build. The provider always sends one.
func (e *Emulator) createDeployment(c *call) result {
	svc, env, err := e.environmentIn(c, "EnvironmentSid")
	if err != nil {
		return result{err: err}
	}
	var buildSid string
	var isPlugin bool
	b := binder{form: c.form}
	b.sid("BuildSid", "ZB", &buildSid)
	b.boolean("IsPlugin", &isPlugin)
	if b.err != nil {
		return result{err: b.err}
	}
	if buildSid != "" {
		build := e.st.sv.code.builds[buildSid]
		if build == nil || build.ServiceSid != svc.Sid {
			return result{err: badRequest(codeInvalidParameter, "BuildSid %s is not a build of this service", buildSid)}
		}
		if build.Status != BuildCompleted {
			return result{err: badRequest(codeInvalidParameter, "Build %s is %s; only a completed build can be deployed", buildSid, build.Status)}
		}
	}
	t := now()
	d := &ServerlessDeployment{Sid: newSID("ZD"), AccountSid: svc.AccountSid, ServiceSid: svc.Sid,
		EnvironmentSid: env.Sid, BuildSid: buildSid, stamp: stamp{DateCreated: t, DateUpdated: t}}
	keep(e, e.st.sv.code.deployments, d.Sid, d)
	e.deployBuild(env, buildSid)
	return result{status: http.StatusCreated, body: renderDeployment(c, d)}
}

func (e *Emulator) fetchDeployment(c *call) result {
	_, env, err := e.environmentIn(c, "EnvironmentSid")
	if err != nil {
		return result{err: err}
	}
	d := e.st.sv.code.deployments[c.params["Sid"]]
	if d == nil || d.EnvironmentSid != env.Sid {
		return result{err: notFound(c.path)}
	}
	return result{status: http.StatusOK, body: renderDeployment(c, d)}
}

// snapshot copies the Serverless code objects into a snapshot.
func (s *codeStore) snapshot(snap *Snapshot) {
	for _, f := range sorted(s.code, nil) {
		snap.ServerlessCode = append(snap.ServerlessCode, *f)
	}
	for _, v := range sorted(s.versions, nil) {
		c := *v
		c.Content = nil
		snap.ServerlessVersions = append(snap.ServerlessVersions, c)
	}
	for _, b := range sorted(s.builds, nil) {
		c := *b
		c.FunctionVersions = append([]string(nil), b.FunctionVersions...)
		c.AssetVersions = append([]string(nil), b.AssetVersions...)
		c.Dependencies = append([]ServerlessDependency(nil), b.Dependencies...)
		snap.ServerlessBuilds = append(snap.ServerlessBuilds, c)
	}
	for _, d := range sorted(s.deployments, nil) {
		snap.ServerlessDeployments = append(snap.ServerlessDeployments, *d)
	}
}

// dropEnvironment forgets the deployments of a deleted environment (reached only through its path).
func (s *codeStore) dropEnvironment(envSid string) {
	maps.DeleteFunc(s.deployments, func(_ string, d *ServerlessDeployment) bool { return d.EnvironmentSid == envSid })
}

// dates returns the creation and update dates of the code object sid, for Backdate; nil when sid is not
// one. Versions have no update date; theirs is the creation date.
func (s *codeStore) dates(sid string) (created, updated *time.Time) {
	switch {
	case s.code[sid] != nil:
		return &s.code[sid].DateCreated, &s.code[sid].DateUpdated
	case s.versions[sid] != nil:
		return &s.versions[sid].DateCreated, &s.versions[sid].DateCreated
	case s.builds[sid] != nil:
		return &s.builds[sid].DateCreated, &s.builds[sid].DateUpdated
	case s.deployments[sid] != nil:
		return &s.deployments[sid].DateCreated, &s.deployments[sid].DateUpdated
	}
	return nil, nil
}

// checkBuildLimits refuses a build over Twilio's per-build version counts, or the account's 101st build
// within an hour.
//
// ASSUMPTION(serverless-count-limits): the counts of internal/serverlessruntime/limits.go, from Twilio's
// older Functions & Assets page; the refusals' codes are not documented (400/20001 for a count, 429/20429
// for the hourly rate). The provider refuses a build over the version counts at plan time where the lists
// are known, and reports Twilio's answer otherwise; test: TestAccServerlessBuild_tooManyVersions.
func (e *Emulator) checkBuildLimits(account string, fvs, avs []string) *apiError {
	if len(fvs) > serverlessruntime.MaxFunctionVersionsPerBuild {
		return badRequest(codeInvalidParameter, "A Build can contain at most %d Function Versions, got %d",
			serverlessruntime.MaxFunctionVersionsPerBuild, len(fvs))
	}
	private := 0
	for _, sid := range avs {
		if v := e.st.sv.code.versions[sid]; v != nil && v.Visibility == "private" {
			private++
		}
	}
	if private > serverlessruntime.MaxPrivateAssetVersionsPerBuild {
		return badRequest(codeInvalidParameter, "A Build can contain at most %d private Asset Versions, got %d",
			serverlessruntime.MaxPrivateAssetVersionsPerBuild, private)
	}
	if public := len(avs) - private; public > serverlessruntime.MaxPublicAssetVersionsPerBuild {
		return badRequest(codeInvalidParameter, "A Build can contain at most %d public and protected Asset Versions, got %d",
			serverlessruntime.MaxPublicAssetVersionsPerBuild, public)
	}
	since, recent := now().Add(-serverlessruntime.BuildsPerHourWindow), 0
	for _, b := range e.st.sv.code.builds {
		if b.AccountSid == account && b.DateCreated.After(since) {
			recent++
		}
	}
	if recent >= serverlessruntime.MaxBuildsPerHour {
		return newError(http.StatusTooManyRequests, 20429, "An account can create at most %d Builds per hour",
			serverlessruntime.MaxBuildsPerHour)
	}
	return nil
}
