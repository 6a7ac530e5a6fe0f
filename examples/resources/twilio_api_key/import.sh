# Import a key of the provider's account by its SID, or a key of a subaccount as <account SID>/<key SID>.
# Twilio never shows a key's secret again after creation: an imported key has no `secret`.
terraform import twilio_api_key.backend SK00000000000000000000000000000000
terraform import twilio_api_key.backend AC00000000000000000000000000000000/SK00000000000000000000000000000000
