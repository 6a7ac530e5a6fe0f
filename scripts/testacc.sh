#!/usr/bin/env bash
# Runs the acceptance tests (TF_ACC=1) against the local Twilio emulator under each pinned binary: the
# whole suite under Terraform 1.16.0 and OpenTofu 1.12.6, and a smoke set under Terraform 1.8.5, the oldest
# Terraform the provider supports. Builds the binaries it needs and fetches Twilio's OpenAPI specs first
# (both cached outside the clone). Extra arguments go to `go test`.
#
#   TESTACC_RUN=TestAccSubaccount scripts/testacc.sh     narrow the full runs (regexp for go test -run)
#   TESTACC_BINARIES="terraform" scripts/testacc.sh      only some of: terraform tofu legacy
#
# Why 1.8.5 is the floor: it is the oldest release the suite has ever been proven against, and the
# examples and guides use import blocks with for_each (Terraform 1.7). Features of later releases
# (ephemeral resources 1.10, write-only attributes 1.11, identity 1.12, list resources 1.14) skip
# themselves below their version; the smoke set proves that the provider's core works there.
#
# Real-account mode: TWILIO_ACC_REAL=1 with TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN runs the same tests
# against Twilio itself (costs money; emulator-only tests skip).
set -euo pipefail
cd "$(dirname "$0")/.."

binaries="${TESTACC_BINARIES:-terraform tofu legacy}"
want=()
for b in $binaries; do
  case "$b" in
    terraform) want+=(terraform) ;;
    tofu) want+=(tofu) ;;
    legacy) want+=(terraform-legacy) ;;
    *) echo "testacc: unknown binary $b (terraform, tofu or legacy)" >&2; exit 2 ;;
  esac
done
bin_dir=$(scripts/tf-binaries.sh "${want[@]}")
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
  local label=$1 binary=$2 pattern=$3 rc_file
  shift 3
  rc_file=$(mktemp)
  echo
  echo "=== Acceptance tests under $label ($("$binary" version | head -n 1)), against the local Twilio emulator, no network"
  { TF_ACC_TERRAFORM_PATH="$binary" go test -count=1 -timeout 40m -parallel "${TESTACC_PARALLEL:-4}" \
      -run "$pattern" ./internal/provider/ ./internal/e2e/ -v "$@" 2>&1; echo $? >"$rc_file"; } |
    grep --line-buffered -v -E '^=== (RUN|PAUSE|CONT)' || true
  local rc
  rc=$(cat "$rc_file")
  rm -f "$rc_file"
  return "$rc"
}

status=0
# The smoke set under the oldest supported Terraform: each resource's create/update/import/destroy, the
# data sources and the provider configuration paths.
smoke='^TestAcc(Subaccount|TwimlApp|APIKey|IncomingNumber|StudioFlow|ServerlessFunction|ServerlessBuild|TrustHubEndUser|TrustHubCustomerProfile|TrustHubTrustProduct|MessagingService|MessagingServicePhoneNumber)_(basic|import)$|^TestAccServerlessDeployment_codeChange$|^TestAccProvider_|^TestAccFunctions(_withoutCredentials)?$|^TestAcc[A-Za-z]*DataSource_basic$'
for b in $binaries; do
  case "$b" in
    terraform) run "Terraform 1.16.0" "$bin_dir/terraform-1.16.0" "${TESTACC_RUN:-^TestAcc}" "$@" || status=1 ;;
    tofu) TF_ACC_PROVIDER_HOST=registry.opentofu.org run "OpenTofu 1.12.6" "$bin_dir/tofu-1.12.6" "${TESTACC_RUN:-^TestAcc}" "$@" || status=1 ;;
    legacy) run "Terraform 1.8.5 (oldest supported: smoke set)" "$bin_dir/terraform-1.8.5" "${TESTACC_RUN:-$smoke}" "$@" || status=1 ;;
  esac
done
exit $status
