package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// A Read's warnings name the object so that a user can find it: a bundle clone with its account (the same
// SID is a bundle of the main account too), a deployment through the environment Read asks, dialing
// permissions by their subaccount. Plugin-testing
// cannot see warnings, so Read is called here directly.
func TestRead_warningsNameTheObject(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	const gone = "0123456789abcdef0123456789abcdef"
	rejected := env.Bundle(t, testAccUKBundle(env.AccountSID, "twilio-rejected"))
	for _, c := range []struct {
		name    string
		r       resource.Resource
		attrs   map[string]string
		summary string
	}{
		{"clone gone", NewBundleCloneResource(), map[string]string{"sid": "BU" + gone},
			"Cloned Twilio regulatory bundle BU" + gone + " in account " + env.AccountSID + " is gone"},
		{"clone not approved", NewBundleCloneResource(), map[string]string{"sid": rejected},
			"Cloned Twilio regulatory bundle " + rejected + " in account " + env.AccountSID + " is not approved"},
		{"deployment gone", NewServerlessDeploymentResource(),
			map[string]string{"sid": "ZD" + gone, "service_sid": "ZS" + gone, "environment_sid": "ZE" + gone},
			"Twilio Serverless environment ZE" + gone + " of deployment ZD" + gone + " is gone"},
		// The permissions have no SID: they are named by their subaccount, here one Twilio does not know.
		{"dialing permissions gone", NewDialingPermissionsResource(), map[string]string{"account_sid": "AC" + gone},
			"Dialing permissions of AC" + gone + " is gone"},
	} {
		t.Run(c.name, func(t *testing.T) {
			attrs := map[string]any{"account_sid": env.AccountSID}
			for name, v := range c.attrs {
				attrs[name] = v
			}
			st := directState(t, env, c.r, attrs)
			resp := &resource.ReadResponse{State: st}
			c.r.Read(ctx, resource.ReadRequest{State: st}, resp)
			if resp.Diagnostics.HasError() {
				t.Fatalf("the read failed: %v", resp.Diagnostics)
			}
			if w := resp.Diagnostics.Warnings(); len(w) != 1 || w[0].Summary() != c.summary {
				t.Errorf("want the one warning %q, got %v", c.summary, resp.Diagnostics)
			}
		})
	}
}
