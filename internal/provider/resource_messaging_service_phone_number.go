package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*messagingServicePhoneNumberResource)(nil)

// NewMessagingServicePhoneNumberResource is the factory for twilio_messaging_service_phone_number.
func NewMessagingServicePhoneNumberResource() resource.Resource {
	return &messagingServicePhoneNumberResource{resourceBase: resourceBase{name: "messaging_service_phone_number"}}
}

// messagingServicePhoneNumberResource is the pool member engine (messaging_common.go) for phone numbers.
type messagingServicePhoneNumberResource = poolMemberResource[twilioclient.ServicePhoneNumber,
	messagingServicePhoneNumberModel, *messagingServicePhoneNumberModel]

type messagingServicePhoneNumberModel struct {
	poolSenderModel
	PhoneNumberSID types.String   `tfsdk:"phone_number_sid"`
	PhoneNumber    types.String   `tfsdk:"phone_number"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

func (*messagingServicePhoneNumberModel) kind() *poolKind[twilioclient.ServicePhoneNumber, messagingServicePhoneNumberModel] {
	return &messagingPhoneNumberKind
}

var messagingPhoneNumberKind = senderKind(poolSender{
	prefix: "PN", noun: "phone number", short: "number",
	sidAttr: "phone_number_sid", sidExample: "such as `twilio_incoming_number.x.sid`",
	value: "phone_number", valueDesc: "The number in E.164 form, such as `+14155550100`.",
	capabilities: "`Voice`, `SMS`, `MMS`",
}, "A phone number in a Messaging Service's sender pool. Twilio keeps a number in one "+
	"Messaging Service at a time (error 21712): adding a number another service holds fails, naming that "+
	"service. Destroying the resource takes the number out of the pool; the number stays in the account.\n\n"+
	"A number taken out of the pool outside Terraform (in the Console) shows in the next plan as this resource "+
	"to be created, and the apply puts it back.",
	func(m *messagingServicePhoneNumberModel) types.String { return m.PhoneNumberSID },
	flattenMessagingServicePhoneNumber, poolSenderCalls[twilioclient.ServicePhoneNumber]{
		sid:  func(n *twilioclient.ServicePhoneNumber) *string { return n.Sid },
		add:  (*twilioclient.Client).AddServicePhoneNumber,
		find: (*twilioclient.Client).FindServicePhoneNumber, remove: (*twilioclient.Client).RemoveServicePhoneNumber,
		heldBy: (*twilioclient.Client).FindServiceOfNumber,
	})

func flattenMessagingServicePhoneNumber(ctx context.Context, n *twilioclient.ServicePhoneNumber, m *messagingServicePhoneNumberModel) diag.Diagnostics {
	m.PhoneNumberSID = stringValue(n.Sid)
	m.PhoneNumber = stringValue(n.PhoneNumber)
	m.flattenMember(n.Sid, n.AccountSid, n.ServiceSid, n.DateCreated)
	return m.flattenSender(ctx, n.CountryCode, n.Capabilities)
}
