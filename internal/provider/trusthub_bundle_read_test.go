package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// A Trust Hub bundle's Read fetches the bundle, then what Twilio keeps apart from it (its assignments, its
// evaluations: the engine's details hook). A 404 there is the bundle gone (removed from the state with a
// warning), any other failure an error that keeps the state: the read policy for the whole Read, not only for
// its first request. Read is called directly, with the fault on the second request only.
func TestTrustBundle_readDetailsFailures(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	sid := namesakes["twilio_trusthub_customer_profile"](t, env)
	r := NewTrustHubCustomerProfileResource()
	st := directState(t, env, r, map[string]any{"account_sid": env.AccountSID, "sid": sid})
	read := func(t *testing.T, f emulator.Fault) *resource.ReadResponse {
		t.Helper()
		defer env.Emulator.RemoveFault(env.Emulator.AddFault(f))
		resp := &resource.ReadResponse{State: tfsdk.State{Schema: st.Schema, Raw: st.Raw.Copy()}}
		r.Read(ctx, resource.ReadRequest{State: st}, resp)
		return resp
	}

	for _, detail := range []string{"EntityAssignments", "Evaluations"} {
		t.Run(detail+" gone", func(t *testing.T) {
			resp := read(t, emulator.Fault{Method: "GET", Path: detail, Kind: emulator.FaultStaleRead})
			if resp.Diagnostics.HasError() || !resp.State.Raw.IsNull() {
				t.Fatalf("want the bundle removed from the state without an error, got state %v, %v", resp.State.Raw, resp.Diagnostics)
			}
			if w := resp.Diagnostics.Warnings(); len(w) != 1 || !strings.Contains(w[0].Summary(), sid+" is gone") {
				t.Errorf("want one warning saying %s is gone, got %v", sid, resp.Diagnostics)
			}
		})
	}
	t.Run("EntityAssignments failing", func(t *testing.T) {
		resp := read(t, emulator.Fault{Method: "GET", Path: "EntityAssignments", Kind: emulator.FaultInternal})
		if !resp.Diagnostics.HasError() {
			t.Fatalf("want an error, got %v", resp.Diagnostics)
		}
		if !resp.State.Raw.Equal(st.Raw) {
			t.Errorf("a failed read changed the state: %v", resp.State.Raw)
		}
	})
}
