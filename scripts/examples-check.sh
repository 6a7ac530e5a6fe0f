#!/usr/bin/env bash
# Checks every example: `terraform fmt -check -recursive examples/`, then `validate` of each example
# directory against the locally built provider (OpenTofu 1.12.6, which knows ephemeral resources; Terraform
# 1.16.0 for the examples that declare actions, which OpenTofu lacks).
# Documentation snippets refer to objects they do not declare (`twilio_subaccount.tenant`, `var.x`);
# minimal stand-ins are added for those, so the snippet itself is what gets validated.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

lib_setup tofu
echo "=== terraform fmt -check -recursive examples/"
"$tf" fmt -check -recursive -diff examples/
echo "fmt: clean"

stub_for() {
  case "$1" in
    twilio_subaccount) echo 'friendly_name = "stub"' ;;
    twilio_api_key | twilio_twiml_app) echo 'friendly_name = "stub"' ;;
    twilio_incoming_number) echo 'phone_number = "+14155550100"' ;;
    twilio_bundle_clone) printf 'account_sid = "AC00000000000000000000000000000000"\n  bundle_sid = "BU00000000000000000000000000000000"' ;;
    twilio_address) printf 'customer_name = "stub"\n  street = "stub"\n  city = "stub"\n  region = "stub"\n  postal_code = "stub"\n  iso_country = "US"' ;;
    twilio_studio_flow) printf 'friendly_name = "stub"\n  status = "draft"\n  definition = jsonencode({ description = "stub", states = [{ name = "Trigger", type = "trigger", properties = {}, transitions = [] }], initial_state = "Trigger", flags = { allow_concurrent_calls = true } })' ;;
    twilio_serverless_service) echo 'unique_name = "stub"
  friendly_name = "stub"' ;;
    twilio_serverless_environment) echo 'service_sid = "ZS00000000000000000000000000000000"
  unique_name = "stub"' ;;
    twilio_serverless_function | twilio_serverless_asset)
      printf 'service_sid = "ZS00000000000000000000000000000000"\n  friendly_name = "stub"\n  path = "/stub"\n  content = "stub"' ;;
    twilio_serverless_build) printf 'service_sid = "ZS00000000000000000000000000000000"\n  function_version_sids = ["ZN00000000000000000000000000000000"]' ;;
    twilio_usage_trigger) printf 'friendly_name = "stub"\n  usage_category = "totalprice"\n  trigger_by = "price"\n  trigger_value = "1"\n  recurring = "monthly"\n  callback_url = "https://stub.example.com"' ;;
    twilio_messaging_service) echo 'friendly_name = "stub"' ;;
    twilio_messaging_service_phone_number) printf 'service_sid = "MG00000000000000000000000000000000"\n  phone_number_sid = "PN00000000000000000000000000000000"' ;;
    twilio_messaging_service_alpha_sender) printf 'service_sid = "MG00000000000000000000000000000000"\n  alpha_sender = "Stub"' ;;
    twilio_messaging_service_short_code) printf 'service_sid = "MG00000000000000000000000000000000"\n  short_code_sid = "SC00000000000000000000000000000000"' ;;
    twilio_trusthub_end_user) printf 'friendly_name = "stub"\n  type = "business"\n  attributes = jsonencode({})' ;;
    twilio_trusthub_supporting_document) printf 'friendly_name = "stub"\n  type = "customer_profile_address"\n  attributes = jsonencode({})' ;;
    twilio_trusthub_customer_profile) printf 'friendly_name = "stub"\n  email = "stub@example.com"\n  policy_sid = "RN00000000000000000000000000000000"\n  entity_sids = ["IT00000000000000000000000000000000"]' ;;
    twilio_a2p_brand_registration) printf 'customer_profile_bundle_sid = "BU00000000000000000000000000000001"\n  a2p_profile_bundle_sid = "BU00000000000000000000000000000002"' ;;
    twilio_a2p_campaign) printf 'messaging_service_sid = "MG00000000000000000000000000000000"\n  brand_registration_sid = "BN00000000000000000000000000000000"\n  us_app_to_person_usecase = "MIXED"\n  description = "A stub campaign description of forty characters or more."\n  message_flow = "A stub message flow of at least forty characters long."\n  message_samples = ["A stub sample message one.", "A stub sample message two."]\n  has_embedded_links = false\n  has_embedded_phone = false' ;;
    twilio_tollfree_verification) printf 'tollfree_phone_number_sid = "PN00000000000000000000000000000000"\n  business_name = "stub"\n  business_website = "https://stub.example.com"\n  notification_email = "stub@example.com"\n  use_case_categories = ["ACCOUNT_NOTIFICATIONS"]\n  use_case_summary = "stub"\n  production_message_sample = "stub"\n  opt_in_image_urls = ["https://stub.example.com/a.png"]\n  opt_in_type = "WEB_FORM"\n  message_volume = "10"' ;;
    *) return 1 ;;
  esac
}

