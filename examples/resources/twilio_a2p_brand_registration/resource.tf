# A tenant's brand, registered from the secondary customer profile and A2P trust product Twilio approved.
# Twilio charges for every registration and cannot delete one: this resource never registers twice, refuses
# any change at plan time, and a destroy only forgets the brand.
resource "twilio_a2p_brand_registration" "acme" {
  account_sid                 = "AC00000000000000000000000000000000"
  customer_profile_bundle_sid = "BU00000000000000000000000000000001"
  a2p_profile_bundle_sid      = "BU00000000000000000000000000000002"
  brand_type                  = "LOW_VOLUME_STANDARD"
  skip_automatic_sec_vet      = true

  # Brand reviews take minutes to days: wait up to an hour, then keep the brand and report its status.
  timeouts {
    create = "1h"
  }

  lifecycle {
    # A new brand is a new fee.
    prevent_destroy = true
  }
}
