# Mints one short-lived access token (a JWT with a voice grant) from a tenant's API key and TwiML app, to
# show what a voice client receives. `make demo` feeds it the staging environment's outputs. No Twilio call
# is made: tokens are signed locally with the key's secret.
#
# Real voice clients get their tokens from the tenant's backend, which mints one per session and a new one
# before each expires; nothing refreshes this one. The data source mints a new token at every plan, so
# `plan -detailed-exitcode` here always exits 2. See the "Access tokens for browser and mobile voice
# clients" guide.
terraform {
  required_providers {
    twilio = {
      source = "tenantwire/twilio"
    }
  }
}

provider "twilio" {}

variable "account_sid" {
  description = "The tenant's subaccount SID."
  type        = string
}

variable "api_key_sid" {
  description = "SID of the tenant's API key."
  type        = string
}

variable "api_key_secret" {
  description = "Secret of the tenant's API key."
  type        = string
  sensitive   = true
}

variable "twiml_app_sid" {
  description = "SID of the tenant's TwiML app, which outgoing calls go through."
  type        = string
}

variable "identity" {
  description = "Identity of the client the token is for."
  type        = string
  default     = "alice"
}

data "twilio_access_token" "client" {
  account_sid    = var.account_sid
  api_key_sid    = var.api_key_sid
  api_key_secret = var.api_key_secret
  identity       = var.identity
  ttl            = 600

  voice {
    incoming_allow           = true
    outgoing_application_sid = var.twiml_app_sid
  }
}

output "token" {
  description = "The access token, valid until expires_at; a new one at every plan and apply."
  value       = data.twilio_access_token.client.token
  sensitive   = true
}

output "expires_at" {
  description = "When the token expires (its exp claim); nothing renews it."
  value       = data.twilio_access_token.client.expires_at
}
