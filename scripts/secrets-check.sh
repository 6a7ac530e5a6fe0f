#!/usr/bin/env bash
# Secret hygiene, end to end with the real provider binary: runs the Go test TestAccSecretsNeverLogged
# (internal/e2e/secrets_test.go), which applies and plans a configuration holding every kind of secret
# with TF_LOG=TRACE and fails if any secret (the main auth token, a subaccount's auth token, an API key
# secret, an access token) or any credential pair's Authorization header appears, raw or encoded (base64
# at any alignment, hex, URL-escaped), in the trace log or the CLI output; and TestAccSecretsNeverLogged_rotation
# does the same for the auth token rotation action (Terraform 1.14+). The acceptance suite
# (scripts/testacc.sh) runs the same test under every binary; this script runs it alone.
#
#   SECRETS_TF=tofu scripts/secrets-check.sh     under OpenTofu instead of Terraform
set -euo pipefail
cd "$(dirname "$0")/.."

case "${SECRETS_TF:-terraform}" in
  tofu)
    bin_dir=$(scripts/tf-binaries.sh tofu)
    export TF_ACC_TERRAFORM_PATH="$bin_dir/tofu-1.12.6" TF_ACC_PROVIDER_HOST=registry.opentofu.org ;;
  *)
    bin_dir=$(scripts/tf-binaries.sh terraform)
    export TF_ACC_TERRAFORM_PATH="$bin_dir/terraform-1.16.0" ;;
esac
export TF_ACC=1 CHECKPOINT_DISABLE=1
empty_cli_config=$(mktemp)
out=$(mktemp)
trap 'rm -f "$empty_cli_config" "$out"' EXIT
export TF_CLI_CONFIG_FILE="$empty_cli_config"
echo "=== Secrets check under $("$TF_ACC_TERRAFORM_PATH" version | head -n 1): apply and plan with TF_LOG=TRACE"
rc=0
go test -count=1 -run '^(TestSecretFormsCatchEncodings|TestAccSecretsNeverLogged|TestAccSecretsNeverLogged_rotation)$' -v ./internal/e2e/ >"$out" 2>&1 || rc=$?
if [ "$rc" -ne 0 ]; then
  tail -n 60 "$out"
  exit "$rc"
fi
grep -E '^(--- |ok )|secrets and credential headers' "$out"
