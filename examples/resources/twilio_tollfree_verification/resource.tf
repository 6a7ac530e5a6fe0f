# A tenant's toll-free number and its verification, so it may text at full volume.
resource "twilio_incoming_number" "tollfree" {
  account_sid = "AC00000000000000000000000000000000"
  area_code   = "888"
}

resource "twilio_tollfree_verification" "acme" {
  account_sid               = twilio_incoming_number.tollfree.account_sid
  tollfree_phone_number_sid = twilio_incoming_number.tollfree.sid
  business_name             = "Acme Dental"
  business_website          = "https://acme-dental.example.com"
  notification_email        = "compliance@acme-dental.example.com"
  use_case_categories       = ["ACCOUNT_NOTIFICATIONS"]
  use_case_summary          = "Appointment reminders and confirmations for patients who opted in when booking."
  production_message_sample = "Acme Dental: your appointment is tomorrow at 10am. Reply STOP to opt out."
  opt_in_image_urls         = ["https://acme-dental.example.com/sms-opt-in.png"]
  opt_in_type               = "WEB_FORM"
  message_volume            = "1,000"

  business_street_address        = "1 Main St"
  business_city                  = "Springfield"
  business_state_province_region = "IL"
  business_postal_code           = "62701"
  business_country               = "US"
  business_contact_first_name    = "Ada"
  business_contact_last_name     = "Lovelace"
  business_contact_email         = "ada@acme-dental.example.com"
  business_contact_phone         = "+14155550100"

  # Reviews take days: wait a few minutes, then keep the verification and report its status.
  timeouts {
    create = "10m"
    update = "10m"
  }
}
