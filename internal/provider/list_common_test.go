package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
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

// What each list resource's warnings and errors call its objects ("Twilio <noun> of AC… not listed"):
// scopedList.what where a declaration sets it, its scope word where it does not.
func TestScopedList_noun(t *testing.T) {
	t.Parallel()
	want := map[string]string{
		"api_key": "API keys", "twiml_app": "TwiML applications", "incoming_number": "phone numbers",
		"studio_flow": "Studio flows", "serverless_service": "Serverless services", "address": "addresses",
		"usage_trigger": "usage triggers", "a2p_brand_registration": "brand registrations", "a2p_campaign": "campaigns",
		"tollfree_verification":          "toll-free verifications",
		"messaging_service":              "Messaging Services",
		"messaging_service_phone_number": "Messaging Services' numbers",
		"messaging_service_alpha_sender": "Messaging Services' alpha senders",
		"messaging_service_short_code":   "Messaging Services' short codes",
		"trusthub_end_user":              "Trust Hub end users",
		"trusthub_supporting_document":   "Trust Hub supporting documents",
		"trusthub_customer_profile":      "Trust Hub customer profiles",
		"trusthub_trust_product":         "Trust Hub trust products",
	}
	for _, m := range managedTypes {
		if m.list == nil {
			continue
		}
		l := m.list()
		var meta resource.MetadataResponse
		l.Metadata(context.Background(), resource.MetadataRequest{}, &meta)
		name := strings.TrimPrefix(meta.TypeName, "_")
		scoped, ok := l.(interface{ noun() string })
		if !ok {
			continue // the subaccount list searches no scope
		}
		if got := scoped.noun(); got != want[name] {
			t.Errorf("%s: the list calls its objects %q, want %q", name, got, want[name])
		}
		delete(want, name)
	}
	for name := range want {
		t.Errorf("%s: no scoped list resource of that name", name)
	}
}
