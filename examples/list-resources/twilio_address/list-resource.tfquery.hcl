# The addresses of every open subaccount.
list "twilio_address" "all" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    all_subaccounts = true
  }
}

# One tenant's addresses whose friendly name starts with "office".
list "twilio_address" "acme_offices" {
  provider = twilio

  config {
    account_sid          = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    friendly_name_prefix = "office"
  }
}
