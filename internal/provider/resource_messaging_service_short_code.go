package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*messagingShortCodeResource)(nil)

// NewMessagingShortCodeResource is the factory for twilio_messaging_service_short_code.
func NewMessagingShortCodeResource() resource.Resource {
	return &messagingShortCodeResource{resourceBase: resourceBase{name: "messaging_service_short_code"}}
}

// messagingShortCodeResource is the pool member engine (messaging_common.go) for short codes.
type messagingShortCodeResource = poolMemberResource[twilioclient.ServiceShortCode,
	messagingShortCodeModel, *messagingShortCodeModel]

type messagingShortCodeModel struct {
	poolSenderModel
	ShortCodeSID types.String   `tfsdk:"short_code_sid"`
	ShortCode    types.String   `tfsdk:"short_code"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

func (*messagingShortCodeModel) kind() *poolKind[twilioclient.ServiceShortCode, messagingShortCodeModel] {
	return &messagingShortCodeKind
}

var messagingShortCodeKind = senderKind(poolSender{
	prefix: "SC", noun: "short code", short: "short code",
	sidAttr: "short_code_sid", sidExample: "as the Console or the 2010 API's `SMS/ShortCodes` lists it",
	value: "short_code", valueDesc: "The short code's digits, such as `55123`.",
	capabilities: "`SMS`, `MMS`",
}, "A short code in a Messaging Service's sender pool. Twilio provisions short codes to an "+
	"account after an application (never through the API), and keeps one in one Messaging Service at a time "+
	"(error 21712): adding a short code another service holds fails, naming that service. Destroying the "+
	"resource takes the short code out of the pool; it stays in the account.\n\n"+
	"A short code taken out of the pool outside Terraform (in the Console) shows in the next plan as this resource "+
	"to be created, and the apply puts it back.",
	func(m *messagingShortCodeModel) types.String { return m.ShortCodeSID },
	flattenMessagingShortCode, poolSenderCalls[twilioclient.ServiceShortCode]{
		sid:  func(s *twilioclient.ServiceShortCode) *string { return s.Sid },
		add:  (*twilioclient.Client).AddServiceShortCode,
		find: (*twilioclient.Client).FindServiceShortCode, remove: (*twilioclient.Client).RemoveServiceShortCode,
		heldBy: (*twilioclient.Client).FindServiceOfShortCode,
	})

func flattenMessagingShortCode(ctx context.Context, sc *twilioclient.ServiceShortCode, m *messagingShortCodeModel) diag.Diagnostics {
	m.ShortCodeSID = stringValue(sc.Sid)
	m.ShortCode = stringValue(sc.ShortCode)
	m.flattenMember(sc.Sid, sc.AccountSid, sc.ServiceSid, sc.DateCreated)
	return m.flattenSender(ctx, sc.CountryCode, sc.Capabilities)
}
