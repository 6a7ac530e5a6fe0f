#!/usr/bin/env bash
# Lists the Twilio objects of a main account and its subaccounts that no Terraform state tracks:
# phone numbers, subaccounts, API keys, TwiML apps, addresses, Studio flows, Serverless services (whose
# variables may hold secrets), Messaging Services (which hold numbers: Twilio adds a number to one
# service at a time), Trust Hub customer profiles and trust products (a business's A2P registration, with
# its people's personal data), A2P brand registrations (charged, and never deletable) and A2P campaigns
# (charged every month), one per line (tab-separated):
#   type  sid  account_sid  date_created  friendly_name  import_id
#
# Feed it every state that manages this Twilio family, as `terraform show -json` prints them:
#   terraform show -json | ./find-untracked.sh
#   { terraform -chdir=envs/prod show -json; terraform -chdir=envs/staging show -json; } | ./find-untracked.sh
#
# Needs curl, jq, and the main account's TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (the credentials the
# provider reads). It only reads. TWILIO_BASE_URL, when set, points it at another server, as it does the
# provider (the local emulator).
set -euo pipefail
: "${TWILIO_ACCOUNT_SID:?set TWILIO_ACCOUNT_SID to the main account}" "${TWILIO_AUTH_TOKEN:?set TWILIO_AUTH_TOKEN}"
api=${TWILIO_BASE_URL:-https://api.twilio.com}
studio=${TWILIO_BASE_URL:-https://studio.twilio.com}
serverless=${TWILIO_BASE_URL:-https://serverless.twilio.com}
messaging=${TWILIO_BASE_URL:-https://messaging.twilio.com}
trusthub=${TWILIO_BASE_URL:-https://trusthub.twilio.com}

# The SIDs of every managed resource in the states on stdin (modules included).
tracked=$(jq -r '.. | objects | select(.mode? == "managed") | .values.sid? // empty')

# get USER SECRET URL: credentials go to curl on stdin, never on its command line. HOST, when set, is the
# Twilio host to name (Serverless and Messaging share the path /v1/Services; only the host tells them apart
# when TWILIO_BASE_URL points elsewhere).
get() {
  printf 'user = "%s:%s"\n' "$1" "$2" | curl --config - --silent --show-error --fail ${HOST:+-H "Host: $HOST"} "$3"
}

# list USER SECRET BASE PATH KEY: every item of a paginated Twilio list, one JSON object per line.
list() {
  local page next="$4"
  while [ -n "$next" ]; do
    page=$(get "$1" "$2" "$3$next")
    jq -c --arg k "$5" '.[$k][]?' <<<"$page"
    next=$(jq -r '.next_page_uri // .meta.next_page_url // empty' <<<"$page")
    next=${next#"$3"}
  done
}

# report TYPE ACCOUNT ITEM IMPORT_ID: prints the item unless a state tracks it.
report() {
  local sid
  sid=$(jq -r .sid <<<"$3")
  if grep -qxF "$sid" <<<"$tracked"; then
    return 0
  fi
  jq -r --arg type "$1" --arg account "$2" --arg id "$4" \
    '[$type, .sid, $account, .date_created, (.friendly_name // ""), $id] | @tsv' <<<"$3"
}

u=$TWILIO_ACCOUNT_SID p=$TWILIO_AUTH_TOKEN
while IFS= read -r acct; do
  sid=$(jq -r .sid <<<"$acct") status=$(jq -r .status <<<"$acct")
  if [ "$status" = closed ]; then
    continue
  fi
  if [ "$sid" != "$u" ]; then
    report subaccount "$u" "$acct" "$sid"
  fi
  while IFS= read -r n; do
    report incoming_number "$sid" "$n" "$sid/$(jq -r .sid <<<"$n")"
  done < <(list "$u" "$p" "$api" "/2010-04-01/Accounts/$sid/IncomingPhoneNumbers.json?PageSize=1000" incoming_phone_numbers)
  while IFS= read -r k; do
    report api_key "$sid" "$k" "$sid/$(jq -r .sid <<<"$k")"
  done < <(list "$u" "$p" "$api" "/2010-04-01/Accounts/$sid/Keys.json?PageSize=1000" keys)
  while IFS= read -r a; do
    report twiml_app "$sid" "$a" "$sid/$(jq -r .sid <<<"$a")"
  done < <(list "$u" "$p" "$api" "/2010-04-01/Accounts/$sid/Applications.json?PageSize=1000" applications)
  while IFS= read -r a; do
    report address "$sid" "$a" "$sid/$(jq -r .sid <<<"$a")"
  done < <(list "$u" "$p" "$api" "/2010-04-01/Accounts/$sid/Addresses.json?PageSize=1000" addresses)
  # Studio, Serverless, Messaging and Trust Hub answer only an account's own credentials (the parent may read a subaccount's auth token), and
  # none while the account is suspended.
  if [ "$status" != active ]; then
    continue
  fi
  token=$p
  if [ "$sid" != "$u" ]; then
    token=$(jq -r .auth_token <<<"$acct")
  fi
  while IFS= read -r f; do
    report studio_flow "$sid" "$f" "$sid/$(jq -r .sid <<<"$f")"
  done < <(list "$sid" "$token" "$studio" "/v2/Flows?PageSize=1000" flows)
  while IFS= read -r v; do
    report serverless_service "$sid" "$v" "$sid/$(jq -r .sid <<<"$v")"
  done < <(HOST=serverless.twilio.com list "$sid" "$token" "$serverless" "/v1/Services?PageSize=1000" services)
  while IFS= read -r m; do
    report messaging_service "$sid" "$m" "$sid/$(jq -r .sid <<<"$m")"
    msid=$(jq -r .sid <<<"$m")
    while IFS= read -r k; do
      report a2p_campaign "$sid" "$k" "$sid/$msid/$(jq -r .sid <<<"$k")"
    done < <(HOST=messaging.twilio.com list "$sid" "$token" "$messaging" "/v1/Services/$msid/Compliance/Usa2p?PageSize=1000" compliance)
  done < <(HOST=messaging.twilio.com list "$sid" "$token" "$messaging" "/v1/Services?PageSize=1000" services)
  while IFS= read -r b; do
    report trusthub_customer_profile "$sid" "$b" "$sid/$(jq -r .sid <<<"$b")"
  done < <(list "$sid" "$token" "$trusthub" "/v1/CustomerProfiles?PageSize=1000" results)
  while IFS= read -r b; do
    report trusthub_trust_product "$sid" "$b" "$sid/$(jq -r .sid <<<"$b")"
  done < <(list "$sid" "$token" "$trusthub" "/v1/TrustProducts?PageSize=1000" results)
  while IFS= read -r b; do
    report a2p_brand_registration "$sid" "$b" "$sid/$(jq -r .sid <<<"$b")"
  done < <(list "$sid" "$token" "$messaging" "/v1/a2p/BrandRegistrations?PageSize=1000" data)
done < <(list "$u" "$p" "$api" "/2010-04-01/Accounts.json?PageSize=1000" accounts)
