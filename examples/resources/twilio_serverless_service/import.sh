# Import a service of the provider's account (or, searched automatically, of one of its subaccounts) by its SID.
terraform import twilio_serverless_service.voice ZS00000000000000000000000000000000

# Name the account explicitly as <account SID>/<service SID>; the parent's auth token is enough.
terraform import twilio_serverless_service.voice AC00000000000000000000000000000000/ZS00000000000000000000000000000000
