#!/usr/bin/env bash
# Lints with a pinned golangci-lint v2 (built once from the Go module proxy into the cache folder), checks
# gofmt, and checks .github/workflows with a pinned actionlint (scripts/release-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

GOLANGCI_VERSION=v2.15.0
cache="${TWILIO_TF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-twilio}/bin"
lint="$cache/golangci-lint-$GOLANGCI_VERSION"
if [ ! -x "$lint" ]; then
  echo "lint: building golangci-lint $GOLANGCI_VERSION (first time only)" >&2
  tmp=$(mktemp -d)
  GOBIN="$tmp" go install "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$GOLANGCI_VERSION"
  mkdir -p "$cache"
  mv "$tmp/golangci-lint" "$lint"
  rm -rf "$tmp"
fi

unformatted=$(gofmt -s -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt -s would change:" >&2
  echo "$unformatted" >&2
  exit 1
fi
"$lint" run ./...
"$(scripts/release-tools.sh actionlint)"
echo "lint: gofmt, golangci-lint and actionlint clean"
