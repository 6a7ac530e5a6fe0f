#!/usr/bin/env bash
# Runs every shell command of the documentation templates (templates/**/*.tmpl) exactly as written, against
# the local Twilio emulator, so a guide cannot show a command that fails when pasted into bash.
#
# Each fenced sh/shell/bash/console block must follow a marker line naming the situation it runs in, and
# optionally an extended regular expression the session's output must match (what the page promises):
#
#   <!-- runnable: SCENARIO -->
#   <!-- runnable: SCENARIO, expect: REGEX -->
#
#   repo     a fresh copy of this repository, in its root; no emulator (the page starts its own). After
#            the session, no file may have appeared in the copy that .gitignore does not cover (a guide
#            must not leave credentials where `git add` picks them up)
#   module   a copy of examples/modules/tenant, in its folder; the emulator's variables exported
#   staging  examples/environments/staging applied against the emulator, in its folder
#   crash    a subaccount with a number applied against the emulator, plus objects Twilio made that no
#            state records (as after Terraform died mid-create); examples/guides/find-untracked.sh copied
#            into the folder
#   adopt    examples/adopt's files, in an empty folder; the emulator holds two tenants made through the
#            API only (subaccount, key, TwiML app, two numbers, Studio flow), as a Console user would, and
#            two tenants another configuration manages (applied from a folder of their own). After the
#            session, no SID of that other state may appear in the folder's generated.tf.
#
# The blocks of one page and scenario run in order in one bash (set -euo pipefail), as one terminal
# session: a `cd` or an `export` carries over. Prompts are answered `yes`, as a user approving a plan
# would. `terraform` on PATH is the pinned binary (GUIDE_TF=tofu: OpenTofu, under the name terraform).
# A block without a marker fails the check: every command in the guides is run here.
#
#   scripts/guide-commands.sh [template ...]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

templates=("$@")
if [ ${#templates[@]} -eq 0 ]; then
  mapfile -t templates < <(find templates -name '*.tmpl' | sort)
fi

# extract FILE BASE: prints "SCENARIO<TAB>FIRST_LINE<TAB>BODY_FILE<TAB>EXPECT" for each block and writes
# its body to BODY_FILE; a block without a marker has the scenario "-".
extract() {
  awk -v out="$lib_work/blocks" -v base="$2" '
    /^<!-- runnable: [a-z]+(, expect: .*)? -->$/ {
      line = substr($0, 16, length($0) - 19)
      i = index(line, ", expect: ")
      if (i > 0) { marker = substr(line, 1, i - 1); expect = substr(line, i + 10) } else { marker = line; expect = "" }
      next
    }
    !infence && /^```(sh|shell|bash|console)[[:space:]]*$/ {
      infence = 1; n++; start = NR; file = sprintf("%s/%03d", out, base + n)
      printf "" > file
      printf "%s\t%d\t%s\t%s\n", (marker == "" ? "-" : marker), start, file, expect
      marker = ""; expect = ""; next
    }
    infence && /^```[[:space:]]*$/ { infence = 0; close(file); next }
    infence { print >> file; next }
    /[^[:space:]]/ { marker = "" }
  ' "$1"
}

# setup_scenario SCENARIO DIR prepares DIR and sets scenario_dir, the folder the session starts in. It
# runs in this shell (not a subshell) so the emulator's variables are exported to the session.
setup_scenario() {
  local scenario=$1 dir=$2
  case "$scenario" in
    repo)
      mkdir -p "$dir"
      (cd "$repo" && git ls-files -co --exclude-standard | tar -cf - -T -) | tar -xf - -C "$dir"
      (cd "$dir" && find . -type f | sed 's|^\./||' | sort) >"$dir.before"
      scenario_dir=$dir
      ;;
    module)
      lib_start_emulator
      mkdir -p "$dir"
      cp -R "$repo/examples/modules/tenant/." "$dir"
      scenario_dir=$dir
      ;;
    staging)
      lib_start_emulator
      mkdir -p "$dir"
      cp -R "$repo/examples" "$dir/examples"
      scenario_dir=$dir/examples/environments/staging
      (cd "$scenario_dir" && terraform init -input=false -no-color >/dev/null &&
        terraform apply -input=false -auto-approve -no-color >/dev/null)
      ;;
    crash)
      lib_start_emulator
      mkdir -p "$dir"
      cp "$repo/examples/guides/find-untracked.sh" "$dir"
      printf '%s\n' 'terraform {' '  required_providers {' '    twilio = { source = "tenantwire/twilio" }' '  }' '}' \
        'resource "twilio_subaccount" "tenant" {' '  friendly_name = "tenant"' '}' \
        'resource "twilio_incoming_number" "main" {' '  account_sid = twilio_subaccount.tenant.sid' \
        '  area_code   = "415"' '}' >"$dir/main.tf"
      scenario_dir=$dir
      (cd "$dir" && terraform init -input=false -no-color >/dev/null &&
        terraform apply -input=false -auto-approve -no-color >/dev/null)
      local tenant
      tenant=$(cd "$dir" && terraform show -json |
        jq -r '.values.root_module.resources[] | select(.type == "twilio_subaccount") | .values.sid')
      printf 'user = "%s:%s"\n' "$TWILIO_ACCOUNT_SID" "$TWILIO_AUTH_TOKEN" | curl --config - -sSf \
        -d AreaCode=415 "$TWILIO_BASE_URL/2010-04-01/Accounts/$tenant/IncomingPhoneNumbers.json" >/dev/null
      ;;
    adopt)
      lib_start_emulator
      mkdir -p "$dir"
      cp "$repo/examples/adopt/main.tf" "$repo/examples/adopt/tenants.tfquery.hcl" "$repo/examples/adopt/unmanaged.sh" "$dir"
      seed_console_tenant acme-00 0 && seed_console_tenant acme-01 1
      other_state "$dir.other"
      scenario_dir=$dir
      ;;
    *)
      echo "unknown scenario $scenario" >&2
      return 1
      ;;
  esac
}

