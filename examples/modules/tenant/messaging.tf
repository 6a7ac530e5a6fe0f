# Texting from the tenant (guide "Texting from tenants: A2P 10DLC as code"): a Messaging Service with the
# tenant's numbers in its sender pool and, for US 10-digit numbers, the A2P 10DLC registration Twilio
# recommends for a platform (an ISV): in the tenant's subaccount, a secondary customer profile, an A2P trust
# product, a brand registration and a campaign. Optional: without var.messaging the module adds nothing.
#
# What cannot simply be made again: Twilio charges for every brand registration and every campaign vetting,
# and reviews each for days. With protect = true, destroying the tenant only makes Terraform forget the
# customer profile, the trust product, the Messaging Service and the campaign; a brand registration has no
# delete in Twilio's API and is always only forgotten.

variable "messaging" {
  description = <<-EOT
    Texting for the tenant; null (the default) adds nothing.
      friendly_name        the Messaging Service's name (default "<environment>-<name> messaging")
      usecase              the service's use case (notifications, marketing, verification, discussion, poll,
                           undeclared); default notifications
      inbound_request_url  where Twilio posts the texts the tenant receives; null leaves each number's own
      status_callback      where Twilio posts delivery statuses; null for none
      senders              names (keys of numbers) of the numbers to text from; null: all of them
      a2p                  the US A2P 10DLC registration (null: none, e.g. texting outside the US):
        primary_customer_profile_sid  the platform's approved primary customer profile (BU…, made in the
                                      Console's Trust Hub, main account); Twilio's ISV guide attaches it to
                                      each secondary profile (null leaves it out)
        email                         where Twilio sends the reviews' outcomes
        brand_type                    STANDARD (the default and, for now, the only one: a sole proprietor
                                      registers through another profile and trust product)
        low_volume                    a Low-Volume Standard brand: skips the secondary vetting (default false)
        mock                          register a mock brand (testing only; default false)
        business                      the tenant's business information (Trust Hub end user
                                      customer_profile_business_information attributes)
        representative                its authorized representative (authorized_representative_1 attributes)
        company                       its A2P messaging profile (us_a2p_messaging_profile_information)
        campaign                      its campaign: use case, description, message flow, samples, keywords…
  EOT
  type = object({
    friendly_name       = optional(string)
    usecase             = optional(string, "notifications")
    inbound_request_url = optional(string)
    status_callback     = optional(string)
    senders             = optional(list(string))
    a2p = optional(object({
      primary_customer_profile_sid = optional(string)
      email                        = string
      brand_type                   = optional(string, "STANDARD")
      low_volume                   = optional(bool, false)
      mock                         = optional(bool, false)
      business = object({
        business_name                    = string
        business_type                    = string
        business_industry                = string
        business_registration_identifier = optional(string, "EIN")
        business_registration_number     = string
        business_regions_of_operation    = optional(string, "USA_AND_CANADA")
        business_identity                = optional(string, "direct_customer")
        website_url                      = string
        social_media_profile_urls        = optional(string, "")
      })
      representative = object({
        first_name     = string
        last_name      = string
        email          = string
        phone_number   = string
        business_title = string
        job_position   = string
      })
      company = optional(object({
        company_type   = optional(string, "private")
        stock_exchange = optional(string)
        stock_ticker   = optional(string)
      }), {})
      campaign = object({
        usecase            = string
        description        = string
        message_flow       = string
        message_samples    = list(string)
        has_embedded_links = optional(bool, false)
        has_embedded_phone = optional(bool, false)
        opt_in_keywords    = optional(list(string))
        opt_in_message     = optional(string)
        opt_out_keywords   = optional(list(string))
        opt_out_message    = optional(string)
        help_keywords      = optional(list(string))
        help_message       = optional(string)
      })
    }))
  })
  default = null

  validation {
    condition     = var.messaging == null || alltrue([for s in coalesce(try(var.messaging.senders, null), []) : contains(keys(var.numbers), s)])
    error_message = "messaging.senders must name numbers of the numbers input."
  }
  validation {
    condition     = try(var.messaging.a2p, null) == null || try(var.messaging.a2p.brand_type, "") == "STANDARD"
    error_message = "messaging.a2p.brand_type must be STANDARD (a Low-Volume Standard brand is STANDARD with low_volume = true); a sole proprietor brand needs another profile and trust product, which this module does not make."
  }
  validation {
    condition     = try(var.messaging.a2p.primary_customer_profile_sid, null) == null || can(regex("^BU[0-9a-f]{32}$", try(var.messaging.a2p.primary_customer_profile_sid, "")))
    error_message = "messaging.a2p.primary_customer_profile_sid must be a customer profile SID: BU followed by 32 lower-case hexadecimal digits."
  }
}

locals {
  messaging = var.messaging == null ? {} : { this = var.messaging }
  a2p       = try(var.messaging.a2p, null) == null ? {} : { this = var.messaging.a2p }
  senders   = var.messaging == null ? [] : coalesce(var.messaging.senders, keys(var.numbers))
}

resource "twilio_messaging_service" "this" {
  for_each = local.messaging

  account_sid         = twilio_subaccount.this.sid
  friendly_name       = coalesce(each.value.friendly_name, "${var.environment}-${var.name} messaging")
  usecase             = each.value.usecase
  inbound_request_url = each.value.inbound_request_url
  status_callback     = each.value.status_callback
  # Without a service-wide URL, each number's own messaging webhook handles the texts it receives.
  use_inbound_webhook_on_number = each.value.inbound_request_url == null
  # Twilio deletes a service's campaign with the service.
  skip_destroy = var.protect
}

