package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// NewA2PCampaignListResource is the factory for the twilio_a2p_campaign list resource.
func NewA2PCampaignListResource() list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "a2p_campaign"},
		description: "Lists US A2P campaigns, to adopt campaigns registered in the Console: one request per " +
			"account searched for its Messaging Services, and one per service for its campaign. Campaigns have no " +
			"name: `friendly_name` and `friendly_name_prefix` match their Messaging Service's name.",
		scope: "campaigns",
		each: serviceMembers((*twilioclient.Client).ListCampaigns, "messaging_service_sid", "sid",
			func(account string, s *twilioclient.MessagingService, k *twilioclient.Campaign) (string, string) {
				return fmt.Sprintf("%s campaign of %s (%s in %s), %s", deref(k.UsAppToPersonUsecase), deref(s.FriendlyName),
					deref(s.Sid), account, deref(k.CampaignStatus)), deref(k.Sid)
			}, importedReporting(a2pCampaignModel{SkipDestroy: types.BoolValue(false), Timeouts: nullTimeouts()}, flattenA2PCampaign)),
	}
}
