#!/usr/bin/env bash
# Runs `terraform test` for the tenant module (examples/modules/tenant/tests) against the local Twilio
# emulator, under Terraform 1.16.0 and OpenTofu 1.12.6.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

status=0
for which in terraform tofu; do
  lib_setup "$which"
  lib_start_emulator
  # regulatory.tftest.hcl clones the main account's approved UK bundle, made as the Console and Twilio's
  # review would (the emulator's test control).
  lib_emulator_bundle "UK business" GB local business
  # messaging.tftest.hcl registers a tenant for A2P 10DLC; Twilio's reviewers (the emulator's review
  # control) approve every submission.
  for kind in customer-profile trust-product brand campaign; do
    lib_emulator_review "$kind" approve
  done
  echo "=== terraform test of examples/modules/tenant under $("$tf" version | head -n 1), against the emulator"
  rm -rf "$lib_work/module"
  cp -R examples/modules/tenant "$lib_work/module"
  (cd "$lib_work/module" && "$tf" init -input=false -no-color >/dev/null && "$tf" test -no-color) || status=1
  lib_stop_emulator
done
exit $status
