# The an end users of the open subaccounts named "acme-…" (all_subaccounts = true would also search the
# tenants other configurations manage).
list "twilio_trusthub_end_user" "acme" {
  provider         = twilio
  include_resource = true
  limit            = 1000

  config {
    subaccount_name_prefix = "acme-"
  }
}
