package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/serverlessruntime"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

var (
	_ managedResource                       = (*serverlessBuildResource)(nil)
	_ resource.ResourceWithConfigValidators = (*serverlessBuildResource)(nil)
)

// NewServerlessBuildResource is the factory for twilio_serverless_build.
func NewServerlessBuildResource() resource.Resource {
	r := &serverlessBuildResource{resourceBase: resourceBase{name: "serverless_build",
		plan: planSteps{product: twilioregion.ProductServerless, account: fixedAccountSID}}}
	// A build cannot change (every attribute but timeouts replaces it); a live build is kept (keepLiveBuild).
	r.accountObject = accountObject[serverlessBuildModel, twilioclient.Build]{base: &r.resourceBase,
		noun: "Twilio Serverless build",
		find: func(ctx context.Context, c *twilioclient.Client, m *serverlessBuildModel) (*twilioclient.Build, error) {
			return c.FindBuild(ctx, m.AccountSID.ValueString(), m.ServiceSID.ValueString(), m.SID.ValueString())
		},
		// An import takes ZS…/ZB…, AC…/ZS…/ZB…, or an identity.
		importing: serviceChildImport{what: "Serverless build", parts: buildParts},
		create:    r.create,
		flatten: func(ctx context.Context, b *twilioclient.Build, m *serverlessBuildModel) (diags diag.Diagnostics) {
			r.flattenBuild(ctx, b, m, &diags)
			return diags
		},
		beforeDelete: keepLiveBuild,
		remove: func(ctx context.Context, c *twilioclient.Client, m *serverlessBuildModel) error {
			return c.DeleteBuild(ctx, m.AccountSID.ValueString(), m.ServiceSID.ValueString(), m.SID.ValueString())
		},
	}
	return r
}

type serverlessBuildResource struct {
	resourceBase
	accountObject[serverlessBuildModel, twilioclient.Build]
}

type serverlessBuildModel struct {
	accountObjectFields
	ServiceSID          types.String   `tfsdk:"service_sid"`
	FunctionVersionSIDs types.Set      `tfsdk:"function_version_sids"`
	AssetVersionSIDs    types.Set      `tfsdk:"asset_version_sids"`
	Dependencies        types.Map      `tfsdk:"dependencies"`
	Runtime             types.String   `tfsdk:"runtime"`
	Status              types.String   `tfsdk:"status"`
	Timeouts            timeouts.Value `tfsdk:"timeouts"`
}

// buildRuntimeIDs are every runtime Twilio names, retired ones included: the schema accepts them so that
// a build made before its runtime's retirement still plans and imports; ModifyPlan refuses a retired one
// for a new build.
func buildRuntimeIDs() []string {
	var ids []string
	for _, r := range serverlessruntime.All() {
		ids = append(ids, r.ID)
	}
	return ids
}

var buildParts = []sidPart{{"service_sid", "ZS", "Serverless service"}, {"sid", "ZB", "Serverless build"}}

func (r *serverlessBuildResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	versionSet := func(what string) schema.SetAttribute {
		return schema.SetAttribute{
			MarkdownDescription: fmt.Sprintf("SIDs (`ZN…`) of the %s versions to package: the `latest_version_sid` of "+
				"`twilio_serverless_%s` resources. At least one function or asset version is required. Changing it "+
				"makes a new build.", what, what),
			ElementType:   types.StringType,
			Optional:      true,
			Validators:    []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(sidValidator("ZN"))},
			PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplace()},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Twilio Serverless build: function and asset versions packaged with their npm " +
			"dependencies for a Node.js runtime, ready to deploy with `twilio_serverless_deployment`.\n\n" +
			"Builds are immutable: any change makes a new one. Create waits for Twilio to finish building (polling " +
			"its status every second, up to `timeouts.create`); a build Twilio reports as `failed` fails the apply, " +
			"is deleted, and is not kept in the state, so the deployment is not touched and the environment keeps " +
			"running its previous build.\n\n" +
			"**Destroying a build an environment still runs does not delete it**: the provider checks the service's " +
			"environments first and leaves such a build in Twilio (with a warning), so replacing a build never takes " +
			"the live one away before the new one is deployed. Twilio keeps superseded builds (the Twilio CLI leaves " +
			"every build too); they go with the service.",
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("ZB", "Serverless build"),
			"account_sid": accountSIDAttribute("build's service", stringplanmodifier.UseStateForUnknown(),
				stringplanmodifier.RequiresReplace()),
			"service_sid":           serviceSIDAttribute("build"),
			"function_version_sids": versionSet("function"),
			"asset_version_sids":    versionSet("asset"),
			"dependencies": schema.MapAttribute{
				MarkdownDescription: "npm packages the functions need, name to version (e.g. `{ twilio = \"5.3.0\" }`), " +
					"as in a package.json. Changing it makes a new build.",
				ElementType:   types.StringType,
				Optional:      true,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"runtime": schema.StringAttribute{
				MarkdownDescription: "Node.js runtime: one Twilio builds with today, `" +
					strings.Join(serverlessruntime.Supported(time.Now()), "`, `") + "` when this provider was released. " +
					"A runtime Twilio retired (`node18` on 2025-11-10; `node16` and older on 2024-02-01) is refused at " +
					"plan time for a new build, with the runtime to use; an existing build keeps it. When unset Twilio " +
					"chooses: the runtime of the service's last successful build, else its default (`" +
					serverlessruntime.Default + "`), and the build records it. Changing it makes a new build.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{stringvalidator.OneOf(buildRuntimeIDs()...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(),
					stringplanmodifier.RequiresReplaceIfConfigured()},
			},
			"status":       stableComputedAttribute("Twilio's build status; `completed` once created by Terraform."),
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, false),
	}
}

