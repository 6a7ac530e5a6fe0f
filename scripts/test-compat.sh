#!/usr/bin/env bash
# The compatibility matrix (`make test-compat`): the compatibility set, the paths users walk, under the
# newest patch of every Terraform minor line from the floor the README names to the newest, and of every
# OpenTofu line from 1.8. Builds the binaries it lacks from the Go module proxy into the cache that
# scripts/tf-binaries.sh keeps (a few minutes each, once), runs the set under each against the emulator and
# prints a table, version by scenario: pass, n/a (the CLI lacks the feature, the test skips itself) or FAIL.
#
#   scripts/test-compat.sh                                            the whole matrix
#   COMPAT_VERSIONS="terraform@1.8.5 tofu@1.12.6" scripts/test-compat.sh   some lines (CI runs four)
#   COMPAT_TABLE=table.md scripts/test-compat.sh                      also write the table there
#   COMPAT_DOCS=1 scripts/test-compat.sh                              also put it, dated, in the versions
#                                                                      guide (templates/guides/versions.md.tmpl)
#
# Exits non-zero when a cell fails. The scheduled workflow (.github/workflows/compat.yml) runs the whole
# matrix; .ci/run runs the floor, 1.11 (the last line without resource identity) and the two pinned ones.
set -euo pipefail
cd "$(dirname "$0")/.."

# The newest patch of each line that the Go module proxy served on 2026-12-06, and the pinned binaries.
all_versions="terraform@1.8.5 terraform@1.9.8 terraform@1.10.5 terraform@1.11.4 terraform@1.12.2 terraform@1.13.5
terraform@1.14.9 terraform@1.15.9 terraform@1.16.0 terraform@1.16.4
tofu@1.8.11 tofu@1.9.4 tofu@1.10.10 tofu@1.11.7 tofu@1.12.6"
versions=${COMPAT_VERSIONS:-$all_versions}

# The compatibility set: test name, column label, and the first Terraform and OpenTofu release with the
# feature it needs ("-": none has it). TestAccCompat_* are written for it (internal/provider/compat_test.go);
# the others are the suite's own tests of the same paths. Tests of a feature a CLI lacks skip themselves
# (acctest.Needs), which the table shows as n/a; a test that skips on a release that has its feature is a
# FAIL, so a wrong gate cannot hide a line.
scenarios=(
  "TestAccCompat_createImportDestroy|create, import by ID, destroy|1.8.0|1.8.0"
  "TestAccCompat_consoleEdit|Console edit planned|1.8.0|1.8.0"
  "TestAccCompat_deletedOutside|deleted outside, re-created|1.8.0|1.8.0"
  "TestAccReadPolicy_oldObjectGoneAtOnce|every type deleted outside|1.8.0|1.8.0"
  "TestAccIncomingNumber_transfer|number moved in place|1.8.0|1.8.0"
  "TestAccResourceIdentity_importBlock|import by identity (1.12+)|1.12.0|1.12.0"
  "TestAccAccessTokenEphemeral_endToEnd|ephemeral token (TF 1.10+, tofu 1.11+)|1.10.0|1.11.0"
  "TestAccServerlessVariable_writeOnly|write-only secret (1.11+)|1.11.0|1.11.0"
  "TestAccListResources_query|terraform query (TF 1.14+)|1.14.0|-"
  "TestAccFunctions|provider functions (TF 1.8+, tofu 1.7+)|1.8.0|1.7.0"
  "TestAccFunctions_withoutCredentials|functions without credentials (TF 1.8+, tofu 1.11+)|1.8.0|1.11.0"
  "TestAccSubaccountStatusAction_suspendReactivate|actions (TF 1.14+)|1.14.0|-"
)
names=()
for s in "${scenarios[@]}"; do names+=("${s%%|*}"); done
# at_least A B: version A >= version B.
at_least() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" = "$2" ]; }
pattern="^($(IFS='|'; echo "${names[*]}"))\$"

export TWILIO_OAS_DIR="${TWILIO_OAS_DIR:-$(scripts/fetch-specs.sh)}"
export TWILIO_OAS_REQUIRED=1 TF_ACC=1 CHECKPOINT_DISABLE=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# An empty CLI configuration keeps both CLIs offline and OpenTofu's version line parseable.
: >"$work/empty.tfrc"
export TF_CLI_CONFIG_FILE="$work/empty.tfrc"

echo "=== Compatibility matrix: building the binaries it lacks (cached)"
# shellcheck disable=SC2086
bin_dir=$(scripts/tf-binaries.sh $versions)
go test -count=1 -run '^$' ./internal/provider/ >/dev/null

status=0
rows=()
for v in $versions; do
  cli=${v%@*} ver=${v#*@}
  binary="$bin_dir/$cli-$ver"
  log="$work/$cli-$ver.log"
  echo
  echo "=== Compatibility set under $("$binary" version | head -n 1)"
  host=()
  [ "$cli" = tofu ] && host=(TF_ACC_PROVIDER_HOST=registry.opentofu.org)
  rc=0
  env "${host[@]}" TF_ACC_TERRAFORM_PATH="$binary" go test -count=1 -timeout 20m -parallel "${COMPAT_PARALLEL:-4}" \
    -run "$pattern" ./internal/provider/ -v >"$log" 2>&1 || rc=$?
  grep -E '^(--- (PASS|FAIL|SKIP)|ok |FAIL)' "$log" || true
  if [ "$rc" -ne 0 ]; then
    status=1
    # The failures' own lines, so that CI's log says why without the whole run.
    grep -E -A12 '^--- FAIL' "$log" | head -n 80 || true
  fi
  label=Terraform
  [ "$cli" = tofu ] && label=OpenTofu
  row="| $label $ver |"
  for s in "${scenarios[@]}"; do
    IFS='|' read -r name _ tf_min tofu_min <<<"$s"
    min=$tf_min
    [ "$cli" = tofu ] && min=$tofu_min
    if grep -qE "^--- PASS: $name " "$log"; then
      row+=" pass |"
    elif grep -qE "^--- SKIP: $name " "$log" && { [ "$min" = - ] || ! at_least "$ver" "$min"; }; then
      row+=" n/a |"
    else
      # Failed, missing, or skipped on a release that has the feature.
      row+=" **FAIL** |"
      status=1
    fi
  done
  rows+=("$row")
done

table="$work/table.md"
{
  header="| CLI |" rule="|---|"
  for s in "${scenarios[@]}"; do
    IFS='|' read -r _ label _ <<<"$s"
    header+=" $label |" rule+=":-:|"
  done
  echo "$header"
  echo "$rule"
  printf '%s\n' "${rows[@]}"
} >"$table"
echo
echo "=== Compatibility table ($(date -u +%Y-%m-%d), provider at $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
cat "$table"
[ -z "${COMPAT_TABLE:-}" ] || cp "$table" "$COMPAT_TABLE"
if [ "${COMPAT_DOCS:-}" = 1 ]; then
  tmpl=templates/guides/versions.md.tmpl
  {
    sed '/<!-- compat-table:start -->/q' "$tmpl"
    echo
    echo "Last run on $(date -u +%Y-%m-%d) (\`make test-compat\`):"
    echo
    cat "$table"
    echo
    sed -n '/<!-- compat-table:end -->/,$p' "$tmpl"
  } >"$work/versions.tmpl"
  cp "$work/versions.tmpl" "$tmpl"
  echo "(written into $tmpl; run scripts/docs.sh to regenerate docs/)"
fi
exit $status
