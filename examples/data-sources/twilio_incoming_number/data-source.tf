# A number the provider's account already owns, by the number itself.
data "twilio_incoming_number" "support" {
  phone_number = "+14155550100"
}

# A number of a subaccount, by SID.
data "twilio_incoming_number" "tenant" {
  account_sid = "AC00000000000000000000000000000000"
  sid         = "PN00000000000000000000000000000000"
}

# Where calls to the support line go today, before adopting it with an import block.
output "support_routing" {
  value = {
    voice_url       = data.twilio_incoming_number.support.voice_url
    studio_flow_sid = data.twilio_incoming_number.support.studio_flow_sid
    sms_url         = data.twilio_incoming_number.support.sms_url
  }
}
