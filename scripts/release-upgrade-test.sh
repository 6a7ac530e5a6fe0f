#!/usr/bin/env bash
# The upgrade test: state written by an earlier build reads cleanly with this one. It builds the earlier
# provider from git, applies that build's own examples/environments/staging (two tenants from the tenant
# module: every resource type) against the emulator, then installs this build over it with `init -upgrade`
# and requires an empty plan (a refresh through the new schema and code that changes nothing). Then it
# deletes one of the tenants' API keys outside Terraform, as a Console user would, and requires a plan
# that creates it again, with no error, and destroys with the new build.
#
# Two earlier builds:
#   - the previous release: the newest v* tag reachable from HEAD that is not HEAD itself (on a release
#     commit, the one before), under Terraform 1.16.0 and OpenTofu 1.12.6; skipped, saying so, before
#     there is one;
#   - 2ea0bb8, the last commit before resource identity: its state has no identity, so a Read that
#     removes the deleted key must still answer with one (the framework refuses a null identity), under
#     Terraform 1.16.0, Terraform 1.11.4 (whose requests carry no identity either) and OpenTofu 1.12.6.
#
#   scripts/release-upgrade-test.sh [terraform] [tofu]    only the previous release, under these CLIs
#   UPGRADE_FROM=v0.1.0 scripts/release-upgrade-test.sh   compare with that tag instead of the previous one
#   UPGRADE_PRE_IDENTITY_CLIS="terraform" scripts/release-upgrade-test.sh   narrow the pre-identity CLIs
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
clis=("$@")
explicit=${#clis[@]}
[ ${#clis[@]} -gt 0 ] || clis=(terraform tofu)
plat="$(go env GOOS)_$(go env GOARCH)"
pre_identity=2ea0bb8

# shellcheck source=scripts/lib.sh
. scripts/lib.sh
go build -o "$lib_work/twilio-emulator" ./cmd/twilio-emulator

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

# binary NAME: the path of a pinned CLI (terraform, tofu) or of terraform@X.Y.Z / tofu@X.Y.Z.
binary() {
  case "$1" in
    terraform) echo "$(scripts/tf-binaries.sh terraform)/terraform-1.16.0" ;;
    tofu) echo "$(scripts/tf-binaries.sh tofu)/tofu-1.12.6" ;;
    terraform@* | tofu@*) echo "$(scripts/tf-binaries.sh "$1")/${1%@*}-${1#*@}" ;;
    *) echo "upgrade test: unknown CLI $1" >&2; exit 2 ;;
  esac
}

