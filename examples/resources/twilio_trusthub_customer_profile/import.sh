# Import a customer profile of the provider's account by its SID; a bare SID is also looked for in the subaccounts.
terraform import twilio_trusthub_customer_profile.acme BU00000000000000000000000000000000

# Import a customer profile of a subaccount as <account SID>/<SID>; the parent's auth token is enough.
terraform import twilio_trusthub_customer_profile.acme AC00000000000000000000000000000000/BU00000000000000000000000000000000
