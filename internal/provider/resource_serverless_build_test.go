package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
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
