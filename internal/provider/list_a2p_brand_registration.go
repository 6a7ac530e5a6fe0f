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
	_ list.ListResourceWithConfigure        = (*a2pBrandListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*a2pBrandListResource)(nil)
)

// NewA2PBrandRegistrationListResource is the factory for the twilio_a2p_brand_registration list resource.
func NewA2PBrandRegistrationListResource() list.ListResource {
	return &a2pBrandListResource{a2pBrandResource{resourceBase: resourceBase{name: "a2p_brand_registration"}}}
}

type a2pBrandListResource struct{ a2pBrandResource }

func (r *a2pBrandListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists A2P brand registrations, to adopt brands registered in the Console: one request per " +
			"account searched (per 1,000 brands). Brands have no name: `friendly_name` and `friendly_name_prefix` " +
			"match the customer profile SID (`BU…`) they were registered from.",
		Attributes: listScopeAttributes("brand registrations"),
	}
}

func (r *a2pBrandListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return listScopeValidators()
}

func (r *a2pBrandListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, "brand registrations", func(e *listEmitter, account string) error {
		brands, err := client.ListBrandRegistrations(ctx, account)
		if err != nil {
			return err
		}
		emitAccountObjects(ctx, req, e, account, brands, func(b *twilioclient.BrandRegistration) listed {
			profile := deref(b.CustomerProfileBundleSid)
			return listed{display: fmt.Sprintf("%s brand of %s, %s", deref(b.BrandType), profile, deref(b.Status)),
				sid: deref(b.Sid), skip: !scope.nameMatches(profile)}
		}, func(b *twilioclient.BrandRegistration) (any, diag.Diagnostics) {
			m := a2pBrandModel{Timeouts: nullTimeouts()}
			flattenA2PBrand(b, &m)
			return m, nil
		})
		return nil
	})
}
