#!/usr/bin/env bash
# Prints CHANGELOG.md's section for a version (v prefix optional), the release notes the release workflow
# publishes. Fails when the section is missing or still says (Unreleased): tag only a dated section.
#
#   scripts/release-notes.sh v0.1.0 > notes.md
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: $0 vX.Y.Z}
version=${version#v}
notes=$(awk -v v="$version" '
  /^## / { if (inside) exit; if ($2 == v) { inside = 1; heading = $0; next } }
  inside { print }
  END { if (heading ~ /Unreleased/) exit 3 }
' CHANGELOG.md) || { echo "release-notes: CHANGELOG.md's $version section still says (Unreleased); date it before tagging" >&2; exit 1; }
[ -n "$notes" ] || { echo "release-notes: CHANGELOG.md has no section for $version" >&2; exit 1; }
printf '%s\n' "$notes"
