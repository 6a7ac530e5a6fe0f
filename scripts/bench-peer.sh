#!/usr/bin/env bash
# Builds the peer provider of `make bench` comparisons, RJPearson94/terraform-provider-twilio v0.27.0 (the
# broadest public Twilio provider), from a checkout of its source, into a filesystem mirror that
# scripts/bench.sh adds to Terraform's CLI configuration. Prints the mirror's path.
#
#   scripts/bench-peer.sh ~/src/terraform-provider-twilio-rj    build (once; about 3 minutes cold)
#   scripts/bench-peer.sh                                        print the mirror, fail if not built
#
# The one change to the peer: its SDK (RJPearson94/twilio-sdk-go) has no setting for the API's address, so
# the build uses a copy of the SDK whose CreateBaseURL returns TWILIO_BASE_URL when it is set (the emulator; routing
# by path, as for curl). Nothing else of the provider or its SDK is changed. Dependencies come through
# the Go module proxy like any Go build.
set -euo pipefail
cd "$(dirname "$0")/.."

src=${1:-}
version=0.27.0
out="${BENCH_PEER_DIR:-$HOME/.cache/terraform-provider-twilio/peer}"
dir="$out/mirror/registry.terraform.io/rjpearson94/twilio/$version/$(go env GOOS)_$(go env GOARCH)"
exe="$dir/terraform-provider-twilio_v$version"
if [ -z "$src" ]; then
  [ -x "$exe" ] || { echo "bench-peer: not built yet; run scripts/bench-peer.sh <source checkout of RJPearson94/terraform-provider-twilio v$version>" >&2; exit 1; }
  echo "$out/mirror"
  exit 0
fi
src=$(cd "$src" && pwd)
grep -q '^module github.com/RJPearson94/terraform-provider-twilio$' "$src/go.mod" ||
  { echo "bench-peer: $src is not RJPearson94/terraform-provider-twilio" >&2; exit 1; }

sdk=$(cd "$src" && go mod download -json github.com/RJPearson94/twilio-sdk-go | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -f "$sdk/client/client.go" ] || { echo "bench-peer: cannot find the SDK's client/client.go (got '$sdk')" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy of the SDK with CreateBaseURL returning $TWILIO_BASE_URL/<version> when it is set, used through a
# replace directive in a copy of the provider's go.mod (-modfile), so the checkout is left as it is.
cp -R "$sdk" "$work/sdk"
chmod -R u+w "$work/sdk"
sed -i -e 's|^func CreateBaseURL(subDomain string, apiVersion string, edge \*string, region \*string) string {$|&\
	if u := os.Getenv("TWILIO_BASE_URL"); u != "" {\
		return u + "/" + apiVersion\
	}|' -e 's|^import (|import (\
	"os"|' "$work/sdk/client/client.go"
grep -q 'os.Getenv("TWILIO_BASE_URL")' "$work/sdk/client/client.go" ||
  { echo "bench-peer: the SDK's CreateBaseURL changed; the change no longer applies" >&2; exit 1; }
cp "$src/go.mod" "$work/go.mod"
cp "$src/go.sum" "$work/go.sum"
echo "replace github.com/RJPearson94/twilio-sdk-go => $work/sdk" >>"$work/go.mod"
mkdir -p "$dir"
(cd "$src" && go build -modfile "$work/go.mod" -o "$exe" .)
echo "$out/mirror"
