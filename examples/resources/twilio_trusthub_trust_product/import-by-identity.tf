# Terraform 1.12+ and OpenTofu 1.12+. account_sid may be left out to mean the provider's account.
import {
  to = twilio_trusthub_trust_product.acme_a2p
  identity = {
    account_sid = "AC00000000000000000000000000000000"
    sid         = "BU00000000000000000000000000000000"
  }
}
