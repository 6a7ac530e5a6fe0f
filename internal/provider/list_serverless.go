package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// NewServerlessServiceListResource is the factory for the twilio_serverless_service list resource. Services
// are what users adopt; their environments, functions and deployments are imported under a known service.
func NewServerlessServiceListResource() list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "serverless_service"},
		description: "Lists Serverless services: one request per account searched (per 1,000 services), with " +
			"the account's own credentials, as Serverless requires. The name filters match the service's " +
			"`friendly_name`. Suspended subaccounts are skipped with a warning (Twilio refuses their credentials).",
		scope: "services", what: "Serverless services",
		each: accountObjects((*twilioclient.Client).ListServices, func(s *twilioclient.Service) listed {
			name := deref(s.FriendlyName)
			return listed{name: name, display: name + " (" + deref(s.UniqueName) + ")", sid: deref(s.Sid)}
		}, imported(serverlessServiceModel{SkipDestroy: types.BoolValue(false), Timeouts: nullTimeouts()}, flattenServerlessService)),
	}
}
