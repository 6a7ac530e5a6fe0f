# Every number in area code 415 held by any open subaccount.
list "twilio_incoming_number" "sf" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    all_subaccounts     = true
    phone_number_prefix = "+1415"
  }
}

# One number of the provider's account.
list "twilio_incoming_number" "support" {
  provider = twilio

  config {
    phone_number = "+14155550100"
  }
}
