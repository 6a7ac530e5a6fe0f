# Every kind of secret the provider handles, for TestAccSecretsNeverLogged (internal/e2e): a subaccount's auth token, an API
# key's secret, and an access token minted from them.
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
