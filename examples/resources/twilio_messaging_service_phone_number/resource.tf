# Two of the tenant's numbers in its Messaging Service's sender pool. A number is in one Messaging Service
# at a time (Twilio error 21712): take it out of another service before adding it here.
resource "twilio_subaccount" "acme" {
  friendly_name = "acme"
}

resource "twilio_incoming_number" "acme" {
  for_each    = toset(["415", "628"])
  account_sid = twilio_subaccount.acme.sid
  area_code   = each.key
}

resource "twilio_messaging_service" "acme" {
  account_sid   = twilio_subaccount.acme.sid
  friendly_name = "acme texts"
}

resource "twilio_messaging_service_phone_number" "acme" {
  for_each         = twilio_incoming_number.acme
  account_sid      = twilio_subaccount.acme.sid
  service_sid      = twilio_messaging_service.acme.sid
  phone_number_sid = each.value.sid
}
