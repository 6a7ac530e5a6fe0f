# The main account's approved UK bundle, made and reviewed in the Twilio Console.
data "twilio_regulatory_bundle" "uk" {
  friendly_name = "UK business"
  status        = "twilio-approved"
}

# Its copy in a tenant's subaccount, approved at once: a number takes only a bundle of its own account.
resource "twilio_bundle_clone" "uk" {
  account_sid = twilio_subaccount.tenant.sid
  bundle_sid  = data.twilio_regulatory_bundle.uk.sid
}

# The tenant's UK address: London numbers also need one on file in their own account.
resource "twilio_address" "london_office" {
  account_sid   = twilio_subaccount.tenant.sid
  customer_name = "Tenant Ltd"
  street        = "1 Example Street"
  city          = "London"
  region        = "Greater London"
  postal_code   = "SW1A 1AA"
  iso_country   = "GB"
}

# A London number of the tenant, bought under the clone with the address in one request.
resource "twilio_incoming_number" "london" {
  account_sid  = twilio_subaccount.tenant.sid
  phone_number = "+442079460100"
  bundle_sid   = twilio_bundle_clone.uk.sid
  address_sid  = twilio_address.london_office.sid
}
