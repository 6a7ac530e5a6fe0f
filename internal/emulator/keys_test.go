package emulator

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

func TestKeys2010CRUD(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	base := accountPath(m.user, "/Keys")
	r := h.must(h.post(m, base+".json", url.Values{"FriendlyName": {"ci"}}), 201)
	sid, secret := r.str("sid"), r.str("secret")
	if !sids.Valid("SK", sid) || len(secret) != 32 || r.str("friendly_name") != "ci" {
		t.Fatalf("created key = %v", r.body)
	}
	got := h.must(h.get(m, base+"/"+sid+".json", nil), 200)
	if _, ok := got.body["secret"]; ok {
		t.Errorf("fetch shows the secret: %v", got.body)
	}
	r = h.must(h.post(m, base+"/"+sid+".json", url.Values{"FriendlyName": {"renamed"}}), 200)
	if r.str("friendly_name") != "renamed" {
		t.Errorf("updated key = %v", r.body)
	}
	// The new key authenticates as its account.
	h.must(h.get(creds{sid, secret}, accountPath(m.user, "/Applications.json"), nil), 200)
	if keys := h.must(h.get(m, base+".json", nil), 200).list("keys"); len(keys) != 1 {
		t.Errorf("list = %v", keys)
	}
	h.must(h.del(m, base+"/"+sid+".json"), 204)
	wantError(t, h.get(m, base+"/"+sid+".json", nil), 404, 20404, "was not found")
	wantError(t, h.get(creds{sid, secret}, accountPath(m.user, "/Applications.json"), nil), 401, 20003, "")
}

func TestKeysIAM(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	const iam = "iam.twilio.com"
	policy := `{"allow": ["/twilio/messaging/messages/read"]}`

	tests := []struct {
		name string
		form url.Values
		code int
	}{
		{"missing AccountSid", url.Values{}, 20001},
		{"restricted without policy", url.Values{"AccountSid": {m.user}, "KeyType": {"restricted"}}, 20001},
		{"policy on a standard key", url.Values{"AccountSid": {m.user}, "Policy": {policy}}, 20001},
		{"unknown key type", url.Values{"AccountSid": {m.user}, "KeyType": {"main"}}, 20001},
		{"policy encoded twice", url.Values{"AccountSid": {m.user}, "KeyType": {"restricted"}, "Policy": {`"{\"allow\":[]}"`}}, 20001},
		{"policy without permissions", url.Values{"AccountSid": {m.user}, "KeyType": {"restricted"}, "Policy": {`{"allow":[]}`}}, 20001},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, h.do(m, http.MethodPost, iam, "/v1/Keys", tt.form), 400, tt.code, "")
		})
	}

	r := h.must(h.do(m, http.MethodPost, iam, "/v1/Keys", url.Values{
		"AccountSid": {m.user}, "FriendlyName": {"reader"}, "KeyType": {"restricted"}, "Policy": {policy},
	}), 201)
	sid := r.str("sid")
	if len(r.str("secret")) != 32 || r.body["policy"].(map[string]any)["allow"] == nil {
		t.Fatalf("created restricted key = %v", r.body)
	}
	// IAM and 2010 keys are the same keys.
	h.must(h.get(m, accountPath(m.user, "/Keys/"+sid+".json"), nil), 200)
	k2010 := h.key(m, m.user)
	std := h.must(h.do(m, http.MethodGet, iam, "/v1/Keys/"+k2010.user, nil), 200)
	if std.body["policy"] != nil {
		t.Errorf("standard key has a policy: %v", std.body)
	}

	r = h.must(h.do(m, http.MethodPost, iam, "/v1/Keys/"+sid, url.Values{
		"FriendlyName": {"writer"}, "Policy": {`{"allow":["/twilio/messaging/messages/create"]}`},
	}), 200)
	if r.str("friendly_name") != "writer" || r.body["policy"].(map[string]any)["allow"].([]any)[0] != "/twilio/messaging/messages/create" {
		t.Errorf("updated key = %v", r.body)
	}
	wantError(t, h.do(m, http.MethodPost, iam, "/v1/Keys/"+k2010.user, url.Values{"Policy": {policy}}), 400, 20001, "restricted")

	list := h.must(h.do(m, http.MethodGet, iam, "/v1/Keys", url.Values{"AccountSid": {m.user}}), 200)
	meta := list.body["meta"].(map[string]any)
	if len(list.list("keys")) != 2 || meta["key"] != "keys" || meta["url"] == nil {
		t.Errorf("list = %v", list.body)
	}
	if _, ok := list.list("keys")[0].(map[string]any)["policy"]; ok {
		t.Errorf("list items carry a policy, unlike iam.v1.get_keys")
	}
	h.must(h.do(m, http.MethodDelete, iam, "/v1/Keys/"+sid, nil), 204)
	wantError(t, h.do(m, http.MethodGet, iam, "/v1/Keys/"+sid, nil), 404, 20404, "")

	// A subaccount's key is not reachable from the parent on IAM.
	s := h.subaccount("s")
	ks := h.key(s, s.user)
	wantError(t, h.do(m, http.MethodGet, iam, "/v1/Keys/"+ks.user, nil), 404, 20404, "")
	h.must(h.do(s, http.MethodGet, iam, "/v1/Keys/"+ks.user, nil), 200)
}