# twilio_post USER:PASS HOST PATH FIELD... posts a form to the emulator as Twilio's HOST and prints the
# answer's sid.
twilio_post() {
  local auth=$1 host=$2 path=$3 args=()
  shift 3
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  # The credentials go to curl on stdin, never in its arguments (which any process can read).
  printf 'user = "%s"\n' "$auth" | curl --config - -fsS -H "Host: $host" "${args[@]}" "$TWILIO_BASE_URL$path" |
    jq -r '.sid + " " + (.auth_token // "")'
}

# seed_console_tenant NAME N makes one tenant through the API only, as the Console would.
seed_console_tenant() {
  local name=$1 n=$2 main="$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" acct token app flow
  read -r acct token < <(twilio_post "$main" api.twilio.com /2010-04-01/Accounts.json "FriendlyName=$name")
  twilio_post "$main" api.twilio.com "/2010-04-01/Accounts/$acct/Keys.json" "FriendlyName=$name backend" >/dev/null
  read -r app _ < <(twilio_post "$main" api.twilio.com "/2010-04-01/Accounts/$acct/Applications.json" \
    "FriendlyName=$name voice" "VoiceUrl=https://voice.example.com/$name")
  read -r flow _ < <(twilio_post "$acct:$token" studio.twilio.com /v2/Flows "FriendlyName=$name ivr" Status=published \
    'Definition={"description":"ivr","states":[{"name":"Trigger","type":"trigger","properties":{},"transitions":[]}],"initial_state":"Trigger","flags":{"allow_concurrent_calls":true}}')
  twilio_post "$main" api.twilio.com "/2010-04-01/Accounts/$acct/IncomingPhoneNumbers.json" \
    "PhoneNumber=+1415555010$n" "FriendlyName=$name main" "VoiceApplicationSid=$app" >/dev/null
  twilio_post "$main" api.twilio.com "/2010-04-01/Accounts/$acct/IncomingPhoneNumbers.json" \
    "PhoneNumber=+1628555010$n" "FriendlyName=$name ivr" "VoiceUrl=https://webhooks.twilio.com/v1/Accounts/$acct/Flows/$flow" >/dev/null
}

# other_state DIR applies, from DIR, two tenants that a configuration other than the adopted one manages
# (a subaccount, an API key, a TwiML app and a number each): what an adoption must leave alone.
other_state() {
  local dir=$1
  mkdir -p "$dir"
  printf '%s\n' 'terraform {' '  required_providers {' '    twilio = { source = "tenantwire/twilio" }' '  }' '}' \
    'resource "twilio_subaccount" "other" {' '  for_each      = toset(["globex-00", "globex-01"])' \
    '  friendly_name = each.key' '}' \
    'resource "twilio_api_key" "other" {' '  for_each      = twilio_subaccount.other' \
    '  account_sid   = each.value.sid' '  friendly_name = "${each.key} backend"' '}' \
    'resource "twilio_twiml_app" "other" {' '  for_each      = twilio_subaccount.other' \
    '  account_sid   = each.value.sid' '  friendly_name = "${each.key} voice"' '}' \
    'resource "twilio_incoming_number" "other" {' '  for_each              = twilio_subaccount.other' \
    '  account_sid           = each.value.sid' '  area_code             = "415"' \
    '  voice_application_sid = twilio_twiml_app.other[each.key].sid' '}' >"$dir/main.tf"
  (cd "$dir" && terraform init -input=false -no-color >/dev/null &&
    terraform apply -input=false -auto-approve -no-color >/dev/null)
}

