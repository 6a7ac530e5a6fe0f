# A published flow, from a file exported from the Studio editor. Formatting and key order in the file never
# cause a diff; a change to its content makes a new revision.
resource "twilio_studio_flow" "reception" {
  friendly_name  = "Reception"
  status         = "published"
  definition     = file("${path.module}/flows/reception.json")
  commit_message = "Managed by Terraform"
}

# A small flow written inline. Without status it is saved as a draft: it does not run until published.
resource "twilio_studio_flow" "after_hours" {
  friendly_name = "After hours"
  definition = jsonencode({
    description   = "After hours"
    initial_state = "Trigger"
    flags         = { allow_concurrent_calls = true }
    states = [
      {
        name = "Trigger"
        type = "trigger"
        transitions = [
          { event = "incomingCall", next = "closed" },
        ]
        properties = { offset = { x = 0, y = 0 } }
      },
      {
        name        = "closed"
        type        = "say-play"
        transitions = [{ event = "audioComplete" }]
        properties = {
          offset = { x = 0, y = 200 }
          say    = "We are closed. Please call again during office hours."
          loop   = 1
        }
      },
    ]
  })
}

# Calls to this number run the reception flow.
resource "twilio_incoming_number" "main" {
  area_code       = "415"
  studio_flow_sid = twilio_studio_flow.reception.sid
}
