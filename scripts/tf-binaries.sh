#!/usr/bin/env bash
# Builds the pinned Terraform and OpenTofu binaries the tests run, from the Go module proxy, into a cache
# folder outside the clone so a fresh clone (CI) reuses them. Prints the folder.
#
#   scripts/tf-binaries.sh                      build every pinned binary that is missing
#   scripts/tf-binaries.sh terraform            only Terraform 1.16.0 (the main test binary)
#   scripts/tf-binaries.sh terraform-legacy     only Terraform 1.8.5 (the oldest supported, smoke tests)
#   scripts/tf-binaries.sh tofu                 only OpenTofu 1.12.6
#   scripts/tf-binaries.sh terraform@1.11.4 tofu@1.9.4   any release the Go module proxy serves (the
#                                               compatibility matrix, scripts/test-compat.sh)
#
# Binaries are named terraform-<version> and tofu-<version> in the printed folder. Versions are pinned on
# purpose: the acceptance suite is proven against exactly these.
set -euo pipefail

TERRAFORM_VERSION="${TERRAFORM_VERSION:-1.16.0}"
TERRAFORM_LEGACY_VERSION="${TERRAFORM_LEGACY_VERSION:-1.8.5}"
OPENTOFU_VERSION="${OPENTOFU_VERSION:-1.12.6}"
CACHE_ROOT="${TWILIO_TF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-twilio}"
BIN_DIR="$CACHE_ROOT/bin"
mkdir -p "$BIN_DIR"

log() { echo "tf-binaries: $*" >&2; }

# One build at a time per binary: parallel callers (a developer's test and demo) wait for the first.
with_lock() {
  local name=$1
  shift
  exec {fd}>"$BIN_DIR/.$name.lock"
  flock "$fd"
  "$@"
  exec {fd}>&-
}

# Terraform up to 1.8 has no relative replace directives, so `go install` builds it as published.
build_terraform_plain() {
  local version=$1 out="$BIN_DIR/terraform-$1" tmp
  [ -x "$out" ] && return 0
  log "building Terraform $version (first time only, ~2 min)"
  tmp=$(mktemp -d)
  GOBIN="$tmp" GOFLAGS=-buildvcs=false go install \
    -ldflags "-X github.com/hashicorp/terraform/version.dev=no" \
    "github.com/hashicorp/terraform@v$version" >&2
  mv "$tmp/terraform" "$out"
  rm -rf "$tmp"
}

