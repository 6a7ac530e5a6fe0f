package provider

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// secretName matches attribute names that hold credentials or tokens. A new attribute with such a name
// that is not Sensitive would print a secret in plan output, so this test fails instead.
var secretName = regexp.MustCompile(`(^|_)(auth_token|secret|token|password|private_key|api_key_secret)$`)

// schemaAttribute is what the resource, data source, ephemeral and provider attribute types share.
type schemaAttribute interface {
	IsSensitive() bool
	GetMarkdownDescription() string
	GetDescription() string
}

// TestSchemas_secretsAreSensitiveAndEverythingIsDescribed walks every schema the provider serves.
func TestSchemas_secretsAreSensitiveAndEverythingIsDescribed(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	check := func(owner string, attrs map[string]schemaAttribute) {
		if len(attrs) == 0 {
			t.Errorf("%s: no attributes", owner)
		}
		for name, a := range attrs {
			if secretName.MatchString(name) && !a.IsSensitive() {
				t.Errorf("%s.%s holds a secret but is not Sensitive", owner, name)
			}
			// NOTE: the timeouts block's attributes come from terraform-plugin-framework-timeouts with a
			// plain Description; tfplugindocs uses it when there is no MarkdownDescription.
			if a.GetMarkdownDescription() == "" && a.GetDescription() == "" {
				t.Errorf("%s.%s has no MarkdownDescription", owner, name)
			}
		}
	}

	var ps provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &ps)
	provAttrs := map[string]schemaAttribute{}
	for n, a := range ps.Schema.Attributes {
		provAttrs[n] = a
	}
	check("provider", provAttrs)

	count := 0
	for _, f := range p.Resources(ctx) {
		r := f()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "twilio"}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		attrs := map[string]schemaAttribute{}
		for n, a := range sr.Schema.Attributes {
			attrs[n] = a
		}
		for bn, b := range sr.Schema.Blocks {
			for n, a := range b.GetNestedObject().GetAttributes() {
				attrs[bn+"."+n] = a
			}
		}
		check(md.TypeName, attrs)
		count++
	}
	for _, f := range p.DataSources(ctx) {
		d := f()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "twilio"}, &md)
		var sr datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &sr)
		attrs := map[string]schemaAttribute{}
		for n, a := range sr.Schema.Attributes {
			attrs[n] = a
		}
		for bn, b := range sr.Schema.Blocks {
			for n, a := range b.GetNestedObject().GetAttributes() {
				attrs[bn+"."+n] = a
			}
		}
		check("data."+md.TypeName, attrs)
		count++
	}
	pe, ok := p.(provider.ProviderWithEphemeralResources)
	if !ok {
		t.Fatal("the provider serves no ephemeral resources")
	}
	for _, f := range pe.EphemeralResources(ctx) {
		e := f()
		var md ephemeral.MetadataResponse
		e.Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "twilio"}, &md)
		var sr ephemeral.SchemaResponse
		e.Schema(ctx, ephemeral.SchemaRequest{}, &sr)
		attrs := map[string]schemaAttribute{}
		for n, a := range sr.Schema.Attributes {
			attrs[n] = a
		}
		for bn, b := range sr.Schema.Blocks {
			for n, a := range b.GetNestedObject().GetAttributes() {
				attrs[bn+"."+n] = a
			}
		}
		check("ephemeral."+md.TypeName, attrs)
		count++
	}
	if count < 2 {
		t.Fatalf("walked only %d schemas", count)
	}
	t.Logf("walked the provider schema and %d resource, data source and ephemeral schemas", count)
}

// TestSchemas_secretNamePattern proves the walker's pattern catches the names it must.
func TestSchemas_secretNamePattern(t *testing.T) {
	for name, want := range map[string]bool{
		"auth_token": true, "secret": true, "api_key_secret": true, "token": true,
		"api_key_sid": false, "sid": false, "status_callback": false, "ttl": false, "expires_at": false,
	} {
		if got := secretName.MatchString(name); got != want {
			t.Errorf("secretName(%q) = %v, want %v", name, got, want)
		}
	}
}
