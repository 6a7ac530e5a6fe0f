# Import a service of the provider's account (or one of its subaccounts) by its SID, or name its account.
terraform import twilio_messaging_service.acme MG00000000000000000000000000000000
terraform import twilio_messaging_service.acme AC00000000000000000000000000000000/MG00000000000000000000000000000000
