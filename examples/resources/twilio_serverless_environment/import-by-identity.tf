# Terraform 1.12+ and OpenTofu 1.12+. account_sid may be left out to mean the provider's account.
import {
  to = twilio_serverless_environment.production
  identity = {
    account_sid = "AC00000000000000000000000000000000"
    service_sid = "ZS00000000000000000000000000000000"
    sid         = "ZE00000000000000000000000000000000"
  }
}
