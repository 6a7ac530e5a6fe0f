#!/usr/bin/env bash
# `make release-snapshot`: the release artifacts exactly as a tag would publish them, built locally into
# dist/ and signed with a throwaway GPG key made for this run (its public half is left in
# dist/snapshot-signing-key.asc, its ID in dist/snapshot-signing-key.id, for the install test):
#   terraform-provider-twilio_{version}_{os}_{arch}.zip     13 platforms, as the HashiCorp scaffolding builds
#   terraform-provider-twilio_{version}_SHA256SUMS (+ .sig)  checksums of every archive and the manifest
#   terraform-provider-twilio_{version}_manifest.json        terraform-registry-manifest.json
#   twilio-emulator_{version}_{os}_{arch}.tar.gz|zip         the local Twilio emulator, 6 platforms
# The version is the next patch as a prerelease named after the commit (0.1.1-snapshot.abc1234).
#
#   scripts/release-snapshot.sh                  every platform (minutes of cross-compiling)
#   scripts/release-snapshot.sh --single-target  only this machine's platform (what CI's install test uses)
#   RELEASE_DIST=/tmp/d scripts/release-snapshot.sh --single-target   into another folder than dist/
#
# Needs gpg: installed with apt-get when missing and allowed (root on Debian/Ubuntu), else a clear error.
set -euo pipefail
cd "$(dirname "$0")/.."

config=.goreleaser.yml
case "${1:-}" in
  "") ;;
  --single-target) config="" ;;
  *) echo "usage: $0 [--single-target]" >&2; exit 2 ;;
esac

if ! command -v gpg >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "release-snapshot: installing gpg (Debian package gnupg)" >&2
    apt-get install -y -q gnupg >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q gnupg >/dev/null; }
  else
    echo "release-snapshot: gpg is missing; install GnuPG (Debian/Ubuntu: apt-get install gnupg, macOS: brew install gnupg)" >&2
    exit 1
  fi
fi
goreleaser=$(scripts/release-tools.sh goreleaser)

# A throwaway keyring, removed (with the gpg-agent it starts) when the script ends.
GNUPGHOME=$(mktemp -d)
export GNUPGHOME
cleanup() {
  gpgconf --homedir "$GNUPGHOME" --kill gpg-agent 2>/dev/null || true
  rm -rf "$GNUPGHOME"
}
trap cleanup EXIT
gpg --batch --quiet --passphrase '' --quick-generate-key \
  "terraform-provider-twilio snapshot (throwaway) <snapshot@example.invalid>" rsa3072 sign 1d 2>/dev/null
GPG_FINGERPRINT=$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" { print $10; exit }')
export GPG_FINGERPRINT
SNAPSHOT_COMMIT=$(git rev-parse --short HEAD)
export SNAPSHOT_COMMIT

dist=${RELEASE_DIST:-dist}
if [ -z "$config" ] || [ "$dist" != dist ]; then
  derived=$(mktemp --suffix=.yml)
  trap 'cleanup; rm -f "$derived"' EXIT
  cp .goreleaser.yml "$derived"
  if [ -z "$config" ]; then
    # `goreleaser release` has no --single-target (only `build` has): the same configuration with every
    # build's goos and goarch narrowed to this machine's. The lists are one line each in .goreleaser.yml;
    # a change of that layout must stop here rather than silently build everything.
    sed -E -e "s/^( +)goos: \[.*\]\$/\1goos: [$(go env GOOS)]/" \
      -e "s/^( +)goarch: \[.*\]\$/\1goarch: [$(go env GOARCH)]/" .goreleaser.yml >"$derived"
    [ "$(grep -cE "^ +goos: \[$(go env GOOS)\]\$" "$derived")" = 2 ] &&
      [ "$(grep -cE "^ +goarch: \[$(go env GOARCH)\]\$" "$derived")" = 2 ] ||
      { echo "release-snapshot: .goreleaser.yml no longer has one-line goos/goarch lists in both builds" >&2; exit 1; }
  fi
  printf '\ndist: %s\n' "$dist" >>"$derived"
  config=$derived
fi
"$goreleaser" release --snapshot --clean --config "$config"

sums=$(ls "$dist"/terraform-provider-twilio_*_SHA256SUMS)
version=${sums#"$dist"/terraform-provider-twilio_}
version=${version%_SHA256SUMS}
# goreleaser lists the manifest in SHA256SUMS and uploads it with a release, but leaves no copy in dist/;
# put it there under its release name, and check that it is the file the checksums cover.
manifest="terraform-provider-twilio_${version}_manifest.json"
cp terraform-registry-manifest.json "$dist/$manifest"
(cd "$dist" && grep " $manifest\$" "$(basename "$sums")" | sha256sum -c --quiet -)
gpg --batch --quiet --verify "$sums.sig" "$sums" 2>/dev/null ||
  { echo "release-snapshot: the signature of $sums does not verify" >&2; exit 1; }
gpg --batch --armor --export "$GPG_FINGERPRINT" >"$dist/snapshot-signing-key.asc"
echo "${GPG_FINGERPRINT: -16}" >"$dist/snapshot-signing-key.id"

echo
echo "release-snapshot: version $version, signed by throwaway key ${GPG_FINGERPRINT: -16}"
(cd "$dist" && ls -l terraform-provider-twilio_* twilio-emulator_* | awk '{ printf "%10d  %s\n", $5, $9 }')
