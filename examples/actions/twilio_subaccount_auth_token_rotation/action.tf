# Rotate a tenant's auth token without downtime:
#   terraform apply -invoke=action.twilio_subaccount_auth_token_rotation.acme
# The next plan refreshes twilio_subaccount.acme.auth_token with the new token.
resource "twilio_subaccount" "acme" {
  friendly_name = "acme"
}

action "twilio_subaccount_auth_token_rotation" "acme" {
  config {
    account_sid = twilio_subaccount.acme.sid
  }
}

# Or on a schedule kept in the configuration: bumping rotation_epoch rotates on the next apply.
variable "rotation_epoch" {
  type    = string
  default = "2026-12"
}

resource "terraform_data" "acme_rotation" {
  input = var.rotation_epoch
  lifecycle {
    action_trigger {
      events  = [after_update]
      actions = [action.twilio_subaccount_auth_token_rotation.acme]
    }
  }
}
