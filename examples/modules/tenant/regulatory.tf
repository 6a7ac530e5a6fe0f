# Numbers outside the US and Canada: most countries sell them only under a twilio-approved regulatory bundle
# of the number's own account, and many need an address on file in that account. The main account's
# approved bundle (made and reviewed in the Twilio Console) is cloned into the tenant's subaccount, approved
# at once; the tenant's address is created there (or an existing one given); every number of the tenant is
# bought under both in its purchase request.

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

resource "twilio_address" "this" {
  count = var.address == null ? 0 : 1

  account_sid      = twilio_subaccount.this.sid
  friendly_name    = var.address.friendly_name
  customer_name    = var.address.customer_name
  street           = var.address.street
  street_secondary = var.address.street_secondary
  city             = var.address.city
  region           = var.address.region
  postal_code      = var.address.postal_code
  iso_country      = var.address.iso_country

  lifecycle {
    precondition {
      condition     = var.address_sid == null
      error_message = "Set address (the module creates it) or address_sid (an existing address), not both."
    }
  }
}

locals {
  bundle_sid  = one(twilio_bundle_clone.this[*].sid)
  address_sid = var.address != null ? one(twilio_address.this[*].sid) : var.address_sid
}
