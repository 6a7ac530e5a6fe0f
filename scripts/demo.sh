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

# shellcheck source=scripts/lib.sh
. scripts/lib.sh

step "Building the provider, the emulator and the pinned Terraform/OpenTofu (cached after the first run)"
lib_setup "${DEMO_TF:-terraform}"
"$tf" version | head -n 1

step "Starting the local Twilio emulator on loopback"
lib_start_emulator
cat "$lib_work/emulator.log"
work=$lib_work

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
lib_stop_emulator
echo "demo finished"