echo "=== validate of every example, against this build of the provider"
# A copy of the whole tree, so relative module sources and files() resolve as they do for users.
mkdir -p "$lib_work/validate"
cp -R examples "$lib_work/validate/examples"
status=0
checked=0
while IFS= read -r dir; do
  rel=${dir#"$repo"/}
  if grep -qE 'resource "aws_|data "aws_' "$dir"/*.tf; then
    echo "skip  $rel (needs a third-party provider, which cannot be installed offline)"
    continue
  fi
  work="$lib_work/validate/$rel"
  stubs="$work/zz_stubs.tf"
  : >"$stubs"
  # import-by-string-id.tf and import-by-identity.tf show two ways to import the same resource; validated
  # together they would be a duplicate import, so the identity one imports a stand-in of the same type.
  if [ -f "$work/import-by-identity.tf" ] && [ -f "$work/import-by-string-id.tf" ]; then
    sed -i -E 's/^(  to = twilio_[a-z0-9_]+\.[a-z0-9_]+)/\1_by_identity/' "$work/import-by-identity.tf"
  fi
  if ! grep -q 'required_providers' "$work"/*.tf; then
    printf 'terraform {\n  required_providers {\n    twilio = { source = "tenantwire/twilio" }\n  }\n}\n' >>"$stubs"
  fi
  for ref in $(grep -hoE '\btwilio_[a-z0-9_]+\.[a-z0-9_]+\b' "$work"/*.tf | grep -v '^twilio_[a-z_]*\.\(sid\|id\)$' | sort -u); do
    type=${ref%%.*} name=${ref#*.}
    grep -qE "^(resource|data|ephemeral) \"$type\" \"$name\"" "$work"/*.tf && continue
    grep -qE "(data|ephemeral)\.$ref" "$work"/*.tf && continue
    body=$(stub_for "$type") || continue
    printf 'resource "%s" "%s" {\n  %s\n}\n' "$type" "$name" "$body" >>"$stubs"
  done
  for var in $(grep -hoE '\bvar\.[a-z0-9_]+' "$work"/*.tf | sort -u); do
    name=${var#var.}
    grep -qE "^variable \"$name\"" "$work"/*.tf || printf 'variable "%s" {\n  type = string\n}\n' "$name" >>"$stubs"
  done
  # OpenTofu has no actions (Terraform 1.14+): examples that declare one are validated by Terraform.
  cli=$tf
  if grep -qE '^action "' "$work"/*.tf; then
    cli="$("$repo/scripts/tf-binaries.sh" terraform)/terraform-1.16.0"
  fi
  if (cd "$work" && "$cli" init -input=false -no-color -backend=false >/dev/null 2>"$work/init.err" &&
    "$cli" validate -no-color >"$work/validate.out" 2>&1); then
    echo "ok    $rel"
  else
    echo "FAIL  $rel" >&2
    cat "$work/init.err" "$work/validate.out" >&2 2>/dev/null || true
    status=1
  fi
  checked=$((checked + 1))
done < <(find "$repo/examples" -name '*.tf' -not -path '*/tests/*' -exec dirname {} \; | sort -u)
echo "validated $checked example directories"
exit $status
