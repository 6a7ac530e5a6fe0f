package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*trustEntityResource[trustEndUserModel, *trustEndUserModel])(nil)

// trustEndUserEntity is twilio_trusthub_end_user. The types are those of Twilio's A2P 10DLC ISV guide
// (https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api, steps 1.3-1.5 and 2.2).
var trustEndUserEntity = trustEntity{
	kind: twilioclient.TrustEndUser, name: "trusthub_end_user", prefix: "IT", what: "Trust Hub end user",
	description: "A Trust Hub end user: a business or a person that a customer profile or trust product describes. " +
		"For US A2P 10DLC, Twilio's ISV onboarding guide makes, for each customer, a " +
		"`customer_profile_business_information` end user (the business), an `authorized_representative_1` (and " +
		"optionally `_2`) for the people Twilio may contact, both assigned to the secondary customer profile, and a " +
		"`us_a2p_messaging_profile_information` end user assigned to the A2P trust product.\n\n" +
		"The name and attributes are updated in place; Twilio cannot change the type. Twilio judges the attributes " +
		"when a profile or trust product holding the end user is evaluated, and an end user in a profile under " +
		"review or approved is part of what Twilio reviewed: edit it only to fix a rejected profile.",
	typeDesc: "The end-user type, one of Twilio's (`GET /v1/EndUserTypes`): `customer_profile_business_information`, " +
		"`authorized_representative_1`, `authorized_representative_2`, `us_a2p_messaging_profile_information` for " +
		"A2P 10DLC; `individual` and `business` for regulatory bundles.",
	example: "`jsonencode({ business_name = \"Acme\", business_type = \"Corporation\", website_url = \"https://acme.example\" })`",
}

// NewTrustHubEndUserResource is the factory for twilio_trusthub_end_user.
func NewTrustHubEndUserResource() resource.Resource { return newTrustEndUserResource() }

func newTrustEndUserResource() *trustEntityResource[trustEndUserModel, *trustEndUserModel] {
	return newTrustEntityResource[trustEndUserModel, *trustEndUserModel](trustEndUserEntity, nil)
}

type trustEndUserModel struct {
	trustEntityFields
}

func (m *trustEndUserModel) fields() *trustEntityFields             { return &m.trustEntityFields }
func (m *trustEndUserModel) flattenExtra(*twilioclient.TrustEntity) {}
