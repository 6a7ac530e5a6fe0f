# Import an asset as [<account SID>/]<service SID>/<asset SID>.
terraform import twilio_serverless_asset.hold_music ZS00000000000000000000000000000000/ZH00000000000000000000000000000000
