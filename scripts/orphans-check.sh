#!/usr/bin/env bash
# Checks examples/guides/find-untracked.sh, which the irreversible-operations guide shows, against the local
# Twilio emulator under Terraform 1.16.0 and OpenTofu 1.12.6 (scripts/guide-commands.sh runs the guide's
# command as written; this checks the answer): after a simulated crash (objects Twilio made but no state
# recorded), it must list exactly those objects, for one state and for several (both forms its header
# shows); the guide's import block must adopt one, after which the script no longer lists it and the plan
# is empty.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
finder="$repo/examples/guides/find-untracked.sh"

# post PATH FORM...: a Twilio create with the main account's credentials (on curl's stdin); prints the SID.
post() {
  local path=$1
  shift
  local args=()
  for kv in "$@"; do args+=(--data-urlencode "$kv"); done
  printf 'user = "%s:%s"\n' "$TWILIO_ACCOUNT_SID" "$TWILIO_AUTH_TOKEN" |
    curl --config - --silent --show-error --fail "${args[@]}" "$TWILIO_BASE_URL/2010-04-01/$path" | jq -r .sid
}

# serverless_post ACCOUNT PATH FORM...: a Serverless (or Trust Hub) create with the account's own credentials
# (both refuse a parent's; the parent may read a subaccount's auth token); prints the SID. HOST, when set,
# names another product host with the same paths (messaging.twilio.com).
serverless_post() {
  local account=$1 path=$2 token
  shift 2
  local args=()
  for kv in "$@"; do args+=(--data-urlencode "$kv"); done
  token=$(printf 'user = "%s:%s"\n' "$TWILIO_ACCOUNT_SID" "$TWILIO_AUTH_TOKEN" |
    curl --config - --silent --show-error --fail "$TWILIO_BASE_URL/2010-04-01/Accounts/$account.json" | jq -r .auth_token)
  printf 'user = "%s:%s"\n' "$account" "$token" |
    curl --config - --silent --show-error --fail -H "Host: ${HOST:-serverless.twilio.com}" "${args[@]}" "$TWILIO_BASE_URL/v1/$path" | jq -r .sid
}

fail() {
  echo "orphans-check: $*" >&2
  exit 1
}

