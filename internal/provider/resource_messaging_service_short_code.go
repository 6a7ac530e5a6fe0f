package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*messagingShortCodeResource)(nil)

// NewMessagingShortCodeResource is the factory for twilio_messaging_service_short_code.
func NewMessagingShortCodeResource() resource.Resource {
	return &messagingShortCodeResource{resourceBase: resourceBase{name: "messaging_service_short_code"}}
}

type messagingShortCodeResource struct {
	resourceBase
}

type messagingShortCodeModel struct {
	ID           types.String   `tfsdk:"id"`
	SID          types.String   `tfsdk:"sid"`
	AccountSID   types.String   `tfsdk:"account_sid"`
	ServiceSID   types.String   `tfsdk:"service_sid"`
	ShortCodeSID types.String   `tfsdk:"short_code_sid"`
	ShortCode    types.String   `tfsdk:"short_code"`
	CountryCode  types.String   `tfsdk:"country_code"`
	Capabilities types.List     `tfsdk:"capabilities"`
	DateCreated  types.String   `tfsdk:"date_created"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

func (r *messagingShortCodeResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = serverlessIdentitySchema(messagingShortCodeLevels)
}

func (r *messagingShortCodeResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A short code in a Messaging Service's sender pool. Twilio provisions short codes to an " +
			"account after an application (never through the API), and keeps one in one Messaging Service at a time " +
			"(error 21712): adding a short code another service holds fails, naming that service. Destroying the " +
			"resource takes the short code out of the pool; it stays in the account.\n\n" +
			"A short code taken out of the pool outside Terraform (in the Console) shows in the next plan as this resource " +
			"to be created, and the apply puts it back.\n\n" + messagingAccountNote,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The same as `short_code_sid`; Terraform shows it in its progress lines.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"sid": sidAttribute("SC", "pool member, which is the short code's own SID"),
			"account_sid": accountSIDAttribute("service and the short code; changing it replaces the resource",
				stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
			"service_sid": parentSIDAttribute("MG", "Messaging Service"),
			"short_code_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the account's short code (`SC…`, as the Console or the 2010 API's " +
					"`SMS/ShortCodes` lists it) to put in the pool. Changing it replaces the resource.",
				Required:      true,
				Validators:    parentSIDAttribute("SC", "short code").Validators,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"short_code":   computed("The short code's digits, such as `55123`."),
			"country_code": computed("The short code's ISO 3166-1 country code, such as `US`."),
			"capabilities": schema.ListAttribute{
				MarkdownDescription: "What the short code can do, as Twilio lists it: `SMS`, `MMS`.",
				ElementType:         types.StringType,
				Computed:            true,
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, false),
	}
}

func (r *messagingShortCodeResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.defaultAccountSID(ctx, req, resp, false)
}

func (r *messagingShortCodeResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	ctx, plan, client, done := beginCreate[messagingShortCodeModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, service, code := plan.AccountSID.ValueString(), plan.ServiceSID.ValueString(), plan.ShortCodeSID.ValueString()
	summary := fmt.Sprintf("Adding short code %s to Messaging Service %s", code, service)
	// After a lost answer the member is looked up by its SID, which is the short code's, as for a number.
	n := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.ServiceShortCode]{
		kind: "messaging_service_short_code", scope: account, name: service + "/" + code,
		what: fmt.Sprintf("short code %s in Messaging Service %s", code, service), summary: summary,
		find: func(ctx context.Context, _ time.Time) ([]twilioclient.ServiceShortCode, error) {
			m, err := client.FindServiceShortCode(ctx, account, service, code)
			if twilioclient.IsNotFound(err) {
				return nil, nil
			}
			if err != nil {
				return nil, err
			}
			return []twilioclient.ServiceShortCode{*m}, nil
		},
		check: func(m *twilioclient.ServiceShortCode) candidate { return candidate{sid: deref(m.Sid)} },
		failed: func(err error, _ *createRecord) *twilioclient.ServiceShortCode {
			return poolAddRefused(err, summary, "messaging_service_short_code", "Short code "+code, account, &resp.Diagnostics,
				func() (*twilioclient.ServiceShortCode, error) {
					return client.FindServiceShortCode(ctx, account, service, code)
				},
				func() (*twilioclient.MessagingService, error) {
					return client.FindServiceOfShortCode(ctx, account, code)
				})
		},
	}, func(ctx context.Context) (*twilioclient.ServiceShortCode, error) {
		return client.AddServiceShortCode(ctx, account, service, code)
	})
	if n == nil {
		return
	}
	resp.Diagnostics.Append(flattenMessagingShortCode(ctx, n, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *messagingShortCodeResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, client, done := beginRead[messagingShortCodeModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, service, code := state.AccountSID.ValueString(), state.ServiceSID.ValueString(), state.ShortCodeSID.ValueString()
	what := fmt.Sprintf("Short code %s of Messaging Service %s", code, service)
	n := readObject(ctx, client, account, state.DateCreated, what, resp, func() (*twilioclient.ServiceShortCode, error) {
		return client.FindServiceShortCode(ctx, account, service, code)
	})
	if n == nil {
		return
	}
	resp.Diagnostics.Append(flattenMessagingShortCode(ctx, n, &state)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// Update is never called with a change: every configurable attribute replaces the member. Only the timeouts
// block can change in place.
func (r *messagingShortCodeResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer identityAfterUpdate(ctx, resp)
	var plan messagingShortCodeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *messagingShortCodeResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	ctx, state, client, done := beginDelete[messagingShortCodeModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, service, code := state.AccountSID.ValueString(), state.ServiceSID.ValueString(), state.ShortCodeSID.ValueString()
	err := client.RemoveServiceShortCode(ctx, account, service, code)
	finishDelete(ctx, client, account, err, fmt.Sprintf("Removing short code %s from Messaging Service %s", code, service), &resp.Diagnostics)
}

// ImportState takes [AC…/]MG…/SC… or an identity { account_sid, service_sid, short_code_sid }.
func (r *messagingShortCodeResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	defer identityAfterImport(ctx, resp)
	r.importPath(ctx, req, resp, messagingShortCodeLevels, func(ctx context.Context, c *twilioclient.Client, account string, sids []string) error {
		_, err := c.FindServiceShortCode(ctx, account, sids[0], sids[1])
		return err
	})
}

func flattenMessagingShortCode(ctx context.Context, n *twilioclient.ServiceShortCode, m *messagingShortCodeModel) diag.Diagnostics {
	m.ShortCodeSID = stringValue(n.Sid)
	m.SID = m.ShortCodeSID
	m.ID = m.ShortCodeSID
	m.AccountSID = stringValue(n.AccountSid)
	m.ServiceSID = stringValue(n.ServiceSid)
	m.ShortCode = stringValue(n.ShortCode)
	m.CountryCode = stringValue(n.CountryCode)
	m.DateCreated = timeValue(n.DateCreated)
	caps := []string{}
	if n.Capabilities != nil {
		caps = *n.Capabilities
	}
	var diags diag.Diagnostics
	m.Capabilities, diags = types.ListValueFrom(ctx, types.StringType, caps)
	return diags
}
