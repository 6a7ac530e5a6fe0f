package provider

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// TestAccServerlessAsset_tooLarge: an asset larger than Twilio takes for its visibility (10 MB private,
// 25 MB public or protected: assumption asset-size-limits) is refused at plan time, naming the attribute and
// the limit, before anything is uploaded; the same file as a public asset plans. A public asset and a
// function one byte over 25 MB are refused the same way.
func TestAccServerlessAsset_tooLarge(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	file := filepath.Join(t.TempDir(), "big.bin")
	if err := os.WriteFile(file, make([]byte, 10<<20+1), 0o600); err != nil {
		t.Fatal(err)
	}
	// One byte over the 25 MB limit, written sparse so the test stays quick.
	huge := filepath.Join(t.TempDir(), "huge.bin")
	if err := os.WriteFile(huge, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 25<<20+1); err != nil {
		t.Fatal(err)
	}
	asset := func(visibility, source string) string {
		return s.config(fmt.Sprintf(`
resource "twilio_serverless_asset" "test" {
  service_sid   = local.service_sid
  friendly_name = "big"
  path          = "/big.bin"
  visibility    = %q
  source        = %q
}
`, visibility, source))
	}
	config := func(visibility string) string { return asset(visibility, file) }
	function := s.config(fmt.Sprintf(`
resource "twilio_serverless_function" "test" {
  service_sid   = local.service_sid
  friendly_name = "big"
  path          = "/big"
  visibility    = "protected"
  source        = %q
}
`, huge))
	s.env.Baseline()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config("private"), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)too large for Twilio.*source is 10485761 bytes.*10 MB for a private asset`)},
			{Config: config("public"), PlanOnly: true, ExpectNonEmptyPlan: true},
			{Config: asset("public", huge), PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)too large for Twilio.*\d+:\s+source\s+= ".*huge\.bin".*source is 26214401 bytes.*25 MB for a public\s+asset`)},
			{Config: function, PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)too large for Twilio.*\d+:\s+source\s+= ".*huge\.bin".*source is 26214401 bytes.*25 MB for a protected\s+function`)},
		},
	})
	if n := len(s.env.Requests("POST", "/Versions")); n != 0 {
		t.Errorf("%d uploads reached Twilio; refused code must not be uploaded", n)
	}
}

// TestAccServerlessFunction_retention: Twilio deletes versions no build holds, and functions left without
// versions, up to 7 days after they were made (https://www.twilio.com/docs/serverless/api). A function and
// build removed that way are drift that one apply repairs, never an error: the function is made and
// uploaded again and the build rebuilt from the new version.
func TestAccServerlessFunction_retention(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	function := s.config(testAccServerlessFunctionConfig("voice", "/voice", "// kept?\n"))
	withBuild := s.config(testAccServerlessFunctionConfig("voice", "/voice", "// kept?\n") + `
resource "twilio_serverless_build" "test" {
  service_sid           = local.service_sid
  function_version_sids = [twilio_serverless_function.test.latest_version_sid]
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: function},
			{
				// Eight days without a build: the version and then the function are gone.
				PreConfig: func() { s.env.Emulator.AdvanceClock(8 * 24 * time.Hour) },
				Config:    function,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccFunctionAddr, plancheck.ResourceActionCreate),
				}},
			},
			{Config: function, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{Config: withBuild},
			{
				// The build goes (as Twilio may delete a build no environment runs), then its versions after
				// eight days: one apply uploads the code again and rebuilds.
				PreConfig: func() {
					st := s.env.Emulator.Snapshot()
					for _, b := range st.ServerlessBuilds {
						s.call(t, http.MethodDelete, "/v1/Services/"+s.service+"/Builds/"+b.Sid, nil)
					}
					s.env.Emulator.AdvanceClock(8 * 24 * time.Hour)
				},
				Config: withBuild,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccFunctionAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(testAccBuildAddr, plancheck.ResourceActionCreate),
				}},
				Check: s.checkFunctionCode(t, testAccFunctionAddr, "// kept?\n"),
			},
			{Config: withBuild, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}