check() {
  local dir="$lib_work/guide" tenant orphans got
  rm -rf "$dir" && mkdir -p "$dir/a" "$dir/b"
  cat >"$dir/a/main.tf" <<'TF'
terraform {
  required_providers {
    twilio = { source = "tenantwire/twilio" }
  }
}

resource "twilio_subaccount" "tenant" {
  friendly_name = "tenant"
}

resource "twilio_incoming_number" "main" {
  account_sid = twilio_subaccount.tenant.sid
  area_code   = "415"
}
TF
  cat >"$dir/b/main.tf" <<'TF'
terraform {
  required_providers {
    twilio = { source = "tenantwire/twilio" }
  }
}

resource "twilio_twiml_app" "softphone" {
  friendly_name = "softphone"
}
TF
  for d in a b; do
    (cd "$dir/$d" && "$tf" init -input=false -no-color >/dev/null && "$tf" apply -input=false -no-color -auto-approve >/dev/null)
  done
  tenant=$(cd "$dir/a" && "$tf" show -json | jq -r '.values.root_module.resources[] | select(.address == "twilio_subaccount.tenant") | .values.sid')

  # A brand needs an approved customer profile and trust product: the emulator's test control makes them.
  bundles=$(printf 'user = "%s:%s"\n' "$TWILIO_ACCOUNT_SID" "$TWILIO_AUTH_TOKEN" |
    curl --config - --silent --show-error --fail -H 'Content-Type: application/json' \
      --data "{\"account_sid\": \"$tenant\"}" "$TWILIO_BASE_URL/_emulator/a2p/trust-bundles")

  # Brands are reviewed at once here (the emulator's stand-in for Twilio's reviewers), so a campaign can follow.
  printf 'user = "%s:%s"\n' "$TWILIO_ACCOUNT_SID" "$TWILIO_AUTH_TOKEN" |
    curl --config - --silent --show-error --fail -H 'Content-Type: application/json' \
      --data '{"outcome": "approve"}' "$TWILIO_BASE_URL/_emulator/reviews/brand"

  # The crash: creates Twilio answered but no state recorded (as if Terraform died while they were in flight).
  orphans=$(
    post "Accounts/$tenant/IncomingPhoneNumbers.json" AreaCode=415
    post Accounts.json FriendlyName=tenant
    post "Accounts/$tenant/Keys.json" FriendlyName=deploy
    post "Accounts/$tenant/Applications.json" FriendlyName=softphone
    post "Accounts/$tenant/Addresses.json" CustomerName=Tenant Street="1 Main St" City=Springfield Region=IL \
      PostalCode=62701 IsoCountry=US
    serverless_post "$tenant" Services UniqueName=voice FriendlyName=voice
    # The brand's approved bundles, made by the test control, are objects no state tracks as well.
    jq -r '.customer_profile_bundle_sid, .a2p_profile_bundle_sid' <<<"$bundles"
    service=$(HOST=messaging.twilio.com serverless_post "$tenant" Services FriendlyName=texts)
    echo "$service"
    HOST=trusthub.twilio.com serverless_post "$tenant" CustomerProfiles FriendlyName=tenant Email=compliance@isv.example \
      PolicySid=RNdfbf3fae0e1107f8aded0e7cead80bf5
    brand=$(HOST=messaging.twilio.com serverless_post "$tenant" a2p/BrandRegistrations \
      "CustomerProfileBundleSid=$(jq -r .customer_profile_bundle_sid <<<"$bundles")" \
      "A2PProfileBundleSid=$(jq -r .a2p_profile_bundle_sid <<<"$bundles")")
    echo "$brand"
    HOST=messaging.twilio.com serverless_post "$tenant" "Services/$service/Compliance/Usa2p" BrandRegistrationSid="$brand" \
      UsAppToPersonUsecase=ACCOUNT_NOTIFICATION HasEmbeddedLinks=false HasEmbeddedPhone=false \
      Description="Tenant sends its customers notices about their orders." \
      MessageFlow="Customers opt in on the tenant's signup form by ticking a box to get texts." \
      MessageSamples="Tenant: your order 1234 has shipped. Reply STOP to opt out." \
      MessageSamples="Tenant: your password was changed. Reply STOP to opt out."
  )
  orphans=$(sort <<<"$orphans")

  echo "--- one state: terraform show -json | ./find-untracked.sh"
  got=$(cd "$dir/a" && "$tf" show -json | "$finder")
  echo "$got"
  # State b's TwiML app is not in state a, so it shows up here too.
  app=$(cd "$dir/b" && "$tf" show -json | jq -r '.values.root_module.resources[0].values.sid')
  [ "$(cut -f2 <<<"$got" | sort)" = "$(sort <<<"$orphans"$'\n'"$app")" ] ||
    fail "one state: expected exactly the orphans and state b's app"

  echo "--- several states: { terraform -chdir=a show -json; terraform -chdir=b show -json; } | ./find-untracked.sh"
  got=$(cd "$dir" && { "$tf" -chdir=a show -json; "$tf" -chdir=b show -json; } | "$finder")
  echo "$got"
  [ "$(cut -f2 <<<"$got" | sort)" = "$orphans" ] || fail "several states: expected exactly the orphans"

  echo "--- adopting the orphan number with the guide's import block"
  id=$(awk -F'\t' '$1 == "incoming_number" { print $6 }' <<<"$got")
  number=$(printf 'user = "%s:%s"\n' "$TWILIO_ACCOUNT_SID" "$TWILIO_AUTH_TOKEN" |
    curl --config - --silent --show-error --fail "$TWILIO_BASE_URL/2010-04-01/Accounts/${id%/*}/IncomingPhoneNumbers/${id#*/}.json" |
    jq -r .phone_number)
  cat >"$dir/a/import.tf" <<TF
import {
  to = twilio_incoming_number.support
  id = "$id"
}

resource "twilio_incoming_number" "support" {
  account_sid  = twilio_subaccount.tenant.sid
  phone_number = "$number"
}
TF
  (cd "$dir/a" && "$tf" apply -input=false -no-color -auto-approve >/dev/null)
  (cd "$dir/a" && "$tf" plan -input=false -no-color -detailed-exitcode >/dev/null) || fail "the plan after the import is not empty"
  got=$(cd "$dir" && { "$tf" -chdir=a show -json; "$tf" -chdir=b show -json; } | "$finder")
  ! grep -qF "${id#*/}" <<<"$got" || fail "the imported number is still listed"
  [ "$(wc -l <<<"$got")" -eq "$(($(wc -l <<<"$orphans") - 1))" ] || fail "expected the other orphans after the import, got: $got"
  for d in a b; do
    (cd "$dir/$d" && "$tf" destroy -input=false -no-color -auto-approve >/dev/null)
  done
  echo "orphans-check: ok"
}

for which in ${ORPHANS_CHECK_BINARIES:-terraform tofu}; do
  lib_setup "$which"
  lib_start_emulator
  echo "=== The irreversible-operations guide's commands under $("$tf" version | head -n 1), against the emulator"
  check
  lib_stop_emulator
done
