# The smallest useful configuration: one tenant's subaccount. `make demo` applies it against the local
# Twilio emulator; with TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN set (and TWILIO_BASE_URL unset) the same
# configuration runs against Twilio itself.
terraform {
  required_providers {
    twilio = {
      source = "tenantwire/twilio"
    }
  }
}

provider "twilio" {}

variable "tenant" {
  description = "Name of the tenant; becomes the subaccount's friendly name."
  type        = string
  default     = "acme"
}

resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant-${var.tenant}"
}

output "subaccount_sid" {
  value = twilio_subaccount.tenant.sid
}
