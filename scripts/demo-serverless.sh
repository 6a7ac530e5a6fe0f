#!/usr/bin/env bash
# The Serverless demo (`make demo-serverless`): on the local emulator, apply a tenant whose voice function
# (examples/serverless/functions) Terraform deploys in the tenant's subaccount and binds its number to; show
# a clean plan; redeploy the service outside Terraform through the Twilio API, as the Console's "Deploy All"
# does; show the plan that detects it; apply to put the configured build back; destroy everything. Exits
# non-zero on any failure and leaves no process behind.
#
#   DEMO_TF=tofu make demo-serverless     the same with OpenTofu 1.12.6
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

step() { printf '\n==== %s\n' "$*"; }

# shellcheck source=scripts/lib.sh
. scripts/lib.sh

step "1. Building the provider, the emulator and the pinned Terraform/OpenTofu (cached after the first run)"
lib_setup "${DEMO_TF:-terraform}"
"$tf" version | sed -n 1p

step "2. Starting the local Twilio emulator on loopback"
lib_start_emulator
cat "$lib_work/emulator.log"

cp -R "$repo/examples" "$lib_work/examples"
cd "$lib_work/examples/serverless/tenant-voice"
"$tf" init -input=false -no-color >/dev/null
# The token function's bearer secret: a write-only value, sent to Twilio and kept out of the state.
export TF_VAR_token_auth_secret="demo-bearer-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"

step "3. terraform apply: tenant initech with its own voice and token functions, its number bound to the voice function"
"$tf" apply -input=false -auto-approve -no-color | grep -E 'Creation complete|Apply complete' | sed -E 's/ after [0-9.]+s//'
"$tf" output -no-color
grep -q "$TF_VAR_token_auth_secret" terraform.tfstate && { echo "the write-only secret is in the state" >&2; exit 1; }
echo "terraform.tfstate does not hold the token function's bearer secret (a write-only value)"

