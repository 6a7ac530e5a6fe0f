output "subaccount_sid" {
  description = "SID of the tenant's subaccount."
  value       = twilio_subaccount.this.sid
}

output "subaccount_auth_token" {
  description = "Auth token of the tenant's subaccount."
  value       = twilio_subaccount.this.auth_token
  sensitive   = true
}

output "api_key_sid" {
  description = "SID of the tenant's API key."
  value       = twilio_api_key.backend.sid
}

output "api_key_secret" {
  description = "Secret of the tenant's API key; Twilio shows it only once, at creation."
  value       = twilio_api_key.backend.secret
  sensitive   = true
}

output "twiml_app_sid" {
  description = "SID of the tenant's TwiML app."
  value       = twilio_twiml_app.voice.sid
}

output "numbers" {
  description = "The tenant's numbers: name => E.164 phone number."
  value       = { for k, n in twilio_incoming_number.this : k => n.phone_number }
}

output "number_sids" {
  description = "The tenant's numbers: name => SID (PN…)."
  value       = { for k, n in twilio_incoming_number.this : k => n.sid }
}

output "voice_function_url" {
  description = "URL of the voice function the tenant's TwiML app calls: its own (voice_function) or the shared voice_url."
  value       = local.voice_function_url
}

output "token_function_url" {
  description = "URL of the tenant's token function; null without voice_function.token_source."
  value       = local.token_function ? "${twilio_serverless_deployment.voice[0].url}${twilio_serverless_function.token[0].path}" : null
}

output "bundle_sid" {
  description = "SID of the tenant's clone of the regulatory bundle its numbers are bought under; null without bundle."
  value       = local.bundle_sid
}

output "address_sid" {
  description = "SID of the address the tenant's numbers are bought with (the module's or address_sid); null for none."
  value       = local.address_sid
}
