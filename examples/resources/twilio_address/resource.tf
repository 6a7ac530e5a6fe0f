# The address a tenant's numbers need on file in countries that require one (London numbers need a United
# Kingdom address), in the tenant's own subaccount: numbers can use only addresses of their own account.
resource "twilio_address" "tenant_office" {
  account_sid   = twilio_subaccount.tenant.sid
  customer_name = "Tenant Ltd"
  friendly_name = "London office"
  street        = "1 Example Street"
  city          = "London"
  region        = "Greater London"
  postal_code   = "SW1A 1AA"
  iso_country   = "GB"
}

# An emergency address: emergency calls from the numbers that use it (emergency_address_sid) report it.
resource "twilio_address" "tenant_hq" {
  account_sid       = twilio_subaccount.tenant.sid
  customer_name     = "Tenant Inc"
  street            = "645 Harrison St"
  street_secondary  = "Floor 3"
  city              = "San Francisco"
  region            = "CA"
  postal_code       = "94107"
  iso_country       = "US"
  emergency_enabled = true
}
