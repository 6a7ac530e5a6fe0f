# Import a campaign as <Messaging Service SID>/<campaign SID> (looked for in the provider's account and its
# subaccounts), or with the account first.
terraform import twilio_a2p_campaign.reminders MG00000000000000000000000000000000/QE00000000000000000000000000000000
terraform import twilio_a2p_campaign.reminders AC00000000000000000000000000000000/MG00000000000000000000000000000000/QE00000000000000000000000000000000
