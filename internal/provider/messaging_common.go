package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// What the Messaging Service resources (the service and its sender pool members) share: the account note
// of their descriptions, the pool members' addresses and the explanation of a refused add.

// messagingAccountNote is the paragraph every Messaging Service resource's description ends with.
const messagingAccountNote = "**In subaccounts with the parent's credentials.** Set `account_sid` to a subaccount " +
	"(the same on the service and its senders). Messaging Services (messaging.twilio.com) act on the account whose " +
	"credentials call them, as Studio and Serverless do, so with the main account's SID and auth token the provider " +
	"reads the subaccount's auth token (which the parent may do) and acts as the subaccount. This needs the main " +
	"account's **auth token**: an API key of the main account cannot act in subaccounts."

// messagingPhoneNumberLevels is a pool number's address: its service, then the number's SID.
var messagingPhoneNumberLevels = []serverlessPath{
	{"MG", "service_sid", "Messaging Service"}, {"PN", "phone_number_sid", "phone number of a Messaging Service"},
}

// messagingAlphaSenderLevels is an alpha sender's address: its service, then its SID.
var messagingAlphaSenderLevels = []serverlessPath{
	{"MG", "service_sid", "Messaging Service"}, {"AI", "sid", "alpha sender"},
}

// messagingServiceHint explains an add that Twilio answered 404 for: the service is not in the account the
// resource names.
func messagingServiceHint(err error, accountSID string) string {
	if !twilioclient.IsNotFound(err) {
		return ""
	}
	return fmt.Sprintf("\n\nTwilio found no such Messaging Service in account %s. Check that service_sid exists and "+
		"that account_sid is the service's: a service in a subaccount needs account_sid on its senders too.", accountSID)
}

// messagingMethod maps a webhook method; a missing one reads as POST, the method the provider sends by
// default, rather than as a change.
func messagingMethod(p *string) types.String {
	if p == nil || *p == "" {
		return types.StringValue("POST")
	}
	return types.StringValue(*p)
}
