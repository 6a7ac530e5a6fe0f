# Mints a short-lived access token (a JWT with a voice grant) for one tenant's voice client, from the
# tenant's API key and TwiML app. `make demo` feeds it the staging environment's outputs. No Twilio call
# is made: tokens are signed locally with the key's secret.
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
  description = "The access token; hand it to the voice client, which refreshes it before expires_at."
  value       = data.twilio_access_token.client.token
  sensitive   = true
}

output "expires_at" {
  value = data.twilio_access_token.client.expires_at
}
