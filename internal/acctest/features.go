package acctest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/go-version"
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
