# Import a number of the provider's account by its E.164 form or its SID, or a subaccount's number by
# account SID and number (or SID).
terraform import twilio_incoming_number.support +14155550100
terraform import twilio_incoming_number.support PN00000000000000000000000000000000
terraform import twilio_incoming_number.support AC00000000000000000000000000000000/+14155550100
