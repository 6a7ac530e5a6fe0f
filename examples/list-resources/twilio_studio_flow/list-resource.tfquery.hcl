# The Studio flows of one subaccount.
list "twilio_studio_flow" "acme" {
  provider         = twilio
  include_resource = true

  config {
    account_sid = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
  }
}

# The Studio flows of two tenants, by SID.
list "twilio_studio_flow" "two_tenants" {
  provider         = twilio
  include_resource = true

  config {
    subaccount_sids = ["ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"]
  }
}
