# Import an asset as [<account SID>/]<service SID>/<asset SID>. Twilio cannot return an asset's content, so
# the first apply after the import uploads the configured content once as a new version.
terraform import twilio_serverless_asset.hold_music ZS00000000000000000000000000000000/ZH00000000000000000000000000000000
