# Terraform 1.12+ and OpenTofu 1.12+. account_sid may be left out to mean the provider's account.
import {
  to = twilio_tollfree_verification.acme
  identity = {
    account_sid = "AC00000000000000000000000000000000"
    sid         = "HH00000000000000000000000000000000"
  }
}
