# Numbers outside the US and Canada: most countries sell them only under a twilio-approved regulatory bundle
# of the number's own account. The main account's approved bundle (made and reviewed in the Twilio Console)
# is cloned into the tenant's subaccount, approved at once, and every number of the tenant is bought under
# the clone in its purchase request.

data "twilio_regulatory_bundle" "source" {
  count = var.bundle == null ? 0 : 1

  sid           = var.bundle.sid
  friendly_name = var.bundle.sid == null ? var.bundle.friendly_name : null
  # Fails the plan, naming what it found, while the bundle is not approved.
  status = "twilio-approved"
}

resource "twilio_bundle_clone" "this" {
  count = var.bundle == null ? 0 : 1

  account_sid  = twilio_subaccount.this.sid
  bundle_sid   = data.twilio_regulatory_bundle.source[0].sid
  skip_destroy = var.protect
}

locals {
  bundle_sid = one(twilio_bundle_clone.this[*].sid)
}
