package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

var (
	_ managedResource                       = (*serverlessVariableResource)(nil)
	_ resource.ResourceWithConfigValidators = (*serverlessVariableResource)(nil)
)

// NewServerlessVariableResource is the factory for twilio_serverless_variable.
func NewServerlessVariableResource() resource.Resource {
	r := &serverlessVariableResource{resourceBase: resourceBase{name: "serverless_variable", plan: planSteps{
		kept: "Twilio Serverless variable", keptLabel: "key", product: twilioregion.ProductServerless, account: fixedAccountSID}}}
	// A write-only value is compared by its date_updated (flattenServerlessVariableDrift). Update is the
	// variable's own: a write-only value is only in the configuration, which the engine's update hook does not see.
	r.accountObject = accountObject[serverlessVariableModel, twilioclient.Variable]{base: &r.resourceBase,
		noun: "Twilio Serverless variable", kept: "Serverless variable",
		// An import takes [AC…/]ZS…/ZE…/ZV… or an identity { account_sid, service_sid, environment_sid, sid }.
		// The value is not imported: see the resource's description.
		importing: serverlessImport{serverlessVariableLevels, func(ctx context.Context, c *twilioclient.Client, account string, sids []string) error {
			_, err := c.FindVariable(ctx, account, sids[0], sids[1], sids[2])
			return err
		}},
		find: func(ctx context.Context, c *twilioclient.Client, m *serverlessVariableModel) (*twilioclient.Variable, error) {
			return c.FindVariable(ctx, m.AccountSID.ValueString(), m.ServiceSID.ValueString(), m.EnvironmentSID.ValueString(), m.SID.ValueString())
		},
		create:  r.create,
		flatten: flattenServerlessVariableDrift,
		remove: func(ctx context.Context, c *twilioclient.Client, m *serverlessVariableModel) error {
			return c.DeleteVariable(ctx, m.AccountSID.ValueString(), m.ServiceSID.ValueString(), m.EnvironmentSID.ValueString(), m.SID.ValueString())
		},
	}
	return r
}

type serverlessVariableResource struct {
	resourceBase
	accountObject[serverlessVariableModel, twilioclient.Variable]
}

