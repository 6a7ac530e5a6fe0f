package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// directState configures r with env's client and returns a state of r's schema holding attrs (names to Go
// values), for tests that call a resource's methods directly: plugin-testing cannot see warnings, nor count
// the requests of one Read or Delete.
func directState(t *testing.T, env *acctest.Env, r resource.Resource, attrs map[string]any) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	r.(resource.ResourceWithConfigure).Configure(ctx, resource.ConfigureRequest{ProviderData: &providerData{client: env.Client(t)}},
		&resource.ConfigureResponse{})
	var sch resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sch)
	st := tfsdk.State{Schema: sch.Schema, Raw: tftypes.NewValue(sch.Schema.Type().TerraformType(ctx), nil)}
	for name, v := range attrs {
		if diags := st.SetAttribute(ctx, path.Root(name), v); diags.HasError() {
			t.Fatal(diags)
		}
	}
	return st
}
