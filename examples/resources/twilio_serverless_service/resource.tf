# The service that holds a tenant's voice and token functions, in the tenant's subaccount.
resource "twilio_serverless_service" "voice" {
  account_sid   = twilio_subaccount.tenant.sid
  unique_name   = "acme-voice"
  friendly_name = "Acme voice functions"

  # The token function signs with the tenant's API key (a variable), not the account's auth token.
  include_credentials = false

  lifecycle {
    prevent_destroy = true # destroying a service deletes every function, build and environment in it
  }
}