type serverlessVariableModel struct {
	accountObjectFields
	ServiceSID     types.String   `tfsdk:"service_sid"`
	EnvironmentSID types.String   `tfsdk:"environment_sid"`
	Key            types.String   `tfsdk:"key"`
	Value          types.String   `tfsdk:"value"`
	ValueWO        types.String   `tfsdk:"value_wo"`
	ValueWOVersion types.Int64    `tfsdk:"value_wo_version"`
	SkipDestroy    types.Bool     `tfsdk:"skip_destroy"`
	DateUpdated    types.String   `tfsdk:"date_updated"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

// serverlessVariableLevels is a variable's address: its service, its environment, then its SID.
var serverlessVariableLevels = []serverlessPath{
	{"ZS", "service_sid", "Serverless service"}, {"ZE", "environment_sid", "Serverless environment"},
	{"ZV", "sid", "Serverless variable"},
}

// Twilio's limits (https://www.twilio.com/docs/serverless/api/resource/variable): a key "can be a maximum of
// 128 characters", a value "a maximum of 450 bytes in size".
const (
	maxVariableKey   = 128
	maxVariableValue = 450
)

func (r *serverlessVariableResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	valueLength := stringvalidator.LengthBetween(1, maxVariableValue)
	resp.Schema = schema.Schema{
		MarkdownDescription: "An environment variable of a Twilio Serverless environment, which its functions read as " +
			"`context.<key>`; a change reaches the next invocation without a new deployment.\n\n" +
			"**Secrets** (an API key secret for a token function) belong in `value_wo`, a write-only attribute " +
			"(Terraform 1.11+, OpenTofu 1.11+): Terraform sends it to Twilio and never stores it in the state or " +
			"the plan. Since Terraform cannot tell whether a write-only value changed, bump `value_wo_version` to " +
			"send a new one. Twilio returns the value on every read, but the provider never stores it for a " +
			"write-only variable, so it cannot compare values: it notices an edit made outside Terraform by the " +
			"variable's `date_updated` instead. The refresh then records `value_wo_version` as null (no configured " +
			"version is in Twilio any more), so the plan shows `value_wo_version` changing back and the apply sends " +
			"the configured value again. Without `value_wo_version` such an edit is only reported as a warning.\n\n" +
			"Values that are no secret go in `value` (Sensitive, so plans do not print it; it is in the state), " +
			"and a change made outside Terraform shows up in the plan. Set exactly one of `value` and `value_wo`.\n\n" +
			"Import cannot tell which of the two the configuration uses, so it stores neither: with `value`, the " +
			"first apply after an import writes the configured value (an update in place).\n\n" + serverlessAccountNote,
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("ZV", "Serverless variable"),
			"account_sid": accountSIDAttribute("service; changing it replaces the variable",
				stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
			"service_sid":     parentSIDAttribute("ZS", "Serverless service"),
			"environment_sid": parentSIDAttribute("ZE", "Serverless environment"),
			"key": schema.StringAttribute{
				MarkdownDescription: "Name of the variable, unique in its environment; at most 128 characters. " +
					"Changing it renames the variable in place.",
				Required:   true,
				Validators: []validator.String{stringvalidator.UTF8LengthBetween(1, maxVariableKey)},
			},
			"value": schema.StringAttribute{
				MarkdownDescription: "Value of a variable that is no secret; at most 450 bytes. Stored in the state " +
					"(Sensitive); drift is detected. Conflicts with `value_wo`.",
				Optional:   true,
				Sensitive:  true,
				Validators: []validator.String{valueLength},
			},
			"value_wo": schema.StringAttribute{
				MarkdownDescription: "Value of a secret variable, write-only: never stored in the state or the plan " +
					"(Terraform 1.11+, OpenTofu 1.11+); at most 450 bytes. It is sent when the variable is created and " +
					"whenever `value_wo_version` changes. Conflicts with `value`.",
				Optional:   true,
				Sensitive:  true,
				WriteOnly:  true,
				Validators: []validator.String{valueLength},
			},
			"value_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Any number; changing it sends `value_wo` again. Bump it when the secret changes " +
					"(e.g. the version of the API key the value comes from).",
				Optional:   true,
				Validators: []validator.Int64{int64validator.AlsoRequires(path.MatchRoot("value_wo"))},
			},
			"skip_destroy": serverlessSkipDestroyAttribute("variable"),
			"date_created": dateCreatedAttribute(),
			"date_updated": schema.StringAttribute{
				MarkdownDescription: "When Twilio last changed the variable. For a write-only value it is how an " +
					"edit made outside Terraform is noticed (see above).",
				Computed: true,
			},
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

func (r *serverlessVariableResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot("value"), path.MatchRoot("value_wo")),
	}
}

// configuredValue is the value to send: `value`, or else `value_wo`, which only the configuration holds.
func configuredValue(ctx context.Context, plan serverlessVariableModel, config tfsdk.Config) (string, error) {
	if !plan.Value.IsNull() {
		return plan.Value.ValueString(), nil
	}
	var wo types.String
	if diags := config.GetAttribute(ctx, path.Root("value_wo"), &wo); diags.HasError() {
		return "", fmt.Errorf("reading value_wo from the configuration: %v", diags)
	}
	if wo.IsNull() || wo.IsUnknown() {
		return "", fmt.Errorf("value_wo is not known; set value or value_wo")
	}
	return wo.ValueString(), nil
}

func (r *serverlessVariableResource) create(ctx context.Context, client *twilioclient.Client, plan *serverlessVariableModel, req resource.CreateRequest,
	resp *resource.CreateResponse) {
	value, err := configuredValue(ctx, *plan, req.Config)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("value_wo"), "Missing variable value", err.Error())
		return
	}
	accountSID, key := plan.AccountSID.ValueString(), plan.Key.ValueString()
	params := &twilioclient.CreateVariableParams{}
	params.SetKey(key).SetValue(value)
	serviceSID, envSID := plan.ServiceSID.ValueString(), plan.EnvironmentSID.ValueString()
	what := fmt.Sprintf("a Serverless variable named %q", key)
	v := createServerless(ctx, &resp.Diagnostics, "serverless_variable", accountSID, envSID+"/"+key, what,
		fmt.Sprintf("Creating Twilio Serverless variable %q in environment %s", key, envSID),
		func(ctx context.Context) (*twilioclient.Variable, error) {
			return client.CreateVariable(ctx, accountSID, serviceSID, envSID, params)
		},
		func(ctx context.Context, since time.Time) ([]twilioclient.Variable, error) {
			return client.FindVariablesCreatedSince(ctx, accountSID, serviceSID, envSID, key, since)
		},
		func(found *twilioclient.Variable) candidate {
			c := candidate{sid: *found.Sid}
			// NOTE: the value is compared in memory only; it may be a secret and never appears in a message.
			if deref(found.Value) != value {
				c.differs = "value"
			}
			return c
		})
	r.finishCreate(ctx, v, plan, resp)
}

// flattenServerlessVariableDrift is flattenServerlessVariable that also notices a write-only value's variable
// changed outside Terraform since the state's date_updated (its value cannot be compared): no configured
// version is in Twilio any more, so value_wo_version becomes null and the plan sends the configured value
// again. A create or an update plans date_updated unknown, so only a Read can see such a change.
func flattenServerlessVariableDrift(_ context.Context, v *twilioclient.Variable, m *serverlessVariableModel) diag.Diagnostics {
	var diags diag.Diagnostics
	known := m.DateUpdated
	flattenServerlessVariable(v, m)
	if m.Value.IsNull() && !known.IsNull() && !known.IsUnknown() && !known.Equal(m.DateUpdated) {
		what := "Twilio Serverless variable " + m.SID.ValueString()
		if m.ValueWOVersion.IsNull() {
			diags.AddWarning(what+" changed outside Terraform",
				fmt.Sprintf("Twilio changed %s (key %s) at %s, after Terraform last wrote it at %s. Its write-only value "+
					"cannot be compared; set value_wo_version (or bump it) to send the configured value again.",
					what, m.Key.ValueString(), m.DateUpdated.ValueString(), known.ValueString()))
		}
		m.ValueWOVersion = types.Int64Null()
	}
	return diags
}

func (r *serverlessVariableResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	ctx, plan, state, client, done := beginUpdate[serverlessVariableModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	params := &twilioclient.UpdateVariableParams{}
	if !plan.Key.Equal(state.Key) {
		params.SetKey(plan.Key.ValueString())
	}
	// The value is sent when `value` changed, or for a write-only value when its version changed or the
	// state still holds a plain value (a switch from value to value_wo, or an import).
	if !plan.Value.Equal(state.Value) || plan.Value.IsNull() && !plan.ValueWOVersion.Equal(state.ValueWOVersion) {
		value, err := configuredValue(ctx, plan, req.Config)
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("value_wo"), "Missing variable value", err.Error())
			return
		}
		params.SetValue(value)
	}
	if params.Key == nil && params.Value == nil {
		// Only timeouts changed (or the version of a value that is no longer write-only).
		plan.DateCreated, plan.DateUpdated = state.DateCreated, state.DateUpdated
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	account := state.AccountSID.ValueString()
	v, err := client.UpdateVariable(ctx, account, state.ServiceSID.ValueString(), state.EnvironmentSID.ValueString(), state.SID.ValueString(), params)
	if err != nil {
		_, hint := accountStateOf(ctx, client, account, err)
		resp.Diagnostics.AddError("Updating Twilio Serverless variable "+state.SID.ValueString(), errorDetail(err)+hint)
		return
	}
	flattenServerlessVariable(v, &plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// flattenServerlessVariable maps Twilio's answer. The value is refreshed only when the state keeps a plain
// value: a write-only (or imported) variable's value never enters the state.
func flattenServerlessVariable(v *twilioclient.Variable, m *serverlessVariableModel) {
	m.SID = stringValue(v.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(v.AccountSid)
	m.ServiceSID = stringValue(v.ServiceSid)
	m.EnvironmentSID = stringValue(v.EnvironmentSid)
	m.Key = stringValue(v.Key)
	if !m.Value.IsNull() && !m.Value.IsUnknown() {
		m.Value = stringValue(v.Value)
	}
	m.ValueWO = types.StringNull()
	m.DateCreated = timeValue(v.DateCreated)
	m.DateUpdated = timeValue(v.DateUpdated)
}
