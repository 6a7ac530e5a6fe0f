# The guardrail inputs: exactly the listed countries, low-risk only, and a monthly spend alert; and the
# defaults, which add nothing (the tenant inherits the main account's dialing permissions).

variables {
  name        = "guarded"
  environment = "test"
  voice_url   = "https://voice.example.com/twiml"
  protect     = false
  numbers     = {}
}

run "defaults_add_no_guardrail" {
  command = plan

  assert {
    condition     = length(twilio_dialing_permissions.this) == 0 && length(twilio_usage_trigger.spend) == 0
    error_message = "without dialing_countries and spend_alert the module adds neither"
  }
}

run "guardrails" {
  command = apply

  variables {
    dialing_countries = ["US", "GB"]
    spend_alert       = { monthly_limit = "250", callback_url = "https://ops.example.com/spend?tenant=guarded" }
  }

  assert {
    condition     = twilio_dialing_permissions.this[0].inherit == false && length(twilio_dialing_permissions.this[0].low_risk_countries) == 2
    error_message = "the tenant must be allowed exactly the two listed countries"
  }
  assert {
    condition     = length(twilio_dialing_permissions.this[0].high_risk_special_countries) == 0 && length(twilio_dialing_permissions.this[0].high_risk_tollfraud_countries) == 0
    error_message = "the module never opens high-risk numbers"
  }
  assert {
    condition     = startswith(output.spend_alert_sid, "UT") && twilio_usage_trigger.spend[0].account_sid == output.subaccount_sid
    error_message = "the spend alert must watch the tenant's subaccount"
  }
}

run "lowercase_country_refused" {
  command = plan

  variables {
    dialing_countries = ["us"]
  }

  expect_failures = [var.dialing_countries]
}
