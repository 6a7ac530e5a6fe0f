package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// Every resource with skip_destroy says, in a destroy plan, that the object will be kept: Terraform's plan
// shows "will be destroyed" for it, and plugin-testing cannot see warnings, so ModifyPlan is called here
// directly for each registered resource (a new resource with skip_destroy cannot be forgotten).
func TestSkipDestroy_destroyPlanWarnsKept(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	data := &providerData{client: env.Client(t)}
	const sid = "AC0123456789abcdef0123456789abcdef" // any SID; the subaccount plan looks it up (404)
	seen := 0
	for _, factory := range New("test")().Resources(ctx) {
		r := factory()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "twilio"}, &meta)
		var sch resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sch)
		if _, ok := sch.Schema.Attributes["skip_destroy"]; !ok {
			continue
		}
		seen++
		mp, ok := r.(resource.ResourceWithModifyPlan)
		if !ok {
			t.Errorf("%s has skip_destroy but no ModifyPlan to warn that a destroy keeps it", meta.TypeName)
			continue
		}
		if c, ok := r.(resource.ResourceWithConfigure); ok {
			var cr resource.ConfigureResponse
			c.Configure(ctx, resource.ConfigureRequest{ProviderData: data}, &cr)
		}
		typ := sch.Schema.Type().TerraformType(ctx)
		for _, skip := range []bool{true, false} {
			state := tfsdk.State{Schema: sch.Schema, Raw: tftypes.NewValue(typ, nil)}
			diags := state.SetAttribute(ctx, path.Root("sid"), sid)
			diags.Append(state.SetAttribute(ctx, path.Root("skip_destroy"), skip)...)
			if diags.HasError() {
				t.Fatalf("%s: %v", meta.TypeName, diags)
			}
			req := resource.ModifyPlanRequest{State: state, Plan: tfsdk.Plan{Schema: sch.Schema, Raw: tftypes.NewValue(typ, nil)}}
			resp := &resource.ModifyPlanResponse{Plan: req.Plan}
			mp.ModifyPlan(ctx, req, resp)
			warned := 0
			for _, d := range resp.Diagnostics {
				if strings.Contains(d.Summary(), sid+" will be kept in Twilio, not destroyed") &&
					strings.Contains(d.Detail(), "only removes it from the Terraform state") {
					warned++
				}
			}
			if skip && warned != 1 {
				t.Errorf("%s with skip_destroy = true: want one 'will be kept' warning in a destroy plan, got %v", meta.TypeName, resp.Diagnostics)
			}
			if !skip && warned != 0 {
				t.Errorf("%s with skip_destroy = false: the destroy plan must not say it is kept: %v", meta.TypeName, resp.Diagnostics)
			}
		}
	}
	if seen < 7 {
		t.Errorf("found %d resources with skip_destroy, want at least 7", seen)
	}
}
