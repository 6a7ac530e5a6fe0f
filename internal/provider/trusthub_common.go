package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Trust Hub v1 (trusthub.twilio.com): end users and supporting documents (this file, with the small rules
// the bundles use: entity SIDs, editable statuses, how Twilio's reasons are quoted) and the customer
// profiles and trust products that hold them (trusthub_bundle_common.go). The two entity resources and the
// two bundle resources have the same shapes and rules, so each pair is one implementation here,
// parameterised by its kind; the resource files only name it and describe it.

const trustHubAccountNote = "Trust Hub objects belong to an account: the provider's own, or a subaccount (`account_sid`), " +
	"as Twilio's ISV flow keeps each customer's A2P registration in that customer's subaccount. Trust Hub only " +
	"accepts an account's own credentials, so with the main account's auth token the provider acts as the " +
	"subaccount, as it does for Studio; an API key reaches its own account only."

// trustAttributesAttribute is an entity's `attributes`: a JSON object compared as JSON, so key order and
// formatting never show as a change.
func trustAttributesAttribute(what, example string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("The %s's fields, as a JSON object (`jsonencode({...})`) with the field names "+
			"of its type, e.g. %s. Compared as JSON: key order and formatting never show as a change. Twilio "+
			"checks the fields when a profile or trust product holding it is evaluated.", what, example),
		CustomType: jsontypes.NormalizedType{},
		Required:   true,
		Validators: []validator.String{jsonObjectValidator},
	}
}

// jsonObjectValidator insists on a JSON object; NormalizedType already rejects text that is not JSON.
var jsonObjectValidator = stringCheck{description: "must be a JSON object", check: func(req validator.StringRequest, resp *validator.StringResponse) {
	var obj map[string]json.RawMessage
	raw := []byte(req.ConfigValue.ValueString())
	if err := json.Unmarshal(raw, &obj); err != nil && json.Valid(raw) || obj == nil && json.Valid(raw) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Trust Hub attributes",
			fmt.Sprintf("%s must be a JSON object of the type's fields, such as jsonencode({ business_name = \"Acme\" }); "+
				"got %s.", req.Path, req.ConfigValue.ValueString()))
	}
}}

// keepEquivalentJSON plans the state's text for a JSON attribute whose configured value means the same
// JSON. NOTE: the framework applies semantic equality to what Create, Read and Update return but not to
// plans (see twilio_studio_flow), and Terraform accepts the prior value as "equivalent".
func keepEquivalentJSON(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, p path.Path) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var planned, prior jsontypes.Normalized
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, p, &planned)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, p, &prior)...)
	if resp.Diagnostics.HasError() || planned.IsUnknown() || planned.IsNull() || prior.IsNull() || planned.Equal(prior) {
		return
	}
	if same, d := prior.StringSemanticEquals(ctx, planned); same && !d.HasError() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, p, prior)...)
	}
}

// jsonKeepingConfig is Twilio's JSON, unless the configuration's text means the same.
func jsonKeepingConfig(ctx context.Context, prior jsontypes.Normalized, remote json.RawMessage) jsontypes.Normalized {
	v := jsontypes.NewNormalizedValue(string(remote))
	if prior.IsNull() || prior.IsUnknown() {
		return v
	}
	if same, d := prior.StringSemanticEquals(ctx, v); same && !d.HasError() {
		return prior
	}
	return v
}

// trustEntity describes one entity kind to trustEntityResource.
type trustEntity struct {
	kind         twilioclient.TrustEntityKind
	name, prefix string // resource name without twilio_, SID prefix
	what         string // "Trust Hub end user"
	description  string
	typeDesc     string
	example      string
}

// trustEntityFields are what an end user and a supporting document have alike.
type trustEntityFields struct {
	accountObjectFields
	FriendlyName types.String         `tfsdk:"friendly_name"`
	Type         types.String         `tfsdk:"type"`
	Attributes   jsontypes.Normalized `tfsdk:"attributes"`
	Timeouts     timeouts.Value       `tfsdk:"timeouts"`
}

// trustEntityModel is an entity resource's model: its fields, and a document's status.
type trustEntityModel[M accountObjectModel] interface {
	*M
	fields() *trustEntityFields
	flattenExtra(e *twilioclient.TrustEntity)
}

// trustEntityResource is twilio_trusthub_end_user or twilio_trusthub_supporting_document; Read, Update
// and Delete are the account-object engine's.
type trustEntityResource[M accountObjectModel, P trustEntityModel[M]] struct {
	resourceBase
	accountObject[M, twilioclient.TrustEntity]
	entity trustEntity
	extra  map[string]schema.Attribute
}

