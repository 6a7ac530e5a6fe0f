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
		scope: "Messaging Services", what: "Messaging Services",
		each: accountObjects(func(ctx context.Context, client *twilioclient.Client, _ listScopeModel, account string) ([]twilioclient.MessagingService, error) {
			return client.ListMessagingServices(ctx, account)
		}, func(s *twilioclient.MessagingService) listed {
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
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "messaging_service_phone_number"},
		description: "Lists the numbers in Messaging Services' sender pools: per account searched, one request " +
			"for its services and one per service for its numbers, with the account's own credentials. The name " +
			"filters match the **service's** `friendly_name`, so a query adopts whole pools.",
		scope: "Messaging Services' numbers", what: "Messaging Services' numbers",
		each: serviceMembers((*twilioclient.Client).ListServicePhoneNumbers,
			func(account string, s *twilioclient.MessagingService, n *twilioclient.ServicePhoneNumber) (string, any) {
				return inPool(deref(n.PhoneNumber), account, s), messagingPoolNumberIdentity{AccountSID: types.StringValue(account),
					ServiceSID: types.StringValue(deref(s.Sid)), PhoneNumberSID: types.StringValue(deref(n.Sid))}
			}, importedReporting(messagingServicePhoneNumberModel{Timeouts: nullCreateDeleteTimeouts()}, flattenMessagingServicePhoneNumber)),
	}
}

// messagingPoolNumberIdentity is a pool number's identity: its account, service and number.
type messagingPoolNumberIdentity struct {
	AccountSID     types.String `tfsdk:"account_sid"`
	ServiceSID     types.String `tfsdk:"service_sid"`
	PhoneNumberSID types.String `tfsdk:"phone_number_sid"`
}

// NewMessagingAlphaSenderListResource is the factory for the twilio_messaging_service_alpha_sender list
// resource.
func NewMessagingAlphaSenderListResource() list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "messaging_service_alpha_sender"},
		description: "Lists the alpha senders of Messaging Services: per account searched, one request for its " +
			"services and one per service. The name filters match the **service's** `friendly_name`.",
		scope: "Messaging Services' alpha senders", what: "Messaging Services' alpha senders",
		each: serviceMembers((*twilioclient.Client).ListAlphaSenders,
			func(account string, s *twilioclient.MessagingService, a *twilioclient.AlphaSender) (string, any) {
				return inPool(deref(a.AlphaSender), account, s), messagingMemberIdentity{AccountSID: types.StringValue(account),
					ServiceSID: types.StringValue(deref(s.Sid)), SID: types.StringValue(deref(a.Sid))}
			}, imported(messagingAlphaSenderModel{Timeouts: nullCreateDeleteTimeouts()}, flattenMessagingAlphaSender)),
	}
}

// messagingMemberIdentity is an alpha sender's identity: its account, service and SID.
type messagingMemberIdentity struct {
	AccountSID types.String `tfsdk:"account_sid"`
	ServiceSID types.String `tfsdk:"service_sid"`
	SID        types.String `tfsdk:"sid"`
}

// NewMessagingShortCodeListResource is the factory for the twilio_messaging_service_short_code list resource.
func NewMessagingShortCodeListResource() list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "messaging_service_short_code"},
		description: "Lists the short codes in Messaging Services' sender pools: per account searched, one " +
			"request for its services and one per service. The name filters match the **service's** `friendly_name`.",
		scope: "Messaging Services' short codes", what: "Messaging Services' short codes",
		each: serviceMembers((*twilioclient.Client).ListServiceShortCodes,
			func(account string, s *twilioclient.MessagingService, sc *twilioclient.ServiceShortCode) (string, any) {
				return inPool(deref(sc.ShortCode), account, s), messagingShortCodeIdentity{AccountSID: types.StringValue(account),
					ServiceSID: types.StringValue(deref(s.Sid)), ShortCodeSID: types.StringValue(deref(sc.Sid))}
			}, importedReporting(messagingShortCodeModel{Timeouts: nullCreateDeleteTimeouts()}, flattenMessagingShortCode)),
	}
}

// messagingShortCodeIdentity is a pool short code's identity: its account, service and short code.
type messagingShortCodeIdentity struct {
	AccountSID   types.String `tfsdk:"account_sid"`
	ServiceSID   types.String `tfsdk:"service_sid"`
	ShortCodeSID types.String `tfsdk:"short_code_sid"`
}
