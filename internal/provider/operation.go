package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// How every Create, Update and Delete starts, in one place: the model decoded, the provider's client, the
// context bounded by the operation's timeout (the resource's timeouts block, else defaultTimeout), and for
// a create or update the identity copied from the state the operation leaves, on every return path.
// client is nil after the reason was reported; done is always safe to defer.

// beginCreate starts a Create with the planned model.
func beginCreate[M any](ctx context.Context, r *resourceBase, req resource.CreateRequest, resp *resource.CreateResponse) (
	context.Context, M, *twilioclient.Client, func()) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	opCtx, client, cancel := r.begin(ctx, req.Plan, timeouts.Value.Create, &resp.Diagnostics)
	return opCtx, plan, client, func() { cancel(); identityAfterCreate(ctx, resp) }
}

// beginUpdate starts an Update with the planned and the prior model.
func beginUpdate[M any](ctx context.Context, r *resourceBase, req resource.UpdateRequest, resp *resource.UpdateResponse) (
	context.Context, M, M, *twilioclient.Client, func()) {
	var plan, state M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	opCtx, client, cancel := r.begin(ctx, req.Plan, timeouts.Value.Update, &resp.Diagnostics)
	return opCtx, plan, state, client, func() { cancel(); identityAfterUpdate(ctx, resp) }
}

// updateTimeoutsOnly is the Update of an object whose every other attribute replaces it: only the
// timeouts block changed, so nothing is sent and the plan becomes the state.
func updateTimeoutsOnly[M any](ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer identityAfterUpdate(ctx, resp)
	var plan M
	if resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// beginDelete starts a Delete with the prior model. With skip_destroy set the object is only forgotten,
// which needs no client (the provider may not even be configurable any more): client is then nil with no
// error, and the resource reports what it kept.
func beginDelete[M any](ctx context.Context, r *resourceBase, req resource.DeleteRequest, resp *resource.DeleteResponse) (
	context.Context, M, *twilioclient.Client, context.CancelFunc) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	var skip types.Bool
	if _, err := req.State.Schema.AttributeAtPath(ctx, path.Root("skip_destroy")); err == nil {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("skip_destroy"), &skip)...)
	}
	if skip.ValueBool() {
		return ctx, state, nil, func() {}
	}
	ctx, client, cancel := r.begin(ctx, req.State, timeouts.Value.Delete, &resp.Diagnostics)
	return ctx, state, client, cancel
}

// attributeGetter is a plan or a state.
type attributeGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}

// begin gets the client and bounds ctx by the timeout that op reads from the timeouts block of from.
func (r *resourceBase) begin(ctx context.Context, from attributeGetter,
	op func(timeouts.Value, context.Context, time.Duration) (time.Duration, diag.Diagnostics), diags *diag.Diagnostics,
) (context.Context, *twilioclient.Client, context.CancelFunc) {
	if diags.HasError() {
		return ctx, nil, func() {}
	}
	client := r.data.ready(diags)
	if client == nil {
		return ctx, nil, func() {}
	}
	var t timeouts.Value
	diags.Append(from.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	timeout, d := op(t, ctx, defaultTimeout)
	diags.Append(d...)
	if diags.HasError() {
		return ctx, nil, func() {}
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	return ctx, client, cancel
}

// beginRead starts a Read with the prior model. client is nil when the provider cannot be configured yet
// (the state is then left as it is rather than failing the plan) or after an error; done copies the
// identity, from the prior state when the Read removed the object.
func beginRead[M any](ctx context.Context, r *resourceBase, req resource.ReadRequest, resp *resource.ReadResponse) (
	M, *twilioclient.Client, func()) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	done := func() { identityAfterRead(ctx, req, resp) }
	if resp.Diagnostics.HasError() || !r.data.known() {
		return state, nil, done
	}
	return state, r.data.client, done
}

// beginDataRead starts a data source's Read with its configuration; client is nil after the reason was
// reported.
func beginDataRead[M any](ctx context.Context, d *dataSourceBase, req datasource.ReadRequest, resp *datasource.ReadResponse) (M, *twilioclient.Client) {
	var cfg M
	if resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...); resp.Diagnostics.HasError() {
		return cfg, nil
	}
	return cfg, d.data.ready(&resp.Diagnostics)
}
