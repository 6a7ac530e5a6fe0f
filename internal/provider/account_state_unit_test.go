package provider

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// The account-state policy where the acceptance test cannot reach it: a provider process that obtained a
// subaccount's own credentials before the subaccount was closed or suspended (a refresh in a new process
// finds a closed subaccount gone before any 20005). Twilio then answers 20005 to those credentials, and
// only the account's status tells a closed subaccount (its objects are gone) from a suspended one (they
// are kept).
func TestAccountStatePolicy(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	emu := emulator.New(emulator.Options{})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	accountSID, token := emu.MainAccount()
	client, err := twilioclient.New(twilioclient.Config{AccountSID: accountSID, AuthToken: token, BaseURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	// serviceIn makes a Serverless service in a new subaccount (so the client holds the subaccount's own
	// credentials), then sets the subaccount's status, and returns the subaccount and the error of
	// reading the service again.
	serviceIn := func(status string) (string, error) {
		sub, err := client.CreateSubaccount(ctx, "tenant-"+status)
		if err != nil {
			t.Fatal(err)
		}
		params := &twilioclient.CreateServiceParams{}
		params.SetUniqueName("fn-" + status).SetFriendlyName("fn")
		svc, err := client.CreateService(ctx, *sub.Sid, params)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := client.UpdateAccount(ctx, *sub.Sid, &twilioclient.UpdateAccountParams{Status: &status}); err != nil {
			t.Fatal(err)
		}
		_, err = client.FindService(ctx, *sub.Sid, *svc.Sid)
		if !twilioclient.IsAccountInactive(err) {
			t.Fatalf("reading a service of a %s subaccount with its own credentials: %v, want error 20005", status, err)
		}
		return *sub.Sid, err
	}
	read := func(account string, err error) *resource.ReadResponse {
		s := schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Computed: true}}}
		resp := &resource.ReadResponse{State: tfsdk.State{Schema: s, Raw: tftypes.NewValue(
			tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}},
			map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, "ZS1")})}}
		finishRead(ctx, client, account, err, "Twilio Serverless service ZS1", resp)
		return resp
	}

	closedSub, closedErr := serviceIn(twilioclient.AccountStatusClosed)
	if resp := read(closedSub, closedErr); !resp.State.Raw.IsNull() || resp.Diagnostics.HasError() {
		t.Errorf("closed subaccount: Read kept the object (or failed: %v); Twilio deleted it with the subaccount", resp.Diagnostics)
	}
	var diags diag.Diagnostics
	if finishDelete(ctx, client, closedSub, closedErr, "Deleting Twilio Serverless service ZS1", &diags); diags.HasError() {
		t.Errorf("closed subaccount: Delete failed (%v); the object is gone already", diags)
	}

	suspendedSub, suspendedErr := serviceIn(twilioclient.AccountStatusSuspended)
	resp := read(suspendedSub, suspendedErr)
	if resp.State.Raw.IsNull() || resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 ||
		!strings.Contains(resp.Diagnostics[0].Detail(), "is suspended") {
		t.Errorf("suspended subaccount: Read must keep the object with one warning naming the suspension, got removed=%v %v",
			resp.State.Raw.IsNull(), resp.Diagnostics)
	}
	diags = nil
	if finishDelete(ctx, client, suspendedSub, suspendedErr, "Deleting Twilio Serverless service ZS1", &diags); !diags.HasError() ||
		!strings.Contains(diags[0].Detail(), "Reactivate the subaccount") {
		t.Errorf("suspended subaccount: Delete must fail with the fix, got %v", diags)
	}

	// Any other error is the object's own: it fails the Read and keeps the state.
	other := &twilioclient.Error{Status: 500, Code: 20500, Message: "Internal Server Error"}
	if resp := read(suspendedSub, other); resp.State.Raw.IsNull() || !resp.Diagnostics.HasError() {
		t.Errorf("a 500: Read must fail and keep the state, got removed=%v %v", resp.State.Raw.IsNull(), resp.Diagnostics)
	}
}
