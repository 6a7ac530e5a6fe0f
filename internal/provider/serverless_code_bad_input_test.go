package provider

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

const sidZN = "ZN0123456789abcdef0123456789abcdef"

// The Serverless code resources' invalid configurations join TestAccBadInput: each fails at plan time,
// pointing at its attribute, before any request.
func init() {
	fn := func(extra string) string {
		return res("twilio_serverless_function", "service_sid = \""+sidZS+"\"\nfriendly_name = \"f\"\n"+extra)
	}
	badInputs = append(badInputs, []badInput{
		{"function path without a slash", fn("path = \"voice\"\ncontent = \"x\""), "path", "must start with /"},
		{"function unknown visibility", fn("path = \"/v\"\ncontent = \"x\"\nvisibility = \"secret\""), "visibility", "value must be one of"},
		{"function content and source", fn("path = \"/v\"\ncontent = \"x\"\nsource = \"v.js\""), "", "Exactly one of these attributes must be configured"},
		{"function neither content nor source", fn("path = \"/v\""), "", "Exactly one of these attributes must be configured"},
		{"function source file missing", fn("path = \"/v\"\nsource = \"/nonexistent/voice.js\""), "source", "relative to the directory Terraform runs in"},
		{"function service sid is an environment sid", res("twilio_serverless_function", "service_sid = \""+sidZE+"\"\nfriendly_name = \"f\"\npath = \"/v\"\ncontent = \"x\""), "service_sid", "ZS followed by 32 hexadecimal digits"},
		{"function name too long", res("twilio_serverless_function", "service_sid = \""+sidZS+"\"\nfriendly_name = \""+strings.Repeat("f", 256)+"\"\npath = \"/v\"\ncontent = \"x\""), "friendly_name", "between 1 and 255"},
		{"asset path without a slash", res("twilio_serverless_asset", "service_sid = \""+sidZS+"\"\nfriendly_name = \"a\"\npath = \"logo.png\"\ncontent = \"x\""), "path", "must start with /"},
		{"build without versions", res("twilio_serverless_build", "service_sid = \""+sidZS+"\""), "", "At least one of these attributes must be configured"},
		{"build version sid of another kind", res("twilio_serverless_build", "service_sid = \""+sidZS+"\"\nfunction_version_sids = [\""+sidZE+"\"]"), "function_version_sids", "ZN followed by 32 hexadecimal digits"},
		{"build unknown runtime", res("twilio_serverless_build", "service_sid = \""+sidZS+"\"\nfunction_version_sids = [\""+sidZN+"\"]\nruntime = \"node4\""), "runtime", "value must be one of"},
		{"deployment build sid of another kind", res("twilio_serverless_deployment", "service_sid = \""+sidZS+"\"\nenvironment_sid = \""+sidZE+"\"\nbuild_sid = \""+sidZN+"\""), "build_sid", "ZB followed by 32 hexadecimal digits"},
	}...)
}

// TestAccServerlessCode_importBadID: an import ID that is not [AC…/]ZS…/ZH… is refused with the expected
// format, before any request about it.
func TestAccServerlessCode_importBadID(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	config := s.config(testAccServerlessFunctionConfig("voice", "/voice", "// x\n"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: config},
			{
				Config: config, ResourceName: testAccFunctionAddr, ImportState: true, ImportStateId: sidZS,
				ExpectError: regexp.MustCompile(`(?s)Invalid import ID.*ZS…/ZH…`),
			},
		},
	})
}
