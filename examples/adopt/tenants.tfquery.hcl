# Everything the tenants' subaccounts hold, found by `terraform query` (Terraform 1.14 or later).
# include_resource returns complete objects, so the generated configuration plans with no changes.
# limit: Terraform stops a list block at 100 results unless told otherwise.

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
    all_subaccounts = true
  }
}

list "twilio_twiml_app" "app" {
  provider         = twilio
  include_resource = true
  limit            = 1000
  config {
    all_subaccounts = true
  }
}

list "twilio_incoming_number" "number" {
  provider         = twilio
  include_resource = true
  limit            = 1000
  config {
    all_subaccounts = true
  }
}

list "twilio_studio_flow" "flow" {
  provider         = twilio
  include_resource = true
  limit            = 1000
  config {
    all_subaccounts = true
  }
}
