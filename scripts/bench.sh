#!/usr/bin/env bash
# `make bench`: builds the provider into a local filesystem mirror (scripts/lib.sh), then runs tools/bench,
# which starts the emulator in-process with a fixed latency and drives the pinned Terraform through create,
# refresh, update and destroy of N tenants. Arguments go to tools/bench (see `go run ./tools/bench -h`).
#
#   scripts/bench.sh -n 1,10,50,200 -latency 50ms -parallelism 20 -out BENCHMARKS.md
#   BENCH_TF=tofu scripts/bench.sh -n 10      the same with OpenTofu 1.12.6
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/lib.sh
. scripts/lib.sh

lib_setup "${BENCH_TF:-terraform}"
go run ./tools/bench -terraform "$tf" "$@"
