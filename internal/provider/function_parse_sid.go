package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

var _ function.Function = (*parseSIDFunction)(nil)

// NewParseSIDFunction is provider::twilio::parse_sid. It calls nothing.
func NewParseSIDFunction() function.Function { return &parseSIDFunction{} }

type parseSIDFunction struct{}

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
		MarkdownDescription: fmt.Sprintf("Returns an object with the `sid`, its two-letter `prefix` and its `kind` "+
			"(`account`, `api_key`, `application`, `incoming_number`, `flow`, `serverless_service`, "+
			"`serverless_environment`, `serverless_build`, `serverless_deployment`, `serverless_function_or_asset`, "+
			"`serverless_variable`, `address`, `bundle`, `usage_trigger`, …), or fails saying what is wrong. A SID is "+
			"two capital letters and %d hexadecimal digits (either case, as Twilio's OpenAPI patterns allow); the "+
			"kinds come from the SID patterns of Twilio's OpenAPI descriptions. Serverless functions and assets "+
			"share the `ZH` prefix, so their kind is `serverless_function_or_asset`. Nothing is looked up: a "+
			"well-formed SID may not exist.", sids.Digits),
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
	const length = 2 + sids.Digits
	switch {
	case s == "":
		return "", fmt.Errorf("the SID is empty")
	case strings.TrimSpace(s) != s:
		return "", fmt.Errorf("the SID has leading or trailing whitespace")
	case len(s) != length:
		return "", fmt.Errorf("a SID is %d characters (two capital letters and %d hexadecimal digits), this one has %d", length, sids.Digits, len(s))
	case !sids.Valid("", s):
		if p := s[:2]; strings.Trim(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return "", fmt.Errorf("a SID starts with two capital letters, this one starts with %q", p)
		}
		return "", fmt.Errorf("after its prefix %s a SID has %d hexadecimal digits (0-9, a-f), this one has other characters", s[:2], sids.Digits)
	}
	k, ok := sids.KindOf(s)
	if !ok {
		return "", fmt.Errorf("the prefix %s is not one this provider knows (such as AC for an account, SK for an API key, PN for a phone number)", s[:2])
	}
	return k.Name, nil
}
