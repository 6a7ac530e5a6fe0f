# Import a supporting document of the provider's account by its SID; a bare SID is also looked for in the subaccounts.
terraform import twilio_trusthub_supporting_document.address RD00000000000000000000000000000000

# Import a supporting document of a subaccount as <account SID>/<SID>; the parent's auth token is enough.
terraform import twilio_trusthub_supporting_document.address AC00000000000000000000000000000000/RD00000000000000000000000000000000
