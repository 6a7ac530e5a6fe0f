# A standard key in a tenant's subaccount, for the tenant's backend.
resource "twilio_api_key" "backend" {
  account_sid   = twilio_subaccount.tenant.sid
  friendly_name = "acme backend"
}

# A restricted key that can only read call logs (IAM v1).
resource "twilio_api_key" "reporting" {
  friendly_name = "reporting"
  key_type      = "restricted"
  policy = jsonencode({
    allow = ["/twilio/voice/calls/read"]
  })
}

# Hand the secret to whatever needs it; it is known only to the state.
output "backend_api_key_secret" {
  value     = twilio_api_key.backend.secret
  sensitive = true
}
