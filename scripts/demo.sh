#!/usr/bin/env bash
# The README's main command (`make demo`). On a fresh machine it builds the provider and the local Twilio
# emulator, starts the emulator on loopback, applies the staging environment (two tenants from the tenant
# module), shows a clean plan, edits a number's voice URL through the Twilio API as a Console user would,
# shows the plan that detects it, mints an access token and prints its decoded claims, destroys, and
# stops the emulator. Exits non-zero on any failure and leaves no process behind.
#
#   DEMO_TF=tofu make demo     the same with OpenTofu 1.12.6
#
# Against real Twilio: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, leave TWILIO_BASE_URL unset, and run
# terraform in examples/environments/staging yourself (it buys real numbers).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

step() { printf '\n==== %s\n' "$*"; }

# shellcheck source=scripts/lib.sh
. scripts/lib.sh

step "1. Building the provider, the emulator and the pinned Terraform/OpenTofu (cached after the first run)"
lib_setup "${DEMO_TF:-terraform}"
"$tf" version | sed -n 1p # sed reads to the end: head could exit first and SIGPIPE terraform under pipefail

step "2. Starting the local Twilio emulator on loopback"
lib_start_emulator
cat "$lib_work/emulator.log"

cp -R "$repo/examples" "$lib_work/examples"
cd "$lib_work/examples/environments/staging"
"$tf" init -input=false -no-color >/dev/null

step "3. terraform apply: the staging environment, two tenants (acme, globex)"
"$tf" apply -input=false -auto-approve -no-color
"$tf" output -no-color tenants

step "4. terraform plan: nothing changed, so the plan is empty"
set +e
"$tf" plan -input=false -detailed-exitcode -no-color
rc=$?
set -e
[ "$rc" -eq 0 ] || { echo "expected an empty plan (exit 0), got exit $rc" >&2; exit 1; }

value() { echo "$1" | "$tf" console -no-color | tr -d '"'; }
sub=$(value 'module.tenant["globex"].subaccount_sid')
pn=$(value 'module.tenant["globex"].number_sids["support"]')

step "5. A Console user changes globex's support number's voice URL (a Twilio API call, outside Terraform)"
curl -fsS -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" \
  -X POST "$TWILIO_BASE_URL/2010-04-01/Accounts/$sub/IncomingPhoneNumbers/$pn.json" \
  --data-urlencode "VoiceUrl=https://someone-elses-server.example.net/voice" \
  -o /dev/null -w "POST .../IncomingPhoneNumbers/$pn.json -> HTTP %{http_code}\n"

step "6. terraform plan detects the drift: exactly that attribute, as an in-place update"
set +e
"$tf" plan -input=false -detailed-exitcode -no-color | tee "$lib_work/drift.plan"
rc=${PIPESTATUS[0]}
set -e
[ "$rc" -eq 2 ] || { echo "expected the plan to show the drift (exit 2), got exit $rc" >&2; exit 1; }
grep -q 'voice_url.*someone-elses-server.example.net.*->.*staging-voice.example.com' "$lib_work/drift.plan" ||
  { echo "the plan does not show the voice_url being restored" >&2; exit 1; }
grep -q 'Plan: 0 to add, 1 to change, 0 to destroy' "$lib_work/drift.plan" ||
  { echo "expected exactly one in-place change" >&2; exit 1; }

step "7. terraform apply restores the configuration; the plan is empty again"
"$tf" apply -input=false -auto-approve -no-color >"$lib_work/restore.log"
grep -E '~ voice_url|Modifications complete|Apply complete' "$lib_work/restore.log"
restored=$(curl -fsS -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" \
  "$TWILIO_BASE_URL/2010-04-01/Accounts/$sub/IncomingPhoneNumbers/$pn.json" | grep -o '"voice_url": *"[^"]*"')
echo "Twilio now has, for $pn: $restored"
echo "$restored" | grep -q 'staging-voice.example.com' || { echo "the voice URL was not restored" >&2; exit 1; }
"$tf" plan -input=false -detailed-exitcode -no-color >/dev/null
echo "terraform plan: no changes"

step "8. Minting an access token for acme's voice client (signed locally with acme's API key)"
token_vars=(
  -var "account_sid=$(value 'module.tenant["acme"].subaccount_sid')"
  -var "api_key_sid=$(value 'module.tenant["acme"].api_key_sid')"
  -var "api_key_secret=$(value 'nonsensitive(module.tenant["acme"].api_key_secret)')"
  -var "twiml_app_sid=$(value 'module.tenant["acme"].twiml_app_sid')"
)
cd "$lib_work/examples/access-token"
"$tf" init -input=false -no-color >/dev/null
"$tf" apply -input=false -auto-approve -no-color "${token_vars[@]}" | tail -n 4
token=$("$tf" output -raw token)
decode() {
  local part=$1
  part=$(echo "$part" | tr '_-' '/+')
  while [ $(( ${#part} % 4 )) -ne 0 ]; do part="$part="; done
  echo "$part" | base64 -d
}
echo "JWT header:  $(decode "$(echo "$token" | cut -d. -f1)")"
echo "JWT claims:  $(decode "$(echo "$token" | cut -d. -f2)")"
"$tf" destroy -input=false -auto-approve -no-color "${token_vars[@]}" >/dev/null

step "9. terraform destroy: closes both subaccounts, releases their numbers"
cd "$lib_work/examples/environments/staging"
"$tf" destroy -input=false -auto-approve -no-color | tail -n 3
open=$(curl -fsS -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" "$TWILIO_BASE_URL/2010-04-01/Accounts.json?Status=active&PageSize=50" |
  grep -o '"sid": *"AC[0-9a-f]*"' | wc -l)
echo "active accounts left in the emulator: $open (the main account)"
[ "$open" -eq 1 ] || { echo "expected only the main account to remain active" >&2; exit 1; }

step "10. Stopping the emulator"
lib_stop_emulator
echo "demo finished"
