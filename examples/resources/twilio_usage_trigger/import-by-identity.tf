# Terraform 1.12+ and OpenTofu 1.12+. account_sid may be left out to mean the provider's account.
import {
  to = twilio_usage_trigger.acme_spend
  identity = {
    account_sid = "AC00000000000000000000000000000000"
    sid         = "UT00000000000000000000000000000000"
  }
}
