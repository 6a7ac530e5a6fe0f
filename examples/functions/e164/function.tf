# Numbers collected from tenants in their own national format, normalised for Twilio.
locals {
  support_numbers = {
    acme   = { number = "020 7183 8750", country = "GB" }
    globex = { number = "(415) 555-2671", country = "US" }
  }
}

output "support_numbers_e164" {
  # { acme = "+442071838750", globex = "+14155552671" }
  value = {
    for tenant, n in local.support_numbers :
    tenant => provider::twilio::e164(n.number, n.country)
  }
}

# A number already in international format needs no country.
output "escalation_number" {
  value = provider::twilio::e164("+49 30 1234567", "") # "+49301234567"
}
