package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
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

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Customer profiles and trust products: Trust Hub "bundles" (BU…) that hold end users, supporting
// documents and customer profiles (entity assignments), are judged by a policy (evaluations), and are
// submitted to Twilio's reviewers. Both resources are this one implementation.
//
// Lifecycle decisions, in one place:
//   - Create makes a draft, assigns entity_sids, evaluates, and submits only a compliant draft. A
//     noncompliant evaluation (or a failed assignment) deletes the draft and fails with the requirements
//     Twilio found missing: nothing is left half-made. Should that delete fail, the draft is kept in the
//     state (Terraform marks it tainted) so the next apply deletes it, never orphaned.
//   - After submitting, Create waits within timeouts.create for the review. twilio-approved ends it;
//     twilio-rejected fails with Twilio's reason, keeping the bundle in the state (tainted: the next apply
//     submits a new one). When the time is up, the bundle is kept untainted with its status and a warning:
//     a review takes days, and replacing a bundle in review would only start it again.
//   - A bundle not yet approved (a draft, in review, rejected) plans an update on every plan: the update
//     resumes the wait, or re-evaluates and resubmits a draft or a rejected bundle (after its entities
//     were fixed). Twilio refuses edits to a bundle in review or approved (60711), so a change to one is
//     refused at plan time, naming `-replace`.

// trustBundleKind describes one bundle kind to trustBundleResource.
type trustBundleKind struct {
	kind         twilioclient.TrustBundleKind
	name, what   string // resource name without twilio_, "Trust Hub customer profile"
	policyDesc   string
	description  string
	entitiesDesc string
}

type trustBundleModel struct {
	accountObjectFields
	FriendlyName     types.String   `tfsdk:"friendly_name"`
	Email            types.String   `tfsdk:"email"`
	PolicySID        types.String   `tfsdk:"policy_sid"`
	StatusCallback   types.String   `tfsdk:"status_callback"`
	EntitySIDs       types.Set      `tfsdk:"entity_sids"`
	Status           types.String   `tfsdk:"status"`
	EvaluationStatus types.String   `tfsdk:"evaluation_status"`
	ValidUntil       types.String   `tfsdk:"valid_until"`
	SkipDestroy      types.Bool     `tfsdk:"skip_destroy"`
	Timeouts         timeouts.Value `tfsdk:"timeouts"`
}

// trustBundleResource is twilio_trusthub_customer_profile or twilio_trusthub_trust_product.
type trustBundleResource struct {
	resourceBase
	accountObject[trustBundleModel, twilioclient.TrustBundle]
	bundle trustBundleKind
}

func newTrustBundleResource(kind trustBundleKind) *trustBundleResource {
	r := &trustBundleResource{resourceBase: resourceBase{name: kind.name,
		plan: planSteps{kept: kind.what, keptLabel: "friendly_name", account: fixedAccountSID}}, bundle: kind}
	// Update and ImportState are the bundle's own: an update resubmits it, and an import leaves skip_destroy
	// to the Read that follows.
	r.accountObject = accountObject[trustBundleModel, twilioclient.TrustBundle]{base: &r.resourceBase,
		noun: kind.what, kept: kind.what,
		byKey: func(c *twilioclient.Client, ctx context.Context, account, sid string) (*twilioclient.TrustBundle, error) {
			return c.FindTrustBundle(ctx, kind.kind, account, sid)
		},
		prefix:  "BU",
		create:  r.create,
		details: r.readAssignments,
		flatten: flattenPlain(func(b *twilioclient.TrustBundle, m *trustBundleModel) {
			flattenTrustBundle(b, m)
			// A state from before skip_destroy reads as false, the default.
			m.SkipDestroy = falseWhenNull(m.SkipDestroy)
		}),
		// A rejected bundle or a draft holds the business's personal data and no review worth keeping (as when
		// Terraform replaces one a rejection left tainted): skip_destroy keeps only a bundle in review or approved.
		keptWhen: func(m *trustBundleModel) bool {
			st := m.Status.ValueString()
			return st != twilioclient.TrustStatusRejected && st != twilioclient.TrustStatusDraft
		},
		remove: func(ctx context.Context, c *twilioclient.Client, m *trustBundleModel) error {
			return c.DeleteTrustBundle(ctx, kind.kind, m.AccountSID.ValueString(), m.SID.ValueString())
		},
	}
	return r
}

