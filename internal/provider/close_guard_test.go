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
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// A destroy plan of a subaccount with release_numbers_on_close that owns numbers warns, naming them, before
// anything is applied. Without it, the plan does not list the numbers at all: the apply's guard does, right
// before the close (one list per command). Plugin-testing cannot see warnings, so ModifyPlan is called here
// directly, against the emulator.
func TestSubaccountModifyPlan_destroyWarnsAboutNumbers(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	client := env.Client(t)
	withNumbers, err := client.CreateSubaccount(ctx, "with numbers")
	if err != nil {
		t.Fatal(err)
	}
	for _, number := range []string{"+14155550181", "+14155550182"} {
		params := &twilioclient.CreateIncomingNumberParams{}
		params.SetPhoneNumber(number)
		if _, err := client.CreateIncomingNumber(ctx, *withNumbers.Sid, params); err != nil {
			t.Fatal(err)
		}
	}
	empty, err := client.CreateSubaccount(ctx, "empty")
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name          string
		sid           string
		skip, release bool
		want          []string // words of the one warning; none means no diagnostic
		lists         int      // list requests the plan sends
	}{
		{"owns numbers", *withNumbers.Sid, false, false, nil, 0},
		{"owns numbers, opted in", *withNumbers.Sid, false, true, []string{"will release its phone numbers", "+14155550181", "+14155550182"}, 1},
		{"owns numbers, left open", *withNumbers.Sid, true, false, []string{"will be kept in Twilio, not destroyed", "stays open"}, 0},
		{"owns numbers, left open, opted in", *withNumbers.Sid, true, true, []string{"will be kept in Twilio, not destroyed", "stays open"}, 0},
		{"owns none, opted in", *empty.Sid, false, true, nil, 1},
	}
	r := NewSubaccountResource().(*subaccountResource)
	r.data = &providerData{client: client}
	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	typ := schemaResp.Schema.Type().TerraformType(ctx)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(typ, nil)}
			diags := state.SetAttribute(ctx, path.Root("sid"), tt.sid)
			diags.Append(state.SetAttribute(ctx, path.Root("skip_destroy"), tt.skip)...)
			diags.Append(state.SetAttribute(ctx, path.Root("release_numbers_on_close"), tt.release)...)
			if diags.HasError() {
				t.Fatal(diags)
			}
			req := resource.ModifyPlanRequest{State: state, Plan: tfsdk.Plan{Schema: schemaResp.Schema, Raw: tftypes.NewValue(typ, nil)}}
			resp := &resource.ModifyPlanResponse{Plan: req.Plan}
			listPath := "/Accounts/" + tt.sid + "/IncomingPhoneNumbers.json"
			before := len(env.Requests("GET", listPath))
			r.ModifyPlan(ctx, req, resp)
			if n := len(env.Requests("GET", listPath)) - before; n != tt.lists {
				t.Errorf("the plan listed the numbers of %s %d times, want %d", tt.sid, n, tt.lists)
			}
			if len(tt.want) == 0 {
				if len(resp.Diagnostics) != 0 {
					t.Fatalf("unexpected diagnostics: %v", resp.Diagnostics)
				}
				return
			}
			if len(resp.Diagnostics) != 1 || resp.Diagnostics.HasError() {
				t.Fatalf("want one warning, got %v", resp.Diagnostics)
			}
			text := resp.Diagnostics[0].Summary() + " " + resp.Diagnostics[0].Detail()
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("the warning does not say %q: %s", w, text)
				}
			}
		})
	}
}
