# Import a verification of the provider's account (or of one of its subaccounts) by its SID.
terraform import twilio_tollfree_verification.acme HH00000000000000000000000000000000

# Import a verification of a subaccount as <account SID>/<verification SID>.
terraform import twilio_tollfree_verification.acme AC00000000000000000000000000000000/HH00000000000000000000000000000000
