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
	_ list.ListResourceWithConfigure        = (*a2pCampaignListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*a2pCampaignListResource)(nil)
)

// NewA2PCampaignListResource is the factory for the twilio_a2p_campaign list resource.
func NewA2PCampaignListResource() list.ListResource {
	return &a2pCampaignListResource{a2pCampaignResource{resourceBase: resourceBase{name: "a2p_campaign"}}}
}

type a2pCampaignListResource struct{ a2pCampaignResource }

// a2pCampaignIdentity is a campaign's identity: its account, Messaging Service and SID.
type a2pCampaignIdentity struct {
	AccountSID          types.String `tfsdk:"account_sid"`
	MessagingServiceSID types.String `tfsdk:"messaging_service_sid"`
	SID                 types.String `tfsdk:"sid"`
}

func (r *a2pCampaignListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists US A2P campaigns, to adopt campaigns registered in the Console: one request per " +
			"account searched for its Messaging Services, and one per service for its campaign. Campaigns have no " +
			"name: `friendly_name` and `friendly_name_prefix` match their Messaging Service's name.",
		Attributes: listScopeAttributes("campaigns"),
	}
}

func (r *a2pCampaignListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return listScopeValidators()
}

func (r *a2pCampaignListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, "campaigns", func(e *listEmitter, account string) error {
		services, err := client.ListMessagingServices(ctx, account)
		if err != nil {
			return err
		}
		for i := range services {
			s := &services[i]
			if !scope.nameMatches(deref(s.FriendlyName)) {
				continue
			}
			campaigns, err := client.ListCampaigns(ctx, account, deref(s.Sid))
			if err != nil {
				return err
			}
			for j := range campaigns {
				k := &campaigns[j]
				e.emit(ctx, req, fmt.Sprintf("%s campaign of %s (%s in %s), %s", deref(k.UsAppToPersonUsecase),
					deref(s.FriendlyName), deref(s.Sid), account, deref(k.CampaignStatus)),
					a2pCampaignIdentity{AccountSID: types.StringValue(account), MessagingServiceSID: types.StringValue(deref(s.Sid)),
						SID: types.StringValue(deref(k.Sid))},
					func() (any, diag.Diagnostics) {
						m := a2pCampaignModel{SkipDestroy: types.BoolValue(false), Timeouts: nullTimeouts()}
						diags := flattenA2PCampaign(ctx, k, &m)
						return m, diags
					})
				if !e.more {
					return nil
				}
			}
		}
		return nil
	})
}
