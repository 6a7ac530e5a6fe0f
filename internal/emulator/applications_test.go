package emulator

import (
	"net/url"
	"strings"
	"testing"
)

func TestApplicationsCRUD(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	s := h.subaccount("s")
	base := accountPath(s.user, "/Applications")
	full := url.Values{
		"FriendlyName": {"ivr"}, "VoiceUrl": {"https://example.com/voice"}, "VoiceMethod": {"GET"},
		"VoiceFallbackUrl": {"https://example.com/fallback"}, "VoiceFallbackMethod": {"GET"},
		"StatusCallback": {"https://example.com/status"}, "StatusCallbackMethod": {"GET"},
		"VoiceCallerIdLookup": {"true"}, "SmsUrl": {"http://example.com/sms"}, "SmsMethod": {"GET"},
		"SmsFallbackUrl": {"https://example.com/smsfb"}, "SmsFallbackMethod": {"GET"},
		"SmsStatusCallback": {"https://example.com/smsst"}, "MessageStatusCallback": {"https://example.com/msgst"},
		"PublicApplicationConnectEnabled": {"true"},
	}
	// The parent's auth token manages the subaccount's applications.
	r := h.must(h.post(h.main, base+".json", full), 201)
	sid := r.str("sid")
	want := map[string]any{
		"account_sid": s.user, "friendly_name": "ivr", "voice_url": "https://example.com/voice", "voice_method": "GET",
		"voice_fallback_url": "https://example.com/fallback", "voice_fallback_method": "GET",
		"status_callback": "https://example.com/status", "status_callback_method": "GET", "voice_caller_id_lookup": true,
		"sms_url": "http://example.com/sms", "sms_method": "GET", "sms_fallback_url": "https://example.com/smsfb",
		"sms_fallback_method": "GET", "sms_status_callback": "https://example.com/smsst",
		"message_status_callback": "https://example.com/msgst", "public_application_connect_enabled": true,
		"api_version": "2010-04-01", "uri": base + "/" + sid + ".json",
	}
	for k, v := range want {
		if r.body[k] != v {
			t.Errorf("%s = %v, want %v", k, r.body[k], v)
		}
	}

	// Empty strings clear; methods fall back to POST.
	clearing := url.Values{"VoiceUrl": {""}, "VoiceMethod": {""}, "SmsUrl": {""}, "VoiceCallerIdLookup": {""}, "FriendlyName": {""}}
	r = h.must(h.post(s, base+"/"+sid+".json", clearing), 200)
	if r.body["voice_url"] != nil || r.body["voice_method"] != "POST" || r.body["sms_url"] != nil ||
		r.body["voice_caller_id_lookup"] != false || r.body["friendly_name"] != nil {
		t.Errorf("after clearing = %v", r.body)
	}
	if r.body["voice_fallback_url"] != "https://example.com/fallback" {
		t.Errorf("an absent parameter changed: %v", r.body["voice_fallback_url"])
	}

	// Defaults of a bare application.
	bare := h.must(h.post(s, base+".json", nil), 201)
	for _, k := range []string{"voice_method", "voice_fallback_method", "status_callback_method", "sms_method", "sms_fallback_method"} {
		if bare.body[k] != "POST" {
			t.Errorf("default %s = %v", k, bare.body[k])
		}
	}
	for _, k := range []string{"voice_url", "sms_url", "friendly_name", "status_callback"} {
		if v, ok := bare.body[k]; !ok || v != nil {
			t.Errorf("unset %s = %v (present %v), want null", k, v, ok)
		}
	}

	list := h.must(h.get(s, base+".json", url.Values{"FriendlyName": {""}}), 200)
	if len(list.list("applications")) != 2 {
		t.Errorf("list = %v", list.body)
	}
	h.must(h.del(s, base+"/"+sid+".json"), 204)
	wantError(t, h.get(s, base+"/"+sid+".json", nil), 404, 20404, "/2010-04-01/Accounts/"+s.user+"/Applications/"+sid+".json")
	wantError(t, h.get(h.main, accountPath(h.main.user, "/Applications/"+bare.str("sid")+".json"), nil), 404, 20404, "")
}

func TestApplicationValidation(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	path := accountPath(h.main.user, "/Applications.json")
	tests := []struct {
		name string
		form url.Values
		code int
	}{
		{"relative URL", url.Values{"VoiceUrl": {"/voice"}}, 21402},
		{"ftp URL", url.Values{"SmsUrl": {"ftp://example.com/x"}}, 21402},
		{"not a URL", url.Values{"StatusCallback": {"not a url"}}, 21402},
		{"PUT method", url.Values{"VoiceMethod": {"PUT"}}, 21403},
		{"bad boolean", url.Values{"VoiceCallerIdLookup": {"yes"}}, 20001},
		{"long friendly name", url.Values{"FriendlyName": {strings.Repeat("a", 65)}}, 20002},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, h.post(h.main, path, tt.form), 400, tt.code, "")
		})
	}
	if n := len(h.e.Snapshot().Applications); n != 0 {
		t.Errorf("rejected requests created %d applications", n)
	}
}
