# The API keys of the open subaccounts named "acme-…", metadata only: an imported key has no secret,
# because Twilio shows it once, when the key is created.
list "twilio_api_key" "all" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    subaccount_name_prefix = "acme-"
  }
}
