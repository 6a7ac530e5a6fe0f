package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// NewAddressListResource is the factory for the twilio_address list resource.
func NewAddressListResource() list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "address"},
		description: "Lists addresses: one request per account searched (per 1,000 addresses). The name " +
			"filters match the address's `friendly_name`.",
		scope: "addresses",
		each: accountObjects(unfiltered((*twilioclient.Client).ListAddresses), func(a *twilioclient.Address) listed {
			return listed{name: optionalString(a.FriendlyName).ValueString(), display: deref(a.CustomerName) + ", " + deref(a.City), sid: deref(a.Sid)}
		}, imported(addressModel{AutoCorrectAddress: types.BoolValue(false), Timeouts: nullTimeouts()}, flattenAddress)),
	}
}
