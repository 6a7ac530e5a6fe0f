# Every brand registered in the provider's account and its subaccounts, to adopt brands registered in the
# Console (terraform query -generate-config-out=brands.tf writes their import blocks).
list "twilio_a2p_brand_registration" "all" {
  provider         = twilio
  include_resource = true

  config {
    all_subaccounts = true
  }
}
