# Shared set-up for scripts that run real Terraform against the local Twilio emulator (demo, module
# tests, benchmarks). Source it; it defines:
#   lib_setup [terraform|tofu]  build the provider into a filesystem mirror, pick the pinned binary ($tf),
#                               write a CLI configuration that installs tenantwire/twilio from the mirror
#                               and nothing from the network
#   lib_start_emulator [flags]  start the emulator on a free loopback port; exports TWILIO_BASE_URL,
#                               TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN
#   lib_emulator_bundle NAME COUNTRY TYPE END_USER
#                               make a twilio-approved regulatory bundle in the emulator's main account
#                               (test control standing in for the Console and Twilio's review)
#   lib_emulator_review KIND OUTCOME [REASON]
#                               set how the emulator's stand-in for Twilio's reviewers answers KIND's
#                               submissions (customer-profile, trust-product, brand, campaign,
#                               tollfree-verification): approve, reject (with REASON) or hold
#   lib_cleanup                 stop the emulator and remove the work folder (installed as an EXIT trap)

lib_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lib_work=$(mktemp -d)
lib_emulator_pid=""

lib_cleanup() {
  if [ -n "$lib_emulator_pid" ] && kill -0 "$lib_emulator_pid" 2>/dev/null; then
    kill "$lib_emulator_pid" 2>/dev/null || true
    wait "$lib_emulator_pid" 2>/dev/null || true
  fi
  lib_emulator_pid=""
  rm -rf "$lib_work"
}
trap lib_cleanup EXIT

lib_setup() {
  local which=${1:-terraform} bin_dir version=0.0.1 host dir
  # Only the binary this command runs is built (a cold OpenTofu build is minutes on a busy machine).
  case "$which" in
    tofu) bin_dir=$("$lib_repo/scripts/tf-binaries.sh" tofu); tf="$bin_dir/tofu-1.12.6" ;;
    *) bin_dir=$("$lib_repo/scripts/tf-binaries.sh" terraform); tf="$bin_dir/terraform-1.16.0" ;;
  esac
  for host in registry.terraform.io registry.opentofu.org; do
    dir="$lib_work/mirror/$host/tenantwire/twilio/$version/$(go env GOOS)_$(go env GOARCH)"
    mkdir -p "$dir"
    (cd "$lib_repo" && go build -ldflags "-X main.version=$version" -o "$dir/terraform-provider-twilio_v$version" .)
  done
  (cd "$lib_repo" && go build -o "$lib_work/twilio-emulator" ./cmd/twilio-emulator)
  cat >"$lib_work/cli.tfrc" <<CFG
provider_installation {
  filesystem_mirror {
    path    = "$lib_work/mirror"
    include = ["registry.terraform.io/tenantwire/twilio", "registry.opentofu.org/tenantwire/twilio"]
  }
  direct {
    exclude = ["registry.terraform.io/tenantwire/twilio", "registry.opentofu.org/tenantwire/twilio"]
  }
}
CFG
  export TF_CLI_CONFIG_FILE="$lib_work/cli.tfrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
}

lib_start_emulator() {
  local account_sid auth_token
  account_sid="AC$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  auth_token="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  rm -f "$lib_work/emulator.url"
  "$lib_work/twilio-emulator" -addr 127.0.0.1:0 -account-sid "$account_sid" -auth-token "$auth_token" \
    -ready-file "$lib_work/emulator.url" "$@" >"$lib_work/emulator.log" 2>&1 &
  lib_emulator_pid=$!
  for _ in $(seq 1 100); do
    [ -s "$lib_work/emulator.url" ] && break
    kill -0 "$lib_emulator_pid" 2>/dev/null || { cat "$lib_work/emulator.log" >&2; return 1; }
    sleep 0.1
  done
  [ -s "$lib_work/emulator.url" ] || { echo "the emulator did not start" >&2; return 1; }
  TWILIO_BASE_URL="$(cat "$lib_work/emulator.url")"
  export TWILIO_BASE_URL TWILIO_ACCOUNT_SID="$account_sid" TWILIO_AUTH_TOKEN="$auth_token"
  unset TWILIO_API_KEY TWILIO_API_SECRET TWILIO_REGION TWILIO_EDGE
}

lib_stop_emulator() {
  if [ -n "$lib_emulator_pid" ]; then
    kill "$lib_emulator_pid" 2>/dev/null || true
    wait "$lib_emulator_pid" 2>/dev/null || true
    lib_emulator_pid=""
  fi
}

lib_emulator_bundle() {
  local body
  body=$(printf '{"friendly_name":"%s","iso_country":"%s","number_type":"%s","end_user_type":"%s"}' "$1" "$2" "$3" "$4")
  # NOTE: the credentials go to curl on stdin, never on its command line (visible to every process).
  printf 'user = "%s:%s"\n' "$TWILIO_ACCOUNT_SID" "$TWILIO_AUTH_TOKEN" |
    curl -fsS -K - -H 'Content-Type: application/json' -d "$body" "$TWILIO_BASE_URL/_emulator/bundles" >/dev/null
}

lib_emulator_review() {
  local body
  body=$(printf '{"outcome":"%s","reason":"%s"}' "$2" "${3:-}")
  printf 'user = "%s:%s"\n' "$TWILIO_ACCOUNT_SID" "$TWILIO_AUTH_TOKEN" |
    curl -fsS -K - -H 'Content-Type: application/json' -d "$body" "$TWILIO_BASE_URL/_emulator/reviews/$1" >/dev/null
}
