package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

var _ managedResource = (*studioFlowResource)(nil)

// NewStudioFlowResource is the factory for twilio_studio_flow.
func NewStudioFlowResource() resource.Resource {
	r := &studioFlowResource{resourceBase: resourceBase{name: "studio_flow",
		plan: planSteps{product: twilioregion.ProductStudio, account: fixedAccountSID}}}
	// Each update is a new revision, and Twilio's validation errors are explained at the definition.
	r.accountObject = accountObject[studioFlowModel, twilioclient.Flow]{base: &r.resourceBase,
		noun: "Twilio Studio flow", updateHint: true,
		byKey: (*twilioclient.Client).FindFlow, prefix: "FW", what: "Studio flow",
		create:  r.create,
		flatten: flattenStudioFlow,
		update:  updateStudioFlow,
		updateError: func(err error, summary string, plan, _ *studioFlowModel, diags *diag.Diagnostics) bool {
			return studioFlowDefinitionError(diags, summary, plan.Status.ValueString(), err)
		},
		updated: func(ctx context.Context, _ *twilioclient.Client, f *twilioclient.Flow, plan *studioFlowModel, state *tfsdk.State, diags *diag.Diagnostics) {
			r.saveWithProblems(ctx, f, plan, state, diags)
		},
		remove: removeByKey[studioFlowModel]((*twilioclient.Client).DeleteFlow),
	}
	return r
}

type studioFlowResource struct {
	resourceBase
	accountObject[studioFlowModel, twilioclient.Flow]
}

type studioFlowModel struct {
	accountObjectFields
	FriendlyName  types.String         `tfsdk:"friendly_name"`
	Status        types.String         `tfsdk:"status"`
	Definition    jsontypes.Normalized `tfsdk:"definition"`
	CommitMessage types.String         `tfsdk:"commit_message"`
	Revision      types.Int64          `tfsdk:"revision"`
	WebhookURL    types.String         `tfsdk:"webhook_url"`
	Valid         types.Bool           `tfsdk:"valid"`
	Errors        types.List           `tfsdk:"errors"`
	Warnings      types.List           `tfsdk:"warnings"`
	Timeouts      timeouts.Value       `tfsdk:"timeouts"`
}

// Flow statuses: a draft is saved but only a published revision runs when a number hands a call to it.
const (
	studioFlowDraft     = "draft"
	studioFlowPublished = "published"
)

var studioFlowProblemType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"message": types.StringType, "property_path": types.StringType,
}}

