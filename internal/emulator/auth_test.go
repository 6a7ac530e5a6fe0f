package emulator

import (
	"net/http"
	"net/url"
	"testing"
)

func TestAuthorization(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	s1, s2 := h.subaccount("s1"), h.subaccount("s2")
	keyM, keyS1 := h.key(m, m.user), h.key(s1, s1.user)
	mainKeySid, mainKeySecret, err := h.e.CreateMainKey(m.user, "main key")
	if err != nil {
		t.Fatal(err)
	}
	mainKey := creds{mainKeySid, mainKeySecret}
	otherSid, otherToken := h.e.NewMainAccount("", "", "other customer")
	other := creds{otherSid, otherToken}
	apps := func(acct string) string { return accountPath(acct, "/Applications.json") }

	tests := []struct {
		name   string
		c      creds
		method string
		host   string
		path   string
		form   url.Values
		status int
		code   int
		msg    string
	}{
		{name: "no credentials", path: apps(m.user), status: 401, code: 20003, msg: "Authenticate"},
		{name: "wrong token", c: creds{m.user, "x"}, path: apps(m.user), status: 401, code: 20003},
		{name: "unknown key", c: creds{newSID("SK"), "x"}, path: apps(m.user), status: 401, code: 20003},
		{name: "main token on itself", c: m, path: apps(m.user), status: 200},
		{name: "main token on subaccount", c: m, path: apps(s1.user), status: 200},
		{name: "subaccount token on itself", c: s1, path: apps(s1.user), status: 200},
		{name: "subaccount token on parent", c: s1, path: apps(m.user), status: 403, code: 20003, msg: msgSubaccountScope},
		{name: "subaccount token on sibling", c: s1, path: apps(s2.user), status: 403, code: 20003, msg: msgSubaccountScope},
		{name: "subaccount key on itself", c: keyS1, path: apps(s1.user), status: 200},
		{name: "subaccount key on parent", c: keyS1, path: apps(m.user), status: 403, code: 20003},
		{name: "main key on main account", c: keyM, path: apps(m.user), status: 200},
		{name: "main account key on subaccount", c: keyM, path: apps(s1.user), status: 403, code: 20003, msg: msgMainKeyOnSubaccount},
		{name: "Main-type key on subaccount", c: mainKey, path: apps(s1.user), status: 403, code: 20003, msg: msgMainKeyOnSubaccount},
		{name: "other family", c: other, path: apps(s1.user), status: 403, code: 20003},
		{name: "unknown account", c: m, path: apps(newSID("AC")), status: 404, code: 20404},
		{name: "standard key lists accounts", c: keyM, path: "/2010-04-01/Accounts.json", status: 403, code: 20003, msg: msgKeyNotAdmin},
		{name: "standard key lists keys", c: keyM, path: accountPath(m.user, "/Keys.json"), status: 403, code: 20003, msg: msgKeyNotAdmin},
		{name: "standard key on IAM keys", c: keyM, path: "/v1/Keys", form: url.Values{"AccountSid": {m.user}}, status: 403, code: 20003},
		{name: "Main-type key lists accounts", c: mainKey, path: "/2010-04-01/Accounts.json", status: 200},
		{name: "Main-type key fetches subaccount", c: mainKey, path: accountPath(s1.user, ".json"), status: 200},
		{name: "subaccount fetches parent", c: s1, path: accountPath(m.user, ".json"), status: 403, code: 20003},
		{name: "IAM acts on the authenticated account", c: m, path: "/v1/Keys", form: url.Values{"AccountSid": {s1.user}}, status: 403, code: 20003},
		{name: "IAM with subaccount's own token", c: s1, path: "/v1/Keys", form: url.Values{"AccountSid": {s1.user}}, status: 200},
		{name: "api host refuses studio path", c: m, host: "api.twilio.com", path: "/v2/Flows", status: 404, code: 20404},
		{name: "studio host refuses 2010 path", c: m, host: "studio.twilio.com", path: apps(m.user), status: 404, code: 20404},
		{name: "iam host serves keys", c: m, host: "iam.twilio.com", path: "/v1/Keys", form: url.Values{"AccountSid": {m.user}}, status: 200},
		{name: "unknown path", c: m, path: "/2010-04-01/Accounts/" + m.user + "/Calls.json", status: 404, code: 20404},
		{name: "method not allowed", c: m, method: http.MethodDelete, path: apps(m.user), status: 405, code: 20004},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = http.MethodGet
			}
			r := h.do(tt.c, method, tt.host, tt.path, tt.form)
			if tt.status != r.status {
				t.Fatalf("status %d, want %d: %v", r.status, tt.status, r.body)
			}
			if tt.code != 0 {
				wantError(t, r, tt.status, tt.code, tt.msg)
			}
		})
	}
}

func TestAuthTokenHiddenFromKeys(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	s1 := h.subaccount("s1")
	sid, secret, err := h.e.CreateMainKey(h.main.user, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := h.must(h.get(h.main, accountPath(s1.user, ".json"), nil), 200).str("auth_token"); got != s1.pass {
		t.Errorf("auth token for the parent's token = %q, want the subaccount's token", got)
	}
	// Twilio answers "" to API keys, even Main keys.
	if got := h.must(h.get(creds{sid, secret}, accountPath(s1.user, ".json"), nil), 200).str("auth_token"); got != "" {
		t.Errorf("auth token for a Main key = %q, want empty", got)
	}
}

func TestLenientKeys(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{LenientKeys: true})
	k := h.key(h.main, h.main.user)
	h.must(h.get(k, "/2010-04-01/Accounts.json", nil), 200)
	h.must(h.post(k, accountPath(h.main.user, "/Keys.json"), nil), 201)
}

func TestInactiveAccountCredentials(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	s1 := h.subaccount("s1")
	k := h.key(s1, s1.user)
	h.must(h.post(h.main, accountPath(s1.user, ".json"), url.Values{"Status": {"suspended"}}), 200)

	for _, c := range []creds{s1, k} {
		wantError(t, h.get(c, accountPath(s1.user, "/Applications.json"), nil), 401, 20005, "Account not active")
	}
	// The parent still manages a suspended subaccount and can reactivate it.
	h.must(h.get(h.main, accountPath(s1.user, "/Applications.json"), nil), 200)
	h.must(h.post(h.main, accountPath(s1.user, ".json"), url.Values{"Status": {"active"}}), 200)
	h.must(h.get(s1, accountPath(s1.user, "/Applications.json"), nil), 200)
}
