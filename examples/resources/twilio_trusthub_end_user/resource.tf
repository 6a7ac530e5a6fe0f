# A tenant's business information and authorized representative, in its subaccount, for its secondary
# customer profile (Twilio's A2P 10DLC ISV onboarding guide).
resource "twilio_subaccount" "acme" {
  friendly_name = "acme"
}

resource "twilio_trusthub_end_user" "business" {
  account_sid   = twilio_subaccount.acme.sid
  friendly_name = "acme business information"
  type          = "customer_profile_business_information"
  attributes = jsonencode({
    business_name                    = "Acme Dental LLC"
    business_identity                = "direct_customer"
    business_type                    = "Limited Liability Corporation"
    business_industry                = "HEALTHCARE"
    business_registration_identifier = "EIN"
    business_registration_number     = "12-3456789"
    business_regions_of_operation    = "USA_AND_CANADA"
    website_url                      = "https://acme-dental.example"
  })
}

resource "twilio_trusthub_end_user" "representative" {
  account_sid   = twilio_subaccount.acme.sid
  friendly_name = "acme representative"
  type          = "authorized_representative_1"
  attributes = jsonencode({
    first_name     = "Alex"
    last_name      = "Smith"
    email          = "alex@acme-dental.example"
    phone_number   = "+14155550100"
    business_title = "Owner"
    job_position   = "CEO"
  })
}