func (r *studioFlowResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	problems := func(what string) schema.ListNestedAttribute {
		return schema.ListNestedAttribute{
			MarkdownDescription: fmt.Sprintf("The %s Twilio found in the latest revision's definition.", what),
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"message": schema.StringAttribute{MarkdownDescription: "What is wrong.", Computed: true},
				"property_path": schema.StringAttribute{
					MarkdownDescription: "Where in the definition, as a JSON pointer such as `#/states/0/name`.",
					Computed:            true,
				},
			}},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Twilio Studio flow: a call or message workflow, defined by the JSON that the Studio " +
			"editor exports. Bind a phone number to it with `twilio_incoming_number.studio_flow_sid`, which sets the " +
			"number's voice URL to the flow's `webhook_url`.\n\n" +
			"Every change makes a new revision. A `draft` is saved even when its definition has problems " +
			"(`valid` is then `false` and `errors` lists them); only a `published` revision runs, and Twilio refuses " +
			"to publish a definition with errors.\n\n" +
			"**Flows in subaccounts with the parent's credentials.** Set `account_sid` to a subaccount to create " +
			"the flow there. Studio only accepts a subaccount's own credentials, so when the provider is configured " +
			"with the main account's SID and auth token it reads the subaccount's auth token (which the parent may " +
			"do) and acts as the subaccount, caching the token per account for the rest of the run. One provider " +
			"block thus serves a `for_each` over many tenants. This needs the main account's **auth token**: an API " +
			"key of the main account cannot act in subaccounts.",
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("FW", "Studio flow"),
			"account_sid": accountSIDAttribute("flow; flows cannot move between accounts, so changing it replaces "+
				"the flow", stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "Name of the flow, as the Studio editor shows it; at most 64 characters.",
				Required:            true,
				Validators:          friendlyNameValidators(),
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "`draft` (default) or `published`. Calls and messages only run a published " +
					"revision, so set `published` for a flow that numbers hand calls to. Twilio refuses to publish a " +
					"definition with errors.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(studioFlowDraft),
				Validators: []validator.String{stringvalidator.OneOf(studioFlowDraft, studioFlowPublished)},
			},
			"definition": schema.StringAttribute{
				MarkdownDescription: "The flow as JSON, e.g. `file(\"flow.json\")` with a file exported from the " +
					"Studio editor, or `jsonencode({...})`. It is compared as JSON, so formatting and key order never " +
					"cause a diff; a change to the content makes a new revision.",
				CustomType: jsontypes.NormalizedType{},
				Required:   true,
				Validators: []validator.String{studioFlowDefinitionValidator},
			},
			"commit_message": schema.StringAttribute{
				MarkdownDescription: "Message recorded with each revision the provider makes, like a commit message. " +
					"Twilio only keeps the latest revision's message and a Console edit replaces it, so the provider " +
					"does not read it back: it never shows drift and is not imported. Changing or removing it makes a " +
					"new revision with the new (or no) message.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"revision": schema.Int64Attribute{
				MarkdownDescription: "Number of the latest revision; every update makes a new one.",
				Computed:            true,
			},
			"webhook_url": stableComputedAttribute("URL that runs the flow, `https://webhooks.twilio.com/v1/Accounts/{AccountSid}/" +
				"Flows/{FlowSid}`: what `twilio_incoming_number.studio_flow_sid` sets as the number's voice URL " +
				"(with POST). Use it directly for an SMS URL or a fallback."),
			"valid": schema.BoolAttribute{
				MarkdownDescription: "Whether the latest revision's definition has no errors.",
				Computed:            true,
			},
			"errors":       problems("errors"),
			"warnings":     problems("warnings"),
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

// ModifyPlan defaults account_sid and plans the state's definition when the configuration's means the
// same JSON. When nothing Twilio stores changes (only timeouts), no revision is made, so it also keeps the
// revision's computed values.
func (r *studioFlowResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.resourceBase.ModifyPlan(ctx, req, resp)
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || resp.Diagnostics.HasError() {
		return
	}
	var plan, state studioFlowModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// NOTE: the framework applies semantic equality to what Read, Create and Update return, but not to
	// plans. Terraform accepts the prior value planned for a configured attribute as "equivalent", which is
	// what keeps a reformatted definition (or one after import) from planning an update.
	if !plan.Definition.IsUnknown() && !plan.Definition.Equal(state.Definition) {
		if same, diags := state.Definition.StringSemanticEquals(ctx, plan.Definition); same && !diags.HasError() {
			plan.Definition = state.Definition
		}
	}
	if studioFlowChanges(ctx, plan, state) {
		resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
		return
	}
	plan.Revision, plan.Valid, plan.Errors, plan.Warnings = state.Revision, state.Valid, state.Errors, state.Warnings
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}

func (r *studioFlowResource) create(ctx context.Context, client *twilioclient.Client, plan *studioFlowModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	accountSID := plan.AccountSID.ValueString()
	params := &twilioclient.CreateFlowParams{}
	params.SetFriendlyName(plan.FriendlyName.ValueString()).SetStatus(plan.Status.ValueString())
	params.SetDefinition(json.RawMessage(plan.Definition.ValueString()))
	if !plan.CommitMessage.IsNull() {
		params.SetCommitMessage(plan.CommitMessage.ValueString())
	}
	name := plan.FriendlyName.ValueString()
	what, summary := fmt.Sprintf("a Studio flow named %q", name), fmt.Sprintf("Creating Twilio Studio flow %q in account %s", name, accountSID)
	f := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.Flow]{
		kind: "studio_flow", scope: accountSID, name: name, what: what, summary: summary,
		find: func(ctx context.Context, since time.Time) ([]twilioclient.Flow, error) {
			return client.FindFlowsCreatedSince(ctx, accountSID, name, since)
		},
		check: func(f *twilioclient.Flow) candidate {
			m := *plan
			switch diags := flattenStudioFlow(ctx, f, &m); {
			case diags.HasError() || !m.Definition.Equal(plan.Definition):
				return candidate{sid: *f.Sid, differs: "definition"}
			case !m.Status.Equal(plan.Status):
				return candidate{sid: *f.Sid, differs: "status"}
			}
			return candidate{sid: *f.Sid}
		},
		failed: func(err error, _ *createRecord) *twilioclient.Flow {
			if !studioFlowDefinitionError(&resp.Diagnostics, summary, plan.Status.ValueString(), err) {
				_, hint := accountStateOf(ctx, client, accountSID, err)
				resp.Diagnostics.AddError(summary, errorDetail(err)+hint+ambiguousCreateHint(err, "studio_flow", what))
			}
			return nil
		},
	}, func(ctx context.Context) (*twilioclient.Flow, error) {
		return client.CreateFlow(ctx, accountSID, params)
	})
	if f == nil {
		return
	}
	r.saveWithProblems(ctx, f, plan, &resp.State, &resp.Diagnostics)
}

