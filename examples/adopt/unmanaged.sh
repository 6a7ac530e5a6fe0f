#!/usr/bin/env bash
# Prints the SID and name of every object the list blocks find that the state does not manage: what the
# Console made after adoption, or what a crash left behind. Run it in the adopted configuration's folder.
set -euo pipefail
terraform query -json |
  jq -r 'select(.type == "list_resource_found") | .list_resource_found | "\(.identity.sid)\t\(.display_name)"' |
  sort >listed.tsv
terraform show -json | jq -r '[.. | objects | select(.type? and .values.sid?) | .values.sid] | .[]' | sort >managed.txt
join -t "$(printf '\t')" -v 1 listed.tsv managed.txt
