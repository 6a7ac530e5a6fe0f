package emulator

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestRegionalHosts: regional hosts route like the default ones, the retired api.{region}.twilio.com
// pattern is refused, and Studio is not served outside US1 (see internal/twilioregion and hostError for
// the sources).
func TestRegionalHosts(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	sid := h.main.user
	ie1, _ := h.e.AuthTokenIn(sid, "ie1")
	ieCreds := creds{sid, ie1}
	path := apiPrefix + "Accounts/" + sid + ".json"

	for _, host := range []string{"api.twilio.com", "api.us1.twilio.com", "api.ashburn.us1.twilio.com"} {
		if r := h.do(h.main, http.MethodGet, host, path, nil); r.status != http.StatusOK {
			t.Errorf("GET on %s = %d %v, want 200", host, r.status, r.body)
		}
	}
	if r := h.do(ieCreds, http.MethodGet, "api.dublin.ie1.twilio.com", path, nil); r.status != http.StatusOK {
		t.Errorf("GET on api.dublin.ie1.twilio.com with ie1 credentials = %d %v, want 200", r.status, r.body)
	}
	for _, host := range []string{"api.ie1.twilio.com", "api.jp1.twilio.com", "api.au1.twilio.com"} {
		r := h.do(h.main, http.MethodGet, host, path, nil)
		if r.status != http.StatusNotFound || !strings.Contains(r.str("message"), "retired") {
			t.Errorf("GET on retired host %s = %d %v, want 404 naming the retirement", host, r.status, r.body)
		}
	}
	// Studio is a public beta in ie1 and Functions and Assets are offered there; neither is offered in au1.
	au1, _ := h.e.AuthTokenIn(sid, "au1")
	auCreds := creds{sid, au1}
	for _, tc := range []struct {
		c          creds
		host, path string
		want       int
	}{
		{ieCreds, "studio.dublin.ie1.twilio.com", "/v2/Flows", http.StatusOK},
		{ieCreds, "serverless.dublin.ie1.twilio.com", "/v1/Services", http.StatusOK},
		{auCreds, "studio.sydney.au1.twilio.com", "/v2/Flows", http.StatusNotFound},
		{auCreds, "serverless.sydney.au1.twilio.com", "/v1/Services", http.StatusNotFound},
		{auCreds, "serverless-upload.sydney.au1.twilio.com", "/v1/Services/ZS00000000000000000000000000000000/Functions/ZH00000000000000000000000000000000/Versions", http.StatusNotFound},
		{auCreds, "api.sydney.au1.twilio.com", path, http.StatusOK},
	} {
		method := http.MethodGet
		if strings.HasPrefix(tc.host, "serverless-upload") {
			method = http.MethodPost
		}
		r := h.do(tc.c, method, tc.host, tc.path, nil)
		if r.status != tc.want {
			t.Errorf("%s %s%s = %d %v, want %d", method, tc.host, tc.path, r.status, r.body, tc.want)
		}
		if tc.want == http.StatusNotFound && !strings.Contains(r.str("message"), "not offered in the au1 region") {
			t.Errorf("%s%s = %v, want a message naming the product and the region", tc.host, tc.path, r.body)
		}
	}
}

// TestRegionalCredentials: "any given Auth token or API key is only valid for the Twilio Region in which it
// was created" (https://www.twilio.com/docs/global-infrastructure/manage-regional-api-credentials).
func TestRegionalCredentials(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	sid := h.main.user
	ie1, _ := h.e.AuthTokenIn(sid, "ie1")
	au1, _ := h.e.AuthTokenIn(sid, "au1")
	if ie1 == h.main.pass || au1 == h.main.pass || ie1 == au1 {
		t.Fatal("regions must have distinct auth tokens")
	}
	path := apiPrefix + "Accounts/" + sid + ".json"
	if r := h.do(h.main, http.MethodGet, "api.dublin.ie1.twilio.com", path, nil); r.status != http.StatusUnauthorized {
		t.Errorf("US1 token in ie1 = %d, want 401", r.status)
	}
	if r := h.do(creds{sid, ie1}, http.MethodGet, "api.twilio.com", path, nil); r.status != http.StatusUnauthorized {
		t.Errorf("ie1 token in us1 = %d, want 401", r.status)
	}
	// The account answers with the auth token of the region asked.
	if r := h.do(creds{sid, ie1}, http.MethodGet, "api.dublin.ie1.twilio.com", path, nil); r.str("auth_token") != ie1 {
		t.Errorf("account fetched in ie1 shows auth_token %q, want the ie1 token", r.str("auth_token"))
	}

	// A key made in ie1 authenticates in ie1 only.
	r := h.do(creds{sid, ie1}, http.MethodPost, "api.dublin.ie1.twilio.com", apiPrefix+"Accounts/"+sid+"/Keys.json",
		url.Values{"FriendlyName": {"ie1-key"}})
	if r.status != http.StatusCreated {
		t.Fatalf("creating a key in ie1 = %d %v", r.status, r.body)
	}
	key := creds{r.str("sid"), r.str("secret")}
	apps := apiPrefix + "Accounts/" + sid + "/Applications.json"
	if r := h.do(key, http.MethodGet, "api.sydney.au1.twilio.com", apps, nil); r.status != http.StatusUnauthorized {
		t.Errorf("ie1 key in au1 = %d, want 401", r.status)
	}
	if r := h.do(key, http.MethodGet, "api.twilio.com", apps, nil); r.status != http.StatusUnauthorized {
		t.Errorf("ie1 key in us1 = %d, want 401", r.status)
	}
	if r := h.do(key, http.MethodGet, "api.frankfurt.ie1.twilio.com", apps, nil); r.status != http.StatusOK {
		t.Errorf("ie1 key in ie1 through another edge = %d %v, want 200", r.status, r.body)
	}
}
