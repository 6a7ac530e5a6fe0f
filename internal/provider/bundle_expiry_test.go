package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// A bundle's expiry is warned about from 30 days before its valid_until; past it the number's plan is
// refused at bundle_sid, even while Twilio still says twilio-approved. A bundle without valid_until, or
// one Twilio has rejected already (the status check refuses it), gets no expiry diagnostic.
func TestCheckBundleNotExpired(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	at := func(d time.Duration) *time.Time { v := now.Add(d); return &v }
	for _, tt := range []struct {
		name       string
		status     string
		validUntil *time.Time
		want       string // "" none, "warning: …" or "error: …"
	}{
		{"no end", twilioclient.BundleStatusApproved, nil, ""},
		{"in 40 days", twilioclient.BundleStatusApproved, at(40 * 24 * time.Hour), ""},
		{"in 30 days", twilioclient.BundleStatusApproved, at(30 * 24 * time.Hour), "warning: expires soon (in 30 days)"},
		{"in 10 days", twilioclient.BundleStatusApproved, at(10*24*time.Hour - time.Hour), "warning: expires soon (in 10 days)"},
		{"past, still approved", twilioclient.BundleStatusApproved, at(-time.Minute), "error: expired Nothing was bought"},
		{"past, rejected", twilioclient.BundleStatusRejected, at(-time.Minute), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := &twilioclient.Bundle{SID: "BU" + strings.Repeat("0", 32), FriendlyName: "uk", Status: tt.status, ValidUntil: tt.validUntil}
			var diags diag.Diagnostics
			ok := checkBundleNotExpired(b, now, &diags)
			got := ""
			for _, d := range diags {
				kind := "warning"
				if d.Severity() == diag.SeverityError {
					kind = "error"
				}
				got = fmt.Sprintf("%s: %s %s", kind, d.Summary(), d.Detail())
				if ad, isAttr := d.(diag.DiagnosticWithPath); !isAttr || !ad.Path().Equal(path.Root("bundle_sid")) {
					t.Errorf("diagnostic not at bundle_sid: %v", d)
				}
			}
			if len(diags) > 1 || ok == strings.HasPrefix(tt.want, "error") {
				t.Fatalf("ok %v with %d diagnostics (%s)", ok, len(diags), got)
			}
			for _, w := range strings.Split(strings.TrimSpace(tt.want), " ") {
				if w == "" {
					continue
				}
				if !strings.Contains(got, strings.Trim(w, "()")) {
					t.Errorf("diagnostic %q lacks %q", got, w)
				}
			}
			if tt.want == "" && got != "" {
				t.Errorf("unexpected diagnostic %s", got)
			}
		})
	}
}

// The data source warns about a bundle that expires within 30 days, and not about one that expires later.
func TestRegulatoryBundleDataSource_expiryWarning(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	d := newRegulatoryBundleDataSource()
	d.data = &providerData{client: env.Client(t)}
	var schemaResp datasource.SchemaResponse
	d.Schema(ctx, datasource.SchemaRequest{}, &schemaResp)
	typ := schemaResp.Schema.Type().TerraformType(ctx)
	for _, tt := range []struct {
		in   time.Duration
		want string
	}{
		{10 * 24 * time.Hour, "Regulatory bundle expires soon"},
		{40 * 24 * time.Hour, ""},
	} {
		o := testAccUKBundle("", "")
		o.ValidUntil = time.Now().Add(tt.in)
		sid := env.Bundle(t, o)
		raw := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(typ, nil)}
		if diags := raw.SetAttribute(ctx, path.Root("sid"), types.StringValue(sid)); diags.HasError() {
			t.Fatal(diags)
		}
		cfg := tfsdk.Config{Schema: schemaResp.Schema, Raw: raw.Raw}
		resp := &datasource.ReadResponse{State: tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(typ, nil)}}
		d.Read(ctx, datasource.ReadRequest{Config: cfg}, resp)
		var got []string
		for _, dg := range resp.Diagnostics {
			got = append(got, dg.Summary())
		}
		if want := tt.want; fmt.Sprint(got) != fmt.Sprint(map[bool][]string{true: nil, false: {want}}[want == ""]) {
			t.Errorf("valid for %s: diagnostics %v, want %q", tt.in, got, want)
		}
	}
}

// A UK number under a bundle past its valid_until buys nothing: when Twilio has rejected the bundle (the
// emulator's default) the status check refuses it, and when Twilio still reports it approved the expiry
// check does; both at plan time, before any purchase.
func TestAccIncomingNumber_bundleExpired(t *testing.T) {
	t.Parallel()
	acctest.UnderBothOutcomes(t, emulator.AltBundleExpiryLate, "rejectionLate", func(t *testing.T, env *acctest.Env, late bool) {
		o := testAccUKBundle("", "")
		o.ValidUntil = time.Now().Add(-time.Hour)
		bundle := env.Bundle(t, o)
		want := errorParts("bundle_sid", "is twilio-rejected", "Nothing was bought")
		if late {
			want = errorParts("Regulatory bundle expired", "bundle_sid", "was valid until", "Nothing was bought")
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{{
				Config:      env.Config(testAccIncomingNumberConfig(fmt.Sprintf("phone_number = %q\n  bundle_sid = %q", testAccUKNumber, bundle))),
				ExpectError: want,
			}},
		})
		testAccCheckNoPurchase(t, env, 0)
	})
}
