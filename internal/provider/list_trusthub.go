package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var (
	_ list.ListResourceWithConfigure        = (*trustEntityListResource[trustEndUserModel, *trustEndUserModel])(nil)
	_ list.ListResourceWithConfigValidators = (*trustEntityListResource[trustEndUserModel, *trustEndUserModel])(nil)
	_ list.ListResourceWithConfigure        = (*trustBundleListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*trustBundleListResource)(nil)
)

// NewTrustHubEndUserListResource is the factory for the twilio_trusthub_end_user list resource.
func NewTrustHubEndUserListResource() list.ListResource {
	return &trustEntityListResource[trustEndUserModel, *trustEndUserModel]{*newTrustEndUserResource()}
}

// NewTrustHubSupportingDocumentListResource is the factory for the twilio_trusthub_supporting_document
// list resource.
func NewTrustHubSupportingDocumentListResource() list.ListResource {
	return &trustEntityListResource[trustDocumentModel, *trustDocumentModel]{*newTrustDocumentResource()}
}

type trustEntityListResource[M any, P trustEntityModel[M]] struct {
	trustEntityResource[M, P]
}

func (r *trustEntityListResource[M, P]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: fmt.Sprintf("Lists %ss: one request per account searched (per 1,000), with the account's "+
			"own credentials, as Trust Hub requires. The name filters match `friendly_name`.", r.entity.what),
		Attributes: listScopeAttributes(r.entity.what + "s"),
	}
}

func (r *trustEntityListResource[M, P]) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return listScopeValidators()
}

func (r *trustEntityListResource[M, P]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, r.entity.what+"s", func(e *listEmitter, account string) error {
		all, err := client.ListTrustEntities(ctx, r.entity.kind, account)
		if err != nil {
			return err
		}
		emitAccountObjects(ctx, req, e, account, all, func(x *twilioclient.TrustEntity) listed {
			return listed{display: x.FriendlyName + " (" + x.Type + ")", sid: x.Sid, skip: !scope.nameMatches(x.FriendlyName)}
		}, func(x *twilioclient.TrustEntity) (any, diag.Diagnostics) {
			return trustEntityListed(ctx, &r.trustEntityResource, x)
		})
		return nil
	})
}

// NewTrustHubCustomerProfileListResource is the factory for the twilio_trusthub_customer_profile list
// resource.
func NewTrustHubCustomerProfileListResource() list.ListResource {
	return &trustBundleListResource{trustBundleResource{resourceBase: resourceBase{name: trustCustomerProfileKind.name}, bundle: trustCustomerProfileKind}}
}

// NewTrustHubTrustProductListResource is the factory for the twilio_trusthub_trust_product list resource.
func NewTrustHubTrustProductListResource() list.ListResource {
	return &trustBundleListResource{trustBundleResource{resourceBase: resourceBase{name: trustProductKind.name}, bundle: trustProductKind}}
}

type trustBundleListResource struct{ trustBundleResource }

func (r *trustBundleListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: fmt.Sprintf("Lists %ss: one request per account searched (per 1,000), with the account's "+
			"own credentials, as Trust Hub requires; with `include_resource`, two more per %s (its entity "+
			"assignments and evaluations), which import would read too. The name filters match `friendly_name`.",
			r.bundle.what, r.bundle.what),
		Attributes: listScopeAttributes(r.bundle.what + "s"),
	}
}

func (r *trustBundleListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return listScopeValidators()
}

func (r *trustBundleListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, r.bundle.what+"s", func(e *listEmitter, account string) error {
		all, err := client.ListTrustBundles(ctx, r.bundle.kind, account)
		if err != nil {
			return err
		}
		emitAccountObjects(ctx, req, e, account, all, func(b *twilioclient.TrustBundle) listed {
			return listed{display: b.FriendlyName + " (" + b.Status + ")", sid: b.Sid, skip: !scope.nameMatches(b.FriendlyName)}
		}, func(b *twilioclient.TrustBundle) (any, diag.Diagnostics) {
			return r.listed(ctx, client, b)
		})
		return nil
	})
}
