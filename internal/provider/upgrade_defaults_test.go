package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// TestReadFillsDefaultsOfNewFlags: state written by a provider that predates a flag holds null for it;
// Read must store the flag's default, or the first plan after an upgrade shows "+ flag = false" on every
// resource (the release upgrade test found this for these two flags).
func TestReadFillsDefaultsOfNewFlags(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	client := env.Client(t)
	acct, err := client.CreateSubaccount(ctx, "upgraded")
	if err != nil {
		t.Fatal(err)
	}
	params := &twilioclient.CreateApplicationParams{}
	params.SetFriendlyName("upgraded")
	app, err := client.CreateApplication(ctx, env.AccountSID, params)
	if err != nil {
		t.Fatal(err)
	}
	data := &providerData{client: client}
	appResource := NewTwimlAppResource().(*twimlAppResource)
	appResource.data = data
	for _, tc := range []struct {
		name  string
		r     resource.Resource
		attrs map[string]string
		flag  string
	}{
		{"twilio_subaccount", &subaccountResource{resourceBase{data: data}}, map[string]string{"sid": *acct.Sid}, "release_numbers_on_close"},
		{"twilio_twiml_app", appResource, map[string]string{"sid": *app.Sid, "account_sid": env.AccountSID}, "skip_destroy"},
	} {
		var schemaResp resource.SchemaResponse
		tc.r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
		state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
		for name, v := range tc.attrs {
			if diags := state.SetAttribute(ctx, path.Root(name), v); diags.HasError() {
				t.Fatal(diags)
			}
		}
		resp := &resource.ReadResponse{State: state}
		tc.r.Read(ctx, resource.ReadRequest{State: state}, resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("%s Read: %v", tc.name, resp.Diagnostics)
		}
		var got types.Bool
		if diags := resp.State.GetAttribute(ctx, path.Root(tc.flag), &got); diags.HasError() {
			t.Fatal(diags)
		}
		if got.IsNull() || got.ValueBool() {
			t.Errorf("%s: Read left %s = %s for state that predates it, want false", tc.name, tc.flag, got)
		}
	}
}
