package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var (
	_ list.ListResourceWithConfigure        = (*usageTriggerListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*usageTriggerListResource)(nil)
)

// NewUsageTriggerListResource is the factory for the twilio_usage_trigger list resource.
func NewUsageTriggerListResource() list.ListResource { return &usageTriggerListResource{} }

type usageTriggerListResource struct{ usageTriggerResource }

func (r *usageTriggerListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists usage triggers (spend and usage alerts): one request per account searched (per " +
			"1,000 triggers); names are filtered locally.",
		Attributes: listScopeAttributes("usage triggers"),
	}
}

func (r *usageTriggerListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return listScopeValidators()
}

func (r *usageTriggerListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, "usage triggers", func(e *listEmitter, account string) error {
		triggers, err := client.ListUsageTriggers(ctx, account, "")
		if err != nil {
			return err
		}
		emitAccountObjects(ctx, req, e, account, triggers, func(tr *twilioclient.UsageTrigger) listed {
			name := deref(tr.FriendlyName)
			return listed{display: name, sid: deref(tr.Sid), skip: !scope.nameMatches(name)}
		}, func(tr *twilioclient.UsageTrigger) (any, diag.Diagnostics) {
			m := usageTriggerModel{Timeouts: nullTimeouts()}
			flattenUsageTrigger(tr, &m)
			return m, nil
		})
		return nil
	})
}
