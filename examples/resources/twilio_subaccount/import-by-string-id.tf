import {
  to = twilio_subaccount.tenant
  id = "AC00000000000000000000000000000000"
}
