package rpcctx_test

import (
	"context"
	"net"
	"runtime"
	"testing"
	"time"

	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
	"google.golang.org/protobuf/types/dynamicpb"

	"github.com/tenantwire/terraform-provider-twilio/internal/provider"
	"github.com/tenantwire/terraform-provider-twilio/internal/rpcctx"
)

// keptPerCall serves the provider over gRPC in this process, as Terraform reaches it, sends calls and
// returns the heap still live after them, per call.
func keptPerCall(t *testing.T, wrap func(tfprotov6.ProviderServer) tfprotov6.ProviderServer) float64 {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reattach := make(chan *plugin.ReattachConfig, 1)
	closed := make(chan struct{})
	go func() {
		_ = tf6server.Serve("registry.terraform.io/tenantwire/twilio", func() tfprotov6.ProviderServer {
			return wrap(providerserver.NewProtocol6(provider.New("test")())())
		}, tf6server.WithDebug(ctx, reattach, closed), tf6server.WithoutLogStderrOverride())
	}()
	rc := <-reattach
	conn, err := grpc.NewClient("passthrough:///provider", grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, rc.Addr.Network(), rc.Addr.String())
		}))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = conn.Close() }()
	message := func(name string) protoreflect.MessageDescriptor {
		m, err := protoregistry.GlobalTypes.FindMessageByName(protoreflect.FullName(name))
		if err != nil {
			t.Fatal(err)
		}
		return m.Descriptor()
	}
	req, resp := message("tfplugin6.ValidateResourceConfig.Request"), message("tfplugin6.ValidateResourceConfig.Response")
	call := func(n int) {
		for range n {
			in := dynamicpb.NewMessage(req)
			in.Set(req.Fields().ByName("type_name"), protoreflect.ValueOfString("twilio_twiml_app"))
			if err := conn.Invoke(ctx, "/tfplugin6.Provider/ValidateResourceConfig", in, dynamicpb.NewMessage(resp)); err != nil {
				t.Fatal(err)
			}
		}
	}
	live := func() uint64 {
		time.Sleep(100 * time.Millisecond) // the server finishes its streams after answering
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	const calls = 2000
	call(100)
	before := live()
	call(calls)
	after := live()
	return (float64(after) - float64(before)) / calls
}

// Served through rpcctx.Server, a call leaves (almost) nothing behind once it has returned.
func TestServer_keepsNoCallContext(t *testing.T) {
	kept := keptPerCall(t, rpcctx.Server)
	t.Logf("%.0f bytes live per call", kept)
	if kept > 1024 {
		t.Errorf("%.0f bytes stay live per call served through rpcctx.Server, want under 1 KB", kept)
	}
}

// The framework alone keeps every call's context until StopProvider. When an upgrade fixes that, this
// test fails and rpcctx can go.
func TestFrameworkKeepsCallContexts(t *testing.T) {
	if kept := keptPerCall(t, func(s tfprotov6.ProviderServer) tfprotov6.ProviderServer { return s }); kept < 4096 {
		t.Errorf("only %.0f bytes stay live per call served by the framework alone: it no longer keeps call "+
			"contexts; drop internal/rpcctx", kept)
	}
}

type key struct{}

func TestDetachedContext(t *testing.T) {
	parent, cancel := context.WithCancel(context.WithValue(context.Background(), key{}, "logger"))
	var inside context.Context
	var child context.Context
	var stopChild context.CancelFunc
	_, _ = rpcctx.Server(&probe{seen: func(ctx context.Context) {
		inside = ctx
		if ctx.Value(key{}) != "logger" {
			t.Error("a value of the call's context is not seen during the call")
		}
		child, stopChild = context.WithCancel(ctx) // as the framework's registerContext does
	}}).ReadResource(parent, &tfprotov6.ReadResourceRequest{})
	defer stopChild()
	if inside.Value(key{}) != nil {
		t.Error("the context still forwards values after the call returned")
	}
	cancel()
	select {
	case <-child.Done():
	case <-time.After(time.Second):
		t.Fatal("cancelling the call's context did not reach a context derived during the call")
	}
	if inside.Err() == nil {
		t.Error("Err is nil after the call's context was cancelled")
	}
}

type probe struct {
	tfprotov6.ProviderServer
	seen func(context.Context)
}

func (p *probe) ReadResource(ctx context.Context, _ *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	p.seen(ctx)
	return &tfprotov6.ReadResourceResponse{}, nil
}

// tf6server finds list resources, actions and state stores by interface assertions on its server; the
// wrapped framework server must still have them, or `terraform query` and actions break.
func TestServer_keepsOptionalParts(t *testing.T) {
	wrapped := rpcctx.Server(providerserver.NewProtocol6(provider.New("test")())())
	if _, ok := wrapped.(tfprotov6.ProviderServerWithListResource); !ok { //nolint:staticcheck // tf6server v0.31 still finds these parts by the deprecated interfaces
		t.Error("the wrapped server lost the list resources")
	}
	if _, ok := wrapped.(tfprotov6.ProviderServerWithActions); !ok { //nolint:staticcheck // tf6server v0.31 still finds these parts by the deprecated interfaces
		t.Error("the wrapped server lost the actions")
	}
	if _, ok := wrapped.(tfprotov6.ProviderServerWithStateStores); !ok { //nolint:staticcheck // tf6server v0.31 still finds these parts by the deprecated interfaces
		t.Error("the wrapped server lost the state stores")
	}
}
