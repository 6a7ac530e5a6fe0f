package provider

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// What the Messaging Service resources (the service and its sender pool members) share: the account note
// of their descriptions, the one implementation of the pool members and the explanation of a refused add.

// messagingAccountNote is the paragraph every Messaging Service resource's description ends with.
const messagingAccountNote = "**In subaccounts with the parent's credentials.** Set `account_sid` to a subaccount " +
	"(the same on the service and its senders). Messaging Services (messaging.twilio.com) act on the account whose " +
	"credentials call them, as Studio and Serverless do, so with the main account's SID and auth token the provider " +
	"reads the subaccount's auth token (which the parent may do) and acts as the subaccount. This needs the main " +
	"account's **auth token**: an API key of the main account cannot act in subaccounts."

// messagingAlphaSenderLevels is an alpha sender's address: its service, then its SID.
var messagingAlphaSenderLevels = []serverlessPath{
	{"MG", "service_sid", "Messaging Service"}, {"AI", "sid", "alpha sender"},
}

// messagingServiceHint explains an add that Twilio answered 404 for: the service is not in the account the
// resource names.
func messagingServiceHint(err error, accountSID string) string {
	if !twilioclient.IsNotFound(err) {
		return ""
	}
	return fmt.Sprintf("\n\nTwilio found no such Messaging Service in account %s. Check that service_sid exists and "+
		"that account_sid is the service's: a service in a subaccount needs account_sid on its senders too.", accountSID)
}

// messagingMethod maps a webhook method; a missing one reads as POST, the method the provider sends by
// default, rather than as a change.
func messagingMethod(p *string) types.String {
	if p == nil || *p == "" {
		return types.StringValue("POST")
	}
	return types.StringValue(*p)
}

// poolAddRefused explains an add to a sender pool that Twilio refused. For its one-service rule (21712) it
// adopts the member when the service already holding the sender is this one (Twilio may refuse a re-add
// rather than answer it: assumption messaging-sender-readd), and otherwise names the service that holds it
// and what to do. sender is the sender in words ("Phone number PN…"); findOwn fetches the member in this
// service, findHolder the service holding the sender.
func poolAddRefused[T any](err error, summary, kind, sender, account string, diags *diag.Diagnostics,
	findOwn func() (*T, error), findHolder func() (*twilioclient.MessagingService, error)) *T {
	var te *twilioclient.Error
	if !errors.As(err, &te) || te.Code != twilioclient.CodeSenderInOtherService {
		diags.AddError(summary, errorDetail(err)+messagingServiceHint(err, account)+ambiguousCreateHint(err, kind, "the pool member"))
		return nil
	}
	if m, ferr := findOwn(); ferr == nil {
		return m
	}
	where := "another Messaging Service of the account"
	if holder, ferr := findHolder(); ferr == nil {
		where = fmt.Sprintf("Messaging Service %s (%q)", deref(holder.Sid), deref(holder.FriendlyName))
	} else {
		where += " (looking it up failed: " + errorDetail(ferr) + ")"
	}
	diags.AddError(summary, fmt.Sprintf("%s is already in %s. Twilio keeps a number or short code in one Messaging "+
		"Service at a time (error 21712). Take it out of that service first: remove its twilio_%s from the "+
		"configuration that manages it, or remove it from the service's sender pool in the Twilio Console; then "+
		"apply again. If that service is the one you meant, change service_sid instead.\n\n%s", sender, where, kind,
		errorDetail(err)))
	return nil
}

// The sender pool of a Messaging Service: phone numbers, short codes and alpha senders are members of it,
// and their three resources are one implementation, poolMemberResource, configured per kind by a
// poolKind. A member cannot change in place: every configurable attribute replaces it, so Update only
// keeps a new timeouts block. Its address is the service, then the member's SID (levels).

// poolMemberModel is what every pool member's model holds besides its own attributes (and its timeouts
// block, which each model declares itself so that an absent block can be written in a literal).
type poolMemberModel struct {
	ID          types.String `tfsdk:"id"`
	SID         types.String `tfsdk:"sid"`
	AccountSID  types.String `tfsdk:"account_sid"`
	ServiceSID  types.String `tfsdk:"service_sid"`
	DateCreated types.String `tfsdk:"date_created"`
}

// members gives the engine a model's shared part; every model embedding poolMemberModel has it.
func (m *poolMemberModel) members() *poolMemberModel { return m }

// flattenMember sets the shared part from Twilio's answer; id is the member's SID.
func (m *poolMemberModel) flattenMember(sid, account, service *string, created *time.Time) {
	m.SID = stringValue(sid)
	m.ID = m.SID
	m.AccountSID = stringValue(account)
	m.ServiceSID = stringValue(service)
	m.DateCreated = timeValue(created)
}

// poolSenderModel is the shared part of a pool number or short code: a sender the account owns, whose
// SID the member keeps.
type poolSenderModel struct {
	poolMemberModel
	CountryCode  types.String `tfsdk:"country_code"`
	Capabilities types.List   `tfsdk:"capabilities"`
}

