package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*messagingAlphaSenderResource)(nil)

// NewMessagingAlphaSenderResource is the factory for twilio_messaging_service_alpha_sender.
func NewMessagingAlphaSenderResource() resource.Resource {
	return &messagingAlphaSenderResource{resourceBase: resourceBase{name: "messaging_service_alpha_sender"}}
}

type messagingAlphaSenderResource struct {
	resourceBase
}

type messagingAlphaSenderModel struct {
	ID          types.String   `tfsdk:"id"`
	SID         types.String   `tfsdk:"sid"`
	AccountSID  types.String   `tfsdk:"account_sid"`
	ServiceSID  types.String   `tfsdk:"service_sid"`
	AlphaSender types.String   `tfsdk:"alpha_sender"`
	DateCreated types.String   `tfsdk:"date_created"`
	Timeouts    timeouts.Value `tfsdk:"timeouts"`
}

// Twilio's format for an alpha sender: "Can be up to 11 characters long. Valid characters are A-Z, a-z,
// 0-9, space, hyphen -, plus +, underscore _ and ampersand &. This value cannot contain only numbers"
// (twilio_messaging_v1.json, CreateAlphaSender).
var alphaSenderRE = regexp.MustCompile(`^[A-Za-z0-9 +_&-]+$`)

func (r *messagingAlphaSenderResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = serverlessIdentitySchema(messagingAlphaSenderLevels)
}

func (r *messagingAlphaSenderResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The alphanumeric sender ID of a Messaging Service: the name recipients see instead of a " +
			"number, where the destination country allows it (never in the US or Canada). Twilio allows one per " +
			"service, and only in accounts with alphanumeric sender IDs enabled. Changing it replaces it (Twilio " +
			"cannot update one); destroying it removes it from the service.\n\n" + messagingAccountNote,
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("AI", "alpha sender"),
			"account_sid": accountSIDAttribute("service; changing it replaces the alpha sender",
				stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
			"service_sid": parentSIDAttribute("MG", "Messaging Service"),
			"alpha_sender": schema.StringAttribute{
				MarkdownDescription: "The sender ID: 1 to 11 letters, digits, spaces, `-`, `+`, `_` or `&`, not only " +
					"digits (Twilio's format). Changing it replaces the alpha sender.",
				Required: true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 11),
					stringvalidator.RegexMatches(alphaSenderRE, "may only contain letters A-Z and a-z, digits, spaces, "+
						"-, +, _ and &"),
					stringvalidator.RegexMatches(regexp.MustCompile(`[^0-9]`), "cannot be only digits: add a letter"),
				},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, false),
	}
}

func (r *messagingAlphaSenderResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.defaultAccountSID(ctx, req, resp, false)
}

func (r *messagingAlphaSenderResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	ctx, plan, client, done := beginCreate[messagingAlphaSenderModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, service, alpha := plan.AccountSID.ValueString(), plan.ServiceSID.ValueString(), plan.AlphaSender.ValueString()
	summary := fmt.Sprintf("Adding alpha sender %q to Messaging Service %s", alpha, service)
	a := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.AlphaSender]{
		kind: "messaging_service_alpha_sender", scope: account, name: service + "/" + alpha,
		what: fmt.Sprintf("an alpha sender %q in Messaging Service %s", alpha, service), summary: summary,
		find: func(ctx context.Context, since time.Time) ([]twilioclient.AlphaSender, error) {
			return client.FindAlphaSendersCreatedSince(ctx, account, service, alpha, since)
		},
		check: func(a *twilioclient.AlphaSender) candidate { return candidate{sid: deref(a.Sid)} },
		failed: func(err error, _ *createRecord) *twilioclient.AlphaSender {
			resp.Diagnostics.AddError(summary, errorDetail(err)+messagingServiceHint(err, account)+
				alphaSenderTakenHint(ctx, client, account, service, err)+
				ambiguousCreateHint(err, "messaging_service_alpha_sender", "the alpha sender"))
			return nil
		},
	}, func(ctx context.Context) (*twilioclient.AlphaSender, error) {
		return client.AddAlphaSender(ctx, account, service, alpha)
	})
	if a == nil {
		return
	}
	flattenMessagingAlphaSender(a, &plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// alphaSenderTakenHint names the service's current alpha sender when Twilio refused the add with a 400:
// "Each Messaging Services may only have one alpha sender associated with it"
// (https://www.twilio.com/docs/messaging/api/alphasender-resource).
func alphaSenderTakenHint(ctx context.Context, client *twilioclient.Client, account, service string, err error) string {
	var te *twilioclient.Error
	if !errors.As(err, &te) || te.Status != http.StatusBadRequest {
		return ""
	}
	current, lerr := client.ListAlphaSenders(ctx, account, service)
	if lerr != nil || len(current) == 0 {
		return ""
	}
	names := make([]string, len(current))
	for i, a := range current {
		names[i] = fmt.Sprintf("%q (%s)", deref(a.AlphaSender), deref(a.Sid))
	}
	return fmt.Sprintf("\n\nMessaging Service %s already has the alpha sender %s, and Twilio allows one per service: "+
		"remove it first (its twilio_messaging_service_alpha_sender, or in the Console), or import it with "+
		"`terraform import` as %s/%s.", service, strings.Join(names, ", "), service, deref(current[0].Sid))
}

func (r *messagingAlphaSenderResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, client, done := beginRead[messagingAlphaSenderModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, service, sid := state.AccountSID.ValueString(), state.ServiceSID.ValueString(), state.SID.ValueString()
	a := readObject(ctx, client, account, state.DateCreated, fmt.Sprintf("Alpha sender %s of Messaging Service %s", sid, service), resp,
		func() (*twilioclient.AlphaSender, error) { return client.FindAlphaSender(ctx, account, service, sid) })
	if a == nil {
		return
	}
	flattenMessagingAlphaSender(a, &state)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// Update is never called with a change: every configurable attribute replaces the alpha sender. Only the
// timeouts block can change in place.
func (r *messagingAlphaSenderResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer identityAfterUpdate(ctx, resp)
	var plan messagingAlphaSenderModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *messagingAlphaSenderResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	ctx, state, client, done := beginDelete[messagingAlphaSenderModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, service, sid := state.AccountSID.ValueString(), state.ServiceSID.ValueString(), state.SID.ValueString()
	err := client.RemoveAlphaSender(ctx, account, service, sid)
	finishDelete(ctx, client, account, err, fmt.Sprintf("Removing alpha sender %s from Messaging Service %s", sid, service), &resp.Diagnostics)
}

// ImportState takes [AC…/]MG…/AI… or an identity { account_sid, service_sid, sid }.
func (r *messagingAlphaSenderResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	defer identityAfterImport(ctx, resp)
	r.importPath(ctx, req, resp, messagingAlphaSenderLevels, func(ctx context.Context, c *twilioclient.Client, account string, sids []string) error {
		_, err := c.FindAlphaSender(ctx, account, sids[0], sids[1])
		return err
	})
}

func flattenMessagingAlphaSender(a *twilioclient.AlphaSender, m *messagingAlphaSenderModel) {
	m.SID = stringValue(a.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(a.AccountSid)
	m.ServiceSID = stringValue(a.ServiceSid)
	m.AlphaSender = stringValue(a.AlphaSender)
	m.DateCreated = timeValue(a.DateCreated)
}
