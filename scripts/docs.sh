#!/usr/bin/env bash
# Generates the registry docs in docs/ with tfplugindocs from the schemas, examples/ and templates/.
#   scripts/docs.sh          regenerate docs/
#   scripts/docs.sh check    fail when docs/ is stale or tfplugindocs validate complains (CI)
set -euo pipefail
cd "$(dirname "$0")/.."

TFPLUGINDOCS=github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs@v0.25.0
# tfplugindocs asks a Terraform binary for the provider schema; give it the pinned one so nothing is
# downloaded.
bin_dir=$(scripts/tf-binaries.sh)
shim=$(mktemp -d)
trap 'rm -rf "$shim"' EXIT
ln -s "$bin_dir/terraform-1.8.5" "$shim/terraform"
export PATH="$shim:$PATH" CHECKPOINT_DISABLE=1
empty_cli_config="$shim/cli.tfrc"
: >"$empty_cli_config"
export TF_CLI_CONFIG_FILE="$empty_cli_config"

go run "$TFPLUGINDOCS" generate --provider-name twilio --rendered-provider-name "Twilio" >/dev/null
go run "$TFPLUGINDOCS" validate --provider-name twilio

if [ "${1:-}" = "check" ]; then
  if [ -n "$(git status --porcelain -- docs/)" ]; then
    echo "docs/ is stale: run 'make docs' and commit the result" >&2
    git status --short -- docs/ >&2
    git --no-pager diff --stat -- docs/ >&2
    exit 1
  fi
  echo "docs: up to date and valid"
fi
