# A tenant's Messaging Service in its subaccount: inbound texts go to the tenant's webhook, delivery
# statuses to the platform. Settings left out take Twilio's defaults (validity 36000 s, POST) or the
# provider's documented ones, and a Console change to any of them shows in the next plan.
resource "twilio_subaccount" "acme" {
  friendly_name = "acme"
}

resource "twilio_messaging_service" "acme" {
  account_sid         = twilio_subaccount.acme.sid
  friendly_name       = "acme texts"
  usecase             = "notifications"
  inbound_request_url = "https://acme.example.com/twilio/sms"
  status_callback     = "https://ops.example.com/twilio/message-status?tenant=acme"
  validity_period     = 3600
}
