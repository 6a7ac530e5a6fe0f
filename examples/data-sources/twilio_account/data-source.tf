# The provider's own account.
data "twilio_account" "main" {}

# A subaccount by SID, e.g. to check it is still active.
data "twilio_account" "tenant" {
  sid = "AC00000000000000000000000000000000"
}
