# What removing a tenant from the map does, with each setting of protect. Runs against the local Twilio
# emulator (scripts/module-test.sh). Numbers differ from other test files': one emulator serves them all.

run "protected_tenant" {
  command = apply
  module {
    source = "./tests/fixtures/tenants"
  }
  variables {
    tenants = { acme = "+14155550161" }
    protect = true
  }
}

# production: removing the tenant only makes Terraform forget its subaccount, number and TwiML app.
run "protected_tenant_removed" {
  command = apply
  module {
    source = "./tests/fixtures/tenants"
  }
  variables {
    tenants = {}
    protect = true
    # NOTE: OpenTofu shows later runs only the last run's outputs of a fixture, so the SIDs travel on.
    remember = {
      subaccount_sid = run.protected_tenant.subaccount_sids["acme"]
      twiml_app_sid  = run.protected_tenant.twiml_app_sids["acme"]
    }
  }
}

run "protected_objects_are_still_in_twilio" {
  command = apply
  module {
    source = "./tests/fixtures/inspect"
  }
  variables {
    # NOTE: OpenTofu takes earlier runs' outputs in variables, not in assertions.
    account_sid   = run.protected_tenant_removed.remembered.subaccount_sid
    twiml_app_sid = run.protected_tenant_removed.remembered.twiml_app_sid
    phone_number  = "+14155550161"
    kept          = true
  }

  assert {
    condition     = data.twilio_account.tenant.status == "active"
    error_message = "protect = true: removing the tenant must leave its subaccount open"
  }
  assert {
    condition     = data.twilio_incoming_number.main[0].account_sid == var.account_sid
    error_message = "protect = true: removing the tenant must leave its number in its subaccount"
  }
  assert {
    # Twilio unhooks a deleted TwiML app from its numbers, so a binding still in place proves the app is kept.
    condition     = data.twilio_incoming_number.main[0].voice_application_sid == var.twiml_app_sid
    error_message = "protect = true: the kept number must still route to the tenant's TwiML app"
  }
  assert {
    condition     = length(data.twilio_available_phone_numbers.same.numbers) == 0
    error_message = "protect = true: the number must not be for sale again"
  }
}

run "disposable_tenant" {
  command = apply
  module {
    source = "./tests/fixtures/tenants"
  }
  variables {
    tenants = { globex = "+14155550162" }
    protect = false
  }
}

# staging: removing the tenant closes its subaccount and releases its number.
run "disposable_tenant_removed" {
  command = apply
  module {
    source = "./tests/fixtures/tenants"
  }
  variables {
    tenants  = {}
    protect  = false
    remember = { subaccount_sid = run.disposable_tenant.subaccount_sids["globex"] }
  }
}

run "disposable_objects_are_gone" {
  command = apply
  module {
    source = "./tests/fixtures/inspect"
  }
  variables {
    account_sid  = run.disposable_tenant_removed.remembered.subaccount_sid
    phone_number = "+14155550162"
    kept         = false
  }

  assert {
    condition     = data.twilio_account.tenant.status == "closed"
    error_message = "protect = false: removing the tenant must close its subaccount"
  }
  assert {
    condition     = length(data.twilio_available_phone_numbers.same.numbers) == 1
    error_message = "protect = false: removing the tenant must release its number (for sale again)"
  }
}
