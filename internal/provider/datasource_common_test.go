package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// An attribute a data source's configuration may leave for the read to fill in (which object, which
// account, a default) is Optional and Computed: without Computed, Terraform plans it as null, so whatever
// references it before the read sees null, and the docs call it an input only.
func TestDataSources_lookupAttributesAreComputed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	want := map[string][]string{
		"twilio_account":                 {"sid"},
		"twilio_available_phone_numbers": {"type", "limit"},
		"twilio_incoming_number":         {"sid", "phone_number", "account_sid"},
		"twilio_regulatory_bundle":       {"sid", "friendly_name", "account_sid", "status"},
	}
	for _, f := range New("test")().DataSources(ctx) {
		d := f()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "twilio"}, &md)
		var sr datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &sr)
		for _, name := range want[md.TypeName] {
			a, ok := sr.Schema.Attributes[name]
			if !ok {
				t.Errorf("data.%s.%s: no such attribute", md.TypeName, name)
			} else if !a.IsOptional() || !a.IsComputed() {
				t.Errorf("data.%s.%s: want Optional and Computed, got Optional %v, Computed %v", md.TypeName, name,
					a.IsOptional(), a.IsComputed())
			}
		}
		delete(want, md.TypeName)
	}
	for name := range want {
		t.Errorf("no data source %s", name)
	}
}
