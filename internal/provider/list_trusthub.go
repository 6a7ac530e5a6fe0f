package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// NewTrustHubEndUserListResource is the factory for the twilio_trusthub_end_user list resource.
func NewTrustHubEndUserListResource() list.ListResource {
	return trustEntityList(newTrustEndUserResource())
}

// NewTrustHubSupportingDocumentListResource is the factory for the twilio_trusthub_supporting_document
// list resource.
func NewTrustHubSupportingDocumentListResource() list.ListResource {
	return trustEntityList(newTrustDocumentResource())
}

// trustEntityList lists the entities of r's kind, as r would import them.
func trustEntityList[M accountObjectModel, P trustEntityModel[M]](r *trustEntityResource[M, P]) list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: r.entity.name},
		description: fmt.Sprintf("Lists %ss: one request per account searched (per 1,000), with the account's "+
			"own credentials, as Trust Hub requires. The name filters match `friendly_name`.", r.entity.what),
		scope: r.entity.what + "s",
		each: accountObjects(func(c *twilioclient.Client, ctx context.Context, account string) ([]twilioclient.TrustEntity, error) {
			return c.ListTrustEntities(ctx, r.entity.kind, account)
		}, func(x *twilioclient.TrustEntity) listed {
			return listed{name: x.FriendlyName, display: x.FriendlyName + " (" + x.Type + ")", sid: x.Sid}
		}, func(ctx context.Context, _ *twilioclient.Client, _ string, x *twilioclient.TrustEntity) (any, diag.Diagnostics) {
			return trustEntityListed(ctx, r, x)
		}),
	}
}

// NewTrustHubCustomerProfileListResource is the factory for the twilio_trusthub_customer_profile list
// resource.
func NewTrustHubCustomerProfileListResource() list.ListResource {
	return trustBundleList(trustCustomerProfileKind)
}

// NewTrustHubTrustProductListResource is the factory for the twilio_trusthub_trust_product list resource.
func NewTrustHubTrustProductListResource() list.ListResource {
	return trustBundleList(trustProductKind)
}

// trustBundleList lists the bundles of one kind, each with its assignments and latest evaluation, as import
// would read them.
func trustBundleList(kind trustBundleKind) list.ListResource {
	r := newTrustBundleResource(kind)
	return &scopedList[listScopeModel]{
		resourceBase: r.resourceBase,
		description: fmt.Sprintf("Lists %ss: one request per account searched (per 1,000), with the account's "+
			"own credentials, as Trust Hub requires; with `include_resource`, two more per %s (its entity "+
			"assignments and evaluations), which import would read too. The name filters match `friendly_name`.",
			kind.what, kind.what),
		scope: kind.what + "s",
		each: accountObjects(func(c *twilioclient.Client, ctx context.Context, account string) ([]twilioclient.TrustBundle, error) {
			return c.ListTrustBundles(ctx, kind.kind, account)
		}, func(b *twilioclient.TrustBundle) listed {
			return listed{name: b.FriendlyName, display: b.FriendlyName + " (" + b.Status + ")", sid: b.Sid}
		}, func(ctx context.Context, client *twilioclient.Client, _ string, b *twilioclient.TrustBundle) (any, diag.Diagnostics) {
			return r.listed(ctx, client, b)
		}),
	}
}
