# Import a variable by <service SID>/<environment SID>/<variable SID> (or prefix the account SID and a slash).
# Import stores no value: with `value`, the next apply writes the configured value; with `value_wo`, nothing changes.
terraform import twilio_serverless_variable.api_key_sid ZS00000000000000000000000000000000/ZE00000000000000000000000000000000/ZV00000000000000000000000000000000
