#!/usr/bin/env bash
# Fetches Twilio's OpenAPI descriptions that the conformance tests (internal/oas) validate the emulator
# against, into a cache folder outside the clone, and prints that folder on stdout (logs go to stderr).
#
#   scripts/fetch-specs.sh            fetch what is missing, print the spec folder
#   TWILIO_OAS_DIR=/some/dir scripts/fetch-specs.sh
#
# The specs come from the npm package @twilio-alpha/mcp, which ships Twilio's twilio-oai JSON files.
# The version and the tarball's sha256 are pinned on purpose: a conformance result only means something
# against a known description, and a republished or tampered tarball must stop the run, not pass silently.
# The folder sits outside the clone (keyed by version) so CI's fresh clone reuses it.
set -euo pipefail

MCP_VERSION="0.7.0"
MCP_SHA256="7ff791d1023cad6372496d8aba1c49bc3ffbcf0989b9f96b3a83d2df9d6af755"
SPECS=(twilio_api_v2010 twilio_iam_v1 twilio_studio_v2 twilio_accounts_v1 twilio_numbers_v2 twilio_serverless_v1 twilio_voice_v1 twilio_messaging_v1 twilio_trusthub_v1)
# internal/oas.DefaultDir resolves the same folder; keep the two in step.
OAS_DIR="${TWILIO_OAS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-twilio/oas/$MCP_VERSION}"
MARKER="$OAS_DIR/.complete"

log() { echo "fetch-specs: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# marker_content lists the pinned tarball checksum, the spec list and each spec's own checksum, so a
# folder filled by another version or for a shorter spec list, or a spec edited, truncated or removed
# since, no longer counts as complete (a missing spec makes it fail).
marker_content() {
  echo "@twilio-alpha/mcp@$MCP_VERSION $MCP_SHA256 ${SPECS[*]}"
  (cd "$OAS_DIR" && for s in "${SPECS[@]}"; do sha256sum "$s.json" || return 1; done)
}

if [ -f "$MARKER" ] && [ "$(marker_content 2>/dev/null)" = "$(cat "$MARKER")" ]; then
  log "reusing $OAS_DIR"
  echo "$OAS_DIR"
  exit 0
fi

command -v npm >/dev/null || die "npm is needed to fetch @twilio-alpha/mcp@$MCP_VERSION"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

log "fetching @twilio-alpha/mcp@$MCP_VERSION"
(cd "$tmp" && npm pack --silent "@twilio-alpha/mcp@$MCP_VERSION" >&2) || die "npm pack @twilio-alpha/mcp@$MCP_VERSION failed"
tarball="$tmp/twilio-alpha-mcp-$MCP_VERSION.tgz"
[ -f "$tarball" ] || die "npm pack produced no $tarball"

got=$(sha256sum "$tarball" | cut -d' ' -f1)
if [ "$got" != "$MCP_SHA256" ]; then
  die "checksum mismatch for @twilio-alpha/mcp@$MCP_VERSION: want $MCP_SHA256, got $got (refusing to use it)"
fi

members=()
for s in "${SPECS[@]}"; do members+=("package/twilio-oai/spec/json/$s.json"); done
tar -xzf "$tarball" -C "$tmp" "${members[@]}" || die "the tarball lacks one of: ${members[*]}"

# Replace the folder's specs only once everything is extracted and checked, and write the marker last,
# so an interrupted run never leaves a folder that looks complete.
mkdir -p "$OAS_DIR"
rm -f "$MARKER"
for s in "${SPECS[@]}"; do
  cp "$tmp/package/twilio-oai/spec/json/$s.json" "$OAS_DIR/$s.json.tmp"
  mv "$OAS_DIR/$s.json.tmp" "$OAS_DIR/$s.json"
done
marker_content >"$MARKER.tmp"
mv "$MARKER.tmp" "$MARKER"
log "specs ready in $OAS_DIR"
echo "$OAS_DIR"
