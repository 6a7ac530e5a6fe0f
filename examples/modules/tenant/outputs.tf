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
