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
	_ list.ListResourceWithConfigure        = (*tollfreeVerificationListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*tollfreeVerificationListResource)(nil)
)

// NewTollfreeVerificationListResource is the factory for the twilio_tollfree_verification list resource.
func NewTollfreeVerificationListResource() list.ListResource {
	return &tollfreeVerificationListResource{tollfreeVerificationResource{resourceBase: resourceBase{name: "tollfree_verification"}}}
}

type tollfreeVerificationListResource struct{ tollfreeVerificationResource }

func (r *tollfreeVerificationListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists toll-free verifications, to adopt those submitted in the Console: one request per " +
			"account searched (per 1,000 verifications). `friendly_name` and `friendly_name_prefix` match the business name.",
		Attributes: listScopeAttributes("toll-free verifications"),
	}
}

func (r *tollfreeVerificationListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return listScopeValidators()
}

func (r *tollfreeVerificationListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, "toll-free verifications", func(e *listEmitter, account string) error {
		all, err := client.ListTollfreeVerifications(ctx, account, "")
		if err != nil {
			return err
		}
		emitAccountObjects(ctx, req, e, account, all, func(v *twilioclient.TollfreeVerification) listed {
			name := deref(v.BusinessName)
			return listed{display: fmt.Sprintf("%s, %s", name, deref(v.Status)), sid: deref(v.Sid), skip: !scope.nameMatches(name)}
		}, func(v *twilioclient.TollfreeVerification) (any, diag.Diagnostics) {
			m := tollfreeVerificationModel{Timeouts: nullTimeouts()}
			return m, flattenTollfreeVerification(ctx, v, &m)
		})
		return nil
	})
}
