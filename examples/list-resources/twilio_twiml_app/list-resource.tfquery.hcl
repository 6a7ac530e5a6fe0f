# The TwiML apps of the open subaccounts named "acme-…" (all_subaccounts = true would also search the
# tenants other configurations manage).
list "twilio_twiml_app" "acme" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    subaccount_name_prefix = "acme-"
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
