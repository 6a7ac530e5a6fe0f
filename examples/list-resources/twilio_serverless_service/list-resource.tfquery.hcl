# The Serverless services of the open subaccounts named "acme-…" (all_subaccounts = true would also search the
# tenants other configurations manage).
list "twilio_serverless_service" "acme" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    subaccount_name_prefix = "acme-"
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
