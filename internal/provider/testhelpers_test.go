package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

func ptrTo[T any](v T) *T { return &v }

func sidRegexp(prefix string) *regexp.Regexp {
	return regexp.MustCompile(`^` + prefix + `[0-9a-f]{32}$`)
}

// testAccImportStep imports addr by its sid and verifies the imported state equals the applied one.
func testAccImportStep(addr string, ignore ...string) resource.TestStep {
	return resource.TestStep{
		ResourceName:                         addr,
		ImportState:                          true,
		ImportStateVerify:                    true,
		ImportStateVerifyIdentifierAttribute: "sid",
		ImportStateIdFunc:                    testAccAttr(addr, "sid"),
		ImportStateVerifyIgnore:              ignore,
	}
}

func testAccAttr(addr, attr string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s not in state", addr)
		}
		return rs.Primary.Attributes[attr], nil
	}
}

// testAccCaptureAttr copies an attribute out of the state for later steps' PreConfig edits.
func testAccCaptureAttr(addr, attr string, dst *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		v, err := testAccAttr(addr, attr)(s)
		*dst = v
		return err
	}
}

// testAccCheckNoRequests proves plan-time validation: the emulator saw no Twilio call at all.
func testAccCheckNoRequests(t *testing.T, env *acctest.Env) {
	t.Helper()
	if env.Emulator == nil {
		return
	}
	if reqs := env.Emulator.Requests(); len(reqs) != 0 {
		t.Fatalf("invalid configuration reached Twilio: %d requests, first %s %s", len(reqs), reqs[0].Method, reqs[0].Path)
	}
}

type terraformState = terraform.State

func tfjsonpathRoot(name string) tfjsonpath.Path { return tfjsonpath.New(name) }

// testAccDisappearsSteps are the steps of every _disappears test: after the apply, remove stands in for a
// Console user deleting (releasing, closing) the object outside Terraform; the refresh must drop it from
// the state, so the next plan creates it again instead of failing.
func testAccDisappearsSteps(config, addr string, remove func(accountSID, sid string) error) []resource.TestStep {
	return []resource.TestStep{
		{
			Config: config,
			Check: func(s *terraform.State) error {
				rs, ok := s.RootModule().Resources[addr]
				if !ok {
					return fmt.Errorf("%s not in state", addr)
				}
				return remove(rs.Primary.Attributes["account_sid"], rs.Primary.Attributes["sid"])
			},
			ExpectNonEmptyPlan: true,
		},
		{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
			}},
		},
	}
}
