package provider

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// The matrices below each prove one guarantee for every resource; a resource left out of one is unproven
// and nothing would say so. TestMatrices_everyResource compares each matrix with the provider's own
// registration (Resources), so adding a resource fails here, without Terraform, until it joins every
// matrix or is exempted below with the reason it cannot join.

// faultExempt are the registered resources with no row in the fault matrix (faultTargets), and why.
var faultExempt = map[string]string{
	"twilio_dialing_permissions": "no object is created: inheritance and the bulk update are settings of an " +
		"existing subaccount, each call safe to repeat, so a lost answer orphans nothing and the next apply " +
		"converges (TestAccDialingPermissions_drift shows a re-apply restoring them)",
}

// readPolicyExempt are the registered resources with no row in the read-policy matrix
// (readPolicyResources), and why.
var readPolicyExempt = map[string]string{
	"twilio_dialing_permissions": "a subaccount's permissions never 404 on their own: they are gone only with " +
		"the subaccount, which Read treats through finishRead like every account-owned object " +
		"(TestAccDialingPermissions_subaccountClosed)",
}

// identityTests names, for each registered resource, the acceptance test that checks its identity after
// apply and imports it with an identity import block.
var identityTests = map[string]string{
	"twilio_subaccount":                     "TestAccResourceIdentity_tenant",
	"twilio_api_key":                        "TestAccResourceIdentity_tenant",
	"twilio_twiml_app":                      "TestAccResourceIdentity_tenant",
	"twilio_studio_flow":                    "TestAccResourceIdentity_tenant",
	"twilio_incoming_number":                "TestAccResourceIdentity_tenant",
	"twilio_address":                        "TestAccResourceIdentity_tenant",
	"twilio_serverless_service":             "TestAccServerlessService_importIdentity",
	"twilio_serverless_environment":         "TestAccServerlessEnvironment_importIdentity",
	"twilio_serverless_variable":            "TestAccServerlessVariable_import",
	"twilio_serverless_function":            "TestAccResourceIdentity_serverlessCode",
	"twilio_serverless_asset":               "TestAccResourceIdentity_serverlessCode",
	"twilio_serverless_build":               "TestAccResourceIdentity_serverlessCode",
	"twilio_serverless_deployment":          "TestAccResourceIdentity_serverlessCode",
	"twilio_bundle_clone":                   "TestAccBundleClone_identity",
	"twilio_usage_trigger":                  "TestAccUsageTrigger_identity",
	"twilio_messaging_service":              "TestAccMessagingService_identity",
	"twilio_messaging_service_phone_number": "TestAccMessagingServicePhoneNumber_identity",
	"twilio_messaging_service_alpha_sender": "TestAccMessagingServiceAlphaSender_identity",
	"twilio_messaging_service_short_code":   "TestAccMessagingServiceShortCode_identity",
	"twilio_dialing_permissions":            "TestAccDialingPermissions_identity",
	"twilio_trusthub_end_user":              "TestAccTrustHub_identity",
	"twilio_trusthub_supporting_document":   "TestAccTrustHub_identity",
	"twilio_trusthub_customer_profile":      "TestAccTrustHub_identity",
	"twilio_trusthub_trust_product":         "TestAccTrustHub_identity",
}

// identityCheck finds, in a test's source, a check of identities after apply: a plugin-testing identity
// state check or a helper building them.
var identityCheck = regexp.MustCompile(`statecheck\.ExpectIdentity|IdentityChecks\(`)

// secretsExempt are the registered resources with a sensitive or write-only attribute that the secrets
// scan (scripts/testdata/secrets/main.tf, TestAccSecretsNeverLogged) does not apply, and why.
var secretsExempt = map[string]string{}

// registeredResources are the type names of the resources the provider registers.
func registeredResources(t *testing.T) []string {
	t.Helper()
	ctx := context.Background()
	var names []string
	for _, newResource := range New("test")().Resources(ctx) {
		var resp resource.MetadataResponse
		newResource().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "twilio"}, &resp)
		names = append(names, resp.TypeName)
	}
	sort.Strings(names)
	if len(names) < 14 {
		t.Fatalf("only %d registered resources: the registration was not read", len(names))
	}
	return names
}

