package twilioregion_test

import (
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

func TestResolveAndHost(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		region, edge string
		wantHost     string // of the api product
		wantErr      string
	}{
		{"", "", "api.twilio.com", ""},
		{"us1", "", "api.ashburn.us1.twilio.com", ""},
		{"ie1", "", "api.dublin.ie1.twilio.com", ""},
		{"au1", "", "api.sydney.au1.twilio.com", ""},
		{"ie1", "frankfurt", "api.frankfurt.ie1.twilio.com", ""},
		{"", "dublin", "api.dublin.us1.twilio.com", ""},
		{"", "roaming", "api.roaming.us1.twilio.com", ""},
		{"jp1", "", "", `"jp1" is a retired edge ID`},
		{"us2", "", "", `"umatilla" edge`},
		{"eu1", "", "", "not a Twilio processing region; choose one of au1, ie1, us1"},
		{"IE1", "", "", "not a Twilio processing region"},
		{"ie1", "paris", "", `edge "paris" is not a Twilio edge location`},
		{"", "ie1", "", `"ie1" is a region; its edge is "dublin"`},
		{"", "sg1", "", `the legacy ID "sg1" is now the edge "singapore"`},
	} {
		region, edge, err := twilioregion.Resolve(tc.region, tc.edge)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Resolve(%q, %q) error = %v, want one containing %q", tc.region, tc.edge, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("Resolve(%q, %q): %v", tc.region, tc.edge, err)
			continue
		}
		host := twilioregion.Host("api", region, edge)
		if host != tc.wantHost {
			t.Errorf("Resolve(%q, %q) builds %s, want %s", tc.region, tc.edge, host, tc.wantHost)
		}
		// Every host built must be one Twilio serves and route to the region asked for.
		product, gotRegion, ok, retired := twilioregion.ParseHost(host)
		wantRegion := region
		if wantRegion == "" {
			wantRegion = twilioregion.Default
		}
		if !ok || retired || product != "api" || gotRegion != wantRegion {
			t.Errorf("ParseHost(%s) = %q, %q, ok %v, retired %v; want api in %s", host, product, gotRegion, ok, retired, wantRegion)
		}
	}
}

func TestParseHost(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		host            string
		product, region string
		ok, retired     bool
	}{
		{"api.twilio.com", "api", "us1", true, false},
		{"STUDIO.twilio.com", "studio", "us1", true, false},
		{"api.us1.twilio.com", "api", "us1", true, false},
		{"api.dublin.ie1.twilio.com", "api", "ie1", true, false},
		{"iam.sydney.au1.twilio.com", "iam", "au1", true, false},
		// The patterns Twilio retired on 2026-04-28.
		{"api.ie1.twilio.com", "api", "", true, true},
		{"api.jp1.twilio.com", "api", "", true, true},
		// Not Twilio, or not a host Twilio has.
		{"127.0.0.1", "", "", false, false},
		{"api.twilio.com.evil.example", "", "", false, false},
		{"api.paris.ie1.twilio.com", "", "", false, false},
		{"api.dublin.jp1.twilio.com", "", "", false, false},
		{"twilio.com", "", "", false, false},
	} {
		product, region, ok, retired := twilioregion.ParseHost(tc.host)
		if product != tc.product || region != tc.region || ok != tc.ok || retired != tc.retired {
			t.Errorf("ParseHost(%q) = %q, %q, %v, %v; want %q, %q, %v, %v", tc.host, product, region, ok, retired,
				tc.product, tc.region, tc.ok, tc.retired)
		}
	}
}

// TestProductAvailability: Functions and Assets in us1 and ie1, not au1; Studio in us1 and ie1 (public
// beta), not au1; the core API everywhere.
func TestProductAvailability(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		product, region, wantStage string
	}{
		{twilioregion.ProductServerless, "", "GA"},
		{twilioregion.ProductServerless, "us1", "GA"},
		{twilioregion.ProductServerless, "ie1", "GA"},
		{twilioregion.ProductServerless, "au1", ""},
		{twilioregion.ProductStudio, "us1", "GA"},
		{twilioregion.ProductStudio, "ie1", "public beta"},
		{twilioregion.ProductStudio, "au1", ""},
		{"api", "au1", "GA"},
	} {
		o, ok := twilioregion.Offered(tc.product, tc.region)
		if o.Stage != tc.wantStage || ok != (tc.wantStage != "") {
			t.Errorf("Offered(%s, %s) = %+v %v, want stage %q", tc.product, tc.region, o, ok, tc.wantStage)
		}
		err := twilioregion.ProductError(tc.product, tc.region)
		if (err == nil) != ok {
			t.Errorf("ProductError(%s, %s) = %v", tc.product, tc.region, err)
		}
		if err != nil && (!strings.Contains(err.Error(), tc.region+" region") || !strings.Contains(err.Error(), "ie1, us1")) {
			t.Errorf("ProductError(%s, %s) = %q, want the region and where it is offered", tc.product, tc.region, err)
		}
	}
}

// TestInterconnectEdges: Twilio's private Interconnect edges and osaka are edges (assumption osaka-edge).
func TestInterconnectEdges(t *testing.T) {
	t.Parallel()
	for _, edge := range []string{"ashburn-ix", "san-jose-ix", "sao-paulo-ix", "london-ix", "frankfurt-ix", "singapore-ix",
		"tokyo-ix", "sydney-ix", "osaka"} {
		region, got, err := twilioregion.Resolve("", edge)
		if err != nil || region != "us1" || got != edge {
			t.Errorf("Resolve(\"\", %s) = %s %s %v", edge, region, got, err)
		}
		if p, r, ok, _ := twilioregion.ParseHost("api." + edge + ".us1.twilio.com"); !ok || p != "api" || r != "us1" {
			t.Errorf("ParseHost(api.%s.us1.twilio.com) = %s %s %v", edge, p, r, ok)
		}
	}
}
