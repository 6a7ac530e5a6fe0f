package provider

import (
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
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

// messagingShortCodeLevels is a pool short code's address: its service, then the short code's SID.
var messagingShortCodeLevels = []serverlessPath{
	{"MG", "service_sid", "Messaging Service"}, {"SC", "short_code_sid", "short code of a Messaging Service"},
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

// poolAddRefused explains an add to a sender pool that Twilio refused. For its one-service rule (21712) it
// adopts the member when the service already holding the sender is this one (Twilio may refuse a re-add
// rather than answer it: assumption messaging-sender-readd), and otherwise names the service that holds it
// and what to do. sender is the sender in words ("Phone number PN…"); findOwn fetches the member in this
// service, findHolder the service holding the sender.
func poolAddRefused[T any](err error, summary, kind, sender, account string, diags *diag.Diagnostics,
	findOwn func() (*T, error), findHolder func() (*twilioclient.MessagingService, error)) *T {
	var te *twilioclient.Error
	if !errors.As(err, &te) || te.Code != twilioclient.CodeSenderInOtherService {
		diags.AddError(summary, errorDetail(err)+messagingServiceHint(err, account)+ambiguousCreateHint(err, kind, "the pool member"))
		return nil
	}
	if m, ferr := findOwn(); ferr == nil {
		return m
	}
	where := "another Messaging Service of the account"
	if holder, ferr := findHolder(); ferr == nil {
		where = fmt.Sprintf("Messaging Service %s (%q)", deref(holder.Sid), deref(holder.FriendlyName))
	} else {
		where += " (looking it up failed: " + errorDetail(ferr) + ")"
	}
	diags.AddError(summary, fmt.Sprintf("%s is already in %s. Twilio keeps a number or short code in one Messaging "+
		"Service at a time (error 21712). Take it out of that service first: remove its twilio_%s from the "+
		"configuration that manages it, or remove it from the service's sender pool in the Twilio Console; then "+
		"apply again. If that service is the one you meant, change service_sid instead.\n\n%s", sender, where, kind,
		errorDetail(err)))
	return nil
}
