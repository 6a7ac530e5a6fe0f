package acctest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/go-version"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// Feature is a CLI feature a test needs, with the first Terraform and the first OpenTofu release that has
// it. plugin-testing compares OpenTofu's own version number with Terraform's, and the two lines added the
// same features at different numbers, so one tfversion.SkipBelow cannot gate both: a test gated on
// Terraform's number runs, and fails, on an OpenTofu that lacks the feature, and one gated on OpenTofu's
// skips on Terraform releases that have it.
type Feature struct {
	Name string
	// Terraform and OpenTofu are the first releases with the feature; nil means none has it.
	Terraform, OpenTofu *version.Version
}

// The features the suite gates on, as the Terraform and OpenTofu changelogs date them.
var (
	Ephemeral     = Feature{"ephemeral resources", tfversion.Version1_10_0, tfversion.Version1_11_0}
	WriteOnly     = Feature{"write-only attributes", tfversion.Version1_11_0, tfversion.Version1_11_0}
	Identity      = Feature{"resource identity", tfversion.Version1_12_0, tfversion.Version1_12_0}
	ListResources = Feature{"list resources and terraform query", tfversion.Version1_14_0, nil}
	Functions     = Feature{"provider-defined functions", tfversion.Version1_8_0, tfversion.Version1_7_0}
	// UnconfiguredFunctions: OpenTofu before 1.11 configures the provider before it calls one of its
	// functions, so a configuration without credentials fails there (found under 1.8.11 and 1.10.10).
	UnconfiguredFunctions = Feature{"provider functions without provider credentials", tfversion.Version1_8_0, tfversion.Version1_11_0}
	Actions               = Feature{"actions", tfversion.Version1_14_0, nil}
)

// Needs gates a TestCase on features: it skips, naming the feature, on a CLI without one of them.
func Needs(features ...Feature) []tfversion.TerraformVersionCheck {
	checks := make([]tfversion.TerraformVersionCheck, len(features))
	for i, f := range features {
		checks[i] = f
	}
	return checks
}

// CheckTerraformVersion implements tfversion.TerraformVersionCheck.
func (f Feature) CheckTerraformVersion(_ context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	cli, first := "Terraform", f.Terraform
	if OpenTofu() {
		cli, first = "OpenTofu", f.OpenTofu
	}
	switch {
	case first == nil:
		resp.Skip = fmt.Sprintf("%s has no %s", cli, f.Name)
	case req.TerraformVersion.LessThan(first):
		resp.Skip = fmt.Sprintf("%s needs %s %s or later, this is %s", f.Name, cli, first, req.TerraformVersion)
	}
}

// OpenTofu reports whether the acceptance tests run under OpenTofu: the harness names the binary tofu-<version>
// and sets plugin-testing's provider host to OpenTofu's registry.
func OpenTofu() bool {
	return os.Getenv("TF_ACC_PROVIDER_HOST") == "registry.opentofu.org" ||
		strings.HasPrefix(filepath.Base(os.Getenv("TF_ACC_TERRAFORM_PATH")), "tofu")
}

var cliVersion struct {
	once sync.Once
	v    *version.Version
}

// CLIVersion is the version of the CLI under test (TF_ACC_TERRAFORM_PATH), nil when it cannot be told.
func CLIVersion() *version.Version {
	cliVersion.once.Do(func() {
		path := os.Getenv("TF_ACC_TERRAFORM_PATH")
		if path == "" {
			return
		}
		out, err := exec.Command(path, "version").Output()
		if err != nil {
			return
		}
		// "Terraform v1.16.0" or "OpenTofu v1.11.7" on the first line.
		if m := regexp.MustCompile(`(?m)^(?:Terraform|OpenTofu) v(\S+)`).FindSubmatch(out); m != nil {
			cliVersion.v, _ = version.NewVersion(string(m[1]))
		}
	})
	return cliVersion.v
}

// EphemeralOpensInPlan reports whether the CLI lists each ephemeral resource in a plan's JSON as an "open"
// change although the plan has nothing to do: OpenTofu 1.11 does (opentofu/opentofu#3781; 1.12 stopped),
// and plugin-testing takes that for a non-empty plan. Tests of ephemeral resources then expect a
// non-empty plan and check with ExpectNoChangesBesidesEphemeralOpens that nothing else is in it.
func EphemeralOpensInPlan() bool {
	v := CLIVersion()
	return OpenTofu() && v != nil && !v.LessThan(tfversion.Version1_11_0) && v.LessThan(tfversion.Version1_12_0)
}

// ExpectNoChangesBesidesEphemeralOpens is plancheck.ExpectEmptyPlan that lets an ephemeral resource's
// "open" through (see EphemeralOpensInPlan).
func ExpectNoChangesBesidesEphemeralOpens() plancheck.PlanCheck { return noChangesBesidesOpens{} }

type noChangesBesidesOpens struct{}

func (noChangesBesidesOpens) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		for _, a := range rc.Change.Actions {
			if a == tfjson.ActionNoop {
				continue
			}
			if rc.Mode == "ephemeral" && a == "open" {
				continue
			}
			resp.Error = fmt.Errorf("expected no changes besides ephemeral resources opened, %s has %q", rc.Address, a)
			return
		}
	}
}
