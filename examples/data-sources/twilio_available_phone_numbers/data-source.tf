# Local numbers in San Francisco that can send SMS and MMS.
data "twilio_available_phone_numbers" "sf" {
  country      = "US"
  area_code    = "415"
  capabilities = ["sms", "mms"]
  limit        = 5
}

# Toll-free numbers spelling a word (letters match keypad digits).
data "twilio_available_phone_numbers" "vanity" {
  country  = "US"
  type     = "toll_free"
  contains = "FLOWERS"
}

# Mobile numbers in the United Kingdom (Twilio sells no mobile numbers in the US).
data "twilio_available_phone_numbers" "uk_mobile" {
  country = "GB"
  type    = "mobile"
  limit   = 1
}

output "sf_numbers" {
  value = [for n in data.twilio_available_phone_numbers.sf.numbers : n.phone_number]
}
