package provider

import (
	"context"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// A Read that removes an object gone outside Terraform must still answer with the object's identity:
// terraform-plugin-framework fails an error-free Read that returns a null identity ("Missing Resource
// Identity After Read"), and Terraform and OpenTofu before 1.12, like any state written before identity
// existed, send none. The test calls ReadResource at the protocol level, exactly as such a client does (no
// current identity), for every resource the provider registers, on objects the emulator has never had.
// Removing the fallback to the prior state in identityAfterRead (or a resource that skips it) fails here.
func TestReadRemovalKeepsIdentity(t *testing.T) {
	t.Parallel()
	emu := emulator.New(emulator.Options{})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	accountSID, token := emu.MainAccount()

	ctx := context.Background()
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || diagsHaveError(schemas.Diagnostics) {
		t.Fatalf("GetProviderSchema: %v %v", err, schemas.Diagnostics)
	}
	identities, err := server.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil || diagsHaveError(identities.Diagnostics) {
		t.Fatalf("GetResourceIdentitySchemas: %v %v", err, identities.Diagnostics)
	}
	configure(ctx, t, server, schemas.Provider, map[string]tftypes.Value{
		"base_url":    tftypes.NewValue(tftypes.String, srv.URL),
		"account_sid": tftypes.NewValue(tftypes.String, accountSID),
		"auth_token":  tftypes.NewValue(tftypes.String, token),
		"max_retries": tftypes.NewValue(tftypes.Number, 0),
	})

	if len(schemas.ResourceSchemas) != len(identities.IdentitySchemas) {
		t.Errorf("%d resources but %d identity schemas: every resource has an identity", len(schemas.ResourceSchemas), len(identities.IdentitySchemas))
	}
	for typeName, schema := range schemas.ResourceSchemas {
		identity := identities.IdentitySchemas[typeName]
		if identity == nil {
			continue
		}
		t.Run(typeName, func(t *testing.T) {
			state := goneObjectState(t, schema, identity, accountSID)
			resp, err := server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: state})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range resp.Diagnostics {
				if d.Severity == tfprotov6.DiagnosticSeverityError {
					t.Fatalf("Read of a gone %s failed: %s: %s", typeName, d.Summary, d.Detail)
				}
			}
			newState, err := resp.NewState.Unmarshal(schemaType(schema))
			if err != nil {
				t.Fatal(err)
			}
			if !newState.IsNull() {
				t.Fatalf("Read of a gone %s kept it in the state", typeName)
			}
			if resp.NewIdentity == nil || resp.NewIdentity.IdentityData == nil {
				t.Fatalf("Read that removed %s returned no identity", typeName)
			}
			got, err := resp.NewIdentity.IdentityData.Unmarshal(identityType(identity))
			if err != nil {
				t.Fatal(err)
			}
			var attrs map[string]tftypes.Value
			if err := got.As(&attrs); err != nil {
				t.Fatal(err)
			}
			for _, a := range identity.IdentityAttributes {
				if attrs[a.Name].IsNull() {
					t.Errorf("Read that removed %s returned identity.%s null", typeName, a.Name)
				}
			}
		})
	}
}

// goneObjectState is a state of typeName for an object nobody has: identity attributes and every other
// *_sid attribute hold well-formed SIDs (the prefix from the attribute's description, `XX…`), the rest null.
func goneObjectState(t *testing.T, schema *tfprotov6.Schema, identity *tfprotov6.ResourceIdentitySchema, accountSID string) *tfprotov6.DynamicValue {
	t.Helper()
	prefixes := map[string]string{}
	for _, a := range identity.IdentityAttributes {
		prefixes[a.Name] = sidPrefixIn(a.Description)
	}
	values := map[string]tftypes.Value{}
	for _, a := range schema.Block.Attributes {
		typ := a.ValueType()
		switch {
		case a.Name == "account_sid" && len(identity.IdentityAttributes) == 1:
			// The object is the account's own setting (twilio_dialing_permissions): it is gone only with
			// an account the emulator has never had.
			values[a.Name] = tftypes.NewValue(typ, "AC"+strings.Repeat("0", 31)+"9")
		case a.Name == "account_sid":
			values[a.Name] = tftypes.NewValue(typ, accountSID)
		case strings.HasSuffix(a.Name, "sid") && typ.Is(tftypes.String):
			prefix := prefixes[a.Name]
			if prefix == "" {
				prefix = sidPrefixIn(a.Description)
			}
			if prefix == "" {
				values[a.Name] = tftypes.NewValue(typ, nil)
				continue
			}
			values[a.Name] = tftypes.NewValue(typ, prefix+strings.Repeat("0", 31)+"9")
		default:
			values[a.Name] = tftypes.NewValue(typ, nil)
		}
	}
	for _, b := range schema.Block.BlockTypes {
		values[b.TypeName] = tftypes.NewValue(b.ValueType(), nil)
	}
	dv, err := tfprotov6.NewDynamicValue(schemaType(schema), tftypes.NewValue(schemaType(schema), values))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

var sidPrefixPattern = regexp.MustCompile("`([A-Z]{2})…`")

func sidPrefixIn(description string) string {
	if m := sidPrefixPattern.FindStringSubmatch(description); m != nil {
		return m[1]
	}
	return ""
}

func schemaType(s *tfprotov6.Schema) tftypes.Type { return s.ValueType() }

func identityType(s *tfprotov6.ResourceIdentitySchema) tftypes.Type { return s.ValueType() }

func configure(ctx context.Context, t *testing.T, server tfprotov6.ProviderServer, schema *tfprotov6.Schema, set map[string]tftypes.Value) {
	t.Helper()
	values := map[string]tftypes.Value{}
	for _, a := range schema.Block.Attributes {
		if v, ok := set[a.Name]; ok {
			values[a.Name] = v
			continue
		}
		values[a.Name] = tftypes.NewValue(a.ValueType(), nil)
	}
	cfg, err := tfprotov6.NewDynamicValue(schemaType(schema), tftypes.NewValue(schemaType(schema), values))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &cfg})
	if err != nil || diagsHaveError(resp.Diagnostics) {
		t.Fatalf("ConfigureProvider: %v %v", err, resp.Diagnostics)
	}
}

func diagsHaveError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}
