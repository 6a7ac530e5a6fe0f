# The spend circuit breaker: suspend a tenant's subaccount by hand when its spend alert fires,
#   terraform apply -invoke=action.twilio_subaccount_status.suspend_acme
# and reactivate it once the cause is fixed,
#   terraform apply -invoke=action.twilio_subaccount_status.reactivate_acme
variable "acme_account_sid" {
  type = string
}

action "twilio_subaccount_status" "suspend_acme" {
  config {
    account_sid = var.acme_account_sid
    status      = "suspended"
  }
}

action "twilio_subaccount_status" "reactivate_acme" {
  config {
    account_sid = var.acme_account_sid
    status      = "active"
  }
}

# Or from the configuration: changing breaker_state runs the matching action on the next apply.
variable "breaker_state" {
  type    = string
  default = "closed"
}

resource "terraform_data" "acme_breaker" {
  input = var.breaker_state
  lifecycle {
    action_trigger {
      events    = [after_update]
      condition = var.breaker_state == "open"
      actions   = [action.twilio_subaccount_status.suspend_acme]
    }
  }
}
