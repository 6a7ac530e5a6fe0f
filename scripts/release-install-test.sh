#!/usr/bin/env bash
# The install test: the release artifacts served as a provider registry serves them, installed by
# `terraform init` (Terraform 1.16.0) and `tofu init` (OpenTofu 1.12.6) with NO dev_overrides and no mirror,
# then the README quickstart (examples/quickstart) applied against the released emulator. Asserts that
#   - init installs the snapshot's version after verifying the zip's checksum and the GPG signature of
#     SHA256SUMS (the lock file records the zip's zh: hash from the signed SHA256SUMS);
#   - apply, an empty plan and destroy work with the installed binary, against the emulator binary from
#     the same release, served over TLS;
#   - a zip altered after signing makes init fail (checksum), and so does a SHA256SUMS rewritten to match
#     the altered zip (signature).
#
#   scripts/release-install-test.sh [terraform] [tofu]     (default: both)
#
# It uses dist/ when that holds a snapshot of this commit for this platform (after `make
# release-snapshot`; RELEASE_REUSE_DIST=1 takes whatever snapshot dist/ holds), else builds one for this
# platform only (`release-snapshot.sh --single-target`: CI does that, cross-compiling every platform is
# minutes and the other zips are never installed here). RELEASE_DIST names another folder than dist/.
#
# The registry is tools/registry on a loopback HTTPS port with a throwaway CA; the CLI configuration's
# host blocks send registry.terraform.io and registry.opentofu.org there, so the quickstart's
# `source = "tenantwire/twilio"` is used unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
clis=("$@")
[ ${#clis[@]} -gt 0 ] || clis=(terraform tofu)

# shellcheck source=scripts/lib.sh
. scripts/lib.sh
registry_pid=""
cleanup_all() {
  if [ -n "$registry_pid" ]; then kill "$registry_pid" 2>/dev/null || true; wait "$registry_pid" 2>/dev/null || true; fi
  lib_cleanup
}
trap cleanup_all EXIT
fail() { echo "install test: FAIL: $*" >&2; exit 1; }

goos=$(go env GOOS) goarch=$(go env GOARCH)
commit=$(git rev-parse --short HEAD)
[ "${RELEASE_REUSE_DIST:-}" = 1 ] && commit="*"
# shellcheck disable=SC2086 # $commit may be a glob
dist=${RELEASE_DIST:-dist}
if ! ls "$dist"/terraform-provider-twilio_*-snapshot.$commit"_${goos}_$goarch.zip" >/dev/null 2>&1 ||
  [ ! -s "$dist/snapshot-signing-key.asc" ]; then
  echo "=== Building a snapshot for $goos/$goarch"
  scripts/release-snapshot.sh --single-target
  commit=$(git rev-parse --short HEAD)
fi
# shellcheck disable=SC2086
sums=$(ls "$dist"/terraform-provider-twilio_*-snapshot.$commit"_SHA256SUMS")
version=${sums#"$dist"/terraform-provider-twilio_}
version=${version%_SHA256SUMS}
zip="terraform-provider-twilio_${version}_${goos}_${goarch}.zip"
echo "=== Install test of terraform-provider-twilio $version ($zip)"

# The registry serves a copy of dist/, so the tampering below never touches the real artifacts.
cp -R "$dist" "$lib_work/dist"
go build -o "$lib_work/registry" ./tools/registry
start_registry() {
  if [ -n "$registry_pid" ]; then kill "$registry_pid"; wait "$registry_pid" 2>/dev/null || true; fi
  rm -f "$lib_work/registry.url"
  "$lib_work/registry" -dist "$lib_work/dist" -key "$lib_work/dist/snapshot-signing-key.asc" \
    -key-id "$(cat "$lib_work/dist/snapshot-signing-key.id")" -tls-dir "$lib_work/tls" \
    -ready-file "$lib_work/registry.url" >>"$lib_work/registry.log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 1 100); do
    [ -s "$lib_work/registry.url" ] && break
    kill -0 "$registry_pid" 2>/dev/null || { cat "$lib_work/registry.log" >&2; fail "the registry did not start"; }
    sleep 0.1
  done
  registry_url=$(cat "$lib_work/registry.url")
  cat >"$lib_work/cli.tfrc" <<CFG
host "registry.terraform.io" {
  services = { "providers.v1" = "$registry_url/v1/providers/" }
}
host "registry.opentofu.org" {
  services = { "providers.v1" = "$registry_url/v1/providers/" }
}
provider_installation {
  direct {}
}
CFG
}
start_registry
# Terraform, OpenTofu and the provider trust the throwaway CA (Go reads SSL_CERT_FILE on Linux).
export TF_CLI_CONFIG_FILE="$lib_work/cli.tfrc" SSL_CERT_FILE="$lib_work/tls/ca.pem" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
unset TF_PLUGIN_CACHE_DIR

# The emulator from the same release, serving HTTPS with the registry's certificate.
case "$goos" in
  windows) unzip -q -o "$dist/twilio-emulator_${version}_${goos}_${goarch}.zip" -d "$lib_work/emulator" ;;
  *) mkdir -p "$lib_work/emulator" && tar -xzf "$dist/twilio-emulator_${version}_${goos}_${goarch}.tar.gz" -C "$lib_work/emulator" ;;
esac
cp "$lib_work/emulator/twilio-emulator" "$lib_work/twilio-emulator"
"$lib_work/twilio-emulator" -version | grep -qx "twilio-emulator $version" || fail "the released emulator does not report $version"

binary() {
  case "$1" in
    terraform) echo "$("$repo/scripts/tf-binaries.sh" terraform)/terraform-1.16.0" ;;
    tofu) echo "$("$repo/scripts/tf-binaries.sh" tofu)/tofu-1.12.6" ;;
    *) fail "unknown CLI $1 (terraform or tofu)" ;;
  esac
}

