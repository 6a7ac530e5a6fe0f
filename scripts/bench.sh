#!/usr/bin/env bash
# `make bench`: builds the provider into a local filesystem mirror (scripts/lib.sh), then runs tools/bench,
# which starts the emulator in-process with a fixed latency and drives the pinned Terraform through create,
# refresh, update and destroy of N tenants. Arguments go to tools/bench (see `go run ./tools/bench -h`).
#
#   scripts/bench.sh -n 1,10,50,200 -latency 50ms -parallelism 20 -out BENCHMARKS.md
#   BENCH_TF=tofu scripts/bench.sh -n 10      the same with OpenTofu 1.12.6
#   scripts/bench.sh -n 20 -runs 5 -peer      side by side with RJPearson94/twilio (scripts/bench-peer.sh
#                                             builds it first)
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/lib.sh
. scripts/lib.sh

lib_setup "${BENCH_TF:-terraform}"
for arg in "$@"; do
  if [ "$arg" = "-peer" ]; then
    # The peer provider comes from its own filesystem mirror; nothing is installed from the network.
    peer_mirror=$(scripts/bench-peer.sh)
    cat >"$lib_work/cli.tfrc" <<CFG
provider_installation {
  filesystem_mirror {
    path    = "$lib_work/mirror"
    include = ["registry.terraform.io/tenantwire/twilio", "registry.opentofu.org/tenantwire/twilio"]
  }
  filesystem_mirror {
    path    = "$peer_mirror"
    include = ["registry.terraform.io/rjpearson94/twilio"]
  }
  direct {
    exclude = ["registry.terraform.io/tenantwire/twilio", "registry.opentofu.org/tenantwire/twilio",
               "registry.terraform.io/rjpearson94/twilio"]
  }
}
CFG
  fi
done
go run ./tools/bench -terraform "$tf" "$@"
