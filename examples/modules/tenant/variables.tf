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
  description = <<-EOT
    The shared voice function's URL (e.g. the main account's Twilio Function, the Console procedure's default):
    what the tenant's TwiML app (the voice app browser and mobile clients call through) and its numbers with
    target "voice_function" call. Leave it null when voice_function deploys the tenant's own.
  EOT
  type        = string
  default     = null

  validation {
    condition     = var.voice_url == null || can(regex("^https?://", var.voice_url))
    error_message = "voice_url must be an http:// or https:// URL."
  }
}

variable "voice_function" {
  description = <<-EOT
    Deploy the tenant's own voice function in its subaccount instead of calling voice_url (needs Terraform
    1.11+ or OpenTofu 1.11+: its secrets are write-only). null (the default) uses voice_url.
      voice_source     path of the voice handler, e.g. examples/serverless/functions/voice.js
      token_source     path of the token handler (mints the clients' access tokens); null for none
      client_identity  the client identity incoming calls ring (CLIENT_IDENTITY)
      caller_id        the number (E.164) the tenant's clients call out with (CALLER_ID)
      runtime          Twilio Functions runtime (default node22)
      dependencies     npm packages of the build
  EOT
  type = object({
    voice_source    = string
    token_source    = optional(string)
    client_identity = optional(string)
    caller_id       = optional(string)
    runtime         = optional(string, "node22")
    dependencies    = optional(map(string), { twilio = "5.9.0", "@twilio/runtime-handler" = "2.0.1" })
  })
  default = null

  validation {
    condition     = try(var.voice_function.caller_id, null) == null || can(regex("^\\+[1-9][0-9]{1,14}$", try(var.voice_function.caller_id, "")))
    error_message = "voice_function.caller_id must be an E.164 number such as +14155550100."
  }
}

variable "token_auth_secret" {
  description = "Bearer secret the tenant's backend presents to the token function (its CLIENT_AUTH_SECRET), sent as a write-only value; needed with voice_function.token_source."
  type        = string
  default     = null
  sensitive   = true
}

variable "token_auth_secret_version" {
  description = "Bump to send a new token_auth_secret (write-only values are only sent when their version changes)."
  type        = number
  default     = 1
}

variable "voice_fallback_url" {
  description = "URL Twilio calls when voice_url fails; null for none."
  type        = string
  default     = null
}

variable "numbers" {
  description = <<-EOT
    The tenant's phone numbers, by a name of your choice. Each is bought either by exact phone_number (E.164)
    or by area_code, and routes voice to one target: "twiml_app" (the tenant's TwiML app), "voice_function"
    (the tenant's voice function: its own with voice_function, else voice_url), "voice_url" (a URL of its
    own) or "studio_flow" (a Studio flow's SID).
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
    condition     = alltrue([for n in values(var.numbers) : contains(["twiml_app", "voice_function", "voice_url", "studio_flow"], n.target)])
    error_message = "target must be \"twiml_app\", \"voice_function\", \"voice_url\" or \"studio_flow\"."
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

variable "country" {
  description = <<-EOT
    ISO 3166-1 alpha-2 country of the numbers bought by area_code (e.g. GB, where area_code is the start of
    the national number, such as 20 for London). null (the default) means the US. Most countries outside the
    US and Canada also need bundle.
  EOT
  type        = string
  default     = null

  validation {
    condition     = var.country == null || can(regex("^[A-Z]{2}$", var.country))
    error_message = "country must be an ISO 3166-1 alpha-2 code such as US or GB."
  }
}

variable "bundle" {
  description = <<-EOT
    The main account's twilio-approved regulatory bundle for the tenant's numbers, by sid (BU…) or exact
    friendly_name: it is cloned into the tenant's subaccount (twilio_bundle_clone) and every number is bought
    under the clone. null (the default) for countries that need none, such as the US.
  EOT
  type = object({
    sid           = optional(string)
    friendly_name = optional(string)
  })
  default = null

  validation {
    condition     = var.bundle == null || (try(var.bundle.sid, null) == null) != (try(var.bundle.friendly_name, null) == null)
    error_message = "bundle needs exactly one of sid or friendly_name."
  }
}

variable "address" {
  description = <<-EOT
    The address the tenant's numbers need on file in countries that require one (London numbers need a
    United Kingdom address), created in the tenant's subaccount: numbers use only addresses of their own
    account. null (the default) for none; conflicts with address_sid.
  EOT
  type = object({
    customer_name    = string
    street           = string
    street_secondary = optional(string)
    city             = string
    region           = string
    postal_code      = string
    iso_country      = string
    friendly_name    = optional(string)
  })
  default = null
}

variable "address_sid" {
  description = "SID (AD…) of an address that already exists in the tenant's subaccount, instead of address; null for none."
  type        = string
  default     = null

  validation {
    condition     = var.address_sid == null || can(regex("^AD[0-9a-f]{32}$", var.address_sid))
    error_message = "address_sid must be an address SID: AD followed by 32 hexadecimal digits (lower case, as Twilio writes it)."
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

variable "release_numbers_on_close" {
  description = <<-EOT
    With protect = false: let destroying the tenant close its subaccount even when it owns numbers this module
    does not manage (bought in the Console), releasing them, irreversibly. false (the default) makes the close
    fail, naming them, after Terraform has already destroyed the module's own numbers, key and app (they
    depend on the subaccount, so they go first). Set it, apply, then remove the tenant; a destroy plans from
    the state, so setting it in the same apply as the removal is too late.
  EOT
  type        = bool
  default     = false
}
