# The toll-free verifications of every subaccount whose business name starts with "Acme", to adopt those
# submitted in the Console.
list "twilio_tollfree_verification" "acme" {
  provider         = twilio
  include_resource = true

  config {
    all_subaccounts      = true
    friendly_name_prefix = "Acme"
  }
}