// saveWithProblems records a flow a create or an update saved, and warns when its definition has problems.
func (r *studioFlowResource) saveWithProblems(ctx context.Context, f *twilioclient.Flow, m *studioFlowModel, state *tfsdk.State, diags *diag.Diagnostics) {
	r.save(ctx, f, m, state, diags)
	studioFlowProblemWarning(diags, f)
}

// updateStudioFlow makes a new revision, or sends nothing when only timeouts changed (ModifyPlan already
// carried the revision's values over).
func updateStudioFlow(ctx context.Context, c *twilioclient.Client, plan, state *studioFlowModel) (*twilioclient.Flow, error) {
	if !studioFlowChanges(ctx, *plan, *state) {
		return nil, nil
	}
	// NOTE: Twilio requires Status on every update, and each update is a whole new revision, so the
	// complete configuration is sent; the empty commit message gives the revision none.
	params := &twilioclient.UpdateFlowParams{}
	params.SetStatus(plan.Status.ValueString()).SetFriendlyName(plan.FriendlyName.ValueString())
	params.SetDefinition(json.RawMessage(plan.Definition.ValueString()))
	params.SetCommitMessage(plan.CommitMessage.ValueString())
	return c.UpdateFlow(ctx, state.AccountSID.ValueString(), state.SID.ValueString(), params)
}

// studioFlowChanges reports whether the plan changes anything Twilio stores, i.e. whether an update makes a
// revision (or, for account_sid, a replacement makes a new flow).
func studioFlowChanges(ctx context.Context, plan, state studioFlowModel) bool {
	if !plan.AccountSID.Equal(state.AccountSID) || !plan.FriendlyName.Equal(state.FriendlyName) ||
		!plan.Status.Equal(state.Status) || !plan.CommitMessage.Equal(state.CommitMessage) {
		return true
	}
	if plan.Definition.IsUnknown() {
		return true
	}
	same, diags := state.Definition.StringSemanticEquals(ctx, plan.Definition)
	return diags.HasError() || !same
}

// studioFlowDefinitionError explains Twilio's refusal to publish a definition with errors: the diagnostic
// lists them against definition and says how to see them in a draft. It reports false for other errors.
func studioFlowDefinitionError(diags *diag.Diagnostics, summary, status string, err error) bool {
	var defErr *twilioclient.FlowDefinitionError
	if !errors.As(err, &defErr) {
		return false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Twilio refused the definition (status = %q) because it has %d problem(s):\n", status, len(defErr.Problems))
	writeStudioFlowProblems(&b, defErr.Problems)
	b.WriteString("\nFix the definition and apply again. To save it anyway, set status = \"draft\": a draft may have " +
		"problems, which the flow's `errors` attribute and the Studio editor then show.\n\n")
	b.WriteString(errorDetail(err))
	diags.AddAttributeError(path.Root("definition"), summary, b.String())
	return true
}

// studioFlowProblemWarning says that a saved draft would not run, so the problem is seen at apply time
// rather than when the first call fails.
func studioFlowProblemWarning(diags *diag.Diagnostics, f *twilioclient.Flow) {
	problems := twilioclient.FlowProblems(f.Errors)
	if len(problems) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "The flow was saved as a draft, but its definition has %d problem(s):\n", len(problems))
	writeStudioFlowProblems(&b, problems)
	b.WriteString("\nTwilio will refuse status = \"published\" until they are fixed.")
	diags.AddAttributeWarning(path.Root("definition"), fmt.Sprintf("Twilio Studio flow %s is not valid", stringValue(f.Sid).ValueString()), b.String())
}