func newTrustEntityResource[M accountObjectModel, P trustEntityModel[M]](entity trustEntity, extra map[string]schema.Attribute) *trustEntityResource[M, P] {
	r := &trustEntityResource[M, P]{resourceBase: resourceBase{name: entity.name, plan: planSteps{account: fixedAccountSID}},
		entity: entity, extra: extra}
	r.accountObject = accountObject[M, twilioclient.TrustEntity]{base: &r.resourceBase, noun: entity.what, updateHint: true,
		byKey: func(c *twilioclient.Client, ctx context.Context, account, sid string) (*twilioclient.TrustEntity, error) {
			return c.FindTrustEntity(ctx, entity.kind, account, sid)
		},
		prefix: entity.prefix, create: r.create,
		flatten: func(ctx context.Context, e *twilioclient.TrustEntity, m *M) diag.Diagnostics {
			r.flatten(ctx, e, m)
			return nil
		},
		update: func(ctx context.Context, c *twilioclient.Client, plan, state *M) (*twilioclient.TrustEntity, error) {
			m := P(plan).fields()
			account, sid := (*state).objectKey()
			return c.UpdateTrustEntity(ctx, entity.kind, account, sid, twilioclient.TrustEntityParams{
				FriendlyName: m.FriendlyName.ValueString(), Attributes: json.RawMessage(m.Attributes.ValueString())})
		},
		remove: func(ctx context.Context, c *twilioclient.Client, m *M) error {
			account, sid := (*m).objectKey()
			return c.DeleteTrustEntity(ctx, entity.kind, account, sid)
		},
	}
	return r
}