func (r *trustBundleResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	what := r.bundle.what
	resp.Schema = schema.Schema{
		MarkdownDescription: r.bundle.description + "\n\n" +
			"**Create** makes a draft, assigns `entity_sids`, evaluates it against `policy_sid` and submits it only " +
			"when compliant; a noncompliant draft is deleted and the error lists what Twilio found missing. It then " +
			"waits for Twilio's review within `timeouts.create` (default 5 minutes; reviews can take days): " +
			"`twilio-approved` ends it, `twilio-rejected` fails with Twilio's reason (the " + what + " is kept, " +
			"tainted, so the next apply submits a new one). When the time is up the " + what + " is kept with its " +
			"status and a warning, and every later plan shows an update that goes on waiting until the review ends.\n\n" +
			"**Edits.** Twilio refuses to edit a " + what + " in review or approved (error 60711), so such a change " +
			"fails at plan time; replace it with `terraform apply -replace=...` if you must. A draft or a rejected " +
			"one is updated in place, evaluated and submitted again.\n\n" +
			"**Destroy** deletes it. An approved " + what + " may be what a brand registration or campaign stands " +
			"on: the destroy plan warns.\n\n" + trustHubAccountNote,
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("BU", what),
			"account_sid": accountSIDAttribute(what+"; it cannot move between accounts, so changing it replaces it",
				stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "A name for the " + what + ", as the Console's Trust Hub shows it.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.UTF8LengthAtLeast(1)},
			},
			"email": schema.StringAttribute{
				MarkdownDescription: "The address Twilio writes to when the " + what + "'s status changes.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(emailRE, "must be an email address such as compliance@example.com")},
			},
			"policy_sid": schema.StringAttribute{
				MarkdownDescription: r.bundle.policyDesc + " Changing it replaces the " + what + ".",
				Required:            true,
				Validators:          []validator.String{sidValidator("RN")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"status_callback": webhookURLAttribute("URL Twilio calls when the " + what + "'s status changes."),
			"entity_sids": schema.SetAttribute{
				MarkdownDescription: r.bundle.entitiesDesc + " The provider assigns exactly these (entity assignments): " +
					"one removed in the Console shows in the next plan and is assigned again.",
				ElementType: types.StringType,
				Required:    true,
				Validators: []validator.Set{setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(trustObjectSIDValidator)},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Twilio's status: `draft`, `pending-review`, `in-review`, `twilio-rejected` or `twilio-approved`.",
				Computed:            true,
			},
			"evaluation_status": schema.StringAttribute{
				MarkdownDescription: "The latest evaluation against `policy_sid`: `compliant` or `noncompliant`.",
				Computed:            true,
			},
			"valid_until": schema.StringAttribute{
				MarkdownDescription: "Until when Twilio's approval holds, when it says; null otherwise.",
				Computed:            true,
			},
			"date_created": dateCreatedAttribute(),
			"skip_destroy": skipDestroyAttribute("an approved " + what + " took Twilio's review (days) to get, and " +
				"a brand registered from it depends on it. A draft or a rejected one is deleted anyway: it holds the " +
				"business's personal data and no review worth keeping."),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

func (r *trustBundleResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.resourceBase.ModifyPlan(ctx, req, resp)
	if req.State.Raw.IsNull() || resp.Diagnostics.HasError() {
		return
	}
	var state trustBundleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if req.Plan.Raw.IsNull() {
		if state.Status.ValueString() == twilioclient.TrustStatusApproved {
			resp.Diagnostics.AddWarning(fmt.Sprintf("Destroying approved %s %s", r.bundle.what, state.SID.ValueString()),
				"Twilio approved it, and a brand registration, campaign or trust product may stand on it: they may stop "+
					"working, and a new one has to go through Twilio's review again. Remove those first, or keep it "+
					"(remove it from the configuration with a `removed` block and `lifecycle { destroy = false }`).")
		}
		return
	}
	var plan trustBundleModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	changed := trustBundleChanges(plan, state)
	status := state.Status.ValueString()
	if len(changed) > 0 && !trustBundleEditable(status) && plan.AccountSID.Equal(state.AccountSID) && plan.PolicySID.Equal(state.PolicySID) {
		resp.Diagnostics.AddAttributeError(path.Root(changed[0]), fmt.Sprintf("%s %s cannot be edited while %s", r.bundle.what, state.SID.ValueString(), status),
			fmt.Sprintf("Twilio refuses to edit a %s in review or approved (error 60711: \"Once a Customer Profile is in "+
				"review or approved, you cannot edit it\"), and this plan changes %s. Undo the change, or, to submit a "+
				"new %s with it, replace this one: terraform apply -replace=<address>. A brand or trust product "+
				"standing on it must then be registered again.", r.bundle.what, strings.Join(changed, ", "), r.bundle.what))
		return
	}
	if status != twilioclient.TrustStatusApproved && plan.AccountSID.Equal(state.AccountSID) && plan.PolicySID.Equal(state.PolicySID) {
		// Not approved yet: the update waits for the review, or evaluates and submits again.
		plan.Status, plan.EvaluationStatus, plan.ValidUntil = types.StringUnknown(), types.StringUnknown(), types.StringUnknown()
		resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
	}
}

// trustBundleChanges names the configured attributes the plan changes.
func trustBundleChanges(plan, state trustBundleModel) []string {
	var out []string
	for name, pair := range map[string][2]attr.Value{
		"friendly_name": {plan.FriendlyName, state.FriendlyName}, "email": {plan.Email, state.Email},
		"status_callback": {plan.StatusCallback, state.StatusCallback}, "entity_sids": {plan.EntitySIDs, state.EntitySIDs},
	} {
		if !pair[0].Equal(pair[1]) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

func (r *trustBundleResource) create(ctx context.Context, client *twilioclient.Client, plan *trustBundleModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	account, name := plan.AccountSID.ValueString(), plan.FriendlyName.ValueString()
	params := twilioclient.TrustBundleParams{FriendlyName: name, Email: plan.Email.ValueString(),
		PolicySid: plan.PolicySID.ValueString(), StatusCallback: plan.StatusCallback.ValueString()}
	b := createTrustObject(ctx, &resp.Diagnostics, client, r.bundle.name, r.bundle.what, account, name,
		func(ctx context.Context, since time.Time) ([]twilioclient.TrustBundle, error) {
			return client.FindTrustBundlesCreatedSince(ctx, r.bundle.kind, account, name, since)
		},
		func(b *twilioclient.TrustBundle) candidate {
			switch {
			case b.PolicySid != params.PolicySid:
				return candidate{sid: b.Sid, differs: "policy_sid"}
			case b.Email != params.Email:
				return candidate{sid: b.Sid, differs: "email"}
			}
			return differsIf(b.Sid, b.StatusCallback != params.StatusCallback, "status_callback")
		},
		func(ctx context.Context) (*twilioclient.TrustBundle, error) {
			return client.CreateTrustBundle(ctx, r.bundle.kind, account, params)
		})
	if b == nil {
		return
	}
	if ctx.Err() != nil {
		// Adopted after a lost answer, past the create's deadline or a Ctrl-C: Terraform still waits for
		// operations in flight, so the grace period finishes (or cleanly abandons) what was adopted.
		var cancel context.CancelFunc
		ctx, cancel = detached(ctx)
		defer cancel()
	}
	desired := setStrings(ctx, plan.EntitySIDs, &resp.Diagnostics)
	flattenTrustBundle(b, plan)
	sid := b.Sid
	summary := fmt.Sprintf("Creating %s %s", r.bundle.what, sid)
	if err := r.reconcileAssignments(ctx, client, account, sid, desired); err != nil {
		r.abandon(ctx, client, plan, resp, summary, fmt.Sprintf("Assigning entity_sids failed: %s", errorDetail(err)))
		return
	}
	plan.EntitySIDs = stringSet(desired)
	switch outcome, detail := r.submitAndWait(ctx, client, plan, ""); outcome {
	case trustNoncompliant:
		r.abandon(ctx, client, plan, resp, summary, detail)
		return
	case trustFailed, trustRejected:
		resp.Diagnostics.AddError(summary, detail)
	case trustWaiting:
		resp.Diagnostics.AddWarning(fmt.Sprintf("%s %s is still in Twilio's review", r.bundle.what, sid), detail)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, *plan)...)
}

// abandon deletes a draft that cannot be submitted and reports why; a draft that cannot be deleted is kept
// in the state (tainted by the error), so the next apply deletes it.
func (r *trustBundleResource) abandon(ctx context.Context, client *twilioclient.Client, m *trustBundleModel, resp *resource.CreateResponse, summary, detail string) {
	dctx, cancel := detached(ctx)
	defer cancel()
	err := client.DeleteTrustBundle(dctx, r.bundle.kind, m.AccountSID.ValueString(), m.SID.ValueString())
	if err == nil || twilioclient.IsNotFound(err) {
		resp.Diagnostics.AddError(summary, detail+fmt.Sprintf("\n\nThe draft %s was deleted; nothing was submitted.", m.SID.ValueString()))
		return
	}
	resp.Diagnostics.AddError(summary, detail+fmt.Sprintf("\n\nDeleting the draft %s failed too (%s), so it is kept in the "+
		"state, marked tainted: the next apply deletes it before making a new one.", m.SID.ValueString(), errorDetail(err)))
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// submitAndWait evaluates the bundle, submits it when compliant (unless it is already submitted) and waits
// for the review within ctx. m is updated with what Twilio reports; detail explains any outcome but
// approval.
func (r *trustBundleResource) submitAndWait(ctx context.Context, client *twilioclient.Client, m *trustBundleModel, status string) (int, string) {
	account, sid := m.AccountSID.ValueString(), m.SID.ValueString()
	if trustBundleEditable(status) {
		ev, err := client.EvaluateTrustBundle(ctx, r.bundle.kind, account, sid, m.PolicySID.ValueString())
		if twilioclient.IsAmbiguous(err) {
			// An evaluation changes nothing; asking again is safe.
			ev, err = client.EvaluateTrustBundle(ctx, r.bundle.kind, account, sid, m.PolicySID.ValueString())
		}
		if err != nil {
			return trustFailed, "Evaluating it failed: " + errorDetail(err)
		}
		m.EvaluationStatus = types.StringValue(ev.Status)
		if ev.Status != "compliant" {
			return trustNoncompliant, fmt.Sprintf("Twilio evaluated %s %s against policy %s as %s, so it cannot be submitted "+
				"for review:\n%s\nAdd or fix what is named (the entities' attributes, or entity_sids) and apply again.",
				r.bundle.what, sid, m.PolicySID.ValueString(), ev.Status, trustFailures(ev.Results))
		}
		b, err := client.UpdateTrustBundle(ctx, r.bundle.kind, account, sid, nil, twilioclient.TrustStatusPendingReview)
		if err != nil && (twilioclient.IsAmbiguous(err) || twilioclient.IsCode(err, twilioclient.CodeTrustNotEditable)) {
			// The submission may have happened (its answer lost, or a retry of it refused because the first
			// one did): what Twilio holds says, and a submitted bundle is waited for like any other.
			if found, ferr := client.FindTrustBundle(ctx, r.bundle.kind, account, sid); ferr == nil && !trustBundleEditable(found.Status) {
				b, err = found, nil
			}
		}
		if err != nil {
			return trustFailed, "Submitting it for review failed: " + errorDetail(err)
		}
		flattenTrustBundle(b, m)
	}
	var last *twilioclient.TrustBundle
	var lastErr error
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(defaultTimeout)
	}
	trustReviewPoll.Retry(ctx, deadline, func(int) bool {
		last, lastErr = client.FindTrustBundle(ctx, r.bundle.kind, account, sid)
		if lastErr != nil {
			return ctx.Err() == nil && lookupRetryable(lastErr)
		}
		flattenTrustBundle(last, m)
		return last.Status == twilioclient.TrustStatusPendingReview || last.Status == twilioclient.TrustStatusInReview
	})
	switch {
	case last != nil && last.Status == twilioclient.TrustStatusApproved:
		return trustApproved, ""
	case last != nil && last.Status == twilioclient.TrustStatusRejected:
		return trustRejected, fmt.Sprintf("Twilio rejected %s %s:\n%s\nFix what Twilio names (the entities' attributes, "+
			"or entity_sids) and apply again. It is kept in the state; a rejected %s is submitted again by the next "+
			"apply that changes it, or replaced if this was its create.", r.bundle.what, sid, trustFailures(last.Errors), r.bundle.what)
	case lastErr != nil && ctx.Err() == nil:
		return trustFailed, "Reading it during Twilio's review failed: " + errorDetail(lastErr)
	}
	return trustWaiting, fmt.Sprintf("It was submitted, and Twilio's review had not ended when the operation's time was "+
		"up (status %s). Reviews can take days. It is kept in the state; every plan shows an update until the review "+
		"ends, and applying it goes on waiting (raise timeouts.create or timeouts.update to wait longer per apply). "+
		"What stands on it (a trust product, a brand) cannot be registered before it is approved.", m.Status.ValueString())
}

// reconcileAssignments makes the bundle hold exactly desired.
func (r *trustBundleResource) reconcileAssignments(ctx context.Context, client *twilioclient.Client, account, sid string, desired []string) error {
	current, err := client.ListTrustAssignments(ctx, r.bundle.kind, account, sid)
	if err != nil {
		return err
	}
	held := map[string]bool{}
	for _, a := range current {
		if !slices.Contains(desired, a.ObjectSid) {
			if err := client.UnassignTrustObject(ctx, r.bundle.kind, account, sid, a.Sid); err != nil && !twilioclient.IsNotFound(err) {
				return err
			}
			continue
		}
		held[a.ObjectSid] = true
	}
	for _, obj := range desired {
		if held[obj] {
			continue
		}
		err := client.AssignTrustObject(ctx, r.bundle.kind, account, sid, obj)
		if err != nil && twilioclient.IsAmbiguous(err) {
			// A lost answer: the assignment is made when the bundle now holds the object.
			now, lerr := client.ListTrustAssignments(ctx, r.bundle.kind, account, sid)
			if lerr == nil && slices.ContainsFunc(now, func(a twilioclient.TrustAssignment) bool { return a.ObjectSid == obj }) {
				err = nil
			}
		}
		if err != nil {
			return fmt.Errorf("assigning %s: %w", obj, err)
		}
	}
	return nil
}

// readDetails flattens b and reads its assignments and latest evaluation into m.
func (r *trustBundleResource) readDetails(ctx context.Context, client *twilioclient.Client, b *twilioclient.TrustBundle, m *trustBundleModel) error {
	flattenTrustBundle(b, m)
	return r.readAssignments(ctx, client, b, m)
}

// readAssignments reads b's assignments and latest evaluation into m: Twilio keeps them apart from the bundle.
func (r *trustBundleResource) readAssignments(ctx context.Context, client *twilioclient.Client, b *twilioclient.TrustBundle, m *trustBundleModel) error {
	assigned, err := client.ListTrustAssignments(ctx, r.bundle.kind, b.AccountSid, b.Sid)
	if err != nil {
		return err
	}
	objs := make([]string, 0, len(assigned))
	for _, a := range assigned {
		objs = append(objs, a.ObjectSid)
	}
	m.EntitySIDs = stringSet(objs)
	ev, err := client.LatestTrustEvaluation(ctx, r.bundle.kind, b.AccountSid, b.Sid)
	if err != nil {
		return err
	}
	m.EvaluationStatus = types.StringNull()
	if ev != nil {
		m.EvaluationStatus = types.StringValue(ev.Status)
	}
	return nil
}

func (r *trustBundleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	ctx, plan, state, client, done := beginUpdate[trustBundleModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, sid := state.AccountSID.ValueString(), state.SID.ValueString()
	summary := fmt.Sprintf("Updating %s %s", r.bundle.what, sid)
	plan.Status, plan.EvaluationStatus, plan.ValidUntil = state.Status, state.EvaluationStatus, state.ValidUntil
	status := state.Status.ValueString()
	// failed ends the update with what Twilio now holds in the state, so a partial change is not lost.
	failed := func(detail string) {
		resp.Diagnostics.AddError(summary, detail)
		if b, err := client.FindTrustBundle(ctx, r.bundle.kind, account, sid); err == nil && r.readDetails(ctx, client, b, &plan) == nil {
			resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
			return
		}
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	}
	if len(trustBundleChanges(plan, state)) > 0 {
		if !plan.FriendlyName.Equal(state.FriendlyName) || !plan.Email.Equal(state.Email) || !plan.StatusCallback.Equal(state.StatusCallback) {
			b, err := client.UpdateTrustBundle(ctx, r.bundle.kind, account, sid, &twilioclient.TrustBundleParams{
				FriendlyName: plan.FriendlyName.ValueString(), Email: plan.Email.ValueString(),
				StatusCallback: plan.StatusCallback.ValueString()}, "")
			if err != nil {
				_, hint := accountStateOf(ctx, client, account, err)
				failed(errorDetail(err) + hint)
				return
			}
			flattenTrustBundle(b, &plan)
		}
		desired := setStrings(ctx, plan.EntitySIDs, &resp.Diagnostics)
		if err := r.reconcileAssignments(ctx, client, account, sid, desired); err != nil {
			failed("Assigning entity_sids failed: " + errorDetail(err))
			return
		}
	}
	if status == twilioclient.TrustStatusApproved {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	switch outcome, detail := r.submitAndWait(ctx, client, &plan, status); outcome {
	case trustNoncompliant, trustFailed, trustRejected:
		resp.Diagnostics.AddError(summary, detail)
	case trustWaiting:
		resp.Diagnostics.AddWarning(fmt.Sprintf("%s %s is still in Twilio's review", r.bundle.what, sid), detail)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// ImportState takes AC…/BU…, a bare BU… (found in the provider's account or one of its subaccounts), or an
// identity { account_sid, sid }. It is the bundle's own because it stores no skip_destroy (the engine's
// stores false): the Read that follows fills it in, except when that Read meets a suspended account.
func (r *trustBundleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	defer identityAfterImport(ctx, resp)
	r.importAccountObject(ctx, req, resp, "BU", r.bundle.what, func(ctx context.Context, c *twilioclient.Client, account, sid string) error {
		_, err := c.FindTrustBundle(ctx, r.bundle.kind, account, sid)
		return err
	})
}

func flattenTrustBundle(b *twilioclient.TrustBundle, m *trustBundleModel) {
	m.SID = types.StringValue(b.Sid)
	m.ID = m.SID
	m.AccountSID = types.StringValue(b.AccountSid)
	m.FriendlyName = types.StringValue(b.FriendlyName)
	m.Email = types.StringValue(b.Email)
	m.PolicySID = types.StringValue(b.PolicySid)
	m.StatusCallback = optionalString(&b.StatusCallback)
	m.Status = types.StringValue(b.Status)
	m.ValidUntil = timeValue(b.ValidUntil)
	m.DateCreated = timeValue(b.DateCreated)
}

// trustBundleListed is a listed bundle's model, as import and refresh would store it.
func (r *trustBundleResource) listed(ctx context.Context, client *twilioclient.Client, b *twilioclient.TrustBundle) (any, diag.Diagnostics) {
	var diags diag.Diagnostics
	m := trustBundleModel{SkipDestroy: types.BoolValue(false), Timeouts: nullTimeouts()}
	if err := r.readDetails(ctx, client, b, &m); err != nil {
		diags.AddError(fmt.Sprintf("Reading %s %s", r.bundle.what, b.Sid), errorDetail(err))
		return nil, diags
	}
	return m, diags
}
