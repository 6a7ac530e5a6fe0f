# A tenant's secondary customer profile (policy RNdfbf3fae0e1107f8aded0e7cead80bf5), holding its business
# information, its authorized representative, its address and the ISV's own approved primary profile.
# The apply waits up to 2 hours for Twilio's review; a longer review leaves it in review, with a warning.
variable "isv_primary_customer_profile_sid" {
  type        = string
  description = "The ISV's twilio-approved primary customer profile (BU…), made once in the Console."
}

resource "twilio_trusthub_customer_profile" "acme" {
  account_sid   = twilio_subaccount.acme.sid
  friendly_name = "acme"
  email         = "compliance@isv.example"
  policy_sid    = "RNdfbf3fae0e1107f8aded0e7cead80bf5"
  entity_sids = [
    twilio_trusthub_end_user.business.sid,
    twilio_trusthub_end_user.representative.sid,
    twilio_trusthub_supporting_document.address.sid,
    var.isv_primary_customer_profile_sid,
  ]
  status_callback = "https://isv.example/twilio/trust-hub"

  timeouts {
    create = "2h"
  }
}
