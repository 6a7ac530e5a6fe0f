# Import a short code of a service's pool as <service SID>/<short code SID>, or with its account in front.
terraform import twilio_messaging_service_short_code.acme MG00000000000000000000000000000000/SC00000000000000000000000000000000
terraform import twilio_messaging_service_short_code.acme AC00000000000000000000000000000000/MG00000000000000000000000000000000/SC00000000000000000000000000000000
