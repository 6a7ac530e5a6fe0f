package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*trustBundleResource)(nil)

// trustCustomerProfileKind is twilio_trusthub_customer_profile: the secondary customer profile of Twilio's
// A2P 10DLC ISV guide (https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api, step
// 1.2: PolicySid RNdfbf3fae0e1107f8aded0e7cead80bf5).
var trustCustomerProfileKind = trustBundleKind{
	kind: twilioclient.TrustCustomerProfile, name: "trusthub_customer_profile", what: "Trust Hub customer profile",
	policyDesc: "SID of the Trust Hub policy (`RN…`) the profile is evaluated against. For a tenant's A2P 10DLC " +
		"registration, Twilio's ISV onboarding guide uses the secondary customer profile policy " +
		"`RNdfbf3fae0e1107f8aded0e7cead80bf5`.",
	description: "A Trust Hub customer profile: who a business is, reviewed by Twilio. In Twilio's A2P 10DLC ISV " +
		"flow each customer gets a *secondary* customer profile in its subaccount (policy " +
		"`RNdfbf3fae0e1107f8aded0e7cead80bf5`), holding its business information and authorized representative " +
		"(`twilio_trusthub_end_user`), its address (`twilio_trusthub_supporting_document`) and the ISV's own " +
		"approved primary customer profile; the A2P trust product (`twilio_trusthub_trust_product`) and the brand " +
		"registration then stand on it.",
	entitiesDesc: "SIDs of what the profile holds: end users (`IT…`), supporting documents (`RD…`) and customer " +
		"profiles (`BU…`, the ISV's primary profile).",
}

// NewTrustHubCustomerProfileResource is the factory for twilio_trusthub_customer_profile.
func NewTrustHubCustomerProfileResource() resource.Resource {
	return newTrustBundleResource(trustCustomerProfileKind)
}
