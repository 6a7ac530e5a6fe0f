# The tenant's own voice function (voice_function): deployed in its subaccount, its numbers and TwiML app
# bound to the function's URL, its secrets write-only. Runs against the local Twilio emulator
# (scripts/module-test.sh); Terraform 1.11+ / OpenTofu 1.11+ (write-only values).

variables {
  name              = "initech"
  environment       = "test"
  protect           = false
  token_auth_secret = "bearer-secret-for-the-module-test"
  voice_function = {
    voice_source    = "tests/fixtures/functions/voice.js"
    token_source    = "tests/fixtures/functions/token.js"
    client_identity = "initech-desk"
    caller_id       = "+14155550163"
  }
  numbers = {
    main = { phone_number = "+14155550163", target = "voice_function" }
  }
}

run "deploys_the_tenants_voice_function" {
  command = apply

  assert {
    condition     = twilio_serverless_service.voice[0].account_sid == output.subaccount_sid
    error_message = "the service must live in the tenant's subaccount"
  }
  assert {
    condition     = output.voice_function_url == "https://${twilio_serverless_environment.voice[0].domain_name}/voice"
    error_message = "the voice function URL is the environment's domain plus /voice"
  }
  assert {
    condition     = twilio_incoming_number.this["main"].voice_url == output.voice_function_url
    error_message = "the number must call the tenant's voice function"
  }
  assert {
    condition     = twilio_twiml_app.voice.voice_url == output.voice_function_url
    error_message = "the TwiML app must call the tenant's voice function"
  }
  assert {
    condition     = output.token_function_url == "https://${twilio_serverless_environment.voice[0].domain_name}/token"
    error_message = "the token function must be deployed next to the voice function"
  }
  assert {
    condition     = twilio_serverless_deployment.voice[0].build_sid == twilio_serverless_build.voice[0].sid
    error_message = "the environment must run the module's build"
  }
  assert {
    condition     = twilio_serverless_variable.plain["API_KEY_SID"].value == output.api_key_sid && twilio_serverless_variable.plain["CALLER_ID"].value == "+14155550163"
    error_message = "the functions' plain variables must be set"
  }
  assert {
    condition     = twilio_serverless_variable.api_key_secret[0].value == null && twilio_serverless_variable.client_auth_secret[0].value == null
    error_message = "secrets are write-only: no value may be kept"
  }
}

run "shared_function_by_default" {
  command = plan

  variables {
    voice_function = null
    voice_url      = "https://shared-voice.example.com/voice"
    numbers        = { main = { phone_number = "+14155550163", target = "voice_function" } }
  }

  assert {
    condition     = length(twilio_serverless_service.voice) == 0 && output.voice_function_url == "https://shared-voice.example.com/voice"
    error_message = "without voice_function the tenant uses the shared voice_url and deploys nothing"
  }
}

run "needs_a_voice_function" {
  command = plan

  variables {
    voice_function = null
    voice_url      = null
  }

  expect_failures = [twilio_twiml_app.voice]
}
