# The sender ID recipients see where their country allows alphanumeric senders (never in the US or
# Canada, where the service's numbers send instead). Twilio allows one per service.
resource "twilio_subaccount" "acme" {
  friendly_name = "acme"
}

resource "twilio_messaging_service" "acme" {
  account_sid   = twilio_subaccount.acme.sid
  friendly_name = "acme texts"
}

resource "twilio_messaging_service_alpha_sender" "acme" {
  account_sid  = twilio_subaccount.acme.sid
  service_sid  = twilio_messaging_service.acme.sid
  alpha_sender = "Acme"
}
