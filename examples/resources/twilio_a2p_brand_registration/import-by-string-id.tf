# Adopt a brand registered in the Console; the configuration must match what Twilio registered (the plan
# refuses any difference rather than register a new brand).
import {
  to = twilio_a2p_brand_registration.acme
  id = "AC00000000000000000000000000000000/BN00000000000000000000000000000000"
}
