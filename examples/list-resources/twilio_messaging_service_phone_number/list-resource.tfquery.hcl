# The sender pools of the Messaging Services named "texts…" in the open subaccounts named "acme-…".
list "twilio_messaging_service_phone_number" "acme" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    subaccount_name_prefix = "acme-"
    friendly_name_prefix   = "texts"
  }
}
