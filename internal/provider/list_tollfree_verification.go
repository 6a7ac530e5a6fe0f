package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// NewTollfreeVerificationListResource is the factory for the twilio_tollfree_verification list resource.
func NewTollfreeVerificationListResource() list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "tollfree_verification"},
		description: "Lists toll-free verifications, to adopt those submitted in the Console: one request per " +
			"account searched (per 1,000 verifications). `friendly_name` and `friendly_name_prefix` match the business name.",
		scope: "toll-free verifications",
		each: accountObjects(unfiltered((*twilioclient.Client).ListTollfreeVerifications), func(v *twilioclient.TollfreeVerification) listed {
			name := deref(v.BusinessName)
			return listed{name: name, display: fmt.Sprintf("%s, %s", name, deref(v.Status)), sid: deref(v.Sid)}
		}, importedReporting(tollfreeVerificationModel{Timeouts: nullTimeouts()}, flattenTollfreeVerification)),
	}
}
