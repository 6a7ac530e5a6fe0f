# The addresses of the open subaccounts named "acme-…" (all_subaccounts = true would also search the
# tenants other configurations manage).
list "twilio_address" "acme" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    subaccount_name_prefix = "acme-"
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
