package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// An http:// webhook is allowed with a warning; a bad one is an error. Neither repeats the URL, which may
// carry basic-auth credentials.
func TestWebhookURLValidator(t *testing.T) {
	t.Parallel()
	const secret = "s3cretPassw0rd"
	tests := []struct {
		url      string
		severity diag.Severity // 0: no diagnostic
		summary  string
	}{
		{"https://user:" + secret + "@hooks.example.net/call", 0, ""},
		{"http://user:" + secret + "@hooks.example.net/call", diag.SeverityWarning, "Unencrypted webhook URL"},
		{"http://hooks.example.net/call", diag.SeverityWarning, "Unencrypted webhook URL"},
		{"ftp://user:" + secret + "@hooks.example.net/", diag.SeverityError, "Invalid URL"},
		{"hooks.example.net/" + secret, diag.SeverityError, "Invalid URL"},
		{"http://user:" + secret + "@[bad", diag.SeverityError, "Invalid URL"},
	}
	for _, tt := range tests {
		req := validator.StringRequest{Path: path.Root("voice_url"), ConfigValue: types.StringValue(tt.url)}
		resp := &validator.StringResponse{}
		webhookURLValidator.ValidateString(context.Background(), req, resp)
		if tt.severity == 0 {
			if len(resp.Diagnostics) != 0 {
				t.Errorf("%s: unexpected %v", tt.url, resp.Diagnostics)
			}
			continue
		}
		if len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Severity() != tt.severity || resp.Diagnostics[0].Summary() != tt.summary {
			t.Fatalf("%s: got %v, want one %v %q", tt.url, resp.Diagnostics, tt.severity, tt.summary)
		}
		if d := resp.Diagnostics[0].Detail(); strings.Contains(d, secret) || strings.Contains(d, "hooks.example.net") {
			t.Errorf("%s: the diagnostic repeats the URL: %s", tt.url, d)
		}
	}
}
