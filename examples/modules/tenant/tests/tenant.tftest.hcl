# Module tests: run with `terraform test` against the local Twilio emulator (scripts/module-test.sh sets
# TWILIO_BASE_URL, TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN). Every run applies for real and is destroyed
# at the end.

variables {
  name        = "acme"
  environment = "test"
  voice_url   = "https://voice.example.com/twiml"
  protect     = false # these runs are cleaned up at the end; protect.tftest.hcl covers both settings
  numbers = {
    main    = { area_code = "415" }
    support = { phone_number = "+14155550142", target = "voice_url", voice_url = "https://voice.example.com/support" }
  }
}

run "creates_the_tenant" {
  command = apply

  assert {
    condition     = startswith(output.subaccount_sid, "AC") && length(output.subaccount_sid) == 34
    error_message = "the subaccount must have an AC SID"
  }
  assert {
    condition     = twilio_subaccount.this.friendly_name == "test-acme"
    error_message = "the subaccount is named environment-name"
  }
  assert {
    condition     = twilio_api_key.backend.account_sid == output.subaccount_sid && startswith(output.api_key_sid, "SK")
    error_message = "the API key must live in the tenant's subaccount"
  }
  assert {
    condition     = twilio_twiml_app.voice.voice_url == "https://voice.example.com/twiml"
    error_message = "the TwiML app must point at voice_url"
  }
  assert {
    condition     = twilio_incoming_number.this["main"].voice_application_sid == output.twiml_app_sid
    error_message = "the main number must route voice to the tenant's TwiML app"
  }
  assert {
    condition     = startswith(output.numbers["main"], "+1415")
    error_message = "the main number must be bought in area code 415"
  }
  assert {
    condition     = output.numbers["support"] == "+14155550142" && twilio_incoming_number.this["support"].voice_url == "https://voice.example.com/support"
    error_message = "the support number must be the exact number, routed to its own URL"
  }
}

run "retargets_a_number_in_place" {
  command = apply

  variables {
    numbers = {
      main    = { area_code = "415", target = "voice_url", voice_url = "https://voice.example.com/direct" }
      support = { phone_number = "+14155550142", target = "voice_url", voice_url = "https://voice.example.com/support" }
    }
  }

  assert {
    condition     = twilio_incoming_number.this["main"].voice_url == "https://voice.example.com/direct" && twilio_incoming_number.this["main"].voice_application_sid == null
    error_message = "switching target must clear the TwiML app binding"
  }
  assert {
    # NOTE: OpenTofu cannot refer to an earlier run's outputs in assertions; the provider's acceptance
    # tests prove the update happens in place (no replacement) with plan checks.
    condition     = startswith(output.numbers["main"], "+1415") && startswith(output.number_sids["main"], "PN")
    error_message = "the number must be kept in area code 415"
  }
}

run "rejects_a_number_without_phone_number_or_area_code" {
  command = plan

  variables {
    numbers = {
      broken = { target = "twiml_app" }
    }
  }

  expect_failures = [var.numbers]
}

run "rejects_a_bad_tenant_name" {
  command = plan

  variables {
    name = "Not Valid"
  }

  expect_failures = [var.name]
}

# release_numbers_on_close reaches the subaccount (an in-place, Terraform-side change), so setting it and
# applying before removing a tenant lets the close release numbers bought outside the module.
run "release_numbers_on_close_reaches_the_subaccount" {
  command = apply

  variables {
    release_numbers_on_close = true
  }

  assert {
    condition     = twilio_subaccount.this.release_numbers_on_close == true
    error_message = "the module's release_numbers_on_close must reach its twilio_subaccount"
  }
}
