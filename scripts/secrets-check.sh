#!/usr/bin/env bash
# Secret hygiene, end to end with the real provider binary: apply and plan a configuration holding every
# kind of secret with TF_LOG=TRACE, then fail if any secret (the main auth token, a subaccount's auth
# token, an API key secret, an access token) appears in the trace log or in the CLI output.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

lib_setup "${SECRETS_TF:-terraform}"
lib_start_emulator
echo "=== Secrets check under $("$tf" version | head -n 1): apply and plan with TF_LOG=TRACE"
cp -R scripts/testdata/secrets "$lib_work/config"
cd "$lib_work/config"
"$tf" init -input=false -no-color >/dev/null

export TF_LOG=TRACE TF_LOG_PATH="$lib_work/trace.log"
"$tf" apply -input=false -auto-approve -no-color >"$lib_work/apply.out" 2>&1
"$tf" plan -input=false -no-color >"$lib_work/plan.out" 2>&1
unset TF_LOG TF_LOG_PATH

secrets=("$TWILIO_AUTH_TOKEN")
for name in auth_token api_key_secret access_token; do
  value=$("$tf" output -raw "$name")
  [ -n "$value" ] || { echo "output $name is empty: the check would prove nothing" >&2; exit 1; }
  secrets+=("$value")
done

# The trace must contain the provider's own debug lines, or a clean grep would prove nothing.
grep -q "Twilio request" "$lib_work/trace.log" || { echo "the trace log has no provider debug lines" >&2; exit 1; }
echo "trace log: $(wc -l <"$lib_work/trace.log") lines, with the provider's debug lines"

# The state legitimately holds the resource secrets: finding them there proves the search itself works.
for i in 1 2 3; do
  grep -qF -- "${secrets[$i]}" terraform.tfstate || { echo "secret #$i not found even in the state: broken check" >&2; exit 1; }
done

leaks=0
for i in "${!secrets[@]}"; do
  for f in trace.log apply.out plan.out; do
    if grep -qF -- "${secrets[$i]}" "$lib_work/$f"; then
      echo "LEAK: secret #$i appears in $f" >&2
      leaks=$((leaks + 1))
    fi
  done
done
"$tf" destroy -input=false -auto-approve -no-color >/dev/null
[ "$leaks" -eq 0 ] || exit 1
echo "secrets check: ${#secrets[@]} secrets, none in the TRACE log, the apply output or the plan output"
