# Credentials from the environment (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN), as every Twilio tool reads them.
provider "twilio" {}

# Or an API key pair. A main account's API key cannot manage its subaccounts' resources.
provider "twilio" {
  alias          = "with_key"
  account_sid    = var.account_sid
  api_key_sid    = var.api_key_sid
  api_key_secret = var.api_key_secret
}

# A provider acting as a subaccount, fed from the subaccount's own outputs. The values are unknown until
# the subaccount exists; the provider still plans.
provider "twilio" {
  alias       = "tenant"
  account_sid = twilio_subaccount.tenant.sid
  auth_token  = twilio_subaccount.tenant.auth_token
}

# The local Twilio emulator shipped with this provider (`make emulator`).
provider "twilio" {
  alias       = "emulator"
  base_url    = "http://127.0.0.1:8718"
  account_sid = var.emulator_account_sid
  auth_token  = var.emulator_auth_token
}
