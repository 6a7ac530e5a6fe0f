# A tenant may call the US, Canada and the UK, low-risk numbers only; every other country, and every
# high-risk range, stays closed. A country opened in the Console shows as drift in the next plan.
resource "twilio_subaccount" "acme" {
  friendly_name = "acme"
}

resource "twilio_dialing_permissions" "acme" {
  account_sid        = twilio_subaccount.acme.sid
  low_risk_countries = ["US", "GB", "MX"]
}

# Another tenant simply follows the parent account's permissions (Twilio's default).
resource "twilio_subaccount" "globex" {
  friendly_name = "globex"
}

resource "twilio_dialing_permissions" "globex" {
  account_sid = twilio_subaccount.globex.sid
  inherit     = true
}