func (r *serverlessBuildResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.AtLeastOneOf(path.MatchRoot("function_version_sids"), path.MatchRoot("asset_version_sids")),
	}
}

func (r *serverlessBuildResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.resourceBase.ModifyPlan(ctx, req, resp)
	checkBuildRuntime(ctx, req, resp)
}

// checkBuildRuntime refuses a configured runtime Twilio no longer (or not yet) builds with, when the plan
// makes a new build: Twilio answers 82007 to such a build (https://www.twilio.com/docs/errors/82007). A
// build made before the retirement keeps its runtime, as Twilio keeps running it, so an unchanged build
// plans as before.
func checkBuildRuntime(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var runtime types.String
	var plan serverlessBuildModel
	var state *serverlessBuildModel
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("runtime"), &runtime)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if !req.State.Raw.IsNull() {
		state = &serverlessBuildModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if err := buildRuntimeRefusal(runtime, plan, state, time.Now()); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("runtime"), "Twilio does not build with this runtime",
			fmt.Sprintf("runtime: %s. Twilio refuses such a build (error 82007); set runtime to a supported one "+
				"and test your functions on it first.", err))
	}
	if state == nil || buildReplaced(plan, *state) {
		checkBuildVersionCounts(plan, &resp.Diagnostics)
	}
}

// checkBuildVersionCounts refuses a new build over Twilio's per-build version counts when the lists are
// known: 50 function versions, and 1000 asset versions (the public and protected limit; private assets
// have 50, which the plan cannot tell apart, so Twilio's refusal reports that one). The counts are the
// assumption serverless-count-limits (internal/serverlessruntime/limits.go).
func checkBuildVersionCounts(plan serverlessBuildModel, diags *diag.Diagnostics) {
	for _, c := range []struct {
		attr string
		set  types.Set
		max  int
		what string
	}{
		{"function_version_sids", plan.FunctionVersionSIDs, serverlessruntime.MaxFunctionVersionsPerBuild, "function versions"},
		{"asset_version_sids", plan.AssetVersionSIDs, serverlessruntime.MaxPublicAssetVersionsPerBuild, "public and protected asset versions"},
	} {
		if c.set.IsNull() || c.set.IsUnknown() || len(c.set.Elements()) <= c.max {
			continue
		}
		diags.AddAttributeError(path.Root(c.attr), "Too many versions for one Twilio build",
			fmt.Sprintf("%s has %d elements; a Twilio build holds at most %d %s. Split the code over more "+
				"Serverless services (each has its own builds) or remove versions from this build.",
				c.attr, len(c.set.Elements()), c.max, c.what))
	}
}

// buildRuntimeRefusal is why a configured runtime cannot make the planned build on the given day, or nil:
// nil for an unset or unknown runtime (Twilio chooses) and for an existing build the plan keeps (state
// non-nil and nothing replaces it).
func buildRuntimeRefusal(runtime types.String, plan serverlessBuildModel, state *serverlessBuildModel, at time.Time) error {
	if runtime.IsNull() || runtime.IsUnknown() || state != nil && !buildReplaced(plan, *state) {
		return nil
	}
	return serverlessruntime.Check(runtime.ValueString(), at)
}

// buildReplaced reports whether the plan makes a new build: every input but timeouts replaces it.
func buildReplaced(plan, state serverlessBuildModel) bool {
	return !plan.AccountSID.Equal(state.AccountSID) || !plan.ServiceSID.Equal(state.ServiceSID) ||
		!plan.FunctionVersionSIDs.Equal(state.FunctionVersionSIDs) || !plan.AssetVersionSIDs.Equal(state.AssetVersionSIDs) ||
		!plan.Dependencies.Equal(state.Dependencies) || !plan.Runtime.Equal(state.Runtime)
}

