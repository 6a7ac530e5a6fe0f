# The tenant's own voice function (optional). The Console procedure binds every caller number to a voice
# function: by default the main account's shared one (voice_url), which is easier to maintain; with
# voice_function set, this module deploys one per tenant instead, in the tenant's subaccount: a Serverless
# service and environment, the voice function (and the token function that mints its clients' access
# tokens), a build and its deployment, and the functions' variables, with the API key's secret and the
# token function's bearer secret as write-only values (Terraform 1.11+ / OpenTofu 1.11+) that never reach
# the state. Editing a handler file deploys a new build in the next apply; the function URL stays the same.

locals {
  own_function   = var.voice_function != null
  token_function = local.own_function && try(var.voice_function.token_source, null) != null

  # What the TwiML app and the numbers with target "voice_function" call: the tenant's own function or
  # the shared one.
  voice_function_url = local.own_function ? "${twilio_serverless_deployment.voice[0].url}${twilio_serverless_function.voice[0].path}" : var.voice_url

  # The functions' plain variables (secrets are write-only, below); keys are known at plan time.
  function_values = local.own_function ? merge(
    var.voice_function.client_identity != null ? { CLIENT_IDENTITY = var.voice_function.client_identity } : {},
    var.voice_function.caller_id != null ? { CALLER_ID = var.voice_function.caller_id } : {},
    local.token_function ? {
      ACCOUNT_SID   = twilio_subaccount.this.sid
      API_KEY_SID   = twilio_api_key.backend.sid
      TWIML_APP_SID = twilio_twiml_app.voice.sid
    } : {},
  ) : {}
}

resource "twilio_serverless_service" "voice" {
  count = local.own_function ? 1 : 0

  account_sid   = twilio_subaccount.this.sid
  unique_name   = var.name
  friendly_name = "${var.name} voice functions"
  # The token function signs with the tenant's API key; no function needs the account's auth token.
  include_credentials = false
  skip_destroy        = var.protect
}

resource "twilio_serverless_environment" "voice" {
  count = local.own_function ? 1 : 0

  account_sid  = twilio_subaccount.this.sid
  service_sid  = twilio_serverless_service.voice[0].sid
  unique_name  = "production"
  skip_destroy = var.protect
}

resource "twilio_serverless_function" "voice" {
  count = local.own_function ? 1 : 0

  account_sid   = twilio_subaccount.this.sid
  service_sid   = twilio_serverless_service.voice[0].sid
  friendly_name = "voice"
  path          = "/voice"
  visibility    = "protected" # only requests signed by Twilio: its voice webhooks
  source        = var.voice_function.voice_source
}

resource "twilio_serverless_function" "token" {
  count = local.token_function ? 1 : 0

  account_sid   = twilio_subaccount.this.sid
  service_sid   = twilio_serverless_service.voice[0].sid
  friendly_name = "token"
  path          = "/token"
  visibility    = "public" # called by the tenant's backend, which presents the bearer secret
  source        = var.voice_function.token_source
}

resource "twilio_serverless_build" "voice" {
  count = local.own_function ? 1 : 0

  account_sid = twilio_subaccount.this.sid
  service_sid = twilio_serverless_service.voice[0].sid
  function_version_sids = concat(
    [twilio_serverless_function.voice[0].latest_version_sid],
    [for f in twilio_serverless_function.token : f.latest_version_sid],
  )
  dependencies = var.voice_function.dependencies
  runtime      = var.voice_function.runtime
}

resource "twilio_serverless_deployment" "voice" {
  count = local.own_function ? 1 : 0

  account_sid     = twilio_subaccount.this.sid
  service_sid     = twilio_serverless_service.voice[0].sid
  environment_sid = twilio_serverless_environment.voice[0].sid
  build_sid       = twilio_serverless_build.voice[0].sid
}

resource "twilio_serverless_variable" "plain" {
  for_each = local.function_values

  account_sid     = twilio_subaccount.this.sid
  service_sid     = twilio_serverless_service.voice[0].sid
  environment_sid = twilio_serverless_environment.voice[0].sid
  key             = each.key
  value           = each.value
  skip_destroy    = var.protect
}

# The API key's secret signs the tokens. Write-only, so it is sent, never stored with the variable; a
# rotated key (a new twilio_api_key.backend) replaces the variable, which sends the new secret.
resource "twilio_serverless_variable" "api_key_secret" {
  count = local.token_function ? 1 : 0

  account_sid      = twilio_subaccount.this.sid
  service_sid      = twilio_serverless_service.voice[0].sid
  environment_sid  = twilio_serverless_environment.voice[0].sid
  key              = "API_KEY_SECRET"
  value_wo         = twilio_api_key.backend.secret
  value_wo_version = 1
  skip_destroy     = var.protect

  lifecycle {
    replace_triggered_by = [twilio_api_key.backend.id]
  }
}

# The bearer secret the tenant's backend presents to the token function; bump token_auth_secret_version to
# send a new one.
resource "twilio_serverless_variable" "client_auth_secret" {
  count = local.token_function ? 1 : 0

  account_sid      = twilio_subaccount.this.sid
  service_sid      = twilio_serverless_service.voice[0].sid
  environment_sid  = twilio_serverless_environment.voice[0].sid
  key              = "CLIENT_AUTH_SECRET"
  value_wo         = var.token_auth_secret
  value_wo_version = var.token_auth_secret_version
  skip_destroy     = var.protect
}
