package emulator

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// A restricted key reaches only what its policy allows; everything else is
// refused as unauthorized (https://www.twilio.com/docs/iam/api-keys/restricted-api-keys).
func TestRestrictedKeyPolicy(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	const iam, studio = "iam.twilio.com", "studio.twilio.com"
	restricted := func(policy string) creds {
		r := h.must(h.do(m, http.MethodPost, iam, "/v1/Keys", url.Values{
			"AccountSid": {m.user}, "KeyType": {"restricted"}, "Policy": {policy}}), 201)
		return creds{r.str("sid"), r.str("secret")}
	}
	reader := restricted(`{"allow":["/twilio/studio/flows/list","/twilio/studio/flows/read"]}`)
	all := restricted(`{"allow":["/twilio/studio/flows/*"]}`)
	flow := h.must(h.do(m, http.MethodPost, studio, "/v2/Flows", flowForm("f", "draft")), 201).str("sid")

	h.must(h.do(reader, http.MethodGet, studio, "/v2/Flows", nil), 200)
	h.must(h.do(reader, http.MethodGet, studio, "/v2/Flows/"+flow, nil), 200)
	wantError(t, h.do(reader, http.MethodPost, studio, "/v2/Flows", flowForm("g", "draft")), 401, 20003, "/twilio/studio/flows/create")
	wantError(t, h.do(reader, http.MethodPost, studio, "/v2/Flows/"+flow, url.Values{"Status": {"draft"}}), 401, 20003, "/twilio/studio/flows/update")
	wantError(t, h.do(reader, http.MethodDelete, studio, "/v2/Flows/"+flow, nil), 401, 20003, "/twilio/studio/flows/delete")
	wantError(t, h.get(reader, accountPath(m.user, "/Applications.json"), nil), 401, 20003, "")
	wantError(t, h.get(reader, accountPath(m.user, "/IncomingPhoneNumbers.json"), nil), 401, 20003, "")

	// A wildcard allows every action on its resource, and nothing else.
	h.must(h.do(all, http.MethodPost, studio, "/v2/Flows/"+flow, url.Values{"Status": {"draft"}}), 200)
	h.must(h.do(all, http.MethodDelete, studio, "/v2/Flows/"+flow, nil), 204)
	wantError(t, h.get(all, accountPath(m.user, "/Applications.json"), nil), 401, 20003, "")

	// Standard keys are not restricted by a policy.
	std := h.key(m, m.user)
	h.must(h.get(std, accountPath(m.user, "/Applications.json"), nil), 200)
}

func TestPermissionNames(t *testing.T) {
	t.Parallel()
	want := map[string]string{
		"GET Accounts/{AccountSid}/Applications":                               "/twilio/voice/applications/list",
		"POST Accounts/{AccountSid}/Applications":                              "/twilio/voice/applications/create",
		"GET Accounts/{AccountSid}/Applications/{Sid}":                         "/twilio/voice/applications/read",
		"POST Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}":                "/twilio/phone-numbers/incoming-phone-numbers/update",
		"DELETE Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}":              "/twilio/phone-numbers/incoming-phone-numbers/delete",
		"GET Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/{Type}": "/twilio/phone-numbers/available-phone-numbers/list",
		"GET v2/Flows/{Sid}": "/twilio/studio/flows/read",
		"GET Accounts":       "",
		"POST v1/Keys":       "",
	}
	for _, rt := range routes {
		for method := range rt.methods {
			key := method + " " + strings.Join(rt.segs, "/")
			if w, ok := want[key]; ok {
				if got := permission(rt, method); got != w {
					t.Errorf("%s: permission %q, want %q", key, got, w)
				}
				delete(want, key)
			}
		}
	}
	for key := range want {
		t.Errorf("no route %s", key)
	}
}
