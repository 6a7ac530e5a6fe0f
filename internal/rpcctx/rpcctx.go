// Package rpcctx keeps a provider process's memory flat over the calls it serves.
//
// terraform-plugin-framework v1.19.0 (internal/proto6server, registerContext) derives a cancellable
// context from every call's context and keeps its cancel function until StopProvider, so that a stop can
// cancel calls in flight. Terraform stops a provider only at the end of a command, so the process keeps
// every call's whole context chain (terraform-plugin-go's loggers and fields, gRPC's stream) for its
// lifetime: about 14 KB per call, 40 to 50 MB after a refresh of 800 objects, which then costs the
// garbage collector most of the process's CPU (BENCHMARKS.md, "A heap that grows with the calls served").
//
// Server hands the framework a small context that forwards to the call's own context while the call runs
// and lets go of it when the call returns. What the framework keeps is then that small shell.
package rpcctx

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// Server wraps a provider server so that the per-object calls (validate, upgrade, read, plan, apply,
// import, data sources, functions, ephemeral resources) reach it with a detached context. The other calls
// (schemas, configure, list and action streams, whose context must outlive the call's return) pass as
// they are.
//
// tf6server finds list resources, actions and state stores by asserting optional interfaces on the server
// it is given, so a server that has them (the framework's has all three) is wrapped in a type that has
// them too, forwarding them as they are.
func Server(next tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	if full, ok := next.(fullServer); ok {
		return fullWrapper{server{full}, full}
	}
	return server{next}
}

// fullServer is a provider server with every optional part tf6server looks for.
type fullServer interface {
	tfprotov6.ProviderServerWithListResource //nolint:staticcheck // tf6server v0.31 still finds these parts by the deprecated interfaces
	tfprotov6.ProviderServerWithActions      //nolint:staticcheck // tf6server v0.31 still finds these parts by the deprecated interfaces
	tfprotov6.ProviderServerWithStateStores  //nolint:staticcheck // tf6server v0.31 still finds these parts by the deprecated interfaces
}

type server struct{ tfprotov6.ProviderServer }

// fullWrapper is server plus the optional parts, taken from the wrapped server as they are.
type fullWrapper struct {
	server
	optional fullServer
}

// serve calls f with a context that forwards to ctx until f returns.
func serve[Req, Resp any](ctx context.Context, req Req, f func(context.Context, Req) (Resp, error)) (Resp, error) {
	c := detach(ctx)
	defer c.release()
	return f(c, req)
}

func (s server) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return serve(ctx, req, s.ProviderServer.ValidateResourceConfig)
}

func (s server) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return serve(ctx, req, s.ProviderServer.UpgradeResourceState)
}

func (s server) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return serve(ctx, req, s.ProviderServer.UpgradeResourceIdentity)
}

func (s server) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return serve(ctx, req, s.ProviderServer.ReadResource)
}

func (s server) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return serve(ctx, req, s.ProviderServer.PlanResourceChange)
}

func (s server) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return serve(ctx, req, s.ProviderServer.ApplyResourceChange)
}

func (s server) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return serve(ctx, req, s.ProviderServer.ImportResourceState)
}

func (s server) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return serve(ctx, req, s.ProviderServer.ValidateDataResourceConfig)
}

func (s server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return serve(ctx, req, s.ProviderServer.ReadDataSource)
}

func (s server) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	return serve(ctx, req, s.ProviderServer.CallFunction)
}

func (s server) ValidateEphemeralResourceConfig(ctx context.Context, req *tfprotov6.ValidateEphemeralResourceConfigRequest) (*tfprotov6.ValidateEphemeralResourceConfigResponse, error) {
	return serve(ctx, req, s.ProviderServer.ValidateEphemeralResourceConfig)
}

func (s server) OpenEphemeralResource(ctx context.Context, req *tfprotov6.OpenEphemeralResourceRequest) (*tfprotov6.OpenEphemeralResourceResponse, error) {
	return serve(ctx, req, s.ProviderServer.OpenEphemeralResource)
}

// The optional parts pass as they are: list and action calls stream after they return, and state stores are
// not per-object calls.

