# Deploy the build to production. A deployment made in the Console or with `twilio serverless:deploy`
# shows in the next plan as a change of build_sid.
resource "twilio_serverless_deployment" "production" {
  service_sid     = twilio_serverless_service.voice.sid
  environment_sid = twilio_serverless_environment.production.sid
  build_sid       = twilio_serverless_build.voice.sid
}

# Bind a number to the function. The URL stays the same across code changes, and referencing the
# deployment makes the number wait for the first deployment.
resource "twilio_incoming_number" "support" {
  phone_number = "+14155550100"
  voice_url    = "${twilio_serverless_deployment.production.url}${twilio_serverless_function.voice.path}"
}
