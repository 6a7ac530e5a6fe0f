#!/usr/bin/env bash
# Builds a pinned release tool from the Go module proxy into the cache folder outside the clone (as
# tf-binaries.sh does for Terraform, so CI's fresh clones reuse it) and prints its path.
#
#   scripts/release-tools.sh goreleaser    goreleaser v2.17.0 (the newest v2 whose go.mod accepts Go 1.26)
#   scripts/release-tools.sh actionlint    actionlint v1.7.12 (checks .github/workflows)
set -euo pipefail

GORELEASER_VERSION=v2.17.0
ACTIONLINT_VERSION=v1.7.12
cache="${TWILIO_TF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-twilio}/bin"
mkdir -p "$cache"

build() {
  local name=$1 version=$2 pkg=$3 out="$cache/$1-$2" tmp
  exec {fd}>"$cache/.$name-$version.lock"
  flock "$fd"
  if [ ! -x "$out" ]; then
    echo "release-tools: building $name $version (first time only; goreleaser takes minutes)" >&2
    tmp=$(mktemp -d)
    GOBIN="$tmp" GOFLAGS=-buildvcs=false go install "$pkg@$version" >&2
    mv "$tmp/$name" "$out"
    rm -rf "$tmp"
  fi
  exec {fd}>&-
  echo "$out"
}

case "${1:-}" in
  goreleaser) build goreleaser "$GORELEASER_VERSION" github.com/goreleaser/goreleaser/v2 ;;
  actionlint) build actionlint "$ACTIONLINT_VERSION" github.com/rhysd/actionlint/cmd/actionlint ;;
  *) echo "usage: $0 goreleaser|actionlint" >&2; exit 2 ;;
esac