// flattenSender sets the sender's country and capabilities; none listed reads as an empty list.
func (m *poolSenderModel) flattenSender(ctx context.Context, country *string, capabilities *[]string) diag.Diagnostics {
	m.CountryCode = stringValue(country)
	caps := []string{}
	if capabilities != nil {
		caps = *capabilities
	}
	var diags diag.Diagnostics
	m.Capabilities, diags = types.ListValueFrom(ctx, types.StringType, caps)
	return diags
}

// poolKind describes one kind of pool member (T as twilioclient answers it, M its model) to
// poolMemberResource.
type poolKind[T, M any] struct {
	noun        string           // "phone number": how messages name the member
	levels      []serverlessPath // identity and import: the service, then the member
	description string           // the resource's, before the account note
	accountWhat string           // what account_sid owns, for its description
	attributes  map[string]schema.Attribute
	// member is the member's SID in the model, which Read, Delete and the import look it up by.
	member  func(*M) types.String
	flatten func(context.Context, *T, *M) diag.Diagnostics
	// add makes the member the plan describes, through createAdopting; nil after reporting why.
	add    func(ctx context.Context, c *twilioclient.Client, a poolAdd, plan *M) *T
	find   func(c *twilioclient.Client, ctx context.Context, account, service, sid string) (*T, error)
	remove func(c *twilioclient.Client, ctx context.Context, account, service, sid string) error
}

// poolAdd is one add to a pool as the engine hands it to its kind: sid is the plan's member SID, empty for
// a member whose SID Twilio assigns.
type poolAdd struct {
	kind, noun, account, service, sid string
	diags                             *diag.Diagnostics
}

// poolMember is a member model (a pointer to M) that names its kind.
type poolMember[T, M any] interface {
	*M
	members() *poolMemberModel
	kind() *poolKind[T, M]
}

// poolMemberResource is a sender pool member resource. Its kind comes from its model's type, so its zero
// value with a resourceBase is complete (the list resources embed it so).
type poolMemberResource[T, M any, PM poolMember[T, M]] struct {
	resourceBase
}

func (r *poolMemberResource[T, M, PM]) kind() *poolKind[T, M] {
	var m M
	return PM(&m).kind()
}

func (r *poolMemberResource[T, M, PM]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = serverlessIdentitySchema(r.kind().levels)
}

