#!/usr/bin/env bash
# The upgrade test: state written by the previous release reads cleanly with this build. It builds the
# previous release's provider from its git tag, applies that release's own examples/environments/staging
# (two tenants from the tenant module: every resource type) against the emulator, then installs this
# build over it with `init -upgrade` and requires an empty plan (a refresh through the new schema and
# code that changes nothing), and destroys with the new build.
#
#   scripts/release-upgrade-test.sh [terraform] [tofu]    (default: both)
#   UPGRADE_FROM=v0.1.0 scripts/release-upgrade-test.sh   compare with that tag instead
#
# The previous release is the newest v* tag reachable from HEAD that is not HEAD itself (on a release
# commit, the one before). Without one (before the second release) the test says so and passes: there is
# nothing to upgrade from yet.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
clis=("$@")
[ ${#clis[@]} -gt 0 ] || clis=(terraform tofu)

from=${UPGRADE_FROM:-}
if [ -z "$from" ]; then
  from=$(git describe --tags --abbrev=0 --match 'v[0-9]*' HEAD 2>/dev/null || true)
  if [ -n "$from" ] && [ "$(git rev-parse "$from^{commit}")" = "$(git rev-parse HEAD)" ]; then
    from=$(git describe --tags --abbrev=0 --match 'v[0-9]*' HEAD^ 2>/dev/null || true)
  fi
fi
if [ -z "$from" ]; then
  echo "upgrade test: SKIPPED: no earlier release tag (v*) before HEAD; it becomes meaningful from the second release"
  exit 0
fi
git rev-parse --verify -q "$from^{commit}" >/dev/null || { echo "upgrade test: $from is not a commit" >&2; exit 1; }
old_version=${from#v}
# The new build is a prerelease of the next patch, so `init -upgrade` moves forward as a user's would.
new_version=$(echo "${old_version%%[-+]*}" | awk -F. '{ printf "%d.%d.%d", $1, $2, $3 + 1 }')-upgradetest
echo "=== Upgrade test: $from ($old_version) -> this build ($new_version)"

# shellcheck source=scripts/lib.sh
. scripts/lib.sh

# The previous release's source, from git (not a checkout: the working tree and its worktrees stay as they are).
mkdir -p "$lib_work/old"
git archive "$from" | tar -x -C "$lib_work/old"
for host in registry.terraform.io registry.opentofu.org; do
  for v in "$old_version" "$new_version"; do
    mkdir -p "$lib_work/mirror/$host/tenantwire/twilio/$v/$(go env GOOS)_$(go env GOARCH)"
  done
done
plat="$(go env GOOS)_$(go env GOARCH)"
echo "building $from's provider"
(cd "$lib_work/old" && go build -ldflags "-X main.version=$old_version" \
  -o "$lib_work/mirror/registry.terraform.io/tenantwire/twilio/$old_version/$plat/terraform-provider-twilio_v$old_version" .)
echo "building this provider"
go build -ldflags "-X main.version=$new_version" \
  -o "$lib_work/mirror/registry.terraform.io/tenantwire/twilio/$new_version/$plat/terraform-provider-twilio_v$new_version" .
for v in "$old_version" "$new_version"; do
  cp "$lib_work/mirror/registry.terraform.io/tenantwire/twilio/$v/$plat/terraform-provider-twilio_v$v" \
    "$lib_work/mirror/registry.opentofu.org/tenantwire/twilio/$v/$plat/"
done
# This build's emulator serves both: it is the Twilio the state was written against.
go build -o "$lib_work/twilio-emulator" ./cmd/twilio-emulator
cat >"$lib_work/cli.tfrc" <<CFG
provider_installation {
  filesystem_mirror {
    path    = "$lib_work/mirror"
    include = ["registry.terraform.io/tenantwire/twilio", "registry.opentofu.org/tenantwire/twilio"]
  }
  direct {
    exclude = ["registry.terraform.io/tenantwire/twilio", "registry.opentofu.org/tenantwire/twilio"]
  }
}
CFG
export TF_CLI_CONFIG_FILE="$lib_work/cli.tfrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

# The configuration a user of the previous release has: that release's own example.
example=examples/environments/staging
[ -d "$lib_work/old/$example" ] || example=examples/quickstart
[ -d "$lib_work/old/$example" ] || { echo "upgrade test: $from has neither staging nor quickstart example" >&2; exit 1; }

pin() {
  cat >"$1/version_override.tf" <<TF
terraform {
  required_providers {
    twilio = {
      source  = "tenantwire/twilio"
      version = "= $2"
    }
  }
}
TF
}

for cli in "${clis[@]}"; do
  case "$cli" in
    terraform) tf="$(scripts/tf-binaries.sh terraform)/terraform-1.16.0" ;;
    tofu) tf="$(scripts/tf-binaries.sh tofu)/tofu-1.12.6" ;;
    *) echo "upgrade test: unknown CLI $cli" >&2; exit 2 ;;
  esac
  echo
  echo "=== $cli: apply $from's $example with $from's provider"
  rm -rf "$lib_work/cfg-$cli" && cp -R "$lib_work/old/examples" "$lib_work/cfg-$cli"
  dir="$lib_work/cfg-$cli/${example#examples/}"
  lib_start_emulator
  pin "$dir" "$old_version"
  (cd "$dir" && "$tf" init -input=false -no-color >/dev/null && "$tf" apply -input=false -auto-approve -no-color | grep "Apply complete")

  echo "=== $cli: init -upgrade to this build, plan must be empty"
  pin "$dir" "$new_version"
  (cd "$dir" && "$tf" init -upgrade -input=false -no-color | grep -E "Installing|Installed")
  grep -q "version *= \"$new_version\"" "$dir/.terraform.lock.hcl" || { echo "upgrade test: the lock file did not move to $new_version" >&2; exit 1; }
  rc=0
  (cd "$dir" && "$tf" plan -input=false -detailed-exitcode -no-color >"$lib_work/plan.log" 2>&1) || rc=$?
  if [ "$rc" -ne 0 ]; then
    cat "$lib_work/plan.log" >&2
    echo "upgrade test: FAIL: $cli's plan after upgrading from $from is not empty (exit $rc)" >&2
    exit 1
  fi
  echo "plan after the upgrade: empty"
  (cd "$dir" && "$tf" destroy -input=false -auto-approve -no-color | tail -n 1)
  lib_stop_emulator
done
echo
echo "=== Upgrade test passed: $from -> this build under ${clis[*]}"
