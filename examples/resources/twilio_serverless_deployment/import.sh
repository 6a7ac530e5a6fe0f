# A deployment is identified by its environment: import it as [<account SID>/]<service SID>/<environment SID>.
# Its sid becomes the environment's latest deployment and build_sid the build the environment runs.
terraform import twilio_serverless_deployment.production ZS00000000000000000000000000000000/ZE00000000000000000000000000000000
