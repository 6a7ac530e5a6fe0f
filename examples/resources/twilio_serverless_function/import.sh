# Import a function of a service in the provider's account as <service SID>/<function SID>. Its code is
# recognised by its hash: when it matches the configuration, nothing is uploaded again.
terraform import twilio_serverless_function.voice ZS00000000000000000000000000000000/ZH00000000000000000000000000000000

# In a subaccount: <account SID>/<service SID>/<function SID>.
terraform import twilio_serverless_function.voice AC00000000000000000000000000000000/ZS00000000000000000000000000000000/ZH00000000000000000000000000000000
