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
# numbers only under a twilio-approved regulatory bundle of the number's account.
data "twilio_regulatory_bundle" "uk" {
  friendly_name = "UK business"
  status        = "twilio-approved"
}

resource "twilio_incoming_number" "london" {
  area_code  = "20"
  country    = "GB"
  bundle_sid = data.twilio_regulatory_bundle.uk.sid
  sms_url    = "https://uk.example.com/sms"
}
