package emulator

import (
	"net/url"
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

func TestAccountsCRUD(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	r := h.must(h.post(h.main, "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {"tenant-a"}}), 201)
	sid := r.str("sid")
	if !sids.Valid("AC", sid) || r.str("owner_account_sid") != h.main.user || r.str("status") != "active" ||
		r.str("type") != "Full" || len(r.str("auth_token")) != 32 || r.str("uri") != accountPath(sid, ".json") {
		t.Fatalf("created account = %v", r.body)
	}
	if _, ok := r.body["subresource_uris"].(map[string]any)["incoming_phone_numbers"]; !ok {
		t.Errorf("subresource_uris lacks incoming_phone_numbers: %v", r.body["subresource_uris"])
	}
	created := r.str("date_updated")

	r = h.must(h.post(h.main, accountPath(sid, ".json"), url.Values{"FriendlyName": {"tenant-b"}}), 200)
	if r.str("friendly_name") != "tenant-b" || r.str("date_updated") == created {
		t.Errorf("updated account = %v (date_updated was %s)", r.body, created)
	}
	if got := h.must(h.get(h.main, accountPath(sid, ".json"), nil), 200).str("friendly_name"); got != "tenant-b" {
		t.Errorf("fetched friendly_name = %q", got)
	}

	// Default friendly name, like Twilio's.
	r = h.must(h.post(h.main, "/2010-04-01/Accounts.json", nil), 201)
	if !strings.HasPrefix(r.str("friendly_name"), "SubAccount Created at ") {
		t.Errorf("default friendly_name = %q", r.str("friendly_name"))
	}

	list := h.must(h.get(h.main, "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {"tenant-b"}}), 200)
	if accts := list.list("accounts"); len(accts) != 1 || accts[0].(map[string]any)["sid"] != sid {
		t.Errorf("filtered list = %v", list.body)
	}
	if n := len(h.must(h.get(h.main, "/2010-04-01/Accounts.json", nil), 200).list("accounts")); n != 3 {
		t.Errorf("main account lists %d accounts, want 3 (itself and two subaccounts)", n)
	}
	sub := creds{sid, h.must(h.get(h.main, accountPath(sid, ".json"), nil), 200).str("auth_token")}
	if accts := h.must(h.get(sub, "/2010-04-01/Accounts.json", nil), 200).list("accounts"); len(accts) != 1 {
		t.Errorf("a subaccount lists %d accounts, want only itself", len(accts))
	}
	wantError(t, h.post(sub, "/2010-04-01/Accounts.json", nil), 403, 20003, "Subaccounts cannot create subaccounts")
}

func TestAccountValidation(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	s := h.subaccount("s")
	tests := []struct {
		name   string
		path   string
		form   url.Values
		status int
		code   int
	}{
		{"friendly name too long", "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {strings.Repeat("x", 65)}}, 400, 20002},
		{"friendly name of 64 characters", "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {strings.Repeat("é", 64)}}, 201, 0},
		{"unknown status", accountPath(s.user, ".json"), url.Values{"Status": {"paused"}}, 400, 21475},
		{"main account status", accountPath(h.main.user, ".json"), url.Values{"Status": {"suspended"}}, 400, 21477},
		{"unknown status filter", "/2010-04-01/Accounts.json?Status=paused", nil, 400, 20001},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r reply
			if tt.form == nil {
				r = h.get(h.main, tt.path, nil)
			} else {
				r = h.post(h.main, tt.path, tt.form)
			}
			if tt.code == 0 {
				h.must(r, tt.status)
				return
			}
			wantError(t, r, tt.status, tt.code, "")
		})
	}
}

func TestCloseSubaccount(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	s := h.subaccount("doomed")
	k := h.key(s, s.user)
	h.must(h.post(s, accountPath(s.user, "/Applications.json"), url.Values{"FriendlyName": {"app"}}), 201)
	n := h.must(h.post(s, accountPath(s.user, "/IncomingPhoneNumbers.json"), url.Values{"PhoneNumber": {"+14155550142"}}), 201)
	h.must(h.post(s, "/v2/Flows", flowForm("f", "draft")), 201)

	r := h.must(h.post(h.main, accountPath(s.user, ".json"), url.Values{"Status": {"closed"}}), 200)
	if r.str("status") != "closed" {
		t.Fatalf("status = %q", r.str("status"))
	}
	// Twilio keeps a closed account readable by its parent for 30 days.
	if got := h.must(h.get(h.main, accountPath(s.user, ".json"), nil), 200).str("status"); got != "closed" {
		t.Errorf("fetched status = %q", got)
	}
	// Closing again is a no-op (an ambiguous close can be retried); reopening is refused.
	h.must(h.post(h.main, accountPath(s.user, ".json"), url.Values{"Status": {"closed"}}), 200)
	for _, st := range []string{"active", "suspended"} {
		wantError(t, h.post(h.main, accountPath(s.user, ".json"), url.Values{"Status": {st}}), 400, 21479, "re-opened")
	}
	wantError(t, h.post(h.main, accountPath(s.user, ".json"), url.Values{"FriendlyName": {"x"}}), 400, 21479, "closed")

	wantError(t, h.get(s, accountPath(s.user, ".json"), nil), 401, 20005, "")
	wantError(t, h.get(k, accountPath(s.user, "/Applications.json"), nil), 401, 20003, "")
	wantError(t, h.get(h.main, accountPath(s.user, "/Applications.json"), nil), 404, 20404, "")

	snap := h.e.Snapshot()
	if len(snap.Keys) != 0 || len(snap.Applications) != 0 || len(snap.IncomingNumbers) != 0 || len(snap.Flows) != 0 {
		t.Errorf("closed account left resources: %+v", snap)
	}
	// Its number went back to the inventory.
	h.must(h.post(h.main, accountPath(h.main.user, "/IncomingPhoneNumbers.json"),
		url.Values{"PhoneNumber": {n.str("phone_number")}}), 201)
}