// checkMatrix fails for each registered resource neither in the matrix nor exempted, for each exemption
// without a reason, and for each matrix row or exemption naming no registered resource (a typo or a
// removed resource).
func checkMatrix(t *testing.T, registered []string, matrix []string, exempt map[string]string) {
	t.Helper()
	for _, name := range registered {
		in, reason := slices.Contains(matrix, name), exempt[name]
		switch {
		case in && reason != "":
			t.Errorf("%s is in the matrix and exempted from it", name)
		case !in && reason == "":
			if _, ok := exempt[name]; ok {
				t.Errorf("%s is exempted without a reason", name)
			} else {
				t.Errorf("%s is registered but missing from the matrix: add it, or exempt it with the reason", name)
			}
		}
	}
	for _, name := range matrix {
		if !slices.Contains(registered, name) {
			t.Errorf("the matrix names %s, which the provider does not register", name)
		}
	}
	for name := range exempt {
		if !slices.Contains(registered, name) {
			t.Errorf("the exemptions name %s, which the provider does not register", name)
		}
	}
}

// TestMatrices_everyResource: every registered resource is in each matrix (or exempted, with why).
func TestMatrices_everyResource(t *testing.T) {
	registered := registeredResources(t)

	t.Run("fault matrix", func(t *testing.T) {
		var rows []string
		for _, ft := range faultTargets {
			rows = append(rows, ft.name)
		}
		checkMatrix(t, registered, rows, faultExempt)
	})

	t.Run("read policy", func(t *testing.T) {
		var rows []string
		for _, rc := range readPolicyResources() {
			rows = append(rows, "twilio_"+rc.name)
		}
		checkMatrix(t, registered, rows, readPolicyExempt)
	})

	t.Run("orphan finder", func(t *testing.T) {
		var managed []string
		for name, prefix := range acctest.ManagedTypes {
			managed = append(managed, name)
			if prefix == "" {
				t.Errorf("%s has no description prefix: its duplicates would never be counted", name)
			}
		}
		checkMatrix(t, registered, managed, acctest.Untracked)
	})

	t.Run("identity", func(t *testing.T) {
		tests := testFunctions(t)
		var rows []string
		for name, test := range identityTests {
			rows = append(rows, name)
			body, ok := tests[test]
			switch {
			case !ok:
				t.Errorf("%s: the identity test %s does not exist", name, test)
			case !strings.Contains(body, "ImportBlockWithResourceIdentity") || !identityCheck.MatchString(body):
				t.Errorf("%s: %s neither checks identities nor imports by identity", name, test)
			}
		}
		checkMatrix(t, registered, rows, nil)
	})

	t.Run("secrets scan", func(t *testing.T) {
		config, err := os.ReadFile(filepath.Join("..", "..", "scripts", "testdata", "secrets", "main.tf"))
		if err != nil {
			t.Fatal(err)
		}
		scanned := regexp.MustCompile(`(?m)^resource "(twilio_\w+)"`).FindAllStringSubmatch(string(config), -1)
		var rows []string
		for _, m := range scanned {
			rows = append(rows, m[1])
		}
		withSecrets := resourcesWithSecrets(t)
		if len(withSecrets) < 3 {
			t.Fatalf("only %v have secrets: the schemas were not read", withSecrets)
		}
		for _, name := range withSecrets {
			if !slices.Contains(rows, name) && secretsExempt[name] == "" {
				t.Errorf("%s has a sensitive or write-only attribute but the secrets scan does not apply it: "+
					"add it to scripts/testdata/secrets/main.tf", name)
			}
		}
	})
}

// resourcesWithSecrets are the registered resources with a sensitive or write-only attribute.
func resourcesWithSecrets(t *testing.T) []string {
	t.Helper()
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for name, s := range schemas.ResourceSchemas {
		if blockHasSecret(s.Block) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func blockHasSecret(b *tfprotov6.SchemaBlock) bool {
	for _, a := range b.Attributes {
		if a.Sensitive || a.WriteOnly {
			return true
		}
	}
	for _, nb := range b.BlockTypes {
		if blockHasSecret(nb.Block) {
			return true
		}
	}
	return false
}

// testFunctions maps each Test function of this package's test files to its source.
func testFunctions(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && strings.HasPrefix(fn.Name.Name, "Test") {
				out[fn.Name.Name] = string(src[fset.Position(fn.Pos()).Offset:fset.Position(fn.End()).Offset])
			}
		}
	}
	return out
}
