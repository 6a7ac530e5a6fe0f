# Import a subaccount of the provider's account by its SID.
terraform import twilio_subaccount.tenant AC00000000000000000000000000000000
