#!/usr/bin/env bash
# Builds the pinned Terraform and OpenTofu binaries the acceptance tests run, from the Go module proxy,
# into a cache folder outside the clone so a fresh clone (CI) reuses them. Prints the folder.
#
#   scripts/tf-binaries.sh            build what is missing, print the cache folder
#
# Versions are pinned on purpose: the acceptance suite is proven against exactly these.
set -euo pipefail

TERRAFORM_VERSION="${TERRAFORM_VERSION:-1.8.5}"
OPENTOFU_VERSION="${OPENTOFU_VERSION:-1.12.6}"
CACHE_ROOT="${TWILIO_TF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-twilio}"
BIN_DIR="$CACHE_ROOT/bin"
mkdir -p "$BIN_DIR"

log() { echo "tf-binaries: $*" >&2; }

tf_bin="$BIN_DIR/terraform-$TERRAFORM_VERSION"
if [ ! -x "$tf_bin" ]; then
  log "building Terraform $TERRAFORM_VERSION (first time only, ~2 min)"
  tmp=$(mktemp -d)
  GOBIN="$tmp" GOFLAGS=-buildvcs=false go install \
    -ldflags "-X github.com/hashicorp/terraform/version.dev=no" \
    "github.com/hashicorp/terraform@v$TERRAFORM_VERSION" >&2
  mv "$tmp/terraform" "$tf_bin"
  rm -rf "$tmp"
fi

tofu_bin="$BIN_DIR/tofu-$OPENTOFU_VERSION"
if [ ! -x "$tofu_bin" ]; then
  log "building OpenTofu $OPENTOFU_VERSION (first time only, ~3 min)"
  tmp=$(mktemp -d)
  # OpenTofu's go.mod carries a replace directive, so `go install` refuses it; a throwaway main module
  # that repeats the replace builds it instead.
  cat >"$tmp/go.mod" <<MOD
module tofubuild

go 1.26.6

godebug (
	tlsmlkem=0
	winsymlink=0
)

require github.com/opentofu/opentofu v$OPENTOFU_VERSION

replace github.com/hashicorp/hcl/v2 v2.20.1 => github.com/opentofu/hcl/v2 v2.20.2-0.20251021132045-587d123c2828
MOD
  cat >"$tmp/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/opentofu/opentofu/cmd/tofu"
GO
  (cd "$tmp" && GOFLAGS=-mod=mod go mod tidy >&2 && GOFLAGS=-buildvcs=false go build \
    -ldflags "-X github.com/opentofu/opentofu/version.dev=no" -o "$tofu_bin.tmp" github.com/opentofu/opentofu/cmd/tofu >&2)
  mv "$tofu_bin.tmp" "$tofu_bin"
  rm -rf "$tmp"
fi

echo "$BIN_DIR"
