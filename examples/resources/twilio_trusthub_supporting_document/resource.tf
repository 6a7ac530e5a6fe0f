# A tenant's business address as the supporting document of its secondary customer profile.
resource "twilio_subaccount" "acme" {
  friendly_name = "acme"
}

resource "twilio_address" "office" {
  account_sid   = twilio_subaccount.acme.sid
  customer_name = "Acme Dental LLC"
  street        = "1 Main St"
  city          = "Austin"
  region        = "TX"
  postal_code   = "78701"
  iso_country   = "US"
}

resource "twilio_trusthub_supporting_document" "address" {
  account_sid   = twilio_subaccount.acme.sid
  friendly_name = "acme address"
  type          = "customer_profile_address"
  attributes    = jsonencode({ address_sids = twilio_address.office.sid })
}
