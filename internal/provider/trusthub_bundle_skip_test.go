package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// skip_destroy keeps a Trust Hub bundle only in review or approved: a draft or a rejected one holds the
// business's personal data and no review worth keeping, so its destroy deletes it anyway (as when Terraform
// replaces one a rejection left tainted). Delete is called directly for both bundle resources, counting the
// emulator's DELETE requests (the SID names no bundle, so a delete that is sent answers 404: done).
func TestTrustBundle_skipDestroyKeepsOnlyReviewed(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	const sid = "BU0123456789abcdef0123456789abcdef"
	for _, kind := range []trustBundleKind{trustCustomerProfileKind, trustProductKind} {
		for _, c := range []struct {
			status  string
			deleted bool
		}{
			{twilioclient.TrustStatusDraft, true}, {twilioclient.TrustStatusRejected, true},
			{twilioclient.TrustStatusInReview, false}, {twilioclient.TrustStatusApproved, false},
		} {
			t.Run(kind.name+"/"+c.status, func(t *testing.T) {
				r := newTrustBundleResource(kind)
				st := directState(t, env, r, map[string]any{"sid": sid, "account_sid": env.AccountSID, "status": c.status,
					"skip_destroy": true})
				before := len(env.Requests("DELETE", sid))
				resp := &resource.DeleteResponse{State: st}
				r.Delete(ctx, resource.DeleteRequest{State: st}, resp)
				if resp.Diagnostics.HasError() {
					t.Fatalf("the destroy failed: %v", resp.Diagnostics)
				}
				n := len(env.Requests("DELETE", sid)) - before
				switch {
				case c.deleted && n != 1:
					t.Errorf("a %s bundle under skip_destroy: %d DELETE requests, want 1 (it is deleted anyway)", c.status, n)
				case !c.deleted && (n != 0 || len(resp.Diagnostics.Warnings()) != 1):
					t.Errorf("a %s bundle under skip_destroy: %d DELETE requests and %v, want none and the warning that it is kept",
						c.status, n, resp.Diagnostics)
				}
			})
		}
	}
}
