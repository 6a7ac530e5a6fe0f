package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Only the statuses that are surely not approved are refused at plan time; provisionally-approved is left
// to Twilio (assumption provisional-bundle), so the plan never blocks a purchase Twilio would allow.
func TestBundleStatusUsable(t *testing.T) {
	t.Parallel()
	for status, want := range map[string]bool{
		"draft": false, "pending-review": false, "in-review": false, "twilio-rejected": false,
		"twilio-approved": true, "provisionally-approved": true,
	} {
		if got := bundleUsable(status); got != want {
			t.Errorf("bundleUsable(%q) = %t, want %t", status, got, want)
		}
	}
}

// The country check tells only what the configuration shows: a number's calling code, or the country of
// a purchase by area code; an unknown calling code is not guessed.
func TestCheckBundleFitsNumber(t *testing.T) {
	t.Parallel()
	gbLocal := &twilioclient.Bundle{SID: "BU1", Status: "twilio-approved", IsoCountry: "GB", NumberType: "local"}
	gbMobile := &twilioclient.Bundle{SID: "BU2", Status: "twilio-approved", IsoCountry: "GB", NumberType: "mobile"}
	null := types.StringNull()
	for _, tc := range []struct {
		name                 string
		b                    *twilioclient.Bundle
		phone, area, country types.String
		want                 string
	}{
		{"UK number", gbLocal, types.StringValue("+442079460100"), null, null, ""},
		{"US number", gbLocal, types.StringValue("+14155550100"), null, null, "another country"},
		{"Caribbean number", gbLocal, types.StringValue("+12685550100"), null, null, "another country"},
		{"unknown calling code", gbLocal, types.StringValue("+9995550100"), null, null, ""},
		{"GB area code", gbLocal, null, types.StringValue("20"), types.StringValue("GB"), ""},
		{"area code defaults to US", gbLocal, null, types.StringValue("415"), null, "another country"},
		{"mobile bundle for an area code", gbMobile, null, types.StringValue("20"), types.StringValue("GB"), "another number type"},
		{"unknown phone", gbLocal, types.StringUnknown(), null, null, ""},
		{"no regulation", &twilioclient.Bundle{SID: "BU3", Status: "twilio-approved"}, types.StringValue("+14155550100"), null, null, ""},
		{"rejected", &twilioclient.Bundle{SID: "BU4", Status: "twilio-rejected"}, null, null, null, "not approved"},
	} {
		var diags diag.Diagnostics
		checkBundleFitsNumber(tc.b, tc.phone, tc.area, tc.country, &diags)
		got := ""
		if diags.HasError() {
			got = diags.Errors()[0].Summary()
		}
		if tc.want == "" && got != "" || tc.want != "" && !containsFold(got, tc.want) {
			t.Errorf("%s: got %q, want an error containing %q", tc.name, got, tc.want)
		}
	}
}

func containsFold(s, sub string) bool {
	return sub != "" && strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// A move that drops the bundle is refused for a regulated (non +1) number, and let through for a US or
// Canadian number that carried a bundle it does not need.
func TestCheckMoveKeepsBundle(t *testing.T) {
	t.Parallel()
	s := types.StringValue
	from, to, bu := s("AC"+strings.Repeat("1", 32)), s("AC"+strings.Repeat("2", 32)), s("BU"+strings.Repeat("3", 32))
	for _, tt := range []struct {
		name           string
		phone, bundle  types.String
		account, stBun types.String
		refused        bool
	}{
		{"GB number moved without a bundle", s("+442079460123"), types.StringNull(), to, bu, true},
		{"GB number moved with the new account's bundle", s("+442079460123"), s("BU" + strings.Repeat("4", 32)), to, bu, false},
		{"GB number staying", s("+442079460123"), types.StringNull(), from, bu, false},
		{"GB number that had no bundle", s("+442079460123"), types.StringNull(), to, s(""), false},
		{"US number with an optional bundle", s("+14155550100"), types.StringNull(), to, bu, false},
	} {
		var diags diag.Diagnostics
		checkMoveKeepsBundle(tt.phone, tt.bundle, tt.account, tt.stBun, from, &diags)
		if diags.HasError() != tt.refused {
			t.Errorf("%s: refused = %v, want %v (%v)", tt.name, diags.HasError(), tt.refused, diags)
		}
	}
}
