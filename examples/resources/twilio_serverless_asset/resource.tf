# A static file served by every environment the service deploys to, e.g. hold music or a logo.
resource "twilio_serverless_asset" "hold_music" {
  service_sid   = twilio_serverless_service.voice.sid
  friendly_name = "Hold music"
  path          = "/hold.mp3"
  visibility    = "public"
  source        = "${path.module}/assets/hold.mp3"
}

# A protected asset (only functions and Twilio-signed requests may read it), written inline.
resource "twilio_serverless_asset" "greetings" {
  service_sid   = twilio_serverless_service.voice.sid
  friendly_name = "Greetings"
  path          = "/greetings.json"
  visibility    = "protected"
  content       = jsonencode({ en = "Hello", fr = "Bonjour" })
}
