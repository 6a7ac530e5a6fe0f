terraform {
  required_version = ">= 1.8"
  required_providers {
    twilio = {
      source = "tenantwire/twilio"
    }
  }
}
