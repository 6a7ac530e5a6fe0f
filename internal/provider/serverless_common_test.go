package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// The string import IDs of nested Serverless objects: the path's SIDs, optionally after the account.
func TestServerlessImportID(t *testing.T) {
	const (
		ac = "AC0123456789abcdef0123456789abcdef"
		zs = "ZS0123456789abcdef0123456789abcdef"
		ze = "ZE0123456789abcdef0123456789abcdef"
		zv = "ZV0123456789abcdef0123456789abcdef"
	)
	for _, tc := range []struct {
		name    string
		levels  []serverlessPath
		id      string
		account string
		sids    string // joined by "/"; "" when the ID must be refused
	}{
		{"service", serverlessServiceLevels, zs, "", zs},
		{"service with account", serverlessServiceLevels, ac + "/" + zs, ac, zs},
		{"environment", serverlessEnvironmentLevels, zs + "/" + ze, "", zs + "/" + ze},
		{"environment with account", serverlessEnvironmentLevels, ac + "/" + zs + "/" + ze, ac, zs + "/" + ze},
		{"variable", serverlessVariableLevels, zs + "/" + ze + "/" + zv, "", zs + "/" + ze + "/" + zv},
		{"variable with account", serverlessVariableLevels, ac + "/" + zs + "/" + ze + "/" + zv, ac, zs + "/" + ze + "/" + zv},
		{"environment without its service", serverlessEnvironmentLevels, ze, "", ""},
		{"environment levels swapped", serverlessEnvironmentLevels, ze + "/" + zs, "", ""},
		{"service SID where the account goes", serverlessEnvironmentLevels, zs + "/" + zs + "/" + ze, "", ""},
		{"account last", serverlessServiceLevels, zs + "/" + ac, "", ""},
		{"too many parts", serverlessServiceLevels, ac + "/" + zs + "/" + zs, "", ""},
		{"empty", serverlessServiceLevels, "", "", ""},
		{"short SID", serverlessServiceLevels, "ZS0123", "", ""},
		{"trailing slash", serverlessServiceLevels, zs + "/", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			account, sids, ok := serverlessImportID(context.Background(), resource.ImportStateRequest{ID: tc.id}, tc.levels, &diags)
			if tc.sids == "" {
				if ok || !diags.HasError() {
					t.Fatalf("%q accepted as account %q, SIDs %v", tc.id, account, sids)
				}
				if !strings.Contains(diags[0].Detail(), "Expected ") {
					t.Errorf("the error does not show the expected form: %s", diags[0].Detail())
				}
				return
			}
			if !ok || diags.HasError() {
				t.Fatalf("%q refused: %v", tc.id, diags)
			}
			if account != tc.account || strings.Join(sids, "/") != tc.sids {
				t.Errorf("%q parsed as account %q, SIDs %v; want %q, %s", tc.id, account, sids, tc.account, tc.sids)
			}
		})
	}
}
