# Terraform 1.12+ and OpenTofu 1.12+.
import {
  to = twilio_subaccount.tenant
  identity = {
    sid = "AC00000000000000000000000000000000"
  }
}
