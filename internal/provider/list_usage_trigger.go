package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// NewUsageTriggerListResource is the factory for the twilio_usage_trigger list resource.
func NewUsageTriggerListResource() list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "usage_trigger"},
		description: "Lists usage triggers (spend and usage alerts): one request per account searched (per " +
			"1,000 triggers); names are filtered locally.",
		scope: "usage triggers",
		each: accountObjects(unfiltered((*twilioclient.Client).ListUsageTriggers), func(tr *twilioclient.UsageTrigger) listed {
			return listed{name: deref(tr.FriendlyName), sid: deref(tr.Sid)}
		}, imported(usageTriggerModel{Timeouts: nullTimeouts()}, flattenUsageTrigger)),
	}
}
