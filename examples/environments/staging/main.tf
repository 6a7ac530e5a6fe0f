# Staging: two tenants from the shared tenant module. Credentials come from the environment
# (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN; TWILIO_BASE_URL for the local emulator).
terraform {
  required_version = ">= 1.8"
  required_providers {
    twilio = {
      source = "tenantwire/twilio"
    }
  }
}

provider "twilio" {}

locals {
  voice_url = "https://staging-voice.example.com/twiml"

  tenants = {
    acme = {
      numbers = {
        main = { area_code = "415" }
      }
    }
    globex = {
      numbers = {
        main    = { area_code = "212" }
        support = { area_code = "212", target = "voice_url", voice_url = "https://staging-voice.example.com/globex/support" }
      }
    }
  }
}

module "tenant" {
  source   = "../../modules/tenant"
  for_each = local.tenants

  name        = each.key
  environment = "staging"
  voice_url   = local.voice_url
  numbers     = each.value.numbers

  # Staging tenants are disposable: destroying one closes its subaccount and releases its numbers.
  protect = false
}

output "tenants" {
  description = "Per tenant: subaccount, API key, TwiML app and numbers."
  value = {
    for name, t in module.tenant : name => {
      subaccount_sid = t.subaccount_sid
      api_key_sid    = t.api_key_sid
      twiml_app_sid  = t.twiml_app_sid
      numbers        = t.numbers
      number_sids    = t.number_sids
    }
  }
}

output "api_key_secrets" {
  description = "Per tenant: the API key secret (sensitive)."
  value       = { for name, t in module.tenant : name => t.api_key_secret }
  sensitive   = true
}