func writeStudioFlowProblems(b *strings.Builder, problems []twilioclient.FlowProblem) {
	for _, p := range problems {
		if p.PropertyPath != "" {
			fmt.Fprintf(b, "  - %s: %s\n", p.PropertyPath, p.Message)
		} else {
			fmt.Fprintf(b, "  - %s\n", p.Message)
		}
	}
}

func flattenStudioFlow(ctx context.Context, f *twilioclient.Flow, m *studioFlowModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.SID = stringValue(f.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(f.AccountSid)
	m.FriendlyName = stringValue(f.FriendlyName)
	m.Status = stringValue(f.Status)
	m.Revision = types.Int64Value(int64(f.Revision))
	m.WebhookURL = stringValue(f.WebhookUrl)
	if f.WebhookUrl == nil && f.AccountSid != nil && f.Sid != nil {
		m.WebhookURL = types.StringValue(twilioclient.FlowWebhookURL(*f.AccountSid, *f.Sid))
	}
	m.Valid = types.BoolPointerValue(f.Valid)
	m.DateCreated = studioFlowTime(f.DateCreated)

	if f.Definition != nil {
		raw, err := json.Marshal(*f.Definition)
		if err != nil {
			diags.AddError("Reading Twilio Studio flow definition", fmt.Sprintf("Flow %s: %v.", stringValue(f.Sid).ValueString(), err))
			return diags
		}
		// NOTE: Twilio's copy is reformatted; keep the configuration's text whenever it means the same JSON,
		// so that neither formatting nor key order ever shows up as a change.
		remote := jsontypes.NewNormalizedValue(string(raw))
		if same, d := m.Definition.StringSemanticEquals(ctx, remote); m.Definition.IsNull() || m.Definition.IsUnknown() ||
			d.HasError() || !same {
			m.Definition = remote
		}
	}

	var d diag.Diagnostics
	m.Errors, d = studioFlowProblemList(twilioclient.FlowProblems(f.Errors))
	diags.Append(d...)
	m.Warnings, d = studioFlowProblemList(twilioclient.FlowProblems(f.Warnings))
	diags.Append(d...)
	return diags
}

func studioFlowProblemList(problems []twilioclient.FlowProblem) (types.List, diag.Diagnostics) {
	elems := make([]attr.Value, 0, len(problems))
	var diags diag.Diagnostics
	for _, p := range problems {
		v, d := types.ObjectValue(studioFlowProblemType.AttrTypes, map[string]attr.Value{
			"message": types.StringValue(p.Message), "property_path": types.StringValue(p.PropertyPath),
		})
		diags.Append(d...)
		elems = append(elems, v)
	}
	list, d := types.ListValue(studioFlowProblemType, elems)
	diags.Append(d...)
	return list, diags
}

func studioFlowTime(t *time.Time) types.String {
	if t == nil || t.IsZero() {
		return types.StringNull()
	}
	return types.StringValue(t.UTC().Format(time.RFC3339))
}

const studioFlowDefinitionDescription = "must be a JSON object, as exported by the Studio editor"

// studioFlowDefinitionValidator insists on a JSON object at plan time; NormalizedType itself already rejects
// text that is not JSON at all.
var studioFlowDefinitionValidator = stringCheck{description: studioFlowDefinitionDescription, check: func(req validator.StringRequest, resp *validator.StringResponse) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(req.ConfigValue.ValueString()), &obj); err != nil {
		// Text that is not JSON at all is NormalizedType's error; only report the wrong JSON kind here.
		if json.Valid([]byte(req.ConfigValue.ValueString())) {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid Studio flow definition",
				fmt.Sprintf("%s %s.", req.Path, studioFlowDefinitionDescription))
		}
	}
}}