# Terraform 1.9 and later replace nested modules (the cloud remote-state backends, internal/legacy) with
# relative paths, and module zips never contain nested modules, so `go install` refuses them. Only
# internal/backend/init/init.go imports those backends: a copy of the module without them (local, remote,
# http, inmem and cloud stay) builds a Terraform that is the release in every way the tests use.
build_terraform_patched() {
  local version=$1 out="$BIN_DIR/terraform-$1" src tmp init
  [ -x "$out" ] && return 0
  log "building Terraform $version without the cloud remote-state backends (first time only, ~4-7 min)"
  src=$(go mod download -json "github.com/hashicorp/terraform@v$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -d "$src" ] || { log "ERROR: go mod download gave no folder for terraform@v$version"; exit 1; }
  tmp=$(mktemp -d)
  cp -r "$src/." "$tmp/"
  chmod -R u+w "$tmp"
  init="$tmp/internal/backend/init/init.go"
  local b
  for b in azure consul cos gcs kubernetes oss pg s3 oci; do
    # The import line (backendAzure "github.com/hashicorp/terraform/internal/backend/remote-state/azure")
    # and the map entry ("azurerm": func() backend.Backend { return backendAzure.New() },).
    sed -i -E "/internal\/backend\/remote-state\/$b\"/d" "$init"
  done
  sed -i -E '/return backend(Azure|Consul|Cos|COS|GCS|Kubernetes|OSS|Pg|S3|OCI|Oci)\.New/d' "$init"
  # Every replace of a nested module, and the requires that only those replaces could satisfy.
  sed -i -E '/^replace github.com\/hashicorp\/terraform\/internal\//d' "$tmp/go.mod"
  sed -i -E '/^[[:space:]]*github.com\/hashicorp\/terraform\/internal\/[^ ]+ v/d' "$tmp/go.mod"
  # Go 1.24 renamed the godebug setting tlskyber to tlsmlkem and Go 1.26 refuses the old name (1.9 to 1.11).
  sed -i -E 's/\btlskyber=/tlsmlkem=/' "$tmp/go.mod"
  if grep -q 'remote-state/\(azure\|consul\|cos\|gcs\|kubernetes\|oss\|pg\|s3\|oci\)"' "$init"; then
    log "ERROR: $init still imports a removed backend; the patch no longer fits Terraform $version"
    exit 1
  fi
  (cd "$tmp" && GOFLAGS="-mod=mod -buildvcs=false" go build \
    -ldflags "-X github.com/hashicorp/terraform/version.dev=no" -o "$out.tmp" . >&2)
  mv "$out.tmp" "$out"
  chmod -R u+w "$tmp"
  rm -rf "$tmp"
}

# OpenTofu's go.mod carries replace directives, so `go install` refuses it; a throwaway main module that
# repeats them (with the release's own go and godebug lines) builds it instead.
build_tofu() {
  local version=$1 out="$BIN_DIR/tofu-$1" src tmp
  [ -x "$out" ] && return 0
  log "building OpenTofu $version (first time only, ~3 min)"
  src=$(go mod download -json "github.com/opentofu/opentofu@v$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -f "$src/go.mod" ] || { log "ERROR: go mod download gave no folder for opentofu@v$version"; exit 1; }
  tmp=$(mktemp -d)
  {
    echo "module tofubuild"
    echo
    grep -E '^go [0-9.]+$' "$src/go.mod"
    echo
    # The godebug settings, a single line or a block.
    awk '/^godebug \($/ { block = 1 } block || /^godebug [^(]/ { print } block && /^\)$/ { block = 0 }' "$src/go.mod" |
      sed -E 's/\btlskyber=/tlsmlkem=/'  # renamed in Go 1.24; Go 1.26 refuses the old name
    echo
    echo "require github.com/opentofu/opentofu v$version"
    echo
    # Replaces of published modules (never relative paths, which a module zip cannot carry).
    grep -E '^replace [^ ]+( v[^ ]+)? => [^./][^ ]* v[^ ]+$' "$src/go.mod" || true
  } >"$tmp/go.mod"
  cat >"$tmp/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/opentofu/opentofu/cmd/tofu"
GO
  (cd "$tmp" && GOFLAGS=-mod=mod go mod tidy >&2 && GOFLAGS=-buildvcs=false go build \
    -ldflags "-X github.com/opentofu/opentofu/version.dev=no" -o "$out.tmp" github.com/opentofu/opentofu/cmd/tofu >&2)
  mv "$out.tmp" "$out"
  rm -rf "$tmp"
}

# build_terraform picks the recipe a release needs: up to 1.8 as published, from 1.9 without the cloud
# remote-state backends.
build_terraform() {
  local version=$1 minor
  minor=$(echo "$version" | cut -d. -f2)
  if [ "$minor" -le 8 ]; then
    build_terraform_plain "$version"
  else
    build_terraform_patched "$version"
  fi
}

build() {
  case "$1" in
    terraform) with_lock "terraform-$TERRAFORM_VERSION" build_terraform_patched "$TERRAFORM_VERSION" ;;
    terraform-legacy) with_lock "terraform-$TERRAFORM_LEGACY_VERSION" build_terraform_plain "$TERRAFORM_LEGACY_VERSION" ;;
    tofu) with_lock "tofu-$OPENTOFU_VERSION" build_tofu "$OPENTOFU_VERSION" ;;
    terraform@[0-9]*.[0-9]*.[0-9]*) with_lock "terraform-${1#terraform@}" build_terraform "${1#terraform@}" ;;
    tofu@[0-9]*.[0-9]*.[0-9]*) with_lock "tofu-${1#tofu@}" build_tofu "${1#tofu@}" ;;
    *) log "ERROR: unknown binary $1 (terraform, terraform-legacy, tofu, terraform@X.Y.Z or tofu@X.Y.Z)"; exit 2 ;;
  esac
}

if [ $# -eq 0 ]; then
  set -- terraform terraform-legacy tofu
fi
for which in "$@"; do
  build "$which"
done

echo "$BIN_DIR"
