# Import an end user of the provider's account by its SID; a bare SID is also looked for in the subaccounts.
terraform import twilio_trusthub_end_user.business IT00000000000000000000000000000000

# Import an end user of a subaccount as <account SID>/<SID>; the parent's auth token is enough.
terraform import twilio_trusthub_end_user.business AC00000000000000000000000000000000/IT00000000000000000000000000000000
