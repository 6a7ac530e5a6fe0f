#!/usr/bin/env bash
# The README's test command (`make test`). On a fresh machine it sets up everything it needs (pinned
# Terraform and OpenTofu built from the Go module proxy, Twilio's OpenAPI specs from npm, both cached
# outside the clone; the example Functions' npm packages), then runs: unit tests; the example Functions
# run with Node (their tokens checked by the project's verifier); the emulator's conformance against Twilio's OpenAPI
# description; the acceptance suite (resources, drift, import, fault injection, bad input) under
# Terraform 1.16.0 and OpenTofu 1.12.6 (a smoke set under 1.8.5) against the emulator, the secrets check (TRACE
# logs scanned for every secret, raw or encoded) among them; the tenant module's `terraform test`; every
# guide's shell commands as written (scripts/guide-commands.sh); and find-untracked.sh after a simulated crash
# (scripts/orphans-check.sh). Exits non-zero on any failure.
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
echo "=== The example Functions (examples/serverless/functions) run with Node, tokens checked by our verifier"
(cd examples/serverless/functions && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
TWILIO_NODE_TESTS=1 go test -count=1 -run '^TestFunctions_' ./internal/e2e/

echo
echo "=== Emulator conformance against Twilio's OpenAPI description"
go test -count=1 -run 'Conformance' -v ./internal/emulator/ 2>&1 | grep -E '^(--- |ok |FAIL|PASS)|conformance'

scripts/testacc.sh

echo
# The compatibility set under the oldest supported Terraform, 1.11 (the last line without resource
# identity, where a Read that removes an object sends none) and the two pinned binaries; the whole matrix
# is `make test-compat` (a scheduled workflow).
COMPAT_VERSIONS="terraform@1.8.5 terraform@1.11.4 terraform@1.16.0 tofu@1.12.6" scripts/test-compat.sh

echo
scripts/module-test.sh

echo
echo "=== Every shell command of the guides, as written, against the emulator"
scripts/guide-commands.sh

echo
scripts/orphans-check.sh

# NOTE: the secrets check (TestAccSecretsNeverLogged) is part of the acceptance suite above, under both
# binaries; scripts/secrets-check.sh runs it alone.

echo
echo "=== All tests passed"
