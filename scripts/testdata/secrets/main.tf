# Every kind of secret the provider handles, for TestAccSecretsNeverLogged (internal/e2e): a subaccount's auth token, an API
# key's secret, an access token minted from them, and a Serverless variable's write-only value (never in the state).
terraform {
  required_providers {
    twilio = {
      source = "tenantwire/twilio"
    }
  }
}

provider "twilio" {}

resource "twilio_subaccount" "tenant" {
  friendly_name = "secrets-check"
}

resource "twilio_api_key" "backend" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "secrets-check"
}

resource "twilio_twiml_app" "voice" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "secrets-check"
  voice_url     = "https://voice.example.com/twiml"
}

data "twilio_access_token" "client" {
  account_sid    = twilio_subaccount.tenant.sid
  api_key_sid    = twilio_api_key.backend.sid
  api_key_secret = twilio_api_key.backend.secret
  identity       = "alice"
  ttl            = 600

  voice {
    incoming_allow           = true
    outgoing_application_sid = twilio_twiml_app.voice.sid
  }
}

variable "function_secret" {
  type      = string
  sensitive = true
  default   = "fnSecretWriteOnly0123456789abcdefXYZ"
}

resource "twilio_serverless_service" "fn" {
  account_sid   = twilio_subaccount.tenant.sid
  unique_name   = "secrets-check"
  friendly_name = "secrets-check"
}

resource "twilio_serverless_environment" "fn" {
  account_sid = twilio_subaccount.tenant.sid
  service_sid = twilio_serverless_service.fn.sid
  unique_name = "production"
}

resource "twilio_serverless_variable" "secret" {
  account_sid      = twilio_subaccount.tenant.sid
  service_sid      = twilio_serverless_service.fn.sid
  environment_sid  = twilio_serverless_environment.fn.sid
  key              = "API_SECRET"
  value_wo         = var.function_secret
  value_wo_version = 1
}

resource "twilio_serverless_variable" "plain" {
  account_sid     = twilio_subaccount.tenant.sid
  service_sid     = twilio_serverless_service.fn.sid
  environment_sid = twilio_serverless_environment.fn.sid
  key             = "PLAIN"
  value           = "plainValueInState0123456789abcdefXY"
}

output "auth_token" {
  value     = twilio_subaccount.tenant.auth_token
  sensitive = true
}

output "api_key_secret" {
  value     = twilio_api_key.backend.secret
  sensitive = true
}

output "access_token" {
  value     = data.twilio_access_token.client.token
  sensitive = true
}
