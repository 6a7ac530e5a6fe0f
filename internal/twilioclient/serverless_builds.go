package twilioclient

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	serverlessv1 "github.com/twilio/twilio-go/rest/serverless/v1"
)

// Serverless Builds and Deployments (https://www.twilio.com/docs/serverless/api/resource/build,
// https://www.twilio.com/docs/serverless/api/resource/deployment).

// Build statuses, as Twilio spells them.
const (
	BuildBuilding  = "building"
	BuildCompleted = "completed"
	BuildFailed    = "failed"
)

// BuildPollInterval is how often a build's status is asked: "After creating a Build, it is best to poll
// every second to check the Build's status" (the build page).
var BuildPollInterval = time.Second

// Build is a Serverless Build.
type Build struct {
	Sid              string
	AccountSid       string
	ServiceSid       string
	Status           string
	Runtime          string
	FunctionVersions []string
	AssetVersions    []string
	Dependencies     map[string]string
	DateCreated      *time.Time
}

// BuildFailedError says Twilio could not build: its status, and the build's SID.
type BuildFailedError struct {
	BuildSid string
	Status   string
}

func (e *BuildFailedError) Error() string {
	return fmt.Sprintf("Twilio reports build %s as %q: packaging the function and asset versions with their "+
		"dependencies failed (a dependency that npm cannot install, or code the runtime refuses, are the usual "+
		"causes); Twilio's API gives no build log, the Console's Functions editor shows the deploy log", e.BuildSid, e.Status)
}

// CreateBuild creates a build of function and asset versions with npm dependencies (name -> version) and
// a runtime ("" lets Twilio choose).
func (c *Client) CreateBuild(ctx context.Context, accountSID, serviceSID string, functionVersions, assetVersions []string,
	dependencies map[string]string, runtime string) (*Build, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	params := &serverlessv1.CreateBuildParams{}
	if len(functionVersions) > 0 {
		params.SetFunctionVersions(functionVersions)
	}
	if len(assetVersions) > 0 {
		params.SetAssetVersions(assetVersions)
	}
	if len(dependencies) > 0 {
		names := make([]string, 0, len(dependencies))
		for n := range dependencies {
			names = append(names, n)
		}
		sort.Strings(names)
		deps := make([]map[string]string, 0, len(names))
		for _, n := range names {
			deps = append(deps, map[string]string{"name": n, "version": dependencies[n]})
		}
		raw, err := json.Marshal(deps)
		if err != nil {
			return nil, notSent(err)
		}
		params.SetDependencies(string(raw))
	}
	if runtime != "" {
		params.SetRuntime(runtime)
	}
	b, err := sub.serverless(ctx).CreateBuild(serviceSID, params)
	return toBuild(b), sub.wrapError(err)
}

// FindBuild fetches a build; ErrNotFound when it (or its service) is gone.
func (c *Client) FindBuild(ctx context.Context, accountSID, serviceSID, sid string) (*Build, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	b, err := sub.serverless(ctx).FetchBuild(serviceSID, sid)
	return toBuild(b), sub.wrapError(err)
}

// DeleteBuild deletes a build.
func (c *Client) DeleteBuild(ctx context.Context, accountSID, serviceSID, sid string) error {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return err
	}
	return sub.wrapError(sub.serverless(ctx).DeleteBuild(serviceSID, sid))
}

// WaitForBuild polls a build's status every BuildPollInterval until it is no longer building or ctx ends.
// A failed build is a *BuildFailedError. Errors of single polls that are not Twilio's answer (a lost
// connection) are retried until ctx ends: the build goes on whatever happens to one poll.
func (c *Client) WaitForBuild(ctx context.Context, accountSID, serviceSID, sid string) (string, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return "", err
	}
	var lastErr error
	for {
		st, err := sub.serverless(ctx).FetchBuildStatus(serviceSID, sid)
		switch {
		case err == nil && st.Status != nil && *st.Status == BuildCompleted:
			return BuildCompleted, nil
		case err == nil && st.Status != nil && *st.Status != BuildBuilding:
			return *st.Status, &BuildFailedError{BuildSid: sid, Status: *st.Status}
		case err != nil:
			err = sub.wrapError(err)
			var te *Error
			if errors.As(err, &te) {
				return "", err // Twilio answered: a 404 or a refusal will not change by asking again
			}
			lastErr = err
		}
		t := time.NewTimer(BuildPollInterval)
		select {
		case <-ctx.Done():
			t.Stop()
			if lastErr != nil {
				return BuildBuilding, fmt.Errorf("build %s was still building when the timeout ended (last poll: %w): %w", sid, lastErr, ctx.Err())
			}
			return BuildBuilding, fmt.Errorf("build %s was still building when the timeout ended: %w", sid, ctx.Err())
		case <-t.C:
		}
	}
}

