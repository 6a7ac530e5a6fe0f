variable "tenant_account_sid" {
  type    = string
  default = "AC00000000000000000000000000000000"

  validation {
    # parse_sid fails on a malformed SID; can() turns that into false for a clear validation message.
    condition     = can(provider::twilio::parse_sid(var.tenant_account_sid)) && provider::twilio::parse_sid(var.tenant_account_sid).kind == "account"
    error_message = "tenant_account_sid must be an account SID (AC followed by 32 hexadecimal digits)."
  }
}

output "tenant_sid_kind" {
  # { sid = "AC000…", prefix = "AC", kind = "account" }
  value = provider::twilio::parse_sid(var.tenant_account_sid)
}
