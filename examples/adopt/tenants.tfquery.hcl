# Everything the tenants' subaccounts hold, found by `terraform query` (Terraform 1.14 or later).
# include_resource returns complete objects, so the generated configuration plans with no changes.
# limit: Terraform stops a list block at 100 results unless told otherwise.
#
# Every block searches only the subaccounts named "acme-…", the tenants being adopted. Never search
# all_subaccounts here when another configuration manages some tenants: their objects would be imported a
# second time, and a destroy in either state would delete (or release) what the other one manages.

list "twilio_subaccount" "tenant" {
  provider         = twilio
  include_resource = true
  limit            = 1000
  config {
    friendly_name_prefix = "acme-"
  }
}

list "twilio_api_key" "key" {
  provider         = twilio
  include_resource = true
  limit            = 1000
  config {
    subaccount_name_prefix = "acme-"
  }
}

list "twilio_twiml_app" "app" {
  provider         = twilio
  include_resource = true
  limit            = 1000
  config {
    subaccount_name_prefix = "acme-"
  }
}

list "twilio_incoming_number" "number" {
  provider         = twilio
  include_resource = true
  limit            = 1000
  config {
    subaccount_name_prefix = "acme-"
  }
}

list "twilio_studio_flow" "flow" {
  provider         = twilio
  include_resource = true
  limit            = 1000
  config {
    subaccount_name_prefix = "acme-"
  }
}
