package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var (
	_ list.ListResourceWithConfigure        = (*addressListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*addressListResource)(nil)
)

// NewAddressListResource is the factory for the twilio_address list resource.
func NewAddressListResource() list.ListResource {
	return &addressListResource{addressResource{resourceBase: resourceBase{name: "address"}}}
}

type addressListResource struct{ addressResource }

func (r *addressListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists addresses: one request per account searched (per 1,000 addresses). The name " +
			"filters match the address's `friendly_name`.",
		Attributes: listScopeAttributes("addresses"),
	}
}

func (r *addressListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return listScopeValidators()
}

func (r *addressListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, "addresses", func(e *listEmitter, account string) error {
		addresses, err := client.ListAddresses(ctx, account, "")
		if err != nil {
			return err
		}
		emitAccountObjects(ctx, req, e, account, addresses, func(a *twilioclient.Address) listed {
			return listed{display: deref(a.CustomerName) + ", " + deref(a.City), sid: deref(a.Sid),
				skip: !scope.nameMatches(optionalString(a.FriendlyName).ValueString())}
		}, func(a *twilioclient.Address) (any, diag.Diagnostics) {
			m := addressModel{AutoCorrectAddress: types.BoolValue(false), Timeouts: nullTimeouts()}
			flattenAddress(a, &m)
			return m, nil
		})
		return nil
	})
}
