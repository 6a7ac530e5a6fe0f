# The main account's approved bundle for UK local numbers, by name: the plan fails, naming what it found,
# while no bundle of that name is approved.
data "twilio_regulatory_bundle" "uk" {
  friendly_name = "UK business"
  status        = "twilio-approved"
}

# A bundle of a subaccount, by SID.
data "twilio_regulatory_bundle" "tenant" {
  account_sid = twilio_subaccount.tenant.sid
  sid         = "BU00000000000000000000000000000000"
}

output "uk_bundle" {
  value = "${data.twilio_regulatory_bundle.uk.sid}: ${data.twilio_regulatory_bundle.uk.iso_country} ${data.twilio_regulatory_bundle.uk.number_type} numbers, ${data.twilio_regulatory_bundle.uk.status}"
}