value() { "$tf" output -raw "$1"; }
sub=$(value subaccount_sid)
url=$(value voice_function_url)
main_auth=(-u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN")
number=$(curl -fsS "${main_auth[@]}" "$TWILIO_BASE_URL/2010-04-01/Accounts/$sub/IncomingPhoneNumbers.json" |
  grep -oE '"voice_url": *"[^"]*"' | head -n 1)
echo "Twilio has, for the tenant's number: $number"
echo "$number" | grep -qF "$url" || { echo "the number does not call the voice function $url" >&2; exit 1; }

step "4. terraform plan: nothing changed, so the plan is empty"
set +e
"$tf" plan -input=false -detailed-exitcode -no-color >"$lib_work/clean.plan"
rc=$?
set -e
[ "$rc" -eq 0 ] || { cat "$lib_work/clean.plan"; echo "expected an empty plan (exit 0), got exit $rc" >&2; exit 1; }
echo "No changes."

step "5. A Console user redeploys the service (a new build of the same functions, deployed) outside Terraform"
# The Console works in the subaccount with its own credentials; the parent may read its auth token.
sub_token=$(curl -fsS "${main_auth[@]}" "$TWILIO_BASE_URL/2010-04-01/Accounts/$sub.json" |
  grep -oE '"auth_token": *"[^"]*"' | sed -E 's/.*"([^"]*)"$/\1/')
sub_auth=(-u "$sub:$sub_token")
api="$TWILIO_BASE_URL/v1/Services"
zs=$(curl -fsS "${sub_auth[@]}" "$api" | grep -oE '"sid": *"ZS[0-9a-f]{32}"' | grep -oE 'ZS[0-9a-f]{32}' | head -n 1)
envs=$(curl -fsS "${sub_auth[@]}" "$api/$zs/Environments")
ze=$(echo "$envs" | grep -oE 'ZE[0-9a-f]{32}' | head -n 1)
live=$(echo "$envs" | grep -oE '"build_sid": *"ZB[0-9a-f]{32}"' | grep -oE 'ZB[0-9a-f]{32}')
versions=$(curl -fsS "${sub_auth[@]}" "$api/$zs/Builds/$live" | grep -oE '"sid": *"ZN[0-9a-f]{32}"' | grep -oE 'ZN[0-9a-f]{32}' | sort -u)
form=()
for v in $versions; do form+=(--data-urlencode "FunctionVersions=$v"); done
new=$(curl -fsS "${sub_auth[@]}" -X POST "$api/$zs/Builds" "${form[@]}" --data-urlencode "Runtime=node22" \
  --data-urlencode 'Dependencies=[{"name":"twilio","version":"5.9.0"},{"name":"@twilio/runtime-handler","version":"2.0.1"}]' |
  grep -oE '"sid": *"ZB[0-9a-f]{32}"' | grep -oE 'ZB[0-9a-f]{32}')
echo "POST .../Services/$zs/Builds -> build $new"
for _ in $(seq 1 50); do
  status=$(curl -fsS "${sub_auth[@]}" "$api/$zs/Builds/$new/Status" | grep -oE '"status": *"[a-z]*"' | grep -oE '[a-z]*"$' | tr -d '"')
  [ "$status" = completed ] && break
  sleep 0.2
done
[ "$status" = completed ] || { echo "the Console's build did not complete: $status" >&2; exit 1; }
curl -fsS "${sub_auth[@]}" -X POST "$api/$zs/Environments/$ze/Deployments" --data-urlencode "BuildSid=$new" -o /dev/null \
  -w "POST .../Environments/$ze/Deployments (BuildSid=$new) -> HTTP %{http_code}\n"
echo "the environment ran $live (Terraform's build); it now runs $new"

step "6. terraform plan detects the drift: the deployment's build_sid, as an in-place update"
set +e
"$tf" plan -input=false -detailed-exitcode -no-color >"$lib_work/drift.plan"
rc=$?
set -e
grep -v 'Refreshing state' "$lib_work/drift.plan"
[ "$rc" -eq 2 ] || { echo "expected the plan to show the drift (exit 2), got exit $rc" >&2; exit 1; }
grep -qE "build_sid += \"$new\" -> \"$live\"" "$lib_work/drift.plan" ||
  { echo "the plan does not show the build_sid going back from $new to $live" >&2; exit 1; }
grep -q 'Plan: 0 to add, 1 to change, 0 to destroy' "$lib_work/drift.plan" ||
  { echo "expected exactly one in-place change" >&2; exit 1; }

step "7. terraform apply deploys the configured build again; the plan is empty again"
"$tf" apply -input=false -auto-approve -no-color | grep -E 'Modifications complete|Apply complete' | sed -E 's/ after [0-9.]+s//'
now=$(curl -fsS "${sub_auth[@]}" "$api/$zs/Environments/$ze" | grep -oE '"build_sid": *"ZB[0-9a-f]{32}"' | grep -oE 'ZB[0-9a-f]{32}')
echo "the environment runs $now"
[ "$now" = "$live" ] || { echo "expected the environment to run $live again" >&2; exit 1; }
"$tf" plan -input=false -detailed-exitcode -no-color >/dev/null
echo "terraform plan: no changes"

step "8. terraform destroy: the functions, the service, the number and the subaccount"
"$tf" destroy -input=false -auto-approve -no-color | tail -n 1
open=$(curl -fsS "${main_auth[@]}" "$TWILIO_BASE_URL/2010-04-01/Accounts.json?Status=active&PageSize=50" |
  grep -oE '"sid": *"AC[0-9a-f]*"' | wc -l)
echo "active accounts left in the emulator: $open (the main account)"
[ "$open" -eq 1 ] || { echo "expected only the main account to remain active" >&2; exit 1; }

step "9. Stopping the emulator"
lib_stop_emulator
echo "demo finished"
