# Texting: a tenant's Messaging Service with its numbers in the sender pool, and the US A2P 10DLC chain
# (secondary customer profile, A2P trust product, brand registration, campaign) in its subaccount. Runs
# against the local Twilio emulator; scripts/module-test.sh sets the emulator's stand-in for Twilio's
# reviewers to approve every review. Numbers differ from other test files': one emulator serves them all.

variables {
  name        = "textco"
  environment = "test"
  voice_url   = "https://voice.example.com/twiml"
  protect     = false
  numbers = {
    main    = { phone_number = "+14155550171" }
    support = { phone_number = "+14155550172" }
  }
  address = {
    customer_name = "Textco Inc"
    street        = "1 Market St"
    city          = "San Francisco"
    region        = "CA"
    postal_code   = "94105"
    iso_country   = "US"
  }
}

run "default_adds_no_messaging" {
  command = plan

  assert {
    condition     = length(twilio_messaging_service.this) == 0 && length(twilio_a2p_brand_registration.this) == 0
    error_message = "without messaging the module adds no Messaging Service and registers nothing"
  }
}

run "pool_without_a2p" {
  command = plan

  variables {
    messaging = { senders = ["main"] }
  }

  assert {
    condition     = length(twilio_messaging_service_phone_number.this) == 1 && length(twilio_trusthub_customer_profile.this) == 0
    error_message = "messaging without a2p: one service, the listed sender only, no registration"
  }
}

run "sole_proprietor_refused" {
  command = plan

  variables {
    messaging = {
      a2p = {
        email      = "compliance@textco.example.com"
        brand_type = "SOLE_PROPRIETOR"
        business = {
          business_name                = "Textco Inc"
          business_type                = "Corporation"
          business_industry            = "TECHNOLOGY"
          business_registration_number = "12-3456789"
          website_url                  = "https://textco.example.com"
        }
        representative = {
          first_name     = "Grace"
          last_name      = "Hopper"
          email          = "grace@textco.example.com"
          phone_number   = "+14155550100"
          business_title = "CEO"
          job_position   = "CEO"
        }
        campaign = {
          usecase         = "ACCOUNT_NOTIFICATION"
          description     = "Textco sends its customers notices about their orders and their account."
          message_flow    = "Customers opt in on textco.example.com/signup by ticking 'Text me about my orders'."
          message_samples = ["Textco: your order 1234 has shipped. Reply STOP to opt out.", "Textco: your password was changed. Reply STOP to opt out."]
        }
      }
    }
  }

  expect_failures = [var.messaging]
}

run "unknown_sender_refused" {
  command = plan

  variables {
    messaging = { senders = ["nope"] }
  }

  expect_failures = [var.messaging]
}

run "registered_tenant" {
  command = apply

  variables {
    messaging = {
      a2p = {
        email = "compliance@textco.example.com"
        business = {
          business_name                = "Textco Inc"
          business_type                = "Corporation"
          business_industry            = "TECHNOLOGY"
          business_registration_number = "12-3456789"
          website_url                  = "https://textco.example.com"
        }
        representative = {
          first_name     = "Grace"
          last_name      = "Hopper"
          email          = "grace@textco.example.com"
          phone_number   = "+14155550100"
          business_title = "CEO"
          job_position   = "CEO"
        }
        campaign = {
          usecase      = "ACCOUNT_NOTIFICATION"
          description  = "Textco sends its customers notices about their orders and their account."
          message_flow = "Customers opt in on textco.example.com/signup by ticking 'Text me about my orders'."
          message_samples = [
            "Textco: your order 1234 has shipped. Reply STOP to opt out.",
            "Textco: your password was changed. Reply STOP to opt out.",
          ]
        }
      }
    }
  }

  assert {
    condition     = length(twilio_messaging_service_phone_number.this) == 2
    error_message = "both numbers must be in the sender pool"
  }
  assert {
    condition     = output.a2p.customer_profile_status == "twilio-approved" && output.a2p.trust_product_status == "twilio-approved"
    error_message = "the profile and the trust product must be approved"
  }
  assert {
    condition     = output.a2p.brand_status == "APPROVED" && output.a2p.campaign_status == "VERIFIED"
    error_message = "the brand must be approved and the campaign verified"
  }
  assert {
    condition     = twilio_a2p_campaign.this["this"].messaging_service_sid == output.messaging_service_sid
    error_message = "the campaign must belong to the tenant's Messaging Service"
  }
  assert {
    condition     = twilio_messaging_service.this["this"].use_inbound_webhook_on_number
    error_message = "without inbound_request_url the numbers' own webhooks must handle the texts they receive"
  }
}
