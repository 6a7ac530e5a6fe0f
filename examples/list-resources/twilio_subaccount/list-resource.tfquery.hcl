# Every open subaccount whose name starts with "acme-"; `terraform query -generate-config-out=generated.tf`
# writes a resource and an import block for each.
list "twilio_subaccount" "tenants" {
  provider         = twilio
  include_resource = true
  limit            = 1000 # Terraform's default is 100 results per list block

  config {
    friendly_name_prefix = "acme-"
    status               = "active"
  }
}
