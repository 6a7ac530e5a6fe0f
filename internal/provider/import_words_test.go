package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
)

// An import of a SID that exists nowhere names the kind of object it looked for, in the words its identity
// uses. The engine takes those words from `what`, or from `noun` when they are the same, so a resource that
// sets neither (or the wrong one) fails here. Called directly: plugin-testing checks only that an error came.
func TestImport_errorsNameTheObject(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.RequireEmulator(t)
	ctx := context.Background()
	const gone = "0123456789abcdef0123456789abcdef"
	for _, c := range []struct {
		r      func() resource.Resource
		prefix string
		what   string
	}{
		{NewAPIKeyResource, "SK", "API key"},
		{NewTwimlAppResource, "AP", "TwiML application"},
		{NewStudioFlowResource, "FW", "Studio flow"},
		{NewAddressResource, "AD", "address"},
		{NewUsageTriggerResource, "UT", "usage trigger"},
		{NewA2PBrandRegistrationResource, "BN", "A2P brand registration"},
		{NewTollfreeVerificationResource, "HH", "toll-free verification"},
		{NewMessagingServiceResource, "MG", "Messaging Service"},
		{NewBundleCloneResource, "BU", "regulatory bundle"},
		{NewTrustHubEndUserResource, "IT", "Trust Hub end user"},
		{NewTrustHubSupportingDocumentResource, "RD", "Trust Hub supporting document"},
		{NewTrustHubCustomerProfileResource, "BU", "Trust Hub customer profile"},
		{NewTrustHubTrustProductResource, "BU", "Trust Hub trust product"},
	} {
		r := c.r()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "twilio"}, &md)
		t.Run(md.TypeName, func(t *testing.T) {
			sid := c.prefix + gone
			resp := &resource.ImportStateResponse{State: directState(t, env, r, nil)}
			r.(resource.ResourceWithImportState).ImportState(ctx, resource.ImportStateRequest{ID: sid}, resp)
			want := "Cannot import " + c.what + " " + sid
			if errs := resp.Diagnostics.Errors(); len(errs) != 1 || errs[0].Summary() != want {
				t.Errorf("want the one error %q, got %v", want, resp.Diagnostics)
			}
		})
	}
}
