# Terraform 1.12+ and OpenTofu 1.12+. account_sid may be left out to mean the provider's account.
import {
  to = twilio_a2p_campaign.reminders
  identity = {
    account_sid           = "AC00000000000000000000000000000000"
    messaging_service_sid = "MG00000000000000000000000000000000"
    sid                   = "QE00000000000000000000000000000000"
  }
}
