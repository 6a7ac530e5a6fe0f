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

var _ managedResource = (*messagingServicePhoneNumberResource)(nil)

// NewMessagingServicePhoneNumberResource is the factory for twilio_messaging_service_phone_number.
func NewMessagingServicePhoneNumberResource() resource.Resource {
	return &messagingServicePhoneNumberResource{resourceBase: resourceBase{name: "messaging_service_phone_number"}}
}

type messagingServicePhoneNumberResource struct {
	resourceBase
}

type messagingServicePhoneNumberModel struct {
	ID             types.String   `tfsdk:"id"`
	SID            types.String   `tfsdk:"sid"`
	AccountSID     types.String   `tfsdk:"account_sid"`
	ServiceSID     types.String   `tfsdk:"service_sid"`
	PhoneNumberSID types.String   `tfsdk:"phone_number_sid"`
	PhoneNumber    types.String   `tfsdk:"phone_number"`
	CountryCode    types.String   `tfsdk:"country_code"`
	Capabilities   types.List     `tfsdk:"capabilities"`
	DateCreated    types.String   `tfsdk:"date_created"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

func (r *messagingServicePhoneNumberResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = serverlessIdentitySchema(messagingPhoneNumberLevels)
}

func (r *messagingServicePhoneNumberResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A phone number in a Messaging Service's sender pool. Twilio keeps a number in one " +
			"Messaging Service at a time (error 21712): adding a number another service holds fails, naming that " +
			"service. Destroying the resource takes the number out of the pool; the number stays in the account.\n\n" +
			"A number taken out of the pool outside Terraform (in the Console) shows in the next plan as this resource " +
			"to be created, and the apply puts it back.\n\n" + messagingAccountNote,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The same as `phone_number_sid`; Terraform shows it in its progress lines.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"sid": sidAttribute("PN", "pool member, which is the number's own SID"),
			"account_sid": accountSIDAttribute("service and the number; changing it replaces the resource",
				stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
			"service_sid": parentSIDAttribute("MG", "Messaging Service"),
			"phone_number_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the account's phone number (`PN…`, such as `twilio_incoming_number.x.sid`) " +
					"to put in the pool. Changing it replaces the resource.",
				Required:      true,
				Validators:    parentSIDAttribute("PN", "phone number").Validators,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"phone_number": computed("The number in E.164 form, such as `+14155550100`."),
			"country_code": computed("The number's ISO 3166-1 country code, such as `US`."),
			"capabilities": schema.ListAttribute{
				MarkdownDescription: "What the number can do, as Twilio lists it: `Voice`, `SMS`, `MMS`.",
				ElementType:         types.StringType,
				Computed:            true,
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, false),
	}
}

func (r *messagingServicePhoneNumberResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.defaultAccountSID(ctx, req, resp, false)
}

func (r *messagingServicePhoneNumberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	ctx, plan, client, done := beginCreate[messagingServicePhoneNumberModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, service, number := plan.AccountSID.ValueString(), plan.ServiceSID.ValueString(), plan.PhoneNumberSID.ValueString()
	summary := fmt.Sprintf("Adding phone number %s to Messaging Service %s", number, service)
	// After a lost answer the member is looked up by its SID, which is the number's: Twilio answers an add of
	// a number the service already holds with that member, so finding it is the same outcome as the answer.
	n := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.ServicePhoneNumber]{
		kind: "messaging_service_phone_number", scope: account, name: service + "/" + number,
		what: fmt.Sprintf("phone number %s in Messaging Service %s", number, service), summary: summary,
		find: func(ctx context.Context, _ time.Time) ([]twilioclient.ServicePhoneNumber, error) {
			m, err := client.FindServicePhoneNumber(ctx, account, service, number)
			if twilioclient.IsNotFound(err) {
				return nil, nil
			}
			if err != nil {
				return nil, err
			}
			return []twilioclient.ServicePhoneNumber{*m}, nil
		},
		check: func(m *twilioclient.ServicePhoneNumber) candidate { return candidate{sid: deref(m.Sid)} },
		failed: func(err error, _ *createRecord) *twilioclient.ServicePhoneNumber {
			return poolAddRefused(err, summary, "messaging_service_phone_number", "Phone number "+number, account, &resp.Diagnostics,
				func() (*twilioclient.ServicePhoneNumber, error) {
					return client.FindServicePhoneNumber(ctx, account, service, number)
				},
				func() (*twilioclient.MessagingService, error) {
					return client.FindServiceOfNumber(ctx, account, number)
				})
		},
	}, func(ctx context.Context) (*twilioclient.ServicePhoneNumber, error) {
		return client.AddServicePhoneNumber(ctx, account, service, number)
	})
	if n == nil {
		return
	}
	resp.Diagnostics.Append(flattenMessagingServicePhoneNumber(ctx, n, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *messagingServicePhoneNumberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, client, done := beginRead[messagingServicePhoneNumberModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, service, number := state.AccountSID.ValueString(), state.ServiceSID.ValueString(), state.PhoneNumberSID.ValueString()
	what := fmt.Sprintf("Phone number %s of Messaging Service %s", number, service)
	n := readObject(ctx, client, account, state.DateCreated, what, resp, func() (*twilioclient.ServicePhoneNumber, error) {
		return client.FindServicePhoneNumber(ctx, account, service, number)
	})
	if n == nil {
		return
	}
	resp.Diagnostics.Append(flattenMessagingServicePhoneNumber(ctx, n, &state)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// Update is never called with a change: every configurable attribute replaces the member. Only the timeouts
// block can change in place.
func (r *messagingServicePhoneNumberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer identityAfterUpdate(ctx, resp)
	var plan messagingServicePhoneNumberModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *messagingServicePhoneNumberResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	ctx, state, client, done := beginDelete[messagingServicePhoneNumberModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, service, number := state.AccountSID.ValueString(), state.ServiceSID.ValueString(), state.PhoneNumberSID.ValueString()
	err := client.RemoveServicePhoneNumber(ctx, account, service, number)
	finishDelete(ctx, client, account, err, fmt.Sprintf("Removing phone number %s from Messaging Service %s", number, service), &resp.Diagnostics)
}

// ImportState takes [AC…/]MG…/PN… or an identity { account_sid, service_sid, phone_number_sid }.
func (r *messagingServicePhoneNumberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	defer identityAfterImport(ctx, resp)
	r.importPath(ctx, req, resp, messagingPhoneNumberLevels, func(ctx context.Context, c *twilioclient.Client, account string, sids []string) error {
		_, err := c.FindServicePhoneNumber(ctx, account, sids[0], sids[1])
		return err
	})
}

func flattenMessagingServicePhoneNumber(ctx context.Context, n *twilioclient.ServicePhoneNumber, m *messagingServicePhoneNumberModel) diag.Diagnostics {
	m.PhoneNumberSID = stringValue(n.Sid)
	m.SID = m.PhoneNumberSID
	m.ID = m.PhoneNumberSID
	m.AccountSID = stringValue(n.AccountSid)
	m.ServiceSID = stringValue(n.ServiceSid)
	m.PhoneNumber = stringValue(n.PhoneNumber)
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
