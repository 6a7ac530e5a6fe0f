# The Studio flows of one subaccount.
list "twilio_studio_flow" "acme" {
  provider         = twilio
  include_resource = true

  config {
    account_sid = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
  }
}
