package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ function.Function = (*parseSIDFunction)(nil)

// NewParseSIDFunction is provider::twilio::parse_sid. It calls nothing.
func NewParseSIDFunction() function.Function { return &parseSIDFunction{} }

type parseSIDFunction struct{}

// sidKinds maps a SID's two-letter prefix to what it identifies, from the `^XX[0-9a-fA-F]{32}$` patterns
// of the `sid` properties in Twilio's OpenAPI descriptions (twilio-oai: api_v2010, iam_v1, accounts_v1,
// studio_v2, serverless_v1, numbers_v2, voice_v1).
// NOTE: Serverless uses ZH for both functions and assets, and ZN for both of their versions; PN is an
// incoming number and also a verified outgoing caller ID; a prefix cannot tell them apart.
// TODO(issue 24): move to internal/sid once it lands on main.
var sidKinds = map[string]string{
	"AC": "account",
	"AD": "address",
	"AL": "sip_ip_access_control_list",
	"AP": "application",
	"BU": "bundle",
	"BV": "bundle_item_assignment",
	"BY": "byoc_trunk",
	"CA": "call",
	"CF": "conference",
	"CL": "sip_credential_list",
	"CN": "connect_app",
	"CR": "credential",
	"EL": "bundle_evaluation",
	"FN": "flow_execution",
	"FT": "flow_execution_step",
	"FW": "flow",
	"HR": "hosted_number_order",
	"IP": "sip_ip_address",
	"IT": "end_user",
	"ME": "media",
	"NO": "notification",
	"NY": "connection_policy",
	"PN": "incoming_number",
	"PX": "authorization_document",
	"QU": "queue",
	"RD": "supporting_document",
	"RE": "recording",
	"RN": "regulation",
	"SC": "short_code",
	"SD": "sip_domain",
	"SK": "api_key",
	"TR": "transcription",
	"UT": "usage_trigger",
	"ZB": "build",
	"ZD": "deployment",
	"ZE": "environment",
	"ZH": "function_or_asset",
	"ZN": "function_or_asset_version",
	"ZS": "service",
	"ZV": "variable",
}

// sidPatternAny is Twilio's SID shape: two upper-case letters and 32 hexadecimal digits of either case.
var sidPatternAny = regexp.MustCompile(`^[A-Z]{2}[0-9a-fA-F]{32}$`)

var parseSIDReturnTypes = map[string]attr.Type{
	"sid":    types.StringType,
	"prefix": types.StringType,
	"kind":   types.StringType,
}

func (f *parseSIDFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "parse_sid"
}

func (f *parseSIDFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Tell what a Twilio SID identifies",
		MarkdownDescription: "Returns an object with the `sid`, its two-letter `prefix` and its `kind` (`account`, " +
			"`api_key`, `application`, `incoming_number`, `flow`, `service`, `environment`, `build`, `deployment`, " +
			"`function_or_asset`, `variable`, `address`, `bundle`, `usage_trigger`, …), or fails saying what is wrong. " +
			"A SID is two upper-case letters and 32 hexadecimal digits; the kinds come from the SID patterns of " +
			"Twilio's OpenAPI descriptions. Serverless functions and assets share the `ZH` prefix, so their kind is " +
			"`function_or_asset`. Nothing is looked up: a well-formed SID may not exist.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "sid",
				MarkdownDescription: "The SID, such as `ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`.",
			},
		},
		Return: function.ObjectReturn{AttributeTypes: parseSIDReturnTypes},
	}
}

func (f *parseSIDFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var s string
	resp.Error = req.Arguments.Get(ctx, &s)
	if resp.Error != nil {
		return
	}
	kind, err := parseSID(s)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, "Invalid Twilio SID: "+err.Error())
		return
	}
	obj, diags := types.ObjectValue(parseSIDReturnTypes, map[string]attr.Value{
		"sid": types.StringValue(s), "prefix": types.StringValue(s[:2]), "kind": types.StringValue(kind),
	})
	if diags.HasError() {
		resp.Error = function.FuncErrorFromDiags(ctx, diags)
		return
	}
	resp.Error = resp.Result.Set(ctx, obj)
}

// parseSID returns the kind of a SID or says what is wrong with it, without echoing more than its prefix
// (a SID is not a secret, but a mistyped auth token pasted here would be).
func parseSID(s string) (string, error) {
	switch {
	case s == "":
		return "", fmt.Errorf("the SID is empty")
	case strings.TrimSpace(s) != s:
		return "", fmt.Errorf("the SID has leading or trailing whitespace")
	case len(s) != 34:
		return "", fmt.Errorf("a SID is 34 characters (two letters and 32 hexadecimal digits), this one has %d", len(s))
	case !sidPatternAny.MatchString(s):
		if p := s[:2]; strings.ToUpper(p) != p || strings.Trim(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return "", fmt.Errorf("a SID starts with two upper-case letters, this one starts with %q", p)
		}
		return "", fmt.Errorf("after its prefix %s a SID has 32 hexadecimal digits (0-9, a-f), this one has other characters", s[:2])
	}
	kind, ok := sidKinds[s[:2]]
	if !ok {
		return "", fmt.Errorf("the prefix %s is not one this provider knows (such as AC for an account, SK for an API key, PN for a phone number)", s[:2])
	}
	return kind, nil
}
