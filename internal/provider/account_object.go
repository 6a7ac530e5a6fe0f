package provider

import (
	"cmp"
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// The CRUD of an account object (one that lives under an account and is found, changed and deleted by its
// account and SID), in one home: a resource embeds accountObject next to its resourceBase, gives the Twilio
// calls and its flattening as hooks in its factory, and gets Read, Update and Delete that follow the read
// policy, the account-state policy and skip_destroy like every other. A resource with its own logic for one
// of them declares that method itself, which takes the place of the engine's.

// accountObjectFields are the attributes every account object's model starts with; embedded in the model,
// they give the engine the object's key.
type accountObjectFields struct {
	ID          types.String `tfsdk:"id"`
	SID         types.String `tfsdk:"sid"`
	AccountSID  types.String `tfsdk:"account_sid"`
	DateCreated types.String `tfsdk:"date_created"`
}

func (f accountObjectFields) objectKey() (account, sid string) {
	return f.AccountSID.ValueString(), f.SID.ValueString()
}

func (f accountObjectFields) created() types.String { return f.DateCreated }

// accountObjectModel is a model the engine can key: one embedding accountObjectFields.
type accountObjectModel interface {
	objectKey() (account, sid string)
	created() types.String
}

// accountObject is the engine of one resource: M is its model, T Twilio's object. base is the resource's
// own resourceBase (the factory sets it; a list resource embedding the resource never runs the CRUD).
type accountObject[M accountObjectModel, T any] struct {
	base *resourceBase
	// noun names the object in messages: "<Noun> <sid> is gone", "Updating <noun> <sid>", "Deleting <noun> <sid>".
	noun string
	// kept names the object in skip_destroy's warning; empty when the resource has no skip_destroy.
	kept string
	// keptWhen says whether skip_destroy keeps this object; nil when it keeps every one. One not worth keeping
	// (a draft or rejected Trust Hub bundle, a FAILED campaign) is deleted even with skip_destroy.
	keptWhen func(m *M) bool
	// updateHint adds to an update error what a suspended or closed account means (the products whose
	// updates need the account's own credentials).
	updateHint bool
	// byKey finds an object by its account and SID alone (most objects directly under an account). With
	// prefix (its SID's, "AP") and what (its name in the identity's descriptions and in import errors, when
	// noun does not say it so) it
	// also gives the resource its identity { account_sid, sid } and its import by AC…/XX…, a bare XX… or
	// that identity. A resource found otherwise sets find; its identity and import then come from importing,
	// or it declares both itself. (A resource may set byKey for reads and still take importing.)
	byKey        func(*twilioclient.Client, context.Context, string, string) (*T, error)
	prefix, what string
	// identityWhat names the object in the identity's descriptions when they say it otherwise than the
	// import errors (what); empty means what.
	identityWhat string
	// importing takes the place of that identity and import for an object deeper under its account, found
	// by a path of SIDs (a Serverless environment under its service); its product's common file makes it.
	importing objectImport
	find      func(ctx context.Context, c *twilioclient.Client, m *M) (*T, error)
	// details reads into m, after the object, what Twilio keeps apart from it (a Trust Hub bundle's
	// assignments and evaluation); a failure ends Read by the account-state policy, as the object's own
	// would. nil when the object says everything.
	details func(ctx context.Context, c *twilioclient.Client, obj *T, m *M) error
	// named names the object in Read's warnings and errors when "<Noun> <sid>" would not say which it is;
	// nil for that default.
	named func(m *M) string
	// create is the resource's Create after the start every Create shares (beginCreate): it gets the plan
	// and the client, and ends with finishCreate or its own save. nil when the resource declares Create.
	create  func(ctx context.Context, c *twilioclient.Client, plan *M, req resource.CreateRequest, resp *resource.CreateResponse)
	flatten func(ctx context.Context, obj *T, m *M) diag.Diagnostics
	// update sends the plan; nil when nothing changes in place but timeouts (every other attribute
	// replaces the object), or when the resource declares its own Update. It returns nil, nil when it sent
	// nothing (only what Twilio does not store changed): the plan, as update left it, becomes the state.
	update func(ctx context.Context, c *twilioclient.Client, plan, state *M) (*T, error)
	// updateError reports a failed update in the resource's own words (Twilio's suggestion at an address's
	// attributes, a Studio definition's problems), given the engine's summary "Updating <noun> <sid>"; it
	// returns false for an error the engine reports as usual. nil: every error is reported as usual.
	updateError func(err error, summary string, plan, state *M, diags *diag.Diagnostics) bool
	// updated records Twilio's answer to an update in place of flatten and save, for a resource that
	// records more or less than that (only the computed attributes, a warning about the answer, a wait for
	// a review).
	updated func(ctx context.Context, c *twilioclient.Client, obj *T, plan *M, state *tfsdk.State, diags *diag.Diagnostics)
	// beforeDelete runs before a delete: it reports why the object must stay (an address a number uses, a
	// build an environment runs) and returns true to leave it in Twilio; the object then leaves the state,
	// unless beforeDelete added an error.
	beforeDelete func(ctx context.Context, c *twilioclient.Client, m *M, diags *diag.Diagnostics) bool
	// remove deletes the object; nil when the resource declares its own Delete.
	remove func(ctx context.Context, c *twilioclient.Client, m *M) error
	// deleting begins a failed delete's summary, "Deleting" unless set ("Revoking" a key).
	deleting string
}

// removeByKey adapts a client method that takes only the account and the SID, as byKey does for finding,
// e.g. removeByKey[twimlAppModel]((*twilioclient.Client).DeleteApplication).
func removeByKey[M accountObjectModel](f func(*twilioclient.Client, context.Context, string, string) error) func(context.Context, *twilioclient.Client, *M) error {
	return func(ctx context.Context, c *twilioclient.Client, m *M) error {
		account, sid := (*m).objectKey()
		return f(c, ctx, account, sid)
	}
}

// flattenPlain adapts a flattening that cannot fail to the engine's hook.
func flattenPlain[M, T any](f func(*T, *M)) func(context.Context, *T, *M) diag.Diagnostics {
	return func(_ context.Context, obj *T, m *M) diag.Diagnostics {
		f(obj, m)
		return nil
	}
}

func (o *accountObject[M, T]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, client, done := beginRead[M](ctx, o.base, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, sid := state.objectKey()
	var name string
	if o.named != nil {
		name = o.named(&state)
	} else {
		name = strings.ToUpper(o.noun[:1]) + o.noun[1:] + " " + sid
	}
	obj := readObject(ctx, client, account, state.created(), name, resp, func() (*T, error) {
		if o.find == nil {
			return o.byKey(client, ctx, account, sid)
		}
		return o.find(ctx, client, &state)
	})
	if obj == nil {
		return
	}
	if o.details != nil {
		if err := o.details(ctx, client, obj, &state); err != nil {
			finishRead(ctx, client, account, err, name, resp)
			return
		}
	}
	o.save(ctx, obj, &state, &resp.State, &resp.Diagnostics)
}

func (o *accountObject[M, T]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if o.update == nil {
		updateTimeoutsOnly[M](ctx, req, resp)
		return
	}
	ctx, plan, state, client, done := beginUpdate[M](ctx, o.base, req, resp)
	defer done()
	if client == nil {
		return
	}
	obj, err := o.update(ctx, client, &plan, &state)
	if err != nil {
		account, sid := state.objectKey()
		summary := "Updating " + o.noun + " " + sid
		if o.updateError != nil && o.updateError(err, summary, &plan, &state, &resp.Diagnostics) {
			return
		}
		hint := ""
		if o.updateHint {
			_, hint = accountStateOf(ctx, client, account, err)
		}
		resp.Diagnostics.AddError(summary, errorDetail(err)+hint)
		return
	}
	switch {
	case obj == nil:
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	case o.updated != nil:
		o.updated(ctx, client, obj, &plan, &resp.State, &resp.Diagnostics)
	default:
		o.save(ctx, obj, &plan, &resp.State, &resp.Diagnostics)
	}
}

func (o *accountObject[M, T]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	ctx, state, client, done := beginDelete[M](ctx, o.base, req, resp)
	defer done()
	if resp.Diagnostics.HasError() {
		return
	}
	account, sid := state.objectKey()
	if o.kept != "" {
		// beginDelete left client nil for skip_destroy: the warning says what was kept, or, for an object
		// skip_destroy does not keep, the client is begun here after all.
		var skip types.Bool
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("skip_destroy"), &skip)...)
		if skip.ValueBool() && o.keptWhen != nil && !o.keptWhen(&state) {
			var cancel context.CancelFunc
			ctx, client, cancel = o.base.begin(ctx, req.State, timeouts.Value.Delete, &resp.Diagnostics)
			defer cancel()
		} else if skipDestroy(skip, o.kept, sid, account, &resp.Diagnostics) {
			return
		}
	}
	if client == nil || o.beforeDelete != nil && o.beforeDelete(ctx, client, &state, &resp.Diagnostics) {
		return
	}
	verb := o.deleting
	if verb == "" {
		verb = "Deleting"
	}
	err := o.remove(ctx, client, &state)
	finishDelete(ctx, client, account, err, verb+" "+o.noun+" "+sid, &resp.Diagnostics)
}

