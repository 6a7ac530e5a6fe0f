# The TwiML apps of every open subaccount.
list "twilio_twiml_app" "all" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    all_subaccounts = true
  }
}

# One tenant's app, by exact name.
list "twilio_twiml_app" "acme_voice" {
  provider = twilio

  config {
    account_sid   = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    friendly_name = "acme voice"
  }
}
