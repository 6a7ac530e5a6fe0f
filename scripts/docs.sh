#!/usr/bin/env bash
# Generates the registry docs in docs/ with tfplugindocs from the schemas, examples/ and templates/.
#   scripts/docs.sh          regenerate docs/
#   scripts/docs.sh check    fail when docs/ is stale or tfplugindocs validate complains (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

TFPLUGINDOCS=github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs@v0.25.0

# The provider schema comes from Terraform 1.16.0, which knows every kind of object the provider offers
# (ephemeral resources, and list resources that OpenTofu 1.12 lacks). Nothing is downloaded: the provider
# comes from a local mirror of this build.
lib_setup terraform
mkdir -p "$lib_work/schema"
cat >"$lib_work/schema/main.tf" <<'TF'
terraform {
  required_providers {
    twilio = { source = "registry.terraform.io/tenantwire/twilio" }
  }
}
TF
(cd "$lib_work/schema" && "$tf" init -input=false -no-color >/dev/null && "$tf" providers schema -json |
  sed 's|"registry.terraform.io/tenantwire/twilio"|"twilio"|' >"$lib_work/schema.json")
# NOTE: tfplugindocs looks the schema up by the bare provider name (or under the hashicorp namespace).

cd "$repo"
go run "$TFPLUGINDOCS" generate --provider-name twilio --rendered-provider-name "Twilio" \
  --providers-schema "$lib_work/schema.json" >/dev/null
if ! out=$(go run "$TFPLUGINDOCS" validate --provider-name twilio 2>&1); then
  echo "$out" | grep -v '\[DEBUG\]' >&2
  exit 1
fi
echo "docs: tfplugindocs validate passed"

# Every page shows an example; every resource page says how to import.
missing=0
for page in docs/resources/*.md docs/data-sources/*.md docs/ephemeral-resources/*.md docs/list-resources/*.md; do
  grep -q '^## Example Usage' "$page" || { echo "$page has no example" >&2; missing=1; }
done
for page in docs/resources/*.md; do
  grep -q '^## Import' "$page" || { echo "$page has no import section" >&2; missing=1; }
done
[ "$missing" -eq 0 ] || exit 1
echo "docs: every page has an example, every resource page an import section"

if [ "${1:-}" = "check" ]; then
  if [ -n "$(git status --porcelain -- docs/)" ]; then
    echo "docs/ is stale: run 'make docs' and commit the result" >&2
    git status --short -- docs/ >&2
    git --no-pager diff --stat -- docs/ >&2
    exit 1
  fi
  echo "docs: up to date and valid"
fi
