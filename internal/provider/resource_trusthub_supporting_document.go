package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*trustEntityResource[trustDocumentModel, *trustDocumentModel])(nil)

// trustDocumentEntity is twilio_trusthub_supporting_document (the ISV guide's steps 1.6-1.7: the customer
// profile's address, https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api).
var trustDocumentEntity = trustEntity{
	kind: twilioclient.TrustSupportingDocument, name: "trusthub_supporting_document", prefix: "RD",
	what: "Trust Hub supporting document",
	description: "A Trust Hub supporting document: evidence a customer profile carries. For US A2P 10DLC, Twilio's " +
		"ISV onboarding guide makes a `customer_profile_address` document whose attributes name the business's " +
		"address (`jsonencode({ address_sids = twilio_address.office.sid })`) and assigns it to the secondary " +
		"customer profile.\n\nThe name and attributes are updated in place; Twilio cannot change the type.",
	typeDesc: "The document type, one of Twilio's (`GET /v1/SupportingDocumentTypes`), e.g. `customer_profile_address`.",
	example:  "`jsonencode({ address_sids = twilio_address.office.sid })`",
}

// NewTrustHubSupportingDocumentResource is the factory for twilio_trusthub_supporting_document.
func NewTrustHubSupportingDocumentResource() resource.Resource { return newTrustDocumentResource() }

func newTrustDocumentResource() *trustEntityResource[trustDocumentModel, *trustDocumentModel] {
	return newTrustEntityResource[trustDocumentModel, *trustDocumentModel](trustDocumentEntity,
		map[string]schema.Attribute{"status": schema.StringAttribute{
			MarkdownDescription: "The document's own status as Twilio reports it (`DRAFT`, `PENDING_REVIEW`, `APPROVED`, " +
				"`REJECTED`, `EXPIRED`, `PROVISIONALLY_APPROVED`); the review that matters is its profile's.",
			Computed: true,
		}})
}

type trustDocumentModel struct {
	trustEntityFields
	Status types.String `tfsdk:"status"`
}

func (m *trustDocumentModel) fields() *trustEntityFields { return &m.trustEntityFields }
func (m *trustDocumentModel) flattenExtra(e *twilioclient.TrustEntity) {
	m.Status = types.StringValue(e.Status)
}
