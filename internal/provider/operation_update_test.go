package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// An object that only its timeouts change in place (updateTimeoutsOnly) sends nothing and must still store
// the plan: otherwise the apply would fail as inconsistent, or keep the old timeouts. No acceptance test
// changes only the timeouts of these resources, so the Update is called directly.
func TestUpdateTimeoutsOnly_storesThePlan(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for name, r := range map[string]resource.Resource{
		"twilio_serverless_environment":         NewServerlessEnvironmentResource(),
		"twilio_serverless_build":               NewServerlessBuildResource(),
		"twilio_messaging_service_phone_number": NewMessagingServicePhoneNumberResource(),
	} {
		var sch resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sch)
		typ := sch.Schema.Type().TerraformType(ctx)
		plan := tfsdk.Plan{Schema: sch.Schema, Raw: tftypes.NewValue(typ, nil)}
		if diags := plan.SetAttribute(ctx, path.Root("account_sid"), "AC00000000000000000000000000000001"); diags.HasError() {
			t.Fatal(diags)
		}
		prior := tfsdk.State{Schema: sch.Schema, Raw: tftypes.NewValue(typ, nil)}
		resp := &resource.UpdateResponse{State: prior}
		r.Update(ctx, resource.UpdateRequest{Plan: plan, State: prior}, resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("%s: %v", name, resp.Diagnostics)
		}
		var got types.String
		resp.Diagnostics.Append(resp.State.GetAttribute(ctx, path.Root("account_sid"), &got)...)
		if got.ValueString() != "AC00000000000000000000000000000001" {
			t.Errorf("%s: Update stored account_sid %s, want the planned AC…0001", name, got)
		}
	}
}
