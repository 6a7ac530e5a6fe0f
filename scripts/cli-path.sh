#!/usr/bin/env bash
# Prints the line that puts the pinned Terraform and OpenTofu first on PATH, under the names `terraform`
# and `tofu`, building them first if needed (scripts/tf-binaries.sh; the first build takes minutes). For a
# newcomer whose Terraform is older than 1.14 (no `terraform query`) or who has none:
#
#   eval "$(scripts/cli-path.sh)"      or      make cli-path   (prints the line to paste)
#
# The names are symbolic links in a folder of the binaries' cache, outside the clone; nothing is installed
# system-wide, and a new shell has the old PATH again.
set -euo pipefail
cd "$(dirname "$0")/.."

bin_dir=$(scripts/tf-binaries.sh terraform tofu | tail -n 1)

# pinned NAME VAR picks the version tf-binaries.sh pins (VAR's default there), or else the newest NAME-<version>
# in the cache, so a changed pin needs no change here.
pinned() {
  local name=$1 var=$2 version
  version=$(sed -n "s/^$var=\"\${$var:-\([0-9][0-9.]*\)}\"\$/\1/p" scripts/tf-binaries.sh)
  if [ -n "$version" ] && [ -x "$bin_dir/$name-$version" ]; then
    echo "$bin_dir/$name-$version"
    return
  fi
  find "$bin_dir" -maxdepth 1 -name "$name-[0-9]*" -type f -perm -u+x | sort -V | tail -n 1
}
terraform_bin=$(pinned terraform TERRAFORM_VERSION)
tofu_bin=$(pinned tofu OPENTOFU_VERSION)
[ -n "$terraform_bin" ] && [ -n "$tofu_bin" ] || { echo "cli-path: no Terraform or OpenTofu binary in $bin_dir" >&2; exit 1; }

cli_dir="$bin_dir/cli"
mkdir -p "$cli_dir"
ln -sfn "$terraform_bin" "$cli_dir/terraform"
ln -sfn "$tofu_bin" "$cli_dir/tofu"
echo "cli-path: terraform is $("$cli_dir/terraform" version 2>/dev/null | grep -m1 '^Terraform v'), tofu is" \
  "$("$cli_dir/tofu" version 2>/dev/null | grep -m1 '^OpenTofu v')" >&2
# $PATH stays literal: it is expanded where the line is evaluated.
printf 'export PATH="%s:$PATH"\n' "$cli_dir"