func (r *trustEntityResource[M, P]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id":  idAttribute(),
		"sid": sidAttribute(r.entity.prefix, r.entity.what),
		"account_sid": accountSIDAttribute(r.entity.what+"; it cannot move between accounts, so changing it replaces it",
			stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
		"friendly_name": schema.StringAttribute{
			MarkdownDescription: "A name for the " + r.entity.what + "; Twilio shows it in the Console's Trust Hub.",
			Required:            true,
			Validators:          []validator.String{stringvalidator.UTF8LengthAtLeast(1)},
		},
		"type": schema.StringAttribute{
			MarkdownDescription: r.entity.typeDesc + " Twilio cannot change a type: changing it replaces the " + r.entity.what + ".",
			Required:            true,
			Validators:          []validator.String{stringvalidator.UTF8LengthAtLeast(1)},
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
		"attributes":   trustAttributesAttribute(r.entity.what, r.entity.example),
		"date_created": dateCreatedAttribute(),
	}
	for k, v := range r.extra {
		attrs[k] = v
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: r.entity.description + "\n\n" + trustHubAccountNote,
		Attributes:          attrs,
		Blocks:              timeoutsBlock(ctx, true),
	}
}

func (r *trustEntityResource[M, P]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.resourceBase.ModifyPlan(ctx, req, resp)
	keepEquivalentJSON(ctx, req, resp, path.Root("attributes"))
}

func (r *trustEntityResource[M, P]) create(ctx context.Context, client *twilioclient.Client, plan *M, _ resource.CreateRequest, resp *resource.CreateResponse) {
	m := P(plan).fields()
	account, name := m.AccountSID.ValueString(), m.FriendlyName.ValueString()
	params := twilioclient.TrustEntityParams{FriendlyName: name, Type: m.Type.ValueString(),
		Attributes: json.RawMessage(m.Attributes.ValueString())}
	e := createTrustObject(ctx, &resp.Diagnostics, client, r.entity.name, r.entity.what, account, name,
		func(ctx context.Context, since time.Time) ([]twilioclient.TrustEntity, error) {
			return client.FindTrustEntitiesCreatedSince(ctx, r.entity.kind, account, name, since)
		},
		func(e *twilioclient.TrustEntity) candidate {
			if e.Type != params.Type {
				return candidate{sid: e.Sid, differs: "type"}
			}
			same, d := m.Attributes.StringSemanticEquals(ctx, jsontypes.NewNormalizedValue(string(e.Attributes)))
			return differsIf(e.Sid, d.HasError() || !same, "attributes")
		},
		func(ctx context.Context) (*twilioclient.TrustEntity, error) {
			return client.CreateTrustEntity(ctx, r.entity.kind, account, params)
		})
	r.finishCreate(ctx, e, plan, resp)
}

// createTrustObject is createAdopting for a Trust Hub object (an entity or a bundle) named name in
// account; a clear refusal is reported with what the account's state means, as Trust Hub takes only an
// account's own credentials.
func createTrustObject[T any](ctx context.Context, diags *diag.Diagnostics, client *twilioclient.Client, kind, what, account, name string,
	find func(context.Context, time.Time) ([]T, error), check func(*T) candidate, create func(context.Context) (*T, error)) *T {
	named := fmt.Sprintf("a %s named %q", what, name)
	summary := fmt.Sprintf("Creating %s %q in account %s", what, name, account)
	return createAdopting(ctx, diags, lostCreate[T]{kind: kind, scope: account, name: name, what: named, summary: summary,
		find: find, check: check,
		failed: func(err error, _ *createRecord) *T {
			_, hint := accountStateOf(ctx, client, account, err)
			diags.AddError(summary, errorDetail(err)+hint+ambiguousCreateHint(err, kind, named))
			return nil
		},
	}, create)
}

func (r *trustEntityResource[M, P]) flatten(ctx context.Context, e *twilioclient.TrustEntity, model *M) {
	m := P(model).fields()
	m.SID = types.StringValue(e.Sid)
	m.ID = m.SID
	m.AccountSID = types.StringValue(e.AccountSid)
	m.FriendlyName = types.StringValue(e.FriendlyName)
	m.Type = types.StringValue(e.Type)
	m.Attributes = jsonKeepingConfig(ctx, m.Attributes, e.Attributes)
	m.DateCreated = timeValue(e.DateCreated)
	P(model).flattenExtra(e)
}

// trustEntityListed is a listed entity's model, as import and refresh would store it.
func trustEntityListed[M accountObjectModel, P trustEntityModel[M]](ctx context.Context, r *trustEntityResource[M, P], e *twilioclient.TrustEntity) (any, diag.Diagnostics) {
	var model M
	P(&model).fields().Timeouts = nullTimeouts()
	P(&model).fields().Attributes = jsontypes.NewNormalizedNull()
	r.flatten(ctx, e, &model)
	return model, nil
}

// trustReviewPoll paces the reads while Twilio reviews a bundle.
var trustReviewPoll = twilioclient.Backoff{Min: 500 * time.Millisecond, Max: 30 * time.Second, Jitter: true}

// trustObjectPrefixes are what a bundle may hold: end users, supporting documents, customer profiles.
var trustObjectPrefixes = []string{"IT", "RD", "BU"}

var emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

const trustObjectSIDDescription = "must be the SID of a Trust Hub end user (IT…), supporting document (RD…) or customer profile (BU…)"

// trustObjectSIDValidator accepts the SID of an end user, a supporting document or a customer profile.
var trustObjectSIDValidator = stringCheck{description: trustObjectSIDDescription, check: func(req validator.StringRequest, resp *validator.StringResponse) {
	s := req.ConfigValue.ValueString()
	for _, p := range trustObjectPrefixes {
		if sids.Valid(p, s) {
			return
		}
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid Trust Hub entity SID",
		fmt.Sprintf("%s %s, such as twilio_trusthub_end_user.business.sid; got %q (%s).", req.Path, trustObjectSIDDescription, s, sidsInWords))
}}

// trustBundleEditable reports whether Twilio lets a bundle in status be edited: "Once a Customer Profile
// is in review or approved, you cannot edit it" (https://www.twilio.com/docs/api/errors/60711).
func trustBundleEditable(status string) bool {
	switch status {
	case twilioclient.TrustStatusPendingReview, twilioclient.TrustStatusInReview, twilioclient.TrustStatusApproved:
		return false
	}
	return true
}

// Outcomes of submitAndWait.
const (
	trustApproved = iota
	trustWaiting
	trustRejected
	trustNoncompliant
	trustFailed
)

// trustFailures quotes Twilio's evaluation results or rejection errors, one per line: the reason when it
// has one, else the whole entry.
func trustFailures(entries []json.RawMessage) string {
	var b strings.Builder
	for _, raw := range entries {
		var e map[string]any
		if json.Unmarshal(raw, &e) == nil {
			if passed, ok := e["passed"].(bool); ok && passed {
				continue
			}
			for _, key := range []string{"failure_reason", "message", "description"} {
				if s, ok := e[key].(string); ok && s != "" {
					name, _ := e["requirement_friendly_name"].(string)
					if name != "" {
						s = name + ": " + s
					}
					fmt.Fprintf(&b, "  - %s\n", s)
					raw = nil
					break
				}
			}
		}
		if raw != nil {
			fmt.Fprintf(&b, "  - %s\n", raw)
		}
	}
	if b.Len() == 0 {
		return "  (Twilio gave no reason)\n"
	}
	return b.String()
}

func setStrings(ctx context.Context, s types.Set, diags *diag.Diagnostics) []string {
	var out []string
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	slices.Sort(out)
	return out
}

func stringSet(values []string) types.Set {
	elems := make([]attr.Value, 0, len(values))
	for _, v := range values {
		elems = append(elems, types.StringValue(v))
	}
	return types.SetValueMust(types.StringType, elems)
}