# A fresh copy of the quickstart. A snapshot is a prerelease, which Terraform and OpenTofu install only
# when pinned exactly; an override file pins it without editing the quickstart (a release needs no pin).
quickstart() {
  local dir="$lib_work/run-$1"
  rm -rf "$dir" && cp -R examples/quickstart "$dir"
  cat >"$dir/version_override.tf" <<TF
terraform {
  required_providers {
    twilio = {
      source  = "tenantwire/twilio"
      version = "= $version"
    }
  }
}
TF
  echo "$dir"
}

zip_sha=$(awk -v f="$zip" '$2 == f { print $1 }' "$sums")
[ -n "$zip_sha" ] || fail "$zip is not in $sums"

install_and_apply() {
  local cli=$1 tf dir
  tf=$(binary "$cli")
  dir=$(quickstart "$cli-ok")
  echo
  echo "=== $cli ($("$tf" version | head -n 1)): init from the registry, no dev_overrides"
  (cd "$dir" && "$tf" init -input=false -no-color) | tee "$lib_work/init.log"
  grep -q "Installed tenantwire/twilio v$version" "$lib_work/init.log" || fail "$cli did not report installing v$version"
  grep -q "$zip_sha" "$dir/.terraform.lock.hcl" || fail "the lock file lacks zh:$zip_sha (the signed checksum)"
  grep -q "version *= \"$version\"" "$dir/.terraform.lock.hcl" || fail "the lock file does not record v$version"
  echo "lock file: version $version, zh:$zip_sha among $(grep -c '"zh:' "$dir/.terraform.lock.hcl") signed checksums"
  find "$dir/.terraform/providers" -name "terraform-provider-twilio_v$version" -type f | grep -q . ||
    fail "$cli did not unpack terraform-provider-twilio_v$version"

  lib_start_emulator -tls-cert "$lib_work/tls/cert.pem" -tls-key "$lib_work/tls/key.pem"
  case "$TWILIO_BASE_URL" in https://*) ;; *) fail "the emulator does not serve TLS: $TWILIO_BASE_URL" ;; esac
  echo "=== $cli: apply the quickstart against the released emulator at $TWILIO_BASE_URL"
  (cd "$dir" && "$tf" apply -input=false -auto-approve -no-color) | tail -n 4
  local rc=0
  (cd "$dir" && "$tf" plan -input=false -detailed-exitcode -no-color >/dev/null) || rc=$?
  [ "$rc" -eq 0 ] || fail "$cli: the plan after apply is not empty (exit $rc)"
  echo "plan after apply: empty"
  (cd "$dir" && "$tf" destroy -input=false -auto-approve -no-color) | tail -n 1
  lib_stop_emulator
}

# init must fail, and say why (pattern: an extended regexp matched case-insensitively).
expect_init_failure() {
  local cli=$1 label=$2 pattern=$3 tf dir rc=0
  tf=$(binary "$cli")
  dir=$(quickstart "$cli-$label")
  (cd "$dir" && "$tf" init -input=false -no-color >"$lib_work/init.log" 2>&1) || rc=$?
  if [ "$rc" -eq 0 ]; then
    cat "$lib_work/init.log" >&2
    fail "$cli init succeeded with a $label"
  fi
  grep -qiE "$pattern" "$lib_work/init.log" || { cat "$lib_work/init.log" >&2; fail "$cli init failed without naming the $label"; }
  echo "$cli init refused the $label: $(grep -iE "$pattern" "$lib_work/init.log" | head -n 1 | sed 's/^[│ ]*//')"
}

for cli in "${clis[@]}"; do install_and_apply "$cli"; done

echo
echo "=== A zip altered after signing: init must fail on its checksum"
printf 'tampered' >>"$lib_work/dist/$zip"
for cli in "${clis[@]}"; do expect_init_failure "$cli" "tampered zip" "checksum|sha256|hash"; done

echo
echo "=== SHA256SUMS rewritten to match the altered zip, old signature kept: init must fail on the signature"
new_sha=$(sha256sum "$lib_work/dist/$zip" | cut -d' ' -f1)
sed -i "s/^$zip_sha  /$new_sha  /" "$lib_work/dist/$(basename "$sums")"
start_registry
for cli in "${clis[@]}"; do expect_init_failure "$cli" "forged SHA256SUMS" "signature|authentic|openpgp|gpg"; done

echo
echo "=== Install test passed: ${clis[*]}"
