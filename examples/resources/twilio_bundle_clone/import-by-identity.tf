# Terraform 1.12+ and OpenTofu 1.12+.
import {
  to = twilio_bundle_clone.uk
  identity = {
    account_sid = "AC00000000000000000000000000000000"
    sid         = "BU00000000000000000000000000000000"
  }
}
