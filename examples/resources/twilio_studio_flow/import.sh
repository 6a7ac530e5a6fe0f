# Import a flow of the provider's account by its SID.
terraform import twilio_studio_flow.reception FW00000000000000000000000000000000

# Import a flow of a subaccount as <account SID>/<flow SID>; the parent's auth token is enough.
terraform import twilio_studio_flow.reception AC00000000000000000000000000000000/FW00000000000000000000000000000000
