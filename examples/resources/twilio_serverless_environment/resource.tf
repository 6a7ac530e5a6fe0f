resource "twilio_serverless_service" "voice" {
  unique_name   = "acme-voice"
  friendly_name = "Acme voice functions"
}

# Functions deployed here answer at https://acme-voice-NNNN.twil.io/<path> (no domain_suffix).
resource "twilio_serverless_environment" "production" {
  service_sid = twilio_serverless_service.voice.sid
  unique_name = "production"
}

# ... and here at https://acme-voice-NNNN-stage.twil.io/<path>.
resource "twilio_serverless_environment" "staging" {
  service_sid   = twilio_serverless_service.voice.sid
  unique_name   = "staging"
  domain_suffix = "stage"
}

output "voice_function_url" {
  value = "https://${twilio_serverless_environment.production.domain_name}/voice"
}
