package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
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

// TestAccServerlessCode_importBlock adopts a function, a build and a deployment made outside Terraform with
// identity import blocks (Terraform 1.12+, OpenTofu 1.12+): account_sid may be left out, the deployment is
// found by its environment, and the imported configuration then plans no change (the function's code is
// recognised by its hash, so nothing is uploaded again).
func TestAccServerlessCode_importBlock(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	c, ctx := s.env.Client(t), context.Background()
	const code = "// made with the CLI\n"
	fn, err := c.CreateCode(ctx, s.env.AccountSID, s.service, twilioclient.KindFunction, "voice")
	if err != nil {
		t.Fatal(err)
	}
	v, err := c.UploadVersion(ctx, s.env.AccountSID, s.service, twilioclient.KindFunction, fn.Sid, "/voice", "protected", []byte(code), "application/javascript")
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.CreateBuild(ctx, s.env.AccountSID, s.service, []string{v.Sid}, nil, nil, "node22")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.WaitForBuild(ctx, s.env.AccountSID, s.service, b.Sid); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateDeployment(ctx, s.env.AccountSID, s.service, s.environment, b.Sid); err != nil {
		t.Fatal(err)
	}
	config := s.config(testAccServerlessStackConfig(code), fmt.Sprintf(`
import {
  to       = twilio_serverless_function.test
  identity = { service_sid = %[1]q, sid = %[2]q }
}

import {
  to       = twilio_serverless_build.test
  identity = { account_sid = %[3]q, service_sid = %[1]q, sid = %[4]q }
}

import {
  to       = twilio_serverless_deployment.test
  identity = { service_sid = %[1]q, environment_sid = %[5]q }
}
`, s.service, fn.Sid, s.env.AccountSID, b.Sid, s.environment))
	uploads := len(s.env.Requests(http.MethodPost, "/Versions"))
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccIdentityVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: strings.Replace(config, `dependencies          = { twilio = "5.3.0" }`, "", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccBuildAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction(testAccDeploymentAddr, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccFunctionAddr, tfjsonpath.New("sid"), knownvalue.StringExact(fn.Sid)),
					statecheck.ExpectKnownValue(testAccBuildAddr, tfjsonpath.New("sid"), knownvalue.StringExact(b.Sid)),
					statecheck.ExpectKnownValue(testAccDeploymentAddr, tfjsonpath.New("build_sid"), knownvalue.StringExact(b.Sid)),
				},
				Check: func(*terraformState) error {
					if n := len(s.env.Requests(http.MethodPost, "/Versions")); n != uploads {
						return fmt.Errorf("the import uploaded the code again (%d uploads)", n-uploads)
					}
					return nil
				},
			},
		},
	})
}
