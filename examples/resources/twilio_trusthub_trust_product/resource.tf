# A tenant's A2P trust product (policy RNb0d4771c2c98518d916a3d4cd70a8f8b): its messaging profile
# information and its approved secondary customer profile. A brand registration then needs both.
resource "twilio_trusthub_end_user" "a2p" {
  account_sid   = twilio_subaccount.acme.sid
  friendly_name = "acme a2p messaging profile"
  type          = "us_a2p_messaging_profile_information"
  attributes = jsonencode({
    company_type        = "private"
    brand_contact_email = "alex@acme-dental.example"
  })
}

resource "twilio_trusthub_trust_product" "acme_a2p" {
  account_sid   = twilio_subaccount.acme.sid
  friendly_name = "acme a2p"
  email         = "compliance@isv.example"
  policy_sid    = "RNb0d4771c2c98518d916a3d4cd70a8f8b"
  entity_sids = [
    twilio_trusthub_end_user.a2p.sid,
    twilio_trusthub_customer_profile.acme.sid,
  ]

  timeouts {
    create = "2h"
  }
}
