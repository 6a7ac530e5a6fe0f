# A short code Twilio provisioned to the tenant's subaccount (after an application; short codes cannot be
# bought through the API), in the tenant's Messaging Service. A short code is in one service at a time.
variable "acme_short_code_sid" {
  description = "SID (SC…) of the short code Twilio provisioned to the acme subaccount."
  type        = string
}

resource "twilio_subaccount" "acme" {
  friendly_name = "acme"
}

resource "twilio_messaging_service" "acme" {
  account_sid   = twilio_subaccount.acme.sid
  friendly_name = "acme texts"
}

resource "twilio_messaging_service_short_code" "acme" {
  account_sid    = twilio_subaccount.acme.sid
  service_sid    = twilio_messaging_service.acme.sid
  short_code_sid = var.acme_short_code_sid
}
