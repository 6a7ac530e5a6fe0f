# Import a trigger of the provider's account by its SID, or of a subaccount as <account SID>/<trigger SID>.
terraform import twilio_usage_trigger.acme_spend UT00000000000000000000000000000000
terraform import twilio_usage_trigger.acme_spend AC00000000000000000000000000000000/UT00000000000000000000000000000000