# upgrade FROM OLD_VERSION CLI...: the test from one earlier build (a tag or a commit), under each CLI.
upgrade() {
  local from=$1 old_version=$2 new_version cli tf dir example rc key account sid work
  shift 2
  git rev-parse --verify -q "$from^{commit}" >/dev/null || { echo "upgrade test: $from is not a commit" >&2; exit 1; }
  # The new build is a prerelease of the next patch, so `init -upgrade` moves forward as a user's would.
  new_version=$(echo "${old_version%%[-+]*}" | awk -F. '{ printf "%d.%d.%d", $1, $2, $3 + 1 }')-upgradetest
  echo "=== Upgrade test: $from ($old_version) -> this build ($new_version)"
  work="$lib_work/$from"
  # The earlier source, from git (not a checkout: the working tree and its worktrees stay as they are).
  mkdir -p "$work/old"
  git archive "$from" | tar -x -C "$work/old"
  for host in registry.terraform.io registry.opentofu.org; do
    for v in "$old_version" "$new_version"; do
      mkdir -p "$work/mirror/$host/tenantwire/twilio/$v/$plat"
    done
  done
  echo "building $from's provider"
  (cd "$work/old" && go build -ldflags "-X main.version=$old_version" \
    -o "$work/mirror/registry.terraform.io/tenantwire/twilio/$old_version/$plat/terraform-provider-twilio_v$old_version" .)
  echo "building this provider"
  go build -ldflags "-X main.version=$new_version" \
    -o "$work/mirror/registry.terraform.io/tenantwire/twilio/$new_version/$plat/terraform-provider-twilio_v$new_version" .
  for v in "$old_version" "$new_version"; do
    cp "$work/mirror/registry.terraform.io/tenantwire/twilio/$v/$plat/terraform-provider-twilio_v$v" \
      "$work/mirror/registry.opentofu.org/tenantwire/twilio/$v/$plat/"
  done
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

  # The configuration a user of the earlier build has: that build's own example.
  example=examples/environments/staging
  [ -d "$work/old/$example" ] || example=examples/quickstart
  [ -d "$work/old/$example" ] || { echo "upgrade test: $from has neither staging nor quickstart example" >&2; exit 1; }

  for cli in "$@"; do
    tf=$(binary "$cli")
    echo
    echo "=== $("$tf" version | head -n 1): apply $from's $example with $from's provider"
    rm -rf "$work/cfg" && cp -R "$work/old/examples" "$work/cfg"
    dir="$work/cfg/${example#examples/}"
    lib_start_emulator
    pin "$dir" "$old_version"
    (cd "$dir" && "$tf" init -input=false -no-color >/dev/null && "$tf" apply -input=false -auto-approve -no-color | grep "Apply complete")

    echo "=== init -upgrade to this build, plan must be empty"
    pin "$dir" "$new_version"
    (cd "$dir" && "$tf" init -upgrade -input=false -no-color | grep -E "Installing|Installed")
    grep -q "version *= \"$new_version\"" "$dir/.terraform.lock.hcl" || { echo "upgrade test: the lock file did not move to $new_version" >&2; exit 1; }
    rc=0
    (cd "$dir" && "$tf" plan -input=false -detailed-exitcode -no-color >"$work/plan.log" 2>&1) || rc=$?
    if [ "$rc" -ne 0 ]; then
      cat "$work/plan.log" >&2
      echo "upgrade test: FAIL: $cli's plan after upgrading from $from is not empty (exit $rc)" >&2
      exit 1
    fi
    echo "plan after the upgrade: empty"

    echo "=== an API key deleted outside Terraform: the plan creates it again"
    key=$(cd "$dir" && "$tf" state list | grep -E '(^|\.)twilio_api_key\.' | head -n 1)
    [ -n "$key" ] || { echo "upgrade test: $from's example has no twilio_api_key" >&2; exit 1; }
    account=$(cd "$dir" && "$tf" state show -no-color "$key" | sed -n 's/^ *account_sid *= *"\(AC[0-9a-f]*\)".*/\1/p')
    sid=$(cd "$dir" && "$tf" state show -no-color "$key" | sed -n 's/^ *sid *= *"\(SK[0-9a-f]*\)".*/\1/p')
    curl -fsS -o /dev/null -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" -X DELETE \
      "$TWILIO_BASE_URL/2010-04-01/Accounts/$account/Keys/$sid.json"
    rc=0
    (cd "$dir" && "$tf" plan -input=false -detailed-exitcode -no-color >"$work/plan.log" 2>&1) || rc=$?
    if [ "$rc" -ne 2 ] || ! grep -qF "# $key will be created" "$work/plan.log"; then
      cat "$work/plan.log" >&2
      echo "upgrade test: FAIL: after $key ($sid) was deleted outside Terraform, $cli's plan (exit $rc) does not create it again" >&2
      exit 1
    fi
    grep -E "^Plan:" "$work/plan.log"
    (cd "$dir" && "$tf" destroy -input=false -auto-approve -no-color | tail -n 1)
    lib_stop_emulator
  done
  echo
  echo "=== Upgrade test passed: $from -> this build under $*"
}

from=${UPGRADE_FROM:-}
if [ -z "$from" ]; then
  from=$(git describe --tags --abbrev=0 --match 'v[0-9]*' HEAD 2>/dev/null || true)
  if [ -n "$from" ] && [ "$(git rev-parse "$from^{commit}")" = "$(git rev-parse HEAD)" ]; then
    from=$(git describe --tags --abbrev=0 --match 'v[0-9]*' HEAD^ 2>/dev/null || true)
  fi
fi
if [ -n "$from" ]; then
  upgrade "$from" "${from#v}" "${clis[@]}"
else
  echo "upgrade test: no earlier release tag (v*) before HEAD: the upgrade from the previous release becomes meaningful from the second release"
fi
if [ -z "${UPGRADE_FROM:-}" ] && [ "$explicit" -eq 0 ]; then
  echo
  # shellcheck disable=SC2086
  upgrade "$pre_identity" 0.0.1 ${UPGRADE_PRE_IDENTITY_CLIS:-terraform terraform@1.11.4 tofu}
fi
