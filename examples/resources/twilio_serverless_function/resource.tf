# The voice function's code from a file next to the configuration: editing the file plans a new version.
resource "twilio_serverless_function" "voice" {
  service_sid   = twilio_serverless_service.voice.sid
  friendly_name = "Voice"
  path          = "/voice"
  visibility    = "protected" # only requests signed by Twilio, such as its voice webhooks
  source        = "${path.module}/functions/voice.js"
}

# A small function written inline.
resource "twilio_serverless_function" "health" {
  service_sid   = twilio_serverless_service.voice.sid
  friendly_name = "Health check"
  path          = "/health"
  visibility    = "public"
  content       = <<-EOT
    exports.handler = (context, event, callback) => callback(null, { ok: true });
  EOT
}
