# A tenant's monthly spend alert: Twilio calls the URL once a month when the tenant's total spend
# passes 200 (in the account's currency).
resource "twilio_subaccount" "acme" {
  friendly_name = "acme"
}

resource "twilio_usage_trigger" "acme_spend" {
  account_sid    = twilio_subaccount.acme.sid
  friendly_name  = "acme monthly spend"
  usage_category = "totalprice"
  trigger_by     = "price"
  trigger_value  = "200"
  recurring      = "monthly"
  callback_url   = "https://ops.example.com/twilio/spend-alert?tenant=acme"
}
