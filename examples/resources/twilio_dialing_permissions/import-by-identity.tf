# Terraform 1.12+ and OpenTofu 1.12+.
import {
  to = twilio_dialing_permissions.acme
  identity = {
    account_sid = "AC00000000000000000000000000000000"
  }
}
