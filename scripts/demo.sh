#!/usr/bin/env bash
# The README's main command (`make demo`): on a fresh machine, builds the provider and the local Twilio
# emulator, starts the emulator on loopback, applies a configuration with real Terraform, shows a clean
# plan, destroys, and stops the emulator. Exits non-zero on any failure and leaves no process behind.
#
#   DEMO_TF=tofu make demo        the same with OpenTofu 1.12.6
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

step() { printf '\n==== %s\n' "$*"; }

work=$(mktemp -d)
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step "Building the provider, the emulator and the pinned Terraform/OpenTofu (cached after the first run)"
bin_dir=$(scripts/tf-binaries.sh)
case "${DEMO_TF:-terraform}" in
  tofu) tf="$bin_dir/tofu-1.12.6" ;;
  *) tf="$bin_dir/terraform-1.8.5" ;;
esac
version=0.0.1
for host in registry.terraform.io registry.opentofu.org; do
  dir="$work/mirror/$host/tenantwire/twilio/$version/$(go env GOOS)_$(go env GOARCH)"
  mkdir -p "$dir"
  go build -ldflags "-X main.version=$version" -o "$dir/terraform-provider-twilio_v$version" .
done
go build -o "$work/twilio-emulator" ./cmd/twilio-emulator

# A CLI configuration that installs tenantwire/twilio from the local build and nothing from the network.
cat >"$work/cli.tfrc" <<CFG
provider_installation {
  filesystem_mirror {
    path    = "$work/mirror"
    include = ["registry.terraform.io/tenantwire/twilio", "registry.opentofu.org/tenantwire/twilio"]
  }
  direct {
    exclude = ["registry.terraform.io/tenantwire/twilio", "registry.opentofu.org/tenantwire/twilio"]
  }
}
CFG
export TF_CLI_CONFIG_FILE="$work/cli.tfrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
"$tf" version | head -n 1

step "Starting the local Twilio emulator on loopback"
account_sid="AC$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
auth_token="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
"$work/twilio-emulator" -addr 127.0.0.1:0 -account-sid "$account_sid" -auth-token "$auth_token" \
  -ready-file "$work/emulator.url" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 100); do
  [ -s "$work/emulator.url" ] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log"; exit 1; }
  sleep 0.1
done
[ -s "$work/emulator.url" ] || { echo "emulator did not start" >&2; exit 1; }
cat "$work/emulator.log"
export TWILIO_BASE_URL="$(cat "$work/emulator.url")" TWILIO_ACCOUNT_SID="$account_sid" TWILIO_AUTH_TOKEN="$auth_token"
unset TWILIO_API_KEY TWILIO_API_SECRET

cp -R "$repo/examples/quickstart" "$work/config"
cd "$work/config"

step "terraform init (provider from the local build)"
"$tf" init -input=false -no-color >/dev/null
echo "initialised"

step "terraform apply"
"$tf" apply -input=false -auto-approve -no-color

step "terraform plan: nothing changed, so the plan must be empty"
set +e
"$tf" plan -input=false -detailed-exitcode -no-color
rc=$?
set -e
[ "$rc" -eq 0 ] || { echo "expected an empty plan (exit 0), got exit $rc" >&2; exit 1; }

step "terraform destroy"
"$tf" destroy -input=false -auto-approve -no-color

step "Stopping the emulator"
kill "$emulator_pid"
wait "$emulator_pid" 2>/dev/null || true
emulator_pid=""
echo "demo finished"
