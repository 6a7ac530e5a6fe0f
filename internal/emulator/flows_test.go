package emulator

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

const validDefinition = `{"description":"demo","initial_state":"Trigger","states":[` +
	`{"name":"Trigger","type":"trigger","transitions":[],"properties":{}}],"flags":{"allow_concurrent_calls":true}}`

func flowForm(name, status string) url.Values {
	return url.Values{"FriendlyName": {name}, "Status": {status}, "Definition": {validDefinition}}
}

func TestFlowsCRUD(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	const studio = "studio.twilio.com"
	m := h.main
	r := h.must(h.do(m, http.MethodPost, studio, "/v2/Flows", flowForm("ivr", "published")), 201)
	sid := r.str("sid")
	if !sids.Valid("FW", sid) || r.body["revision"] != float64(1) || r.body["valid"] != true ||
		r.str("account_sid") != m.user || r.body["date_updated"] != nil || r.body["commit_message"] != nil {
		t.Fatalf("created flow = %v", r.body)
	}
	if r.str("webhook_url") != "https://webhooks.twilio.com/v1/Accounts/"+m.user+"/Flows/"+sid ||
		r.str("url") != "https://studio.twilio.com/v2/Flows/"+sid {
		t.Errorf("webhook_url %q, url %q", r.str("webhook_url"), r.str("url"))
	}
	if !strings.HasSuffix(r.str("date_created"), "Z") || len(r.str("date_created")) != len("2006-01-02T15:04:05Z") {
		t.Errorf("date_created %q is not ISO 8601", r.str("date_created"))
	}
	if def := r.body["definition"].(map[string]any); def["initial_state"] != "Trigger" {
		t.Errorf("definition = %v", def)
	}

	r = h.must(h.do(m, http.MethodPost, studio, "/v2/Flows/"+sid, url.Values{
		"Status": {"draft"}, "FriendlyName": {"ivr2"}, "CommitMessage": {"rename"},
	}), 200)
	if r.body["revision"] != float64(2) || r.str("friendly_name") != "ivr2" || r.str("status") != "draft" ||
		r.str("commit_message") != "rename" || r.body["date_updated"] == nil {
		t.Errorf("updated flow = %v", r.body)
	}
	r = h.must(h.do(m, http.MethodPost, studio, "/v2/Flows/"+sid, url.Values{"Status": {"published"}}), 200)
	if r.body["revision"] != float64(3) || r.body["commit_message"] != nil {
		t.Errorf("second update = %v", r.body)
	}
	wantError(t, h.do(m, http.MethodPost, studio, "/v2/Flows/"+sid, url.Values{"FriendlyName": {"x"}}), 400, 20001, "Status")

	// Flows belong to the authenticated account: a subaccount sees none of
	// the parent's, and the parent's token does not reach the subaccount's.
	s := h.subaccount("s")
	wantError(t, h.do(s, http.MethodGet, studio, "/v2/Flows/"+sid, nil), 404, 20404, "")
	if n := len(h.must(h.do(s, http.MethodGet, studio, "/v2/Flows", nil), 200).list("flows")); n != 0 {
		t.Errorf("subaccount lists %d flows", n)
	}
	h.must(h.do(m, http.MethodDelete, studio, "/v2/Flows/"+sid, nil), 204)
	wantError(t, h.do(m, http.MethodGet, studio, "/v2/Flows/"+sid, nil), 404, 20404, "/v2/Flows/"+sid)
}

func TestFlowValidation(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	// The failures Twilio documents (https://www.twilio.com/docs/errors/81022): widget names that are
	// not unique, and a transition to a widget that does not exist. A flow without a trigger is not one
	// of them, so the emulator accepts it.
	dangling := `{"initial_state":"A","states":[{"name":"A","type":"trigger","transitions":[{"event":"incomingCall","next":"B"}]}]}`
	duplicate := `{"initial_state":"A","states":[{"name":"A","type":"trigger"},{"name":"A","type":"say-play"}]}`
	noTrigger := `{"initial_state":"A","states":[{"name":"A","type":"say-play"}]}`
	tests := []struct {
		name   string
		form   url.Values
		status int
		valid  bool
	}{
		{"missing friendly name", url.Values{"Status": {"draft"}, "Definition": {validDefinition}}, 400, false},
		{"missing status", url.Values{"FriendlyName": {"f"}, "Definition": {validDefinition}}, 400, false},
		{"missing definition", url.Values{"FriendlyName": {"f"}, "Status": {"draft"}}, 400, false},
		{"unknown status", url.Values{"FriendlyName": {"f"}, "Status": {"live"}, "Definition": {validDefinition}}, 400, false},
		{"malformed JSON", url.Values{"FriendlyName": {"f"}, "Status": {"draft"}, "Definition": {"{"}}, 400, false},
		{"invalid draft is kept", url.Values{"FriendlyName": {"f"}, "Status": {"draft"}, "Definition": {dangling}}, 201, false},
		{"dangling transition cannot be published", url.Values{"FriendlyName": {"f"}, "Status": {"published"}, "Definition": {dangling}}, 400, false},
		{"duplicate names cannot be published", url.Values{"FriendlyName": {"f"}, "Status": {"published"}, "Definition": {duplicate}}, 400, false},
		{"no trigger is no documented failure", url.Values{"FriendlyName": {"f"}, "Status": {"published"}, "Definition": {noTrigger}}, 201, true},
		{"valid draft", flowForm("f", "draft"), 201, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.post(h.main, "/v2/Flows", tt.form)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d: %v", r.status, tt.status, r.body)
			}
			if r.status == 201 {
				if r.body["valid"] != tt.valid || (len(r.list("errors")) == 0) != tt.valid {
					t.Errorf("valid %v errors %v, want valid %v", r.body["valid"], r.body["errors"], tt.valid)
				}
				return
			}
			code := 20001
			if tt.form.Get("Definition") != "" && tt.form.Get("FriendlyName") != "" && (tt.form.Get("Status") == "draft" || tt.form.Get("Status") == "published") {
				code = 81022
			}
			wantError(t, r, 400, code, "")
		})
	}
}
