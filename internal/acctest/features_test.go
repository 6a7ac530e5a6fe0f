package acctest

import (
	"context"
	"testing"

	"github.com/hashicorp/go-version"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

func TestNoChangesBesidesEphemeralOpens(t *testing.T) {
	change := func(addr, mode string, actions ...tfjson.Action) *tfjson.ResourceChange {
		return &tfjson.ResourceChange{Address: addr, Mode: tfjson.ResourceMode(mode), Change: &tfjson.Change{Actions: actions}}
	}
	tests := []struct {
		name    string
		changes []*tfjson.ResourceChange
		ok      bool
	}{
		{"nothing", nil, true},
		{"no-op", []*tfjson.ResourceChange{change("echo.test", "managed", tfjson.ActionNoop)}, true},
		{"an ephemeral open", []*tfjson.ResourceChange{change("ephemeral.twilio_access_token.t", "ephemeral", "open")}, true},
		{"an update beside it", []*tfjson.ResourceChange{
			change("ephemeral.twilio_access_token.t", "ephemeral", "open"),
			change("echo.test", "managed", tfjson.ActionUpdate),
		}, false},
		{"a managed resource cannot 'open'", []*tfjson.ResourceChange{change("twilio_api_key.k", "managed", "open")}, false},
	}
	for _, tt := range tests {
		resp := &plancheck.CheckPlanResponse{}
		ExpectNoChangesBesidesEphemeralOpens().CheckPlan(context.Background(), plancheck.CheckPlanRequest{Plan: &tfjson.Plan{ResourceChanges: tt.changes}}, resp)
		if (resp.Error == nil) != tt.ok {
			t.Errorf("%s: error %v, want ok=%v", tt.name, resp.Error, tt.ok)
		}
	}
}

func TestFeatureGate(t *testing.T) {
	tests := []struct {
		binary, version string
		feature         Feature
		skip            bool
	}{
		{"terraform-1.10.5", "1.10.5", Ephemeral, false},
		{"tofu-1.10.10", "1.10.10", Ephemeral, true},
		{"tofu-1.11.7", "1.11.7", Ephemeral, false},
		{"terraform-1.11.4", "1.11.4", Identity, true},
		{"tofu-1.12.6", "1.12.6", Identity, false},
		{"terraform-1.14.9", "1.14.9", ListResources, false},
		{"tofu-1.12.6", "1.12.6", ListResources, true},
		{"terraform-1.8.5", "1.8.5", Functions, false},
		{"tofu-1.8.11", "1.8.11", Functions, false},
		{"terraform-1.7.5", "1.7.5", Functions, true},
		{"terraform-1.16.0", "1.16.0", Actions, false},
		{"tofu-1.10.10", "1.10.10", UnconfiguredFunctions, true},
		{"tofu-1.11.7", "1.11.7", UnconfiguredFunctions, false},
		{"terraform-1.13.5", "1.13.5", Actions, true},
		{"tofu-1.12.6", "1.12.6", Actions, true},
	}
	for _, tt := range tests {
		t.Setenv("TF_ACC_TERRAFORM_PATH", "/cache/"+tt.binary)
		t.Setenv("TF_ACC_PROVIDER_HOST", "")
		resp := &tfversion.CheckTerraformVersionResponse{}
		tt.feature.CheckTerraformVersion(context.Background(), tfversion.CheckTerraformVersionRequest{
			TerraformVersion: mustVersion(t, tt.version)}, resp)
		if (resp.Skip != "") != tt.skip {
			t.Errorf("%s under %s: skip %q, want skip=%v", tt.feature.Name, tt.binary, resp.Skip, tt.skip)
		}
	}
}

func mustVersion(t *testing.T, s string) *version.Version {
	t.Helper()
	v, err := version.NewVersion(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