func (w fullWrapper) ValidateListResourceConfig(ctx context.Context, req *tfprotov6.ValidateListResourceConfigRequest) (*tfprotov6.ValidateListResourceConfigResponse, error) {
	return w.optional.ValidateListResourceConfig(ctx, req)
}

func (w fullWrapper) ListResource(ctx context.Context, req *tfprotov6.ListResourceRequest) (*tfprotov6.ListResourceServerStream, error) {
	return w.optional.ListResource(ctx, req)
}

func (w fullWrapper) ValidateActionConfig(ctx context.Context, req *tfprotov6.ValidateActionConfigRequest) (*tfprotov6.ValidateActionConfigResponse, error) {
	return w.optional.ValidateActionConfig(ctx, req)
}

func (w fullWrapper) PlanAction(ctx context.Context, req *tfprotov6.PlanActionRequest) (*tfprotov6.PlanActionResponse, error) {
	return w.optional.PlanAction(ctx, req)
}

func (w fullWrapper) InvokeAction(ctx context.Context, req *tfprotov6.InvokeActionRequest) (*tfprotov6.InvokeActionServerStream, error) {
	return w.optional.InvokeAction(ctx, req)
}

func (w fullWrapper) ValidateStateStoreConfig(ctx context.Context, req *tfprotov6.ValidateStateStoreConfigRequest) (*tfprotov6.ValidateStateStoreConfigResponse, error) {
	return w.optional.ValidateStateStoreConfig(ctx, req)
}

func (w fullWrapper) ConfigureStateStore(ctx context.Context, req *tfprotov6.ConfigureStateStoreRequest) (*tfprotov6.ConfigureStateStoreResponse, error) {
	return w.optional.ConfigureStateStore(ctx, req)
}

func (w fullWrapper) ReadStateBytes(ctx context.Context, req *tfprotov6.ReadStateBytesRequest) (*tfprotov6.ReadStateBytesStream, error) {
	return w.optional.ReadStateBytes(ctx, req)
}

func (w fullWrapper) WriteStateBytes(ctx context.Context, req *tfprotov6.WriteStateBytesStream) (*tfprotov6.WriteStateBytesResponse, error) {
	return w.optional.WriteStateBytes(ctx, req)
}

func (w fullWrapper) GetStates(ctx context.Context, req *tfprotov6.GetStatesRequest) (*tfprotov6.GetStatesResponse, error) {
	return w.optional.GetStates(ctx, req)
}

func (w fullWrapper) DeleteState(ctx context.Context, req *tfprotov6.DeleteStateRequest) (*tfprotov6.DeleteStateResponse, error) {
	return w.optional.DeleteState(ctx, req)
}

func (w fullWrapper) LockState(ctx context.Context, req *tfprotov6.LockStateRequest) (*tfprotov6.LockStateResponse, error) {
	return w.optional.LockState(ctx, req)
}

func (w fullWrapper) UnlockState(ctx context.Context, req *tfprotov6.UnlockStateRequest) (*tfprotov6.UnlockStateResponse, error) {
	return w.optional.UnlockState(ctx, req)
}

// detached is a context that forwards to the call's context until release, and afterwards only says it
// is done: the framework's kept cancel function then holds this shell, not the call's context chain.
type detached struct {
	call atomic.Pointer[context.Context]
	done <-chan struct{}
}

func detach(ctx context.Context) *detached {
	d := &detached{done: ctx.Done()}
	d.call.Store(&ctx)
	return d
}

func (d *detached) release() { d.call.Store(nil) }

func (d *detached) live() context.Context {
	if p := d.call.Load(); p != nil {
		return *p
	}
	return nil
}

func (d *detached) Deadline() (time.Time, bool) {
	if c := d.live(); c != nil {
		return c.Deadline()
	}
	return time.Time{}, false
}

// Done is the call's own channel, kept after release: a channel does not hold the context that made it.
func (d *detached) Done() <-chan struct{} { return d.done }

func (d *detached) Err() error {
	if c := d.live(); c != nil {
		return c.Err()
	}
	return context.Canceled
}

// Value forwards while the call runs; the loggers, fields and (for the context package) the call's
// cancellation live in the call's context.
func (d *detached) Value(key any) any {
	if c := d.live(); c != nil {
		return c.Value(key)
	}
	return nil
}
