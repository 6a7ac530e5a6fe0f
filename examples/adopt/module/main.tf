# Adopting tenants into the tenant module (examples/modules/tenant) with import blocks by identity:
# Terraform 1.12+ or OpenTofu 1.12+, no `terraform query` needed. `adopted` lists what the Console made,
# e.g. from `terraform query -json` output, or from the Twilio Console.
terraform {
  required_version = ">= 1.12"
  required_providers {
    twilio = { source = "tenantwire/twilio" }
  }
}

provider "twilio" {}

variable "adopted" {
  description = "Tenants to adopt: tenant name => the SIDs and settings of what exists in Twilio."
  type = map(object({
    subaccount   = string
    api_key      = string
    twiml_app    = string
    number       = string
    phone_number = string
    voice_url    = string
  }))
}

variable "protect" {
  description = "Passed to the module: keep subaccounts and numbers in Twilio when a tenant is destroyed."
  type        = bool
  default     = true
}

module "tenant" {
  source   = "../../modules/tenant"
  for_each = var.adopted

  name        = each.key
  environment = "acme"
  voice_url   = each.value.voice_url
  numbers     = { main = { phone_number = each.value.phone_number } }
  protect     = var.protect
}

import {
  for_each = var.adopted
  to       = module.tenant[each.key].twilio_subaccount.this
  identity = { sid = each.value.subaccount }
}

import {
  for_each = var.adopted
  to       = module.tenant[each.key].twilio_api_key.backend
  identity = { account_sid = each.value.subaccount, sid = each.value.api_key }
}

import {
  for_each = var.adopted
  to       = module.tenant[each.key].twilio_twiml_app.voice
  identity = { account_sid = each.value.subaccount, sid = each.value.twiml_app }
}

import {
  for_each = var.adopted
  to       = module.tenant[each.key].twilio_incoming_number.this["main"]
  identity = { account_sid = each.value.subaccount, sid = each.value.number }
}
