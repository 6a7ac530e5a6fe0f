# The campaign of a tenant's Messaging Service: what its texts are for, registered for the tenant's
# approved brand. A Messaging Service carries one campaign.
resource "twilio_a2p_campaign" "reminders" {
  account_sid              = "AC00000000000000000000000000000000"
  messaging_service_sid    = "MG00000000000000000000000000000000"
  brand_registration_sid   = twilio_a2p_brand_registration.acme.sid
  us_app_to_person_usecase = "ACCOUNT_NOTIFICATION"
  description              = "Appointment reminders and replies for the patients of Acme Dental."
  message_flow             = "Patients opt in on Acme Dental's booking form by ticking an SMS consent box."
  message_samples = [
    "Acme Dental: your appointment is tomorrow at 10am. Reply C to confirm.",
    "Acme Dental: thanks, your appointment is confirmed. Reply STOP to opt out.",
  ]
  has_embedded_links = false
  has_embedded_phone = false

  opt_out_keywords = ["STOP", "UNSUBSCRIBE"]
  opt_out_message  = "You are unsubscribed from Acme Dental messages. No more messages will be sent."
  help_keywords    = ["HELP"]
  help_message     = "Acme Dental: call (555) 010-0100 or email help@acme.example for help."

  timeouts {
    create = "2h"
  }
}
