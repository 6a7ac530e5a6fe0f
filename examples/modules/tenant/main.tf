# One tenant's Twilio footprint: its own subaccount, an API key for its backend, the TwiML app its voice
# clients call through, and its phone numbers.
#
# With protect = true, destroying the tenant (removing it from a for_each map) only makes Terraform forget
# the subaccount, its numbers and its TwiML app: they stay in Twilio, working and billed. The API key is
# revoked either way: a credential must not outlive the configuration that manages it.

resource "twilio_subaccount" "this" {
  friendly_name = "${var.environment}-${var.name}"
  skip_destroy  = var.protect
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
  voice_url          = var.voice_url
  voice_fallback_url = var.voice_fallback_url
  skip_destroy       = var.protect
}

resource "twilio_incoming_number" "this" {
  for_each = var.numbers

  account_sid   = twilio_subaccount.this.sid
  friendly_name = "${var.name} ${each.key}"
  phone_number  = each.value.phone_number
  area_code     = each.value.area_code
  skip_destroy  = var.protect

  voice_application_sid = each.value.target == "twiml_app" ? twilio_twiml_app.voice.sid : null
  voice_url             = each.value.target == "voice_url" ? each.value.voice_url : null
  studio_flow_sid       = each.value.target == "studio_flow" ? each.value.studio_flow_sid : null
}