# check_scenario SCENARIO DIR checks, after a session, what its output cannot show.
check_scenario() {
  local scenario=$1 dir=$2 sid leaked=0
  case "$scenario" in
    repo)
      local left
      left=$(cd "$dir" && git init -q . && git ls-files -o --exclude-standard | sort | comm -13 "$dir.before" -)
      if [ -n "$left" ]; then
        echo "the page's commands left files in the clone that .gitignore does not cover:" $left >&2
        return 1
      fi
      ;;
    adopt)
      # No generated.tf means the page never ran the generating query: nothing was checked, so fail.
      if [ ! -f "$dir/generated.tf" ]; then
        echo "the session left no generated.tf: the page's query -generate-config-out did not run or wrote elsewhere" >&2
        return 1
      fi
      while read -r sid; do
        if grep -qF "$sid" "$dir/generated.tf"; then
          echo "generated.tf names $sid, which another configuration manages (globex-…): the list blocks adopt it twice" >&2
          leaked=1
        fi
      done < <(cd "$dir.other" && terraform show -json | jq -r '.values.root_module.resources[].values.sid')
      return $leaked
      ;;
  esac
}

lib_setup "${GUIDE_TF:-terraform}"
mkdir -p "$lib_work/bin" "$lib_work/blocks"
ln -s "$tf" "$lib_work/bin/terraform"
export PATH="$lib_work/bin:$PATH"

status=0
count=0
base=0
for tmpl in "${templates[@]}"; do
  mapfile -t blocks < <(extract "$tmpl" "$base")
  base=$((base + 100))
  [ ${#blocks[@]} -gt 0 ] || continue
  # One session per scenario of the page, in the page's order.
  declare -A scripts=() expects=()
  order=()
  for b in "${blocks[@]}"; do
    IFS=$'\t' read -r scenario line file expect <<<"$b"
    if [ "$scenario" = "-" ]; then
      echo "FAIL  $tmpl:$line: a shell block without <!-- runnable: SCENARIO --> (every guide command must run here)" >&2
      status=1
      continue
    fi
    [ -n "${scripts[$scenario]:-}" ] || order+=("$scenario")
    scripts[$scenario]+=$(printf '# %s:%s\n%s\n' "$tmpl" "$line" "$(cat "$file")")$'\n'
    [ -z "$expect" ] || expects[$scenario]+="$expect"$'\n'
    count=$((count + 1))
  done
  for scenario in "${order[@]}"; do
    work="$lib_work/run-$base-$scenario"
    echo "=== $tmpl ($scenario)"
    if ! setup_scenario "$scenario" "$work"; then
      echo "FAIL  $tmpl: setting up $scenario" >&2
      status=1
      lib_stop_emulator
      continue
    fi
    printf '%s' "${scripts[$scenario]}" >"$work.sh"
    sed 's/^/    /' "$work.sh"
    # The session runs in its own process group, ended afterwards with whatever it left running in the
    # background (an emulator the page starts), and nothing else.
    rc=0
    (cd "$scenario_dir" && setsid bash -c 'echo $$ >"$1.pgid"; exec bash -euo pipefail "$1"' _ "$work.sh" \
      < <(yes yes) >"$work.log" 2>&1) || rc=$?
    if [ -s "$work.sh.pgid" ]; then kill -- "-$(cat "$work.sh.pgid")" 2>/dev/null || true; fi
    # Terraform colours its output when it is not told otherwise; the promises are about the words.
    sed -i 's/\x1b\[[0-9;]*m//g' "$work.log"
    if [ "$rc" -eq 0 ]; then
      while IFS= read -r want; do
        [ -n "$want" ] || continue
        if ! grep -qE -- "$want" "$work.log"; then
          echo "FAIL  $tmpl ($scenario): the output does not match the page's promise /$want/" >&2
          rc=1
        fi
      done <<<"${expects[$scenario]:-}"
    fi
    if [ "$rc" -eq 0 ] && ! check_scenario "$scenario" "$work" >>"$work.log" 2>&1; then
      rc=1
    fi
    if [ "$rc" -eq 0 ]; then
      echo "ok    $tmpl ($scenario)"
    else
      echo "FAIL  $tmpl ($scenario), exit $rc; its output:" >&2
      sed 's/^/    /' "$work.log" >&2
      status=1
    fi
    lib_stop_emulator
  done
  unset scripts expects
done
echo "guide commands: $count block(s) run"
exit $status
