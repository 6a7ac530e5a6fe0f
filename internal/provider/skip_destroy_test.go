package provider

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// eachSkipDestroyResource runs each, as a subtest, for every registered resource with a skip_destroy
// attribute, configured with data; state builds a state of it with sid, skip_destroy and (when the resource
// has one) account_sid. Taking the resources from the registration means a new resource with skip_destroy
// cannot be forgotten.
func eachSkipDestroyResource(t *testing.T, data *providerData, account string,
	each func(t *testing.T, r resource.Resource, state func(sid string, skip bool) tfsdk.State, sch resource.SchemaResponse)) {
	t.Helper()
	ctx := context.Background()
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
		if c, ok := r.(resource.ResourceWithConfigure); ok {
			var cr resource.ConfigureResponse
			c.Configure(ctx, resource.ConfigureRequest{ProviderData: data}, &cr)
		}
		// NOTE: state fails the subtest that calls it, so it is made inside that subtest (FailNow must run
		// on the subtest's goroutine).
		t.Run(meta.TypeName, func(t *testing.T) {
			state := func(sid string, skip bool) tfsdk.State {
				st := tfsdk.State{Schema: sch.Schema, Raw: tftypes.NewValue(sch.Schema.Type().TerraformType(ctx), nil)}
				diags := st.SetAttribute(ctx, path.Root("sid"), sid)
				diags.Append(st.SetAttribute(ctx, path.Root("skip_destroy"), skip)...)
				if _, ok := sch.Schema.Attributes["account_sid"]; ok && account != "" {
					diags.Append(st.SetAttribute(ctx, path.Root("account_sid"), account)...)
				}
				if diags.HasError() {
					t.Fatal(diags)
				}
				return st
			}
			each(t, r, state, sch)
		})
	}
	if seen < 7 {
		t.Errorf("found %d resources with skip_destroy, want at least 7", seen)
	}
}

// Every resource with skip_destroy says, in a destroy plan, that the object will be kept: Terraform's plan
// shows "will be destroyed" for it, and plugin-testing cannot see warnings, so ModifyPlan is called here
// directly for each registered resource.
func TestSkipDestroy_destroyPlanWarnsKept(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	const sid = "AC0123456789abcdef0123456789abcdef" // any SID; the subaccount plan looks it up (404)
	eachSkipDestroyResource(t, &providerData{client: env.Client(t)}, "",
		func(t *testing.T, r resource.Resource, state func(string, bool) tfsdk.State, sch resource.SchemaResponse) {
			mp, ok := r.(resource.ResourceWithModifyPlan)
			if !ok {
				t.Fatal("skip_destroy but no ModifyPlan to warn that a destroy keeps it")
			}
			for _, skip := range []bool{true, false} {
				st := state(sid, skip)
				req := resource.ModifyPlanRequest{State: st, Plan: tfsdk.Plan{Schema: sch.Schema, Raw: tftypes.NewValue(sch.Schema.Type().TerraformType(ctx), nil)}}
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
					t.Errorf("skip_destroy = true: want one 'will be kept' warning in a destroy plan, got %v", resp.Diagnostics)
				}
				if !skip && warned != 0 {
					t.Errorf("skip_destroy = false: the destroy plan must not say it is kept: %v", resp.Diagnostics)
				}
			}
		})
}