func (r *serverlessBuildResource) create(ctx context.Context, client *twilioclient.Client, plan *serverlessBuildModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	var fvs, avs []string
	deps := map[string]string{}
	resp.Diagnostics.Append(plan.FunctionVersionSIDs.ElementsAs(ctx, &fvs, false)...)
	resp.Diagnostics.Append(plan.AssetVersionSIDs.ElementsAs(ctx, &avs, false)...)
	resp.Diagnostics.Append(plan.Dependencies.ElementsAs(ctx, &deps, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	account, service := plan.AccountSID.ValueString(), plan.ServiceSID.ValueString()
	b, err := client.CreateBuild(ctx, account, service, fvs, avs, deps, plan.Runtime.ValueString())
	if err != nil {
		if twilioclient.IsCode(err, 82007) {
			// Without runtime Twilio reuses the service's last successful build's runtime, which may be retired.
			resp.Diagnostics.AddAttributeError(path.Root("runtime"), "Twilio refused the build's runtime",
				errorDetail(err)+"\n\nSet runtime to one Twilio builds with ("+
					strings.Join(serverlessruntime.Supported(time.Now()), ", ")+"); without it Twilio uses the "+
					"runtime of the service's last successful build.")
			return
		}
		addServerlessError(&resp.Diagnostics, "Creating a Twilio Serverless build in service "+service, err,
			ambiguousCreateHint(err, "serverless_build", "a build"))
		return
	}
	status, err := client.WaitForBuild(ctx, account, service, b.Sid)
	var failed *twilioclient.BuildFailedError
	switch {
	case errors.As(err, &failed):
		// A failed build is of no use and must not look deployable: delete it, keep nothing in the state.
		detail := failed.Error() + "\n\nThe failed build was deleted and nothing was deployed: the environment " +
			"keeps running its previous build. Fix the code or dependencies and apply again."
		if delErr := client.DeleteBuild(context.WithoutCancel(ctx), account, service, b.Sid); delErr != nil && !twilioclient.IsNotFound(delErr) {
			detail = failed.Error() + fmt.Sprintf("\n\nNothing was deployed. Deleting the failed build %s failed too "+
				"(%v); delete it in the Console if you wish (a failed build is never used).", b.Sid, delErr)
		}
		resp.Diagnostics.AddError(fmt.Sprintf("Twilio Serverless build %s failed", b.Sid), detail)
		return
	case err != nil:
		// Still building (timeout) or the status could not be read: keep the build in the state, tainted by
		// the error, so the next apply replaces (deletes) it rather than leaving it untracked.
		r.flattenBuild(ctx, b, plan, &resp.Diagnostics)
		plan.Status = types.StringValue(status)
		resp.Diagnostics.Append(resp.State.Set(ctx, *plan)...)
		addServerlessError(&resp.Diagnostics, fmt.Sprintf("Waiting for Twilio Serverless build %s", b.Sid), err,
			"\n\nThe build is kept in the state, marked tainted: the next apply replaces it. Raise timeouts.create "+
				"if builds with many dependencies take longer.")
		return
	}
	r.flattenBuild(ctx, b, plan, &resp.Diagnostics)
	plan.Status = types.StringValue(status)
	resp.Diagnostics.Append(resp.State.Set(ctx, *plan)...)
}

// keepLiveBuild keeps a build an environment of its service runs (see the resource description), and one
// whose service is gone (its builds went with it).
func keepLiveBuild(ctx context.Context, c *twilioclient.Client, m *serverlessBuildModel, diags *diag.Diagnostics) bool {
	account, service, sid := m.AccountSID.ValueString(), m.ServiceSID.ValueString(), m.SID.ValueString()
	live, err := c.EnvironmentsRunning(ctx, account, service, sid)
	switch {
	case twilioclient.IsNotFound(err):
		return true
	case err != nil:
		addServerlessError(diags, "Checking whether an environment runs Twilio Serverless build "+sid, err,
			"\n\nThe build was not deleted: it might be live. Apply again once the environments can be listed.")
		return true
	case len(live) > 0:
		diags.AddWarning(fmt.Sprintf("Twilio Serverless build %s kept: it is live", sid),
			fmt.Sprintf("Environment(s) %s run this build, so deleting it could take the site down. It was removed "+
				"from the state but left in Twilio; it goes when its service is deleted.", strings.Join(live, ", ")))
		return true
	}
	return false
}

// flatten maps a build to the model. Empty version lists and dependencies are null, as when left out of
// the configuration.
func (r *serverlessBuildResource) flattenBuild(ctx context.Context, b *twilioclient.Build, m *serverlessBuildModel, diags *diag.Diagnostics) {
	m.SID, m.ID = types.StringValue(b.Sid), types.StringValue(b.Sid)
	m.AccountSID, m.ServiceSID = types.StringValue(b.AccountSid), types.StringValue(b.ServiceSid)
	m.Status, m.Runtime = types.StringValue(b.Status), types.StringValue(b.Runtime)
	m.DateCreated = timeValue(b.DateCreated)
	set := func(sids []string) types.Set {
		if len(sids) == 0 {
			return types.SetNull(types.StringType)
		}
		v, d := types.SetValueFrom(ctx, types.StringType, sids)
		diags.Append(d...)
		return v
	}
	m.FunctionVersionSIDs, m.AssetVersionSIDs = set(b.FunctionVersions), set(b.AssetVersions)
	m.Dependencies = types.MapNull(types.StringType)
	if len(b.Dependencies) > 0 {
		v, d := types.MapValueFrom(ctx, types.StringType, b.Dependencies)
		diags.Append(d...)
		m.Dependencies = v
	}
}
