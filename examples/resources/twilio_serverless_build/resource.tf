# A build of the functions' and assets' current versions. A code change gives a function a new
# latest_version_sid, which replaces the build; the deployment then deploys the new one, in the same apply.
resource "twilio_serverless_build" "voice" {
  service_sid = twilio_serverless_service.voice.sid
  function_version_sids = [
    twilio_serverless_function.voice.latest_version_sid,
    twilio_serverless_function.token.latest_version_sid,
  ]
  asset_version_sids = [twilio_serverless_asset.hold_music.latest_version_sid]
  dependencies = {
    twilio                    = "5.9.0"
    "@twilio/runtime-handler" = "2.0.1"
  }
  runtime = "node22"

  timeouts {
    create = "10m" # builds with many dependencies take a while
  }
}
