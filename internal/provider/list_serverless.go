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
	_ list.ListResourceWithConfigure        = (*serverlessServiceListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*serverlessServiceListResource)(nil)
)

// NewServerlessServiceListResource is the factory for the twilio_serverless_service list resource. Services
// are what users adopt; their environments, functions and deployments are imported under a known service.
func NewServerlessServiceListResource() list.ListResource {
	return &serverlessServiceListResource{serverlessServiceResource{resourceBase: resourceBase{name: "serverless_service"}}}
}

type serverlessServiceListResource struct{ serverlessServiceResource }

func (r *serverlessServiceListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists Serverless services: one request per account searched (per 1,000 services), with " +
			"the account's own credentials, as Serverless requires. The name filters match the service's " +
			"`friendly_name`. Suspended subaccounts are skipped with a warning (Twilio refuses their credentials).",
		Attributes: listScopeAttributes("services"),
	}
}

func (r *serverlessServiceListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return listScopeValidators()
}

func (r *serverlessServiceListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, "Serverless services", func(e *listEmitter, account string) error {
		services, err := client.ListServices(ctx, account)
		if err != nil {
			return err
		}
		emitAccountObjects(ctx, req, e, account, services, func(s *twilioclient.Service) listed {
			name := deref(s.FriendlyName)
			return listed{display: name + " (" + deref(s.UniqueName) + ")", sid: deref(s.Sid), skip: !scope.nameMatches(name)}
		}, func(s *twilioclient.Service) (any, diag.Diagnostics) {
			m := serverlessServiceModel{SkipDestroy: types.BoolValue(false), Timeouts: nullTimeouts()}
			flattenServerlessService(s, &m)
			return m, nil
		})
		return nil
	})
}
