# One tenant's Twilio footprint: its own subaccount, an API key for its backend, the TwiML app its voice
# clients call through, and its phone numbers; optionally its own voice function (voice_function.tf).
#
# With protect = true, destroying the tenant (removing it from a for_each map) only makes Terraform forget
# the subaccount, its numbers and its TwiML app: they stay in Twilio, working and billed. The API key is
# revoked either way: a credential must not outlive the configuration that manages it.

resource "twilio_subaccount" "this" {
  friendly_name            = "${var.environment}-${var.name}"
  skip_destroy             = var.protect
  release_numbers_on_close = var.release_numbers_on_close

  lifecycle {
    # The spend circuit breaker (the twilio_subaccount_status action, guardrails guide) suspends and
    # reactivates the tenant outside this module's configuration; ignoring status keeps the next apply from
    # undoing it.
    ignore_changes = [status]
  }
}

resource "twilio_api_key" "backend" {
  account_sid   = twilio_subaccount.this.sid
  friendly_name = "${var.name} backend"

  # Rotation (terraform apply -replace=...) creates the new key before it revokes the old one.
  lifecycle {
    create_before_destroy = true
  }
}

resource "twilio_twiml_app" "voice" {
  account_sid        = twilio_subaccount.this.sid
  friendly_name      = "${var.name} voice"
  voice_url          = local.voice_function_url
  voice_fallback_url = var.voice_fallback_url
  skip_destroy       = var.protect

  lifecycle {
    precondition {
      condition     = var.voice_url != null || var.voice_function != null
      error_message = "Set voice_url (a shared voice function) or voice_function (the tenant's own)."
    }
    precondition {
      condition     = try(var.voice_function.token_source, null) == null || var.token_auth_secret != null
      error_message = "voice_function.token_source needs token_auth_secret: the token function refuses callers without it."
    }
  }
}

resource "twilio_incoming_number" "this" {
  for_each = var.numbers

  account_sid   = twilio_subaccount.this.sid
  friendly_name = "${var.name} ${each.key}"
  phone_number  = each.value.phone_number
  area_code     = each.value.area_code
  country       = each.value.area_code == null ? null : var.country
  bundle_sid    = local.bundle_sid
  address_sid   = local.address_sid
  skip_destroy  = var.protect

  voice_application_sid = each.value.target == "twiml_app" ? twilio_twiml_app.voice.sid : null
  voice_url             = each.value.target == "voice_url" ? each.value.voice_url : each.value.target == "voice_function" ? local.voice_function_url : null
  studio_flow_sid       = each.value.target == "studio_flow" ? each.value.studio_flow_sid : null
}
