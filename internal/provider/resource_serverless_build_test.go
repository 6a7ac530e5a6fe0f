package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

func testAccServerlessBuildRuntimeConfig(s *testAccServerless, runtime string) string {
	return s.config(testAccServerlessFunctionConfig("voice", "/voice", "// x\n") + `
resource "twilio_serverless_build" "test" {
  service_sid           = local.service_sid
  function_version_sids = [twilio_serverless_function.test.latest_version_sid]
  runtime               = "` + runtime + `"
}
`)
}

// TestAccServerlessBuild_retiredRuntime: a runtime Twilio retired is refused at plan time with the date it
// was retired and the runtime to use, before anything is uploaded; an unknown one is refused by the
// schema; node24 (available since 2026-07-08) builds. The emulator would answer 82007 (whatever its HTTP
// status: assumption unsupported-runtime-status), but the plan never gets that far.
func TestAccServerlessBuild_retiredRuntime(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      testAccServerlessBuildRuntimeConfig(s, "node18"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)node18 is retired.*2025-11-10.*use\s+node22`),
			},
			{
				Config:      testAccServerlessBuildRuntimeConfig(s, "node14"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)node14 is retired.*2024-02-01`),
			},
			{
				Config:      testAccServerlessBuildRuntimeConfig(s, "node99"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)runtime.*node24`),
			},
			{
				Config: testAccServerlessBuildRuntimeConfig(s, "node24"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccBuildAddr, tfjsonpath.New("runtime"), knownvalue.StringExact("node24")),
					statecheck.ExpectKnownValue(testAccBuildAddr, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
				},
			},
		},
	})
}

// TestBuildRuntimeRefusal: a retired runtime is refused for a new build or one the plan replaces, never for
// an existing build the plan keeps (Twilio keeps running it); an unset runtime is Twilio's choice.
func TestBuildRuntimeRefusal(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	build := func(runtime string, deps map[string]attr.Value) serverlessBuildModel {
		return serverlessBuildModel{accountObjectFields: accountObjectFields{AccountSID: types.StringValue("AC1")}, ServiceSID: types.StringValue("ZS1"),
			FunctionVersionSIDs: types.SetValueMust(types.StringType, []attr.Value{types.StringValue("ZN1")}),
			AssetVersionSIDs:    types.SetNull(types.StringType),
			Dependencies:        types.MapValueMust(types.StringType, deps), Runtime: types.StringValue(runtime)}
	}
	old := build("node18", map[string]attr.Value{})
	for _, tc := range []struct {
		name    string
		runtime types.String
		plan    serverlessBuildModel
		state   *serverlessBuildModel
		want    string
	}{
		{"new build on node18", types.StringValue("node18"), old, nil, "2025-11-10"},
		{"existing node18 build kept", types.StringValue("node18"), old, &old, ""},
		{"existing node18 build replaced", types.StringValue("node18"),
			build("node18", map[string]attr.Value{"twilio": types.StringValue("5.3.0")}), &old, "2025-11-10"},
		{"new build on node24", types.StringValue("node24"), build("node24", map[string]attr.Value{}), nil, ""},
		{"unset runtime", types.StringNull(), old, nil, ""},
		{"unknown runtime", types.StringUnknown(), old, nil, ""},
	} {
		err := buildRuntimeRefusal(tc.runtime, tc.plan, tc.state, at)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v, want no refusal", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want a refusal naming %s", tc.name, err, tc.want)
		}
	}
}

// A build over Twilio's per-build version counts (assumption serverless-count-limits) is refused at plan
// time at the attribute, before any request: 51 function versions, and 1001 asset versions.
func TestAccServerlessBuild_tooManyVersions(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	sids := func(prefix string, n int) string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("%q", fmt.Sprintf("%s%032x", prefix, i+1))
		}
		return "[" + strings.Join(out, ", ") + "]"
	}
	config := func(attr, list string) string {
		return env.Config(fmt.Sprintf(`
resource "twilio_serverless_build" "test" {
  service_sid = "ZS%032x"
  %s = %s
}
`, 1, attr, list))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      config("function_version_sids", sids("ZN", 51)),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)function_version_sids has 51 elements; a Twilio build holds at\s+most\s+50`),
			},
			{
				Config:      config("asset_version_sids", sids("ZN", 1001)),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)asset_version_sids has 1001 elements; a Twilio build holds at\s+most\s+1000`),
			},
			{Config: config("function_version_sids", sids("ZN", 50)), PlanOnly: true, ExpectNonEmptyPlan: true},
		},
	})
	testAccCheckNoRequests(t, env)
}
