# Production: the same tenant module with production inputs and protect = true: removing a tenant from
# the map never closes its subaccount, releases its numbers or deletes its TwiML app (Terraform forgets
# them); only its API key is revoked. The britco tenant buys a London number with its UK address and under
# a clone of the main account's approved UK regulatory bundle (made and reviewed in the Console, named
# "UK business").
terraform {
  required_version = ">= 1.8"
  required_providers {
    twilio = {
      source = "tenantwire/twilio"
    }
  }
}

provider "twilio" {}

variable "tenants" {
  description = "Production tenants: name => numbers to buy (see the tenant module's numbers input)."
  type = map(object({
    # Numbers outside the US: their country, and the main account's approved regulatory bundle for it
    # (by name), which the tenant module clones into the tenant's subaccount.
    country     = optional(string)
    bundle_name = optional(string)
    address = optional(object({
      customer_name = string
      street        = string
      city          = string
      region        = string
      postal_code   = string
      iso_country   = string
    }))
    numbers = map(object({
      phone_number    = optional(string)
      area_code       = optional(string)
      target          = optional(string, "twiml_app")
      voice_url       = optional(string)
      studio_flow_sid = optional(string)
    }))
  }))
  default = {
    acme = {
      numbers = {
        main = { area_code = "415" }
      }
    }
    globex = {
      numbers = {
        main = { area_code = "212" }
      }
    }
    initech = {
      numbers = {
        main = { area_code = "512" }
      }
    }
    britco = {
      country     = "GB"
      bundle_name = "UK business"
      address = {
        customer_name = "Britco Ltd"
        street        = "1 Example Street"
        city          = "London"
        region        = "Greater London"
        postal_code   = "SW1A 1AA"
        iso_country   = "GB"
      }
      numbers = {
        london = { area_code = "20" }
      }
    }
  }
}

module "tenant" {
  source   = "../../modules/tenant"
  for_each = var.tenants

  name               = each.key
  environment        = "production"
  voice_url          = "https://voice.example.com/twiml"
  voice_fallback_url = "https://voice-fallback.example.com/twiml"
  numbers            = each.value.numbers
  country            = each.value.country
  bundle             = each.value.bundle_name == null ? null : { friendly_name = each.value.bundle_name }
  address            = each.value.address
  protect            = true
}

output "tenants" {
  description = "Per tenant: subaccount, API key, TwiML app and numbers."
  value = {
    for name, t in module.tenant : name => {
      subaccount_sid = t.subaccount_sid
      api_key_sid    = t.api_key_sid
      twiml_app_sid  = t.twiml_app_sid
      numbers        = t.numbers
    }
  }
}