// objectImport is the identity and the import of objects that are not found by their account and SID alone.
type objectImport interface {
	identitySchema() identityschema.Schema
	// importState sets the state's key from the import ID or identity, reporting why it could not.
	importState(ctx context.Context, base *resourceBase, req resource.ImportStateRequest, resp *resource.ImportStateResponse)
}

func (o *accountObject[M, T]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	if o.importing != nil {
		resp.IdentitySchema = o.importing.identitySchema()
		return
	}
	resp.IdentitySchema = accountObjectIdentitySchema(o.prefix, cmp.Or(o.identityWhat, o.what, o.noun))
}

// ImportState takes AC…/XX…, a bare XX… found in the provider's account or one of its subaccounts, or an
// identity { account_sid, sid } (without account_sid, like a bare SID); skip_destroy, when the object has
// it (kept is set), imports as false. An object with importing imports through it instead, which sets
// skip_destroy itself.
func (o *accountObject[M, T]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	defer identityAfterImport(ctx, resp)
	if o.importing != nil {
		o.importing.importState(ctx, o.base, req, resp)
		return
	}
	if o.base.importAccountObject(ctx, req, resp, o.prefix, cmp.Or(o.what, o.noun), func(ctx context.Context, c *twilioclient.Client, account, sid string) error {
		_, err := o.byKey(c, ctx, account, sid)
		return err
	}) && o.kept != "" {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("skip_destroy"), false)...)
	}
}

func (o *accountObject[M, T]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	ctx, plan, client, done := beginCreate[M](ctx, o.base, req, resp)
	defer done()
	if client == nil {
		return
	}
	o.create(ctx, client, &plan, req, resp)
}

// finishCreate ends a Create after createAdopting: the object Twilio made (or the one adopted after a lost
// answer) becomes the state; nil means createAdopting already reported why.
func (o *accountObject[M, T]) finishCreate(ctx context.Context, obj *T, plan *M, resp *resource.CreateResponse) {
	if obj == nil {
		return
	}
	o.save(ctx, obj, plan, &resp.State, &resp.Diagnostics)
}

// save flattens obj onto m and stores m.
func (o *accountObject[M, T]) save(ctx context.Context, obj *T, m *M, state *tfsdk.State, diags *diag.Diagnostics) {
	diags.Append(o.flatten(ctx, obj, m)...)
	diags.Append(state.Set(ctx, *m)...)
}
