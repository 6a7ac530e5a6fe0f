package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// The address's check before a delete (is a number using it?) is the provider's own caution, not a rule
// Twilio documents: when the check itself fails, the delete is still sent and Twilio decides. Delete is
// called directly with the numbers' list failing, and must delete the address with one DELETE.
func TestAddressDelete_sentWhenTheInUseCheckFails(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	sid := namesakes["twilio_address"](t, env)
	r := NewAddressResource()
	st := directState(t, env, r, map[string]any{"account_sid": env.AccountSID, "sid": sid})
	defer env.Emulator.RemoveFault(env.Emulator.AddFault(emulator.Fault{Method: "GET", Path: "IncomingPhoneNumbers", Kind: emulator.FaultInternal}))
	resp := &resource.DeleteResponse{State: st}
	r.Delete(ctx, resource.DeleteRequest{State: st}, resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("the delete failed: %v", resp.Diagnostics)
	}
	if len(env.Requests("GET", "IncomingPhoneNumbers")) == 0 {
		t.Error("the in-use check sent no list: the test no longer tests a failed check")
	}
	if n := len(env.Requests("DELETE", "/Addresses/"+sid)); n != 1 {
		t.Errorf("want one DELETE of %s, got %d", sid, n)
	}
}
