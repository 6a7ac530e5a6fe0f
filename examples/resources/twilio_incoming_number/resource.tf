# A number bought by its exact E.164 form, answering calls with a webhook and messages with another.
resource "twilio_incoming_number" "support" {
  account_sid  = twilio_subaccount.tenant.sid
  phone_number = "+14155550100"
  voice_url    = "https://support.example.com/voice"
  sms_url      = "https://support.example.com/sms"

  # Releasing a number is irreversible: it may never be available again.
  lifecycle {
    prevent_destroy = true
  }
}

# Any number in an area code, handing its calls to a Studio flow of the same account.
resource "twilio_incoming_number" "reception" {
  account_sid     = twilio_subaccount.tenant.sid
  area_code       = "212"
  studio_flow_sid = twilio_studio_flow.reception.sid
}

# Outside the US and Canada, area_code is the start of the national number. Most countries there sell
# numbers only under a twilio-approved regulatory bundle of the number's account, and many require an
# address on file (address_requirements of twilio_available_phone_numbers): London numbers need one in the
# United Kingdom. Both are sent in the purchase request itself.
data "twilio_regulatory_bundle" "uk" {
  friendly_name = "UK business"
  status        = "twilio-approved"
}

resource "twilio_address" "london_office" {
  customer_name = "Example Ltd"
  street        = "1 Example Street"
  city          = "London"
  region        = "Greater London"
  postal_code   = "SW1A 1AA"
  iso_country   = "GB"
}

resource "twilio_incoming_number" "london" {
  area_code   = "20"
  country     = "GB"
  bundle_sid  = data.twilio_regulatory_bundle.uk.sid
  address_sid = twilio_address.london_office.sid
  sms_url     = "https://uk.example.com/sms"
}

# A US number with an emergency address. Twilio registers it asynchronously (emergency_address_status is
# pending-registration, then registered) and does not release a number that has one, so destroying it
# removes the emergency address and waits until Twilio reports it unregistered.
resource "twilio_address" "hq" {
  customer_name     = "Example Inc"
  street            = "645 Harrison St"
  city              = "San Francisco"
  region            = "CA"
  postal_code       = "94107"
  iso_country       = "US"
  emergency_enabled = true
}

resource "twilio_incoming_number" "front_desk" {
  area_code             = "415"
  emergency_address_sid = twilio_address.hq.sid
  voice_url             = "https://support.example.com/voice"
}
