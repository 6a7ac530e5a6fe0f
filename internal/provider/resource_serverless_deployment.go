package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// twilio_serverless_deployment is "environment E runs build B". Twilio records each deployment as a new
// object and has no DELETE for them; what matters is the environment's current build, so Read reports
// that, and a redeploy from the Console or the Twilio CLI shows as drift that the next apply undoes.

var _ managedResource = (*serverlessDeploymentResource)(nil)

// NewServerlessDeploymentResource is the factory for twilio_serverless_deployment.
func NewServerlessDeploymentResource() resource.Resource {
	r := &serverlessDeploymentResource{resourceBase: resourceBase{name: "serverless_deployment",
		plan: planSteps{product: twilioregion.ProductServerless, account: fixedAccountSID}}}
	// Create, Update and Delete are the deployment's own: Twilio's deployments are immutable and cannot be
	// deleted, and the resource has no timeouts block.
	r.accountObject = accountObject[serverlessDeploymentModel, twilioclient.EnvironmentRuns]{base: &r.resourceBase,
		noun: "Twilio Serverless deployment",
		find: func(ctx context.Context, c *twilioclient.Client, m *serverlessDeploymentModel) (*twilioclient.EnvironmentRuns, error) {
			return c.FindEnvironmentRuns(ctx, m.AccountSID.ValueString(), m.ServiceSID.ValueString(), m.EnvironmentSID.ValueString())
		},
		// The environment (or its service) gone means so is what this deployment put there.
		named: func(m *serverlessDeploymentModel) string {
			return "Twilio Serverless environment " + m.EnvironmentSID.ValueString() + " of deployment " + m.SID.ValueString()
		},
		importing: deploymentImport{serviceChildImport{what: "Serverless deployment", parts: deploymentParts}},
		flatten: flattenPlain(func(runs *twilioclient.EnvironmentRuns, m *serverlessDeploymentModel) {
			m.BuildSID = types.StringValue(runs.BuildSid)
			m.DomainName = types.StringValue(runs.DomainName)
			m.URL = types.StringValue("https://" + runs.DomainName)
		}),
	}
	return r
}

type serverlessDeploymentResource struct {
	resourceBase
	accountObject[serverlessDeploymentModel, twilioclient.EnvironmentRuns]
}

type serverlessDeploymentModel struct {
	ID             types.String `tfsdk:"id"`
	SID            types.String `tfsdk:"sid"`
	AccountSID     types.String `tfsdk:"account_sid"`
	ServiceSID     types.String `tfsdk:"service_sid"`
	EnvironmentSID types.String `tfsdk:"environment_sid"`
	BuildSID       types.String `tfsdk:"build_sid"`
	DomainName     types.String `tfsdk:"domain_name"`
	URL            types.String `tfsdk:"url"`
}

func (m serverlessDeploymentModel) objectKey() (account, sid string) {
	return m.AccountSID.ValueString(), m.SID.ValueString()
}

// created is null: a deployment has no date_created, and Read asks its environment, which a deploy does not
// make, so no read lags it.
func (m serverlessDeploymentModel) created() types.String { return types.StringNull() }

// deploymentParts identify a deployment resource by its environment: the resource stands for what the
// environment runs, while Twilio's deployment SID changes with every redeploy.
var deploymentParts = []sidPart{
	{"service_sid", "ZS", "Serverless service"}, {"environment_sid", "ZE", "Serverless environment"},
}

func (r *serverlessDeploymentResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Deploys a `twilio_serverless_build` to a Serverless environment: the environment's " +
			"functions and assets then answer at `url` + their `path`.\n\n" +
			"Read reports the build the environment **currently** runs, so a deployment made outside Terraform (the " +
			"Console, `twilio serverless:deploy`) shows as a change of `build_sid` and the next apply deploys the " +
			"configured build again. Changing `build_sid` makes a new deployment (a new `sid`); the environment " +
			"switches to the new build at once, and a build that fails never gets here (see " +
			"`twilio_serverless_build`).\n\n" +
			"~> **Destroy does not undeploy.** Twilio has no way to delete a deployment: destroying this resource only " +
			"removes it from the state, and the environment keeps serving its build until the environment (or the " +
			"service) is destroyed or another build is deployed.",
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": deploymentSIDAttribute(),
			"account_sid": accountSIDAttribute("deployment's service", stringplanmodifier.UseStateForUnknown(),
				stringplanmodifier.RequiresReplace()),
			"service_sid": serviceSIDAttribute("deployment"),
			"environment_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the environment (`ZE…`) to deploy to, e.g. " +
					"`twilio_serverless_environment.<name>.sid`. Changing it replaces the deployment (the old " +
					"environment keeps its build).",
				Required:      true,
				Validators:    []validator.String{sidValidator("ZE")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"build_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the build (`ZB…`) the environment runs: `twilio_serverless_build.<name>.sid`. " +
					"Changing it deploys the new build in place.",
				Required:   true,
				Validators: []validator.String{sidValidator("ZB")},
			},
			"domain_name": stableComputedAttribute("The environment's domain, e.g. `voice-1234-prod.twil.io`."),
			"url": stableComputedAttribute("`https://` + `domain_name`. A function's URL is this plus its `path`, e.g. " +
				"`\"${twilio_serverless_deployment.prod.url}${twilio_serverless_function.voice.path}\"`, which stays " +
				"the same across code changes; referencing the deployment makes a number's `voice_url` wait for the " +
				"first deployment."),
		},
	}
}

func deploymentSIDAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "SID of the deployment (`ZD…`) Terraform made last; a new one with every change of `build_sid`.",
		Computed:            true,
	}
}

// ModifyPlan defaults account_sid and keeps the deployment's SID while build_sid is unchanged.
func (r *serverlessDeploymentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.resourceBase.ModifyPlan(ctx, req, resp)
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() || resp.Diagnostics.HasError() {
		return
	}
	var plan, state serverlessDeploymentModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if plan.BuildSID.Equal(state.BuildSID) {
		plan.SID, plan.ID = state.SID, state.ID
	} else {
		// A new deployment: a new SID, which id mirrors.
		plan.SID, plan.ID = types.StringUnknown(), types.StringUnknown()
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}

func (r *serverlessDeploymentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	defer identityAfterCreate(ctx, resp)
	r.deployPlanned(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

// deployPlanned deploys what the plan holds (Create and Update alike: Twilio's deployments are immutable,
// so an update is a new deployment) and stores it.
func (r *serverlessDeploymentResource) deployPlanned(ctx context.Context, planned tfsdk.Plan, state *tfsdk.State, diags *diag.Diagnostics) {
	var plan serverlessDeploymentModel
	diags.Append(planned.Get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	r.deploy(ctx, &plan, diags)
	if !diags.HasError() {
		diags.Append(state.Set(ctx, plan)...)
	}
}

// deploy creates a deployment of the plan's build and fills in the environment's domain.
func (r *serverlessDeploymentResource) deploy(ctx context.Context, m *serverlessDeploymentModel, diags interface {
	AddError(string, string)
}) {
	client := r.data.client
	if client == nil {
		diags.AddError("Provider not configured", "The provider configuration is not known yet; apply again.")
		return
	}
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	account, service, env := m.AccountSID.ValueString(), m.ServiceSID.ValueString(), m.EnvironmentSID.ValueString()
	d, err := client.CreateDeployment(ctx, account, service, env, m.BuildSID.ValueString())
	if err != nil {
		diags.AddError(fmt.Sprintf("Deploying Twilio Serverless build %s to environment %s", m.BuildSID.ValueString(), env),
			errorDetail(err))
		return
	}
	m.SID, m.ID = types.StringValue(d.Sid), types.StringValue(d.Sid)
	runs, err := client.FindEnvironmentRuns(ctx, account, service, env)
	if err != nil {
		diags.AddError("Reading Twilio Serverless environment "+env+" after deploying", errorDetail(err))
		return
	}
	m.DomainName = types.StringValue(runs.DomainName)
	m.URL = types.StringValue("https://" + runs.DomainName)
}

// Update deploys the new build: a new deployment, since Twilio's are immutable.
func (r *serverlessDeploymentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer identityAfterUpdate(ctx, resp)
	r.deployPlanned(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

// Delete only forgets the deployment: Twilio cannot delete one (see the resource description).
func (r *serverlessDeploymentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state serverlessDeploymentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.AddWarning("Twilio Serverless deployment "+state.SID.ValueString()+" removed from the state only",
		fmt.Sprintf("Twilio has no way to delete a deployment: environment %s keeps serving build %s until the "+
			"environment is destroyed or another build is deployed to it.", state.EnvironmentSID.ValueString(),
			state.BuildSID.ValueString()))
}

// deploymentImport takes ZS…/ZE… (the environment), AC…/ZS…/ZE…, or an identity, as the code resources do;
// sid is then the environment's latest deployment and build_sid what it runs.
type deploymentImport struct {
	serviceChildImport
}

func (i deploymentImport) importState(ctx context.Context, r *resourceBase, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	values, ok := r.importServiceChild(ctx, req, resp, i.parts...)
	if !ok {
		return
	}
	client := r.data.ready(&resp.Diagnostics)
	if client == nil {
		return
	}
	d, err := client.LatestDeployment(ctx, values["account_sid"], values["service_sid"], values["environment_sid"])
	switch {
	case err != nil:
		resp.Diagnostics.AddError("Importing the deployment of Twilio Serverless environment "+values["environment_sid"], errorDetail(err))
	case d == nil:
		resp.Diagnostics.AddError("Nothing to import", fmt.Sprintf("Twilio Serverless environment %s has no "+
			"deployment; create one with this resource instead.", values["environment_sid"]))
	default:
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("sid"), d.Sid)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), d.Sid)...)
	}
}