func (r *poolMemberResource[T, M, PM]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	k := r.kind()
	attrs := map[string]schema.Attribute{
		"account_sid":  accountSIDAttribute(k.accountWhat, stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
		"service_sid":  parentSIDAttribute("MG", "Messaging Service"),
		"date_created": dateCreatedAttribute(),
	}
	maps.Copy(attrs, k.attributes)
	resp.Schema = schema.Schema{
		MarkdownDescription: k.description + "\n\n" + messagingAccountNote,
		Attributes:          attrs,
		Blocks:              timeoutsBlock(ctx, false),
	}
}

func (r *poolMemberResource[T, M, PM]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.defaultAccountSID(ctx, req, resp, false)
}

func (r *poolMemberResource[T, M, PM]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	ctx, plan, client, done := beginCreate[M](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	k, base := r.kind(), PM(&plan).members()
	m := k.add(ctx, client, poolAdd{kind: r.name, noun: k.noun, account: base.AccountSID.ValueString(),
		service: base.ServiceSID.ValueString(), sid: k.member(&plan).ValueString(), diags: &resp.Diagnostics}, &plan)
	if m == nil {
		return
	}
	resp.Diagnostics.Append(k.flatten(ctx, m, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *poolMemberResource[T, M, PM]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, client, done := beginRead[M](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	k, base := r.kind(), PM(&state).members()
	account, service, sid := base.AccountSID.ValueString(), base.ServiceSID.ValueString(), k.member(&state).ValueString()
	what := fmt.Sprintf("%s %s of Messaging Service %s", capitalized(k.noun), sid, service)
	m := readObject(ctx, client, account, base.DateCreated, what, resp, func() (*T, error) {
		return k.find(client, ctx, account, service, sid)
	})
	if m == nil {
		return
	}
	resp.Diagnostics.Append(k.flatten(ctx, m, &state)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// Update is never called with a change: every configurable attribute replaces the member. Only the timeouts
// block can change in place.
func (r *poolMemberResource[T, M, PM]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	updateTimeoutsOnly[M](ctx, req, resp)
}

func (r *poolMemberResource[T, M, PM]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	ctx, state, client, done := beginDelete[M](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	k, base := r.kind(), PM(&state).members()
	account, service, sid := base.AccountSID.ValueString(), base.ServiceSID.ValueString(), k.member(&state).ValueString()
	err := k.remove(client, ctx, account, service, sid)
	finishDelete(ctx, client, account, err, fmt.Sprintf("Removing %s %s from Messaging Service %s", k.noun, sid, service), &resp.Diagnostics)
}

// ImportState takes [AC…/]MG…/<member SID> or an identity { account_sid, service_sid, <member SID attribute> }.
func (r *poolMemberResource[T, M, PM]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	defer identityAfterImport(ctx, resp)
	k := r.kind()
	r.importPath(ctx, req, resp, k.levels, func(ctx context.Context, c *twilioclient.Client, account string, sids []string) error {
		_, err := k.find(c, ctx, account, sids[0], sids[1])
		return err
	})
}

// capitalized is s with its first letter in upper case, to begin a message with a member's noun.
func capitalized(s string) string {
	return strings.ToUpper(s[:1]) + s[1:]
}

// poolSender describes a sender the account owns (a phone number, a short code) as a pool member: the
// member's SID is the sender's, and Twilio holds a sender in one service at a time (poolAddRefused).
type poolSender struct {
	prefix, noun, short string // "PN", "phone number", and how descriptions name it: "number"
	sidAttr, sidExample string // "phone_number_sid", where to find one: "such as `twilio_incoming_number.x.sid`"
	value, valueDesc    string // the sender itself: "phone_number", its description
	capabilities        string // what Twilio may list: "`Voice`, `SMS`, `MMS`"
}

// poolSenderCalls are the client calls of one kind of sender.
type poolSenderCalls[T any] struct {
	sid       func(*T) *string
	add, find func(c *twilioclient.Client, ctx context.Context, account, service, sid string) (*T, error)
	remove    func(c *twilioclient.Client, ctx context.Context, account, service, sid string) error
	heldBy    func(c *twilioclient.Client, ctx context.Context, account, sid string) (*twilioclient.MessagingService, error)
}

// senderKind is the pool kind of a sender: s says its attributes, description the resource, member the
// sender's SID in the model.
func senderKind[T, M any](s poolSender, description string, member func(*M) types.String,
	flatten func(context.Context, *T, *M) diag.Diagnostics, calls poolSenderCalls[T]) poolKind[T, M] {
	return poolKind[T, M]{
		noun: s.noun, levels: []serverlessPath{{"MG", "service_sid", "Messaging Service"},
			{s.prefix, s.sidAttr, s.noun + " of a Messaging Service"}},
		description: description,
		accountWhat: "service and the " + s.short + "; changing it replaces the resource",
		attributes: map[string]schema.Attribute{
			"id":  stableComputedAttribute("The same as `" + s.sidAttr + "`; Terraform shows it in its progress lines."),
			"sid": sidAttribute(s.prefix, "pool member, which is the "+s.short+"'s own SID"),
			s.sidAttr: schema.StringAttribute{
				MarkdownDescription: "SID of the account's " + s.noun + " (`" + s.prefix + "…`, " + s.sidExample + ") " +
					"to put in the pool. Changing it replaces the resource.",
				Required:      true,
				Validators:    []validator.String{sidValidator(s.prefix)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			s.value:        stableComputedAttribute(s.valueDesc),
			"country_code": stableComputedAttribute("The " + s.short + "'s ISO 3166-1 country code, such as `US`."),
			"capabilities": schema.ListAttribute{
				MarkdownDescription: "What the " + s.short + " can do, as Twilio lists it: " + s.capabilities + ".",
				ElementType:         types.StringType,
				Computed:            true,
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
		},
		member: member, flatten: flatten, find: calls.find, remove: calls.remove,
		add: func(ctx context.Context, c *twilioclient.Client, a poolAdd, _ *M) *T {
			return addPoolSender(ctx, c, a, calls)
		},
	}
}

// addPoolSender adds a sender to a service's pool. After a lost answer the member is looked up by its SID,
// which is the sender's: Twilio answers an add of a sender the service already holds with that member, so
// finding it is the same outcome as the answer.
func addPoolSender[T any](ctx context.Context, c *twilioclient.Client, a poolAdd, calls poolSenderCalls[T]) *T {
	summary := fmt.Sprintf("Adding %s %s to Messaging Service %s", a.noun, a.sid, a.service)
	return createAdopting(ctx, a.diags, lostCreate[T]{
		kind: a.kind, scope: a.account, name: a.service + "/" + a.sid,
		what: fmt.Sprintf("%s %s in Messaging Service %s", a.noun, a.sid, a.service), summary: summary,
		find: func(ctx context.Context, _ time.Time) ([]T, error) {
			m, err := calls.find(c, ctx, a.account, a.service, a.sid)
			if twilioclient.IsNotFound(err) {
				return nil, nil
			}
			if err != nil {
				return nil, err
			}
			return []T{*m}, nil
		},
		check: func(m *T) candidate { return candidate{sid: deref(calls.sid(m))} },
		failed: func(err error, _ *createRecord) *T {
			return poolAddRefused(err, summary, a.kind, capitalized(a.noun)+" "+a.sid, a.account, a.diags,
				func() (*T, error) { return calls.find(c, ctx, a.account, a.service, a.sid) },
				func() (*twilioclient.MessagingService, error) { return calls.heldBy(c, ctx, a.account, a.sid) })
		},
	}, func(ctx context.Context) (*T, error) {
		return calls.add(c, ctx, a.account, a.service, a.sid)
	})
}
