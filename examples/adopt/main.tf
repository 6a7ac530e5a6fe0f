# The root configuration to adopt into: only the provider. `terraform query -generate-config-out` adds a
# file with a resource block and an import block for every object the list blocks find.
terraform {
  # terraform query needs Terraform 1.14 or later (OpenTofu has none); the rest works anywhere.
  required_providers {
    twilio = { source = "tenantwire/twilio" }
  }
}

# Credentials come from TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (the main account's auth token: an API key
# of the main account cannot reach subaccount resources).
provider "twilio" {}
