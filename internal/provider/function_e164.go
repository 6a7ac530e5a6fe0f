package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/tenantwire/terraform-provider-twilio/internal/phonenumber"
)

var _ function.Function = (*e164Function)(nil)

// NewE164Function is provider::twilio::e164. It calls nothing: the provider need not be configured.
func NewE164Function() function.Function { return &e164Function{} }

type e164Function struct{}

func (f *e164Function) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "e164"
}

func (f *e164Function) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Normalise a phone number to E.164",
		MarkdownDescription: "Returns `number` in E.164 format (`+` and at most 15 digits), the format Twilio's APIs " +
			"take, or fails saying what is wrong with it. A number starting with `+` is international; any other is " +
			"read as dialled within `default_country`, whose national prefix is dropped (the `0` of `020 7183 8750` " +
			"in `GB`, the `1` of `1 415 555 2671` in `US`). Spaces, hyphens, dots, slashes and parentheses are " +
			"ignored; letters (vanity numbers, extensions) are refused. The country calling code must be one the " +
			"ITU assigned, and a North American (`+1`) number must have a 10-digit national number with an area " +
			"code and exchange not starting with 0 or 1. Nothing is looked up: a well-formed number may still not " +
			"exist. Countries whose national prefix the provider does not know accept only international numbers.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name: "number",
				MarkdownDescription: "The phone number, international (`+44 20 7183 8750`) or national to " +
					"`default_country` (`020 7183 8750`).",
			},
			function.StringParameter{
				Name: "default_country",
				MarkdownDescription: "ISO 3166-1 alpha-2 code (`US`, `GB`, any case) of the country a number without " +
					"`+` is dialled in; `\"\"` to accept international numbers only.",
			},
		},
		Return: function.StringReturn{},
	}
}

func (f *e164Function) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var number, country string
	resp.Error = req.Arguments.Get(ctx, &number, &country)
	if resp.Error != nil {
		return
	}
	if country != "" && !phonenumber.ValidCountry(strings.ToUpper(country)) {
		resp.Error = function.NewArgumentFuncError(1, fmt.Sprintf("default_country %q is not an ISO 3166-1 "+
			"alpha-2 country code this provider knows: use a two-letter code such as US, GB or DE, or \"\" for "+
			"international numbers only", country))
		return
	}
	out, err := phonenumber.E164(number, country)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, "Invalid phone number: "+err.Error())
		return
	}
	resp.Error = resp.Result.Set(ctx, out)
}
