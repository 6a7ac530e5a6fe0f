# Import an app of the provider's account by its SID, or of a subaccount as <account SID>/<app SID>.
terraform import twilio_twiml_app.voice AP00000000000000000000000000000000
terraform import twilio_twiml_app.voice AC00000000000000000000000000000000/AP00000000000000000000000000000000