resource "twilio_messaging_service_phone_number" "this" {
  for_each = toset(local.senders)

  account_sid      = twilio_subaccount.this.sid
  service_sid      = twilio_messaging_service.this["this"].sid
  phone_number_sid = twilio_incoming_number.this[each.key].sid
}

# The A2P 10DLC chain, in the tenant's subaccount (Twilio's ISV guide: "use the Twilio Account SID ... of the
# subaccount" the brand is for).
locals {
  # Twilio's policies: the secondary customer profile, and the A2P messaging profile (the trust product).
  secondary_customer_profile_policy = "RNdfbf3fae0e1107f8aded0e7cead80bf5"
  a2p_trust_product_policy          = "RNb0d4771c2c98518d916a3d4cd70a8f8b"
}

resource "twilio_trusthub_end_user" "business" {
  for_each = local.a2p

  account_sid   = twilio_subaccount.this.sid
  friendly_name = "${var.name} business information"
  type          = "customer_profile_business_information"
  attributes    = jsonencode(each.value.business)
}

resource "twilio_trusthub_end_user" "representative" {
  for_each = local.a2p

  account_sid   = twilio_subaccount.this.sid
  friendly_name = "${var.name} authorized representative"
  type          = "authorized_representative_1"
  attributes    = jsonencode(each.value.representative)
}

resource "twilio_trusthub_supporting_document" "address" {
  for_each = local.a2p

  account_sid   = twilio_subaccount.this.sid
  friendly_name = "${var.name} business address"
  type          = "customer_profile_address"
  attributes    = jsonencode({ address_sids = local.address_sid })

  lifecycle {
    precondition {
      condition     = local.address_sid != null
      error_message = "messaging.a2p needs the tenant's business address: set address (or address_sid)."
    }
  }
}

resource "twilio_trusthub_customer_profile" "this" {
  for_each = local.a2p

  account_sid   = twilio_subaccount.this.sid
  friendly_name = "${var.environment}-${var.name} secondary customer profile"
  email         = each.value.email
  policy_sid    = local.secondary_customer_profile_policy
  entity_sids = compact([
    twilio_trusthub_end_user.business["this"].sid,
    twilio_trusthub_end_user.representative["this"].sid,
    twilio_trusthub_supporting_document.address["this"].sid,
    each.value.primary_customer_profile_sid,
  ])
  skip_destroy = var.protect
}

resource "twilio_trusthub_end_user" "messaging_profile" {
  for_each = local.a2p

  account_sid   = twilio_subaccount.this.sid
  friendly_name = "${var.name} A2P messaging profile"
  type          = "us_a2p_messaging_profile_information"
  attributes    = jsonencode({ for k, v in each.value.company : k => v if v != null })
}

resource "twilio_trusthub_trust_product" "a2p" {
  for_each = local.a2p

  account_sid   = twilio_subaccount.this.sid
  friendly_name = "${var.environment}-${var.name} A2P trust product"
  email         = each.value.email
  policy_sid    = local.a2p_trust_product_policy
  entity_sids = [
    twilio_trusthub_end_user.messaging_profile["this"].sid,
    twilio_trusthub_customer_profile.this["this"].sid,
  ]
  skip_destroy = var.protect
}

resource "twilio_a2p_brand_registration" "this" {
  for_each = local.a2p

  account_sid                 = twilio_subaccount.this.sid
  customer_profile_bundle_sid = twilio_trusthub_customer_profile.this["this"].sid
  a2p_profile_bundle_sid      = twilio_trusthub_trust_product.a2p["this"].sid
  brand_type                  = each.value.brand_type
  skip_automatic_sec_vet      = each.value.low_volume
  mock                        = each.value.mock
}

resource "twilio_a2p_campaign" "this" {
  for_each = local.a2p

  account_sid              = twilio_subaccount.this.sid
  messaging_service_sid    = twilio_messaging_service.this["this"].sid
  brand_registration_sid   = twilio_a2p_brand_registration.this["this"].sid
  us_app_to_person_usecase = each.value.campaign.usecase
  description              = each.value.campaign.description
  message_flow             = each.value.campaign.message_flow
  message_samples          = each.value.campaign.message_samples
  has_embedded_links       = each.value.campaign.has_embedded_links
  has_embedded_phone       = each.value.campaign.has_embedded_phone
  opt_in_keywords          = each.value.campaign.opt_in_keywords
  opt_in_message           = each.value.campaign.opt_in_message
  opt_out_keywords         = each.value.campaign.opt_out_keywords
  opt_out_message          = each.value.campaign.opt_out_message
  help_keywords            = each.value.campaign.help_keywords
  help_message             = each.value.campaign.help_message
  skip_destroy             = var.protect
}

output "messaging_service_sid" {
  description = "SID of the tenant's Messaging Service (MG…); null without messaging."
  value       = one([for s in twilio_messaging_service.this : s.sid])
}

output "a2p" {
  description = "The tenant's A2P 10DLC registration: SIDs and review statuses; null without messaging.a2p."
  value = length(local.a2p) == 0 ? null : {
    customer_profile_sid    = twilio_trusthub_customer_profile.this["this"].sid
    customer_profile_status = twilio_trusthub_customer_profile.this["this"].status
    trust_product_sid       = twilio_trusthub_trust_product.a2p["this"].sid
    trust_product_status    = twilio_trusthub_trust_product.a2p["this"].status
    brand_sid               = twilio_a2p_brand_registration.this["this"].sid
    brand_status            = twilio_a2p_brand_registration.this["this"].status
    campaign_sid            = twilio_a2p_campaign.this["this"].sid
    campaign_status         = twilio_a2p_campaign.this["this"].campaign_status
  }
}
