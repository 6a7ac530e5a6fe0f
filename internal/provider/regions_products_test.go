package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

const testAccRegionalProductsConfig = `
resource "twilio_serverless_service" "test" {
  unique_name   = "regional"
  friendly_name = "regional"
}
`

// TestAccRegion_productNotOffered: Twilio offers neither Functions and Assets nor Studio in au1, so such
// resources are refused at plan time, naming the product and the region, and no request is sent (the
// emulator's 404 for them is assumption product-region-answer; the plan never gets there). In ie1 both are
// offered (Studio as a public beta) and apply on the regional hosts.
func TestAccRegion_productNotOffered(t *testing.T) {
	env := acctest.New(t)
	env.RequireEmulator(t)
	for _, tc := range []struct{ config, want string }{
		{testAccRegionalProductsConfig, `(?s)Functions and Assets \(Serverless\) is not offered in the au1 region.*ie1, us1`},
		{testAccStudioFlowConfig("regional", "draft", testAccStudioFlowDefinition("au1"), ""),
			`(?s)Studio is not offered in the au1 region.*ie1, us1`},
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{{
				Config:      testAccRegionalProvider(t, env, "au1", "") + tc.config,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(tc.want),
			}},
		})
	}
	if n := len(env.Requests("", "")); n != 0 {
		t.Errorf("%d requests reached Twilio; a product au1 does not offer must be refused before any", n)
	}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: testAccRegionalProvider(t, env, "ie1", "") + testAccRegionalProductsConfig +
				testAccStudioFlowConfig("regional", "draft", testAccStudioFlowDefinition("ie1"), ""),
			Check: func(*terraform.State) error {
				for _, r := range env.Requests("", "") {
					if !strings.HasSuffix(r.Host, ".dublin.ie1.twilio.com") {
						return fmt.Errorf("%s %s went to %s, want a dublin.ie1 host", r.Method, r.Path, r.Host)
					}
				}
				return nil
			},
		}},
	})
}

// TestAccRegion_interconnectEdge: Twilio's private Interconnect edges (ashburn-ix and the others) and
// osaka are accepted (osaka is assumption osaka-edge) and requests go through them.
func TestAccRegion_interconnectEdge(t *testing.T) {
	env := acctest.New(t)
	env.RequireEmulator(t)
	for _, edge := range []string{"ashburn-ix", "london-ix", "osaka"} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{{
				Config: testAccRegionalProvider(t, env, "us1", edge) + `
resource "twilio_twiml_app" "test" {
  friendly_name = "edge"
}
`,
				Check: func(*terraform.State) error {
					want := "api." + edge + ".us1.twilio.com"
					for _, r := range env.Requests("", "/2010-04-01/") {
						if r.Host == want {
							return nil
						}
					}
					return fmt.Errorf("no request went to %s", want)
				},
			}},
		})
	}
}
