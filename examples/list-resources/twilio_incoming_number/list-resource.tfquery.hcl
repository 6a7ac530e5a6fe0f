# Every number in area code 415 held by the open subaccounts named "acme-…" (all_subaccounts = true would
# also search the tenants other configurations manage).
list "twilio_incoming_number" "sf" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    subaccount_name_prefix = "acme-"
    phone_number_prefix    = "+1415"
  }
}

# One number of the provider's account.
list "twilio_incoming_number" "support" {
  provider = twilio

  config {
    phone_number = "+14155550100"
  }
}
