package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
)

// TestSchemas_actionsAndFunctionsDescribed extends the schema check to actions and functions: every
// attribute and parameter has a MarkdownDescription, and no action takes a secret.
func TestSchemas_actionsAndFunctionsDescribed(t *testing.T) {
	ctx := context.Background()
	p := New("test")().(provider.ProviderWithActions)
	for _, f := range p.Actions(ctx) {
		a := f()
		var md action.MetadataResponse
		a.Metadata(ctx, action.MetadataRequest{ProviderTypeName: "twilio"}, &md)
		var sr action.SchemaResponse
		a.Schema(ctx, action.SchemaRequest{}, &sr)
		if sr.Schema.MarkdownDescription == "" {
			t.Errorf("%s has no MarkdownDescription", md.TypeName)
		}
		for name, attr := range sr.Schema.Attributes {
			if attr.GetMarkdownDescription() == "" {
				t.Errorf("%s.%s has no MarkdownDescription", md.TypeName, name)
			}
			if secretName.MatchString(name) {
				t.Errorf("%s.%s takes a secret: actions must read secrets from Twilio, not configuration", md.TypeName, name)
			}
		}
	}
	for _, f := range p.(provider.ProviderWithFunctions).Functions(ctx) {
		fn := f()
		var md function.MetadataResponse
		fn.Metadata(ctx, function.MetadataRequest{}, &md)
		var dr function.DefinitionResponse
		fn.Definition(ctx, function.DefinitionRequest{}, &dr)
		if dr.Definition.Summary == "" || dr.Definition.MarkdownDescription == "" {
			t.Errorf("function %s has no summary or description", md.Name)
		}
		for _, param := range dr.Definition.Parameters {
			if param.GetMarkdownDescription() == "" {
				t.Errorf("function %s: parameter %s has no MarkdownDescription", md.Name, param.GetName())
			}
		}
	}
}