// The destroy of an object with skip_destroy = true removes it from the state with a warning naming it and
// sends nothing to Twilio. Plugin-testing sees neither the warning nor, for objects whose account the same
// configuration removes, a Delete that deleted after all; so Delete is called here directly for every
// registered resource with skip_destroy, counting the emulator's requests.
func TestSkipDestroy_destroyKeepsAndWarns(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	const sid = "XX0123456789abcdef0123456789abcdef" // any SID: nothing may look it up
	eachSkipDestroyResource(t, &providerData{client: env.Client(t)}, env.AccountSID,
		func(t *testing.T, r resource.Resource, state func(string, bool) tfsdk.State, _ resource.SchemaResponse) {
			st := state(sid, true)
			before := len(env.Requests("", sid))
			resp := &resource.DeleteResponse{State: st}
			r.Delete(ctx, resource.DeleteRequest{State: st}, resp)
			if n := len(env.Requests("", sid)) - before; n != 0 {
				t.Errorf("the destroy sent %d requests for %s to Twilio despite skip_destroy", n, sid)
			}
			if resp.Diagnostics.HasError() {
				t.Fatalf("the destroy failed: %v", resp.Diagnostics)
			}
			warnings := resp.Diagnostics.Warnings()
			if len(warnings) != 1 {
				t.Fatalf("want one warning saying the object is kept, got %v", resp.Diagnostics)
			}
			text := warnings[0].Summary() + " " + warnings[0].Detail()
			if !strings.Contains(text, sid) || !regexp.MustCompile(`\b(kept|left open)\b`).MatchString(text) {
				t.Errorf("the warning does not say that %s is kept: %s", sid, text)
			}
		})
}

// A number kept with skip_destroy and a subaccount closed with release_numbers_on_close in the same apply
// contradict each other: Twilio releases the number with the account. The close names it, from what the
// number's destroy noted (no list is sent for it); plugin-testing cannot see that warning, so the two
// Deletes are called here in Terraform's order, sharing one provider configuration.
func TestSkipDestroy_closeNamesNumberKeptInSameApply(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	client := env.Client(t)
	sub, err := client.CreateSubaccount(ctx, "kept number")
	if err != nil {
		t.Fatal(err)
	}
	params := &twilioclient.CreateIncomingNumberParams{}
	params.SetPhoneNumber("+14155550191")
	number, err := client.CreateIncomingNumber(ctx, *sub.Sid, params)
	if err != nil {
		t.Fatal(err)
	}
	data := &providerData{client: client}

	destroy := func(r resource.Resource, values map[string]any) diag.Diagnostics {
		t.Helper()
		r.(resource.ResourceWithConfigure).Configure(ctx, resource.ConfigureRequest{ProviderData: data}, &resource.ConfigureResponse{})
		var sch resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sch)
		state := tfsdk.State{Schema: sch.Schema, Raw: tftypes.NewValue(sch.Schema.Type().TerraformType(ctx), nil)}
		var diags diag.Diagnostics
		for name, v := range values {
			diags.Append(state.SetAttribute(ctx, path.Root(name), v)...)
		}
		if diags.HasError() {
			t.Fatal(diags)
		}
		resp := &resource.DeleteResponse{State: state}
		r.Delete(ctx, resource.DeleteRequest{State: state}, resp)
		return resp.Diagnostics
	}
	if diags := destroy(NewIncomingNumberResource(), map[string]any{"sid": *number.Sid, "account_sid": *sub.Sid,
		"phone_number": "+14155550191", "skip_destroy": true}); diags.HasError() {
		t.Fatal(diags)
	}
	lists := len(env.Requests("GET", "/Accounts/"+*sub.Sid+"/IncomingPhoneNumbers.json"))
	diags := destroy(NewSubaccountResource(), map[string]any{"sid": *sub.Sid, "skip_destroy": false,
		"release_numbers_on_close": true})
	if diags.HasError() || len(diags.Warnings()) != 1 {
		t.Fatalf("want the close to succeed with one warning, got %v", diags)
	}
	text := diags.Warnings()[0].Summary() + " " + diags.Warnings()[0].Detail()
	for _, w := range []string{"released numbers kept with skip_destroy", *sub.Sid, *number.Sid} {
		if !strings.Contains(text, w) {
			t.Errorf("the warning does not say %q: %s", w, text)
		}
	}
	if n := len(env.Requests("GET", "/Accounts/"+*sub.Sid+"/IncomingPhoneNumbers.json")) - lists; n != 0 {
		t.Errorf("the close listed the subaccount's numbers %d times; with release_numbers_on_close it names them from memory", n)
	}
	if acct, err := client.FindAccount(ctx, *sub.Sid); err != nil || deref(acct.Status) != twilioclient.AccountStatusClosed {
		t.Errorf("the subaccount was not closed: %v", err)
	}
}
