import {
  to = twilio_dialing_permissions.acme
  id = "AC00000000000000000000000000000000"
}
