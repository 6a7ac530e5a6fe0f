# Import a brand of the provider's account (or of one of its subaccounts) by its SID.
terraform import twilio_a2p_brand_registration.acme BN00000000000000000000000000000000

# Import a brand of a subaccount as <account SID>/<brand SID>.
terraform import twilio_a2p_brand_registration.acme AC00000000000000000000000000000000/BN00000000000000000000000000000000
