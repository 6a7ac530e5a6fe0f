# A tenant outside the US: its subaccount gets a clone of the main account's approved UK bundle and the
# tenant's UK address, and buys a London number by area code under both. Runs against the local Twilio emulator (scripts/module-test.sh makes
# the "UK business" bundle there, as the Console and Twilio's review would). Numbers differ from other test
# files': one emulator serves them all.

variables {
  name        = "britco"
  environment = "test"
  voice_url   = "https://voice.example.com/twiml"
  protect     = false
  country     = "GB"
  bundle      = { friendly_name = "UK business" }
  address = {
    customer_name = "Britco Ltd"
    street        = "1 Example Street"
    city          = "London"
    region        = "Greater London"
    postal_code   = "SW1A 1AA"
    iso_country   = "GB"
  }
  numbers = {
    london = { area_code = "20" }
  }
}

run "buys_a_uk_number_under_a_cloned_bundle" {
  command = apply

  assert {
    condition     = startswith(output.bundle_sid, "BU") && twilio_bundle_clone.this[0].account_sid == output.subaccount_sid
    error_message = "the bundle must be cloned into the tenant's subaccount"
  }
  assert {
    condition     = twilio_bundle_clone.this[0].status == "twilio-approved" && twilio_bundle_clone.this[0].iso_country == "GB"
    error_message = "the clone must be an approved GB bundle"
  }
  assert {
    condition     = startswith(output.numbers["london"], "+4420") && twilio_incoming_number.this["london"].bundle_sid == output.bundle_sid
    error_message = "the London number must be bought under the clone"
  }
  assert {
    condition     = twilio_address.this[0].account_sid == output.subaccount_sid && twilio_incoming_number.this["london"].address_sid == output.address_sid
    error_message = "the London number must be bought with the tenant's address, made in its subaccount"
  }
}

run "rejects_an_address_given_twice" {
  command = plan

  variables {
    address_sid = "AD00000000000000000000000000000000"
  }

  expect_failures = [twilio_address.this]
}

run "rejects_a_bundle_given_twice" {
  command = plan

  variables {
    bundle = { sid = "BU00000000000000000000000000000000", friendly_name = "UK business" }
  }

  expect_failures = [var.bundle]
}

run "rejects_a_lowercase_country" {
  command = plan

  variables {
    country = "gb"
  }

  expect_failures = [var.country]
}
