# Every campaign of the Messaging Services in the provider's account and its subaccounts, to adopt campaigns
# registered in the Console (terraform query -generate-config-out=campaigns.tf writes their import blocks).
list "twilio_a2p_campaign" "all" {
  provider         = twilio
  include_resource = true

  config {
    all_subaccounts = true
  }
}
