package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// A list block that searches all_subaccounts for generated configuration (include_resource) warns first
// that it also finds what other configurations manage; a plain listing or a selection does not.
func TestListStream_allSubaccountsWarns(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	client := env.Client(t)
	warnings := func(scope listScopeModel, include bool) []string {
		var out []string
		seq := listStream(context.Background(), list.ListRequest{IncludeResource: include}, client, scope, "keys",
			func(*listEmitter, string) error { return nil })
		for r := range seq {
			for _, d := range r.Diagnostics {
				out = append(out, d.Summary()+": "+d.Detail())
			}
		}
		return out
	}
	all := listScopeModel{AllSubaccounts: types.BoolValue(true)}
	if got := warnings(all, true); len(got) != 1 || !strings.Contains(got[0], "subaccount_name_prefix or subaccount_sids") {
		t.Errorf("all_subaccounts with include_resource: want one warning naming the selectors, got %q", got)
	}
	if got := warnings(all, false); len(got) != 0 {
		t.Errorf("all_subaccounts without include_resource generates nothing: want no warning, got %q", got)
	}
	if got := warnings(listScopeModel{SubaccountNamePrefix: types.StringValue("acme-")}, true); len(got) != 0 {
		t.Errorf("a selection: want no warning, got %q", got)
	}
}
