resource "twilio_serverless_service" "voice" {
  account_sid   = twilio_subaccount.tenant.sid
  unique_name   = "acme-voice"
  friendly_name = "Acme voice functions"
}

resource "twilio_serverless_environment" "production" {
  account_sid = twilio_subaccount.tenant.sid
  service_sid = twilio_serverless_service.voice.sid
  unique_name = "production"
}

resource "twilio_api_key" "token_function" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "token function"
}

# A value that is no secret: stored in the state (Sensitive), and a Console edit shows in the plan.
resource "twilio_serverless_variable" "api_key_sid" {
  account_sid     = twilio_subaccount.tenant.sid
  service_sid     = twilio_serverless_service.voice.sid
  environment_sid = twilio_serverless_environment.production.sid
  key             = "API_KEY_SID"
  value           = twilio_api_key.token_function.sid
}

# A secret (Terraform 1.11+, OpenTofu 1.11+): sent to Twilio, never stored with the variable in the state or
# the plan. Bump value_wo_version to send a new value (e.g. after rotating the key).
resource "twilio_serverless_variable" "api_key_secret" {
  account_sid      = twilio_subaccount.tenant.sid
  service_sid      = twilio_serverless_service.voice.sid
  environment_sid  = twilio_serverless_environment.production.sid
  key              = "API_KEY_SECRET"
  value_wo         = twilio_api_key.token_function.secret
  value_wo_version = 1
}
