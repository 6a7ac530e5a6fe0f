# Import a build as [<account SID>/]<service SID>/<build SID>.
terraform import twilio_serverless_build.voice ZS00000000000000000000000000000000/ZB00000000000000000000000000000000
