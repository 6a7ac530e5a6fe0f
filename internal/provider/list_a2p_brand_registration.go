package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// NewA2PBrandRegistrationListResource is the factory for the twilio_a2p_brand_registration list resource.
func NewA2PBrandRegistrationListResource() list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "a2p_brand_registration"},
		description: "Lists A2P brand registrations, to adopt brands registered in the Console: one request per " +
			"account searched (per 1,000 brands). Brands have no name: `friendly_name` and `friendly_name_prefix` " +
			"match the customer profile SID (`BU…`) they were registered from.",
		scope: "brand registrations",
		each: accountObjects((*twilioclient.Client).ListBrandRegistrations, func(b *twilioclient.BrandRegistration) listed {
			profile := deref(b.CustomerProfileBundleSid)
			return listed{name: profile, display: fmt.Sprintf("%s brand of %s, %s", deref(b.BrandType), profile, deref(b.Status)),
				sid: deref(b.Sid)}
		}, imported(a2pBrandModel{Timeouts: nullTimeouts()}, flattenA2PBrand)),
	}
}
