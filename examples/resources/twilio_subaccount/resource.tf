resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant-acme"

  # Closing a subaccount is irreversible; guard production tenants.
  lifecycle {
    prevent_destroy = true
  }
}

# A tenant that is kept open in Twilio even when Terraform stops managing it.
resource "twilio_subaccount" "legacy" {
  friendly_name = "tenant-legacy"
  status        = "suspended"
  skip_destroy  = true
}
