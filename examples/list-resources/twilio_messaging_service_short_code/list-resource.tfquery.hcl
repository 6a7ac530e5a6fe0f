# The short codes in the Messaging Services of the open subaccounts named "acme-…".
list "twilio_messaging_service_short_code" "acme" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    subaccount_name_prefix = "acme-"
  }
}
