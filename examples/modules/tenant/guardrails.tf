# Tenant guardrails: which countries the tenant may call, and an alert when its monthly spend passes a
# limit. Both are optional. By default the module adds neither: the subaccount inherits the main
# account's dialing permissions, high-risk ranges included if the main account has them open (check the
# main account's Geo Permissions in the Console), and this module never opens a high-risk range itself.

variable "dialing_countries" {
  description = <<-EOT
    ISO 3166-1 alpha-2 codes (e.g. ["US", "GB"]) of the countries whose low-risk numbers the tenant may
    call; every other country, and every high-risk range, is closed. null (the default) leaves the tenant
    inheriting the main account's dialing permissions, whatever they are (high-risk ranges included if
    the main account has them open).
  EOT
  type        = list(string)
  default     = null

  validation {
    condition     = var.dialing_countries == null || alltrue([for c in coalesce(var.dialing_countries, []) : can(regex("^[A-Z]{2}$", c))])
    error_message = "dialing_countries must be upper-case ISO 3166-1 alpha-2 codes such as US or GB."
  }
}

variable "spend_alert" {
  description = <<-EOT
    A monthly spend alert: Twilio calls callback_url once a month when the tenant's total spend passes
    monthly_limit (a number, in the account's currency). null (the default) sets none.
  EOT
  type = object({
    monthly_limit   = string
    callback_url    = string
    callback_method = optional(string, "POST")
  })
  default = null
}

resource "twilio_dialing_permissions" "this" {
  count = var.dialing_countries == null ? 0 : 1

  account_sid        = twilio_subaccount.this.sid
  low_risk_countries = var.dialing_countries
}

resource "twilio_usage_trigger" "spend" {
  count = var.spend_alert == null ? 0 : 1

  account_sid     = twilio_subaccount.this.sid
  friendly_name   = "${var.environment}-${var.name} monthly spend"
  usage_category  = "totalprice"
  trigger_by      = "price"
  trigger_value   = var.spend_alert.monthly_limit
  recurring       = "monthly"
  callback_url    = var.spend_alert.callback_url
  callback_method = var.spend_alert.callback_method
}

output "spend_alert_sid" {
  description = "SID of the tenant's spend alert (usage trigger), null without spend_alert."
  value       = one(twilio_usage_trigger.spend[*].sid)
}
