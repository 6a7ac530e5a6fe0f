# The Serverless services of every open subaccount (a tenant's voice and token functions live in one).
list "twilio_serverless_service" "all" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    all_subaccounts = true
  }
}

# One tenant's services whose friendly name starts with "voice".
list "twilio_serverless_service" "acme_voice" {
  provider = twilio

  config {
    account_sid          = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    friendly_name_prefix = "voice"
  }
}
