resource "twilio_api_key" "kiosk" {
  friendly_name = "lobby kiosk"
}

resource "twilio_twiml_app" "softphone" {
  friendly_name = "softphone"
  voice_url     = "https://example.com/voice"
}

ephemeral "twilio_access_token" "kiosk" {
  api_key_sid    = twilio_api_key.kiosk.sid
  api_key_secret = twilio_api_key.kiosk.secret
  identity       = "lobby-kiosk"
  ttl            = 86400

  voice {
    incoming_allow           = true
    outgoing_application_sid = twilio_twiml_app.softphone.sid
    outgoing_application_params = {
      site = "lobby"
    }
  }
}

# Hand the token to the kiosk through a secret store without it ever reaching plan or state: a write-only
# argument (Terraform 1.11+, OpenTofu 1.11+) accepts ephemeral values.
resource "aws_secretsmanager_secret" "kiosk_token" {
  name = "lobby-kiosk/twilio-access-token"
}

resource "aws_secretsmanager_secret_version" "kiosk_token" {
  secret_id                = aws_secretsmanager_secret.kiosk_token.id
  secret_string_wo         = ephemeral.twilio_access_token.kiosk.token
  secret_string_wo_version = 1 # bump to store a new token
}
