# Import an address of the provider's account by its SID, or of a subaccount as <account SID>/<address SID>.
terraform import twilio_address.tenant_office AD00000000000000000000000000000000
terraform import twilio_address.tenant_office AC00000000000000000000000000000000/AD00000000000000000000000000000000
