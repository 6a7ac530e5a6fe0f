# The voice app a tenant's browser and mobile clients call through.
resource "twilio_twiml_app" "voice" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "acme voice"

  voice_url          = "https://acme-voice.example.com/twiml"
  voice_fallback_url = "https://acme-voice-fallback.example.com/twiml"
  status_callback    = "https://acme-voice.example.com/status"
}
