# Import an environment by <service SID>/<environment SID>, looked for in the provider's account and its subaccounts.
terraform import twilio_serverless_environment.production ZS00000000000000000000000000000000/ZE00000000000000000000000000000000

# Or name the account: <account SID>/<service SID>/<environment SID>.
terraform import twilio_serverless_environment.production AC00000000000000000000000000000000/ZS00000000000000000000000000000000/ZE00000000000000000000000000000000
