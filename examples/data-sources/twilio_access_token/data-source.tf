# Prefer the twilio_access_token ephemeral resource (Terraform 1.10+, OpenTofu 1.11+): this data source
# mints a new token at every plan and stores it in the state.

resource "twilio_api_key" "ci" {
  friendly_name = "ci smoke tests"
}

resource "twilio_twiml_app" "softphone" {
  friendly_name = "softphone"
  voice_url     = "https://example.com/voice"
}

data "twilio_access_token" "smoke_test" {
  api_key_sid    = twilio_api_key.ci.sid
  api_key_secret = twilio_api_key.ci.secret
  identity       = "smoke-test"
  ttl            = 600

  voice {
    outgoing_application_sid = twilio_twiml_app.softphone.sid
  }
}

# Read by the deployment's smoke test: terraform output -raw smoke_test_token
output "smoke_test_token" {
  value     = data.twilio_access_token.smoke_test.token
  sensitive = true
}
