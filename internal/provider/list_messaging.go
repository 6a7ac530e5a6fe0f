package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// NewMessagingServiceListResource is the factory for the twilio_messaging_service list resource.
func NewMessagingServiceListResource() list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "messaging_service"},
		description: "Lists Messaging Services: one request per account searched (per 1,000 services), with " +
			"the account's own credentials, as Messaging requires. The name filters match the service's " +
			"`friendly_name`. Suspended subaccounts are skipped with a warning.",
		scope: "Messaging Services",
		each: accountObjects((*twilioclient.Client).ListMessagingServices, func(s *twilioclient.MessagingService) listed {
			return listed{name: deref(s.FriendlyName), sid: deref(s.Sid)}
		}, imported(messagingServiceModel{SkipDestroy: types.BoolValue(false), Timeouts: nullTimeouts()}, flattenMessagingService)),
	}
}

// inPool is how the results show a member of a Messaging Service's sender pool.
func inPool(member, account string, s *twilioclient.MessagingService) string {
	return fmt.Sprintf("%s in %s (%s in %s)", member, deref(s.FriendlyName), deref(s.Sid), account)
}

// NewMessagingServicePhoneNumberListResource is the factory for the twilio_messaging_service_phone_number
// list resource.
func NewMessagingServicePhoneNumberListResource() list.ListResource {
	return poolMemberList[twilioclient.ServicePhoneNumber, messagingServicePhoneNumberModel]("messaging_service_phone_number", "numbers",
		"Lists the numbers in Messaging Services' sender pools: per account searched, one request for its services "+
			"and one per service for its numbers, with the account's own credentials. The name filters match the "+
			"**service's** `friendly_name`, so a query adopts whole pools.",
		(*twilioclient.Client).ListServicePhoneNumbers,
		func(n *twilioclient.ServicePhoneNumber) (string, string) { return deref(n.PhoneNumber), deref(n.Sid) },
		importedReporting(messagingServicePhoneNumberModel{Timeouts: nullCreateDeleteTimeouts()}, flattenMessagingServicePhoneNumber))
}

// NewMessagingAlphaSenderListResource is the factory for the twilio_messaging_service_alpha_sender list
// resource.
func NewMessagingAlphaSenderListResource() list.ListResource {
	return poolMemberList[twilioclient.AlphaSender, messagingAlphaSenderModel]("messaging_service_alpha_sender", "alpha senders",
		"Lists the alpha senders of Messaging Services: per account searched, one request for its services and "+
			"one per service. The name filters match the **service's** `friendly_name`.",
		(*twilioclient.Client).ListAlphaSenders,
		func(a *twilioclient.AlphaSender) (string, string) { return deref(a.AlphaSender), deref(a.Sid) },
		imported(messagingAlphaSenderModel{Timeouts: nullCreateDeleteTimeouts()}, flattenMessagingAlphaSender))
}

// NewMessagingShortCodeListResource is the factory for the twilio_messaging_service_short_code list resource.
func NewMessagingShortCodeListResource() list.ListResource {
	return poolMemberList[twilioclient.ServiceShortCode, messagingShortCodeModel]("messaging_service_short_code", "short codes",
		"Lists the short codes in Messaging Services' sender pools: per account searched, one request for its "+
			"services and one per service. The name filters match the **service's** `friendly_name`.",
		(*twilioclient.Client).ListServiceShortCodes,
		func(sc *twilioclient.ServiceShortCode) (string, string) { return deref(sc.ShortCode), deref(sc.Sid) },
		importedReporting(messagingShortCodeModel{Timeouts: nullCreateDeleteTimeouts()}, flattenMessagingShortCode))
}

// poolMemberList lists the members of one kind of sender pool (members: "numbers"), shown as a member of
// its service and identified by the names of the kind's own identity schema (its levels).
func poolMemberList[T, M any, PM poolMember[T, M]](name, members, description string,
	find func(c *twilioclient.Client, ctx context.Context, account, serviceSID string) ([]T, error),
	show func(*T) (label, sid string), resource listResourceFunc[T]) list.ListResource {
	var m M
	levels := PM(&m).kind().levels
	what := "Messaging Services' " + members
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: name}, description: description, scope: what,
		each: serviceMembers(find, levels[0].attr, levels[1].attr,
			func(account string, s *twilioclient.MessagingService, member *T) (string, string) {
				label, sid := show(member)
				return inPool(label, account, s), sid
			}, resource),
	}
}
