package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ list.ListResourceWithConfigure        = (*addressListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*addressListResource)(nil)
)

// NewAddressListResource is the factory for the twilio_address list resource.
func NewAddressListResource() list.ListResource {
	return &addressListResource{*NewAddressResource().(*addressResource)}
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
		for i := range addresses {
			a := &addresses[i]
			name := optionalString(a.FriendlyName).ValueString()
			if !scope.nameMatches(name) {
				continue
			}
			display := fmt.Sprintf("%s, %s (%s in %s)", stringValue(a.CustomerName).ValueString(),
				stringValue(a.City).ValueString(), stringValue(a.Sid).ValueString(), account)
			e.emit(ctx, req, display,
				accountObjectIdentity{AccountSID: types.StringValue(account), SID: stringValue(a.Sid)},
				func() (any, diag.Diagnostics) {
					m := addressModel{AutoCorrectAddress: types.BoolValue(false), Timeouts: nullTimeouts()}
					flattenAddress(a, &m)
					return m, nil
				})
			if !e.more {
				return nil
			}
		}
		return nil
	})
}
