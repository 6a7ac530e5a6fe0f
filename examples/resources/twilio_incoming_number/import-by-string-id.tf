import {
  to = twilio_incoming_number.support
  id = "AC00000000000000000000000000000000/+14155550100"
}
