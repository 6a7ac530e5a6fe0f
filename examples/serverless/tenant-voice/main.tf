# A tenant with its own voice function: the tenant module deploys examples/serverless/functions (voice.js,
# and token.js, which mints its clients' access tokens with the tenant's API key) in the tenant's
# subaccount and binds its number to the voice function. `make demo-serverless` applies it against the
# local emulator. Credentials come from the environment (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN;
# TWILIO_BASE_URL for the emulator). Write-only values need Terraform 1.11+ or OpenTofu 1.11+.
terraform {
  required_version = ">= 1.11"
  required_providers {
    twilio = {
      source = "tenantwire/twilio"
    }
  }
}

provider "twilio" {}

variable "token_auth_secret" {
  description = "Bearer secret the tenant's backend presents to its token function (written to Twilio, never to the state)."
  type        = string
  sensitive   = true
}

module "tenant" {
  source = "../../modules/tenant"

  name        = "initech"
  environment = "demo"
  protect     = false # a demo tenant: destroying it closes the subaccount and releases its number

  voice_function = {
    voice_source    = "${path.module}/../functions/voice.js"
    token_source    = "${path.module}/../functions/token.js"
    client_identity = "initech-front-desk"
    caller_id       = "+14155550170"
  }
  token_auth_secret = var.token_auth_secret

  numbers = {
    main = { phone_number = "+14155550170", target = "voice_function" }
  }
}

output "voice_function_url" {
  value = module.tenant.voice_function_url
}

output "token_function_url" {
  value = module.tenant.token_function_url
}

output "subaccount_sid" {
  value = module.tenant.subaccount_sid
}

output "number" {
  value = module.tenant.numbers["main"]
}
