#!/usr/bin/env bash
# Runs the acceptance tests (TF_ACC=1) against the local Twilio emulator under each pinned binary:
# Terraform 1.8.5 and OpenTofu 1.12.6. Builds the binaries and fetches Twilio's OpenAPI specs first
# (both cached outside the clone). Extra arguments go to `go test`, e.g. -run TestAccSubaccount.
#
# Real-account mode: TWILIO_ACC_REAL=1 with TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN runs the same tests
# against Twilio itself (costs money; emulator-only tests skip).
set -euo pipefail
cd "$(dirname "$0")/.."

bin_dir=$(scripts/tf-binaries.sh)
export TWILIO_OAS_DIR="${TWILIO_OAS_DIR:-$(scripts/fetch-specs.sh)}"
export TWILIO_OAS_REQUIRED=1
export TF_ACC=1 CHECKPOINT_DISABLE=1
# NOTE: a TF_CLI_CONFIG_FILE pointing at a missing file makes OpenTofu print a warning that breaks
# plugin-testing's version parsing; an empty CLI configuration keeps both binaries quiet and offline.
empty_cli_config=$(mktemp)
trap 'rm -f "$empty_cli_config"' EXIT
export TF_CLI_CONFIG_FILE="$empty_cli_config"

# Compile the test binaries once; both runs reuse the build cache.
go test -count=1 -run '^$' ./internal/provider/ ./internal/e2e/ >/dev/null

run() {
  local label=$1 binary=$2 rc_file
  shift 2
  rc_file=$(mktemp)
  echo
  echo "=== Acceptance tests under $label ($("$binary" version | head -n 1)), against the local Twilio emulator, no network"
  { TF_ACC_TERRAFORM_PATH="$binary" go test -count=1 -timeout 40m -parallel "${TESTACC_PARALLEL:-4}" \
      -run "${TESTACC_RUN:-^TestAcc}" ./internal/provider/ ./internal/e2e/ -v "$@" 2>&1; echo $? >"$rc_file"; } |
    grep --line-buffered -v -E '^=== (RUN|PAUSE|CONT)' || true
  local rc
  rc=$(cat "$rc_file")
  rm -f "$rc_file"
  return "$rc"
}

status=0
run "Terraform 1.8.5" "$bin_dir/terraform-1.8.5" "$@" || status=1
TF_ACC_PROVIDER_HOST=registry.opentofu.org run "OpenTofu 1.12.6" "$bin_dir/tofu-1.12.6" "$@" || status=1
exit $status
