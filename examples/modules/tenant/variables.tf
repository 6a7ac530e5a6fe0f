variable "name" {
  description = "Short name of the tenant (lowercase letters, digits and dashes); used in every friendly name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,39}$", var.name))
    error_message = "name must be 1-40 lowercase letters, digits or dashes, starting with a letter or digit."
  }
}

variable "environment" {
  description = "Environment the tenant lives in (e.g. staging, production); prefixes the subaccount's name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,15}$", var.environment))
    error_message = "environment must be 1-16 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "voice_url" {
  description = "URL Twilio calls for the tenant's TwiML app (the voice app browser and mobile clients call through), e.g. a Twilio Function."
  type        = string

  validation {
    condition     = can(regex("^https?://", var.voice_url))
    error_message = "voice_url must be an http:// or https:// URL."
  }
}

variable "voice_fallback_url" {
  description = "URL Twilio calls when voice_url fails; null for none."
  type        = string
  default     = null
}

variable "numbers" {
  description = <<-EOT
    The tenant's phone numbers, by a name of your choice. Each is bought either by exact phone_number (E.164)
    or by area_code, and routes voice to one target: "twiml_app" (the tenant's TwiML app), "voice_url"
    (a URL of its own) or "studio_flow" (a Studio flow's SID).
  EOT
  type = map(object({
    phone_number    = optional(string)
    area_code       = optional(string)
    target          = optional(string, "twiml_app")
    voice_url       = optional(string)
    studio_flow_sid = optional(string)
  }))
  default = {}

  validation {
    condition = alltrue([
      for n in values(var.numbers) : (n.phone_number == null) != (n.area_code == null)
    ])
    error_message = "Each number needs exactly one of phone_number or area_code."
  }
  validation {
    condition     = alltrue([for n in values(var.numbers) : contains(["twiml_app", "voice_url", "studio_flow"], n.target)])
    error_message = "target must be \"twiml_app\", \"voice_url\" or \"studio_flow\"."
  }
  validation {
    condition     = alltrue([for n in values(var.numbers) : n.target != "voice_url" || n.voice_url != null])
    error_message = "A number with target \"voice_url\" needs voice_url."
  }
  validation {
    condition     = alltrue([for n in values(var.numbers) : n.target != "studio_flow" || n.studio_flow_sid != null])
    error_message = "A number with target \"studio_flow\" needs studio_flow_sid."
  }
}

variable "protect" {
  description = <<-EOT
    Keep the tenant's irreversible objects when the module instance is destroyed (e.g. the tenant is removed
    from a for_each map): the subaccount stays open, its numbers stay bought and its TwiML app stays, so
    Terraform only forgets them. The API key is revoked either way. When false, destroying closes the
    subaccount and releases its numbers, irreversibly. Defaults to true; set false only where tenants are
    disposable (staging).
  EOT
  type        = bool
  default     = true
}
