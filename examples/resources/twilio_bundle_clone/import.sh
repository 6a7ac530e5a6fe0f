# Import a clone as <subaccount SID>/<bundle SID>, or by the bundle SID alone (the provider's account and
# its subaccounts are searched). Twilio does not record the source bundle: bundle_sid comes from the
# configuration.
terraform import twilio_bundle_clone.uk AC00000000000000000000000000000000/BU00000000000000000000000000000000
terraform import twilio_bundle_clone.uk BU00000000000000000000000000000000
