package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// trustProductKind is twilio_trusthub_trust_product: the A2P trust product of Twilio's A2P 10DLC ISV guide
// (https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api, step 2.1: PolicySid
// RNb0d4771c2c98518d916a3d4cd70a8f8b).
var trustProductKind = trustBundleKind{
	kind: twilioclient.TrustProduct, name: "trusthub_trust_product", what: "Trust Hub trust product",
	policyDesc: "SID of the Trust Hub policy (`RN…`) the trust product is evaluated against. For A2P 10DLC, " +
		"Twilio's ISV onboarding guide uses the A2P messaging profile policy `RNb0d4771c2c98518d916a3d4cd70a8f8b`.",
	description: "A Trust Hub trust product: what a business wants to do, reviewed by Twilio. For US A2P 10DLC, the " +
		"A2P trust product (policy `RNb0d4771c2c98518d916a3d4cd70a8f8b`) holds a " +
		"`us_a2p_messaging_profile_information` end user and the customer's approved secondary customer profile " +
		"(`twilio_trusthub_customer_profile`); a brand registration needs both approved.",
	entitiesDesc: "SIDs of what the trust product holds: end users (`IT…`), supporting documents (`RD…`) and the " +
		"customer profile (`BU…`), e.g. `[twilio_trusthub_end_user.a2p.sid, twilio_trusthub_customer_profile.tenant.sid]`.",
}

// NewTrustHubTrustProductResource is the factory for twilio_trusthub_trust_product.
func NewTrustHubTrustProductResource() resource.Resource {
	return newTrustBundleResource(trustProductKind)
}
