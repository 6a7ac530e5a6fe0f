#!/usr/bin/env bash
# The README's test command (`make test`): sets up everything it needs on a fresh machine (pinned
# Terraform and OpenTofu built from the Go module proxy, Twilio's OpenAPI specs from npm, both cached
# outside the clone), then runs unit tests, the emulator's conformance test and the acceptance suite
# under both binaries against the local emulator. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "=== Setting up: pinned Terraform/OpenTofu binaries and Twilio's OpenAPI specs (cached)"
scripts/tf-binaries.sh >/dev/null
TWILIO_OAS_DIR="${TWILIO_OAS_DIR:-$(scripts/fetch-specs.sh)}"
export TWILIO_OAS_DIR TWILIO_OAS_REQUIRED=1

echo
echo "=== Unit tests (no Terraform binary)"
go vet ./...
go test -count=1 ./...

echo
echo "=== Emulator conformance against Twilio's OpenAPI description"
go test -count=1 -run 'Conformance' -v ./internal/emulator/ 2>&1 | grep -E '^(--- |ok |FAIL|PASS)|conformance' 

scripts/testacc.sh
echo
echo "=== All tests passed"