func toBuild(b *serverlessv1.ServerlessV1Build) *Build {
	if b == nil {
		return nil
	}
	out := &Build{Sid: str(b.Sid), AccountSid: str(b.AccountSid), ServiceSid: str(b.ServiceSid), Status: str(b.Status),
		Runtime: str(b.Runtime), DateCreated: b.DateCreated, Dependencies: map[string]string{}}
	out.FunctionVersions = versionSIDs(b.FunctionVersions)
	out.AssetVersions = versionSIDs(b.AssetVersions)
	if b.Dependencies != nil {
		for _, d := range *b.Dependencies {
			if m, ok := d.(map[string]any); ok {
				name, _ := m["name"].(string)
				version, _ := m["version"].(string)
				if name != "" {
					out.Dependencies[name] = version
				}
			}
		}
	}
	return out
}

// versionSIDs reads a build's function_versions or asset_versions: objects with a sid (or bare SIDs).
func versionSIDs(list *[]interface{}) []string {
	if list == nil {
		return nil
	}
	out := make([]string, 0, len(*list))
	for _, item := range *list {
		switch v := item.(type) {
		case string:
			out = append(out, v)
		case map[string]any:
			if sid, ok := v["sid"].(string); ok {
				out = append(out, sid)
			}
		}
	}
	return out
}

// Deployment is a Serverless Deployment: an environment set to run a build.
type Deployment struct {
	Sid            string
	AccountSid     string
	ServiceSid     string
	EnvironmentSid string
	BuildSid       string
	DateCreated    *time.Time
}

// CreateDeployment makes an environment run a build.
func (c *Client) CreateDeployment(ctx context.Context, accountSID, serviceSID, environmentSID, buildSID string) (*Deployment, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	d, err := sub.serverless(ctx).CreateDeployment(serviceSID, environmentSID,
		(&serverlessv1.CreateDeploymentParams{}).SetBuildSid(buildSID))
	return toDeployment(d), sub.wrapError(err)
}

// FindDeployment fetches a deployment; ErrNotFound when it (or its environment) is gone.
func (c *Client) FindDeployment(ctx context.Context, accountSID, serviceSID, environmentSID, sid string) (*Deployment, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	d, err := sub.serverless(ctx).FetchDeployment(serviceSID, environmentSID, sid)
	return toDeployment(d), sub.wrapError(err)
}

func toDeployment(d *serverlessv1.ServerlessV1Deployment) *Deployment {
	if d == nil {
		return nil
	}
	return &Deployment{Sid: str(d.Sid), AccountSid: str(d.AccountSid), ServiceSid: str(d.ServiceSid),
		EnvironmentSid: str(d.EnvironmentSid), BuildSid: str(d.BuildSid), DateCreated: d.DateCreated}
}

// EnvironmentRuns is what an environment runs: its current build (what the latest deployment, from
// Terraform, the Console or the Twilio CLI, put there) and its domain.
type EnvironmentRuns struct {
	Sid        string
	BuildSid   string
	DomainName string
}

// FindEnvironmentRuns fetches an environment's current build and domain; ErrNotFound when it is gone.
func (c *Client) FindEnvironmentRuns(ctx context.Context, accountSID, serviceSID, environmentSID string) (*EnvironmentRuns, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	env, err := sub.serverless(ctx).FetchEnvironment(serviceSID, environmentSID)
	if err != nil {
		return nil, sub.wrapError(err)
	}
	return &EnvironmentRuns{Sid: str(env.Sid), BuildSid: str(env.BuildSid), DomainName: str(env.DomainName)}, nil
}

// EnvironmentsRunning lists the environments of a service that currently run build buildSID.
func (c *Client) EnvironmentsRunning(ctx context.Context, accountSID, serviceSID, buildSID string) ([]string, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	envs, err := sub.serverless(ctx).ListEnvironment(serviceSID, paged[serverlessv1.ListEnvironmentParams]())
	if err != nil {
		return nil, sub.wrapError(err)
	}
	var out []string
	for _, e := range envs {
		if str(e.BuildSid) == buildSID {
			out = append(out, str(e.Sid))
		}
	}
	return out, nil
}

// LatestDeployment returns an environment's most recent deployment, nil when it has none.
func (c *Client) LatestDeployment(ctx context.Context, accountSID, serviceSID, environmentSID string) (*Deployment, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	list, err := sub.serverless(ctx).ListDeployment(serviceSID, environmentSID,
		paged[serverlessv1.ListDeploymentParams]())
	if err != nil {
		return nil, sub.wrapError(err)
	}
	var latest *Deployment
	for i := range list {
		d := toDeployment(&list[i])
		// NOTE: Twilio does not document the list's order; the creation date tells the latest.
		if latest == nil || (d.DateCreated != nil && latest.DateCreated != nil && !d.DateCreated.Before(*latest.DateCreated)) {
			latest = d
		}
	}
	return latest, nil
}
