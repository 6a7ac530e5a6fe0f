# Import a subaccount's dialing permissions by the subaccount's SID. What is found at import is what a
# destroy puts back.
terraform import twilio_dialing_permissions.acme AC00000000000000000000000000000000
