# The alpha senders of the Messaging Services in the open subaccounts named "acme-…".
list "twilio_messaging_service_alpha_sender" "acme" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    subaccount_name_prefix = "acme-"
  }
}
