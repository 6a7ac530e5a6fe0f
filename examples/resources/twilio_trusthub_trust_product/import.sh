# Import a trust product of the provider's account by its SID; a bare SID is also looked for in the subaccounts.
terraform import twilio_trusthub_trust_product.acme_a2p BU00000000000000000000000000000000

# Import a trust product of a subaccount as <account SID>/<SID>; the parent's auth token is enough.
terraform import twilio_trusthub_trust_product.acme_a2p AC00000000000000000000000000000000/BU00000000000000000000000000000000
