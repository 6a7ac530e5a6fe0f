# Terraform 1.12+ and OpenTofu 1.12+. account_sid may be left out to mean the provider's account.
import {
  to = twilio_messaging_service_phone_number.acme_main
  identity = {
    account_sid      = "AC00000000000000000000000000000000"
    service_sid      = "MG00000000000000000000000000000000"
    phone_number_sid = "PN00000000000000000000000000000000"
  }
}
