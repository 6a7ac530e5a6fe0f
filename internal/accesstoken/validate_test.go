package accesstoken_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/accesstoken"
)

// fieldErrors unpacks the errors.Join result of Validate.
func fieldErrors(t *testing.T, err error) []*accesstoken.FieldError {
	t.Helper()
	if err == nil {
		return nil
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error %q does not come from errors.Join", err)
	}
	var out []*accesstoken.FieldError
	for _, e := range joined.Unwrap() {
		var fe *accesstoken.FieldError
		if !errors.As(e, &fe) {
			t.Fatalf("error %q is not a *FieldError", e)
		}
		out = append(out, fe)
	}
	return out
}

func assertOneFieldError(t *testing.T, err error, field string) {
	t.Helper()
	fes := fieldErrors(t, err)
	if len(fes) != 1 || fes[0].Field != field {
		t.Fatalf("got %v, want exactly one error for %q", err, field)
	}
	if !strings.HasPrefix(err.Error(), field+": ") {
		t.Errorf("error %q does not start with the field name", err)
	}
	if strings.Contains(err.Error(), testSecret) {
		t.Errorf("error %q contains the secret", err)
	}
}

func TestValidate_rejects(t *testing.T) {
	t.Parallel()
	voice := func(p *accesstoken.Params) { p.Voice = &accesstoken.VoiceGrant{IncomingAllow: true} }
	cases := []struct {
		name    string
		modify  func(*accesstoken.Params)
		field   string
		wantMsg string
	}{
		{"missing account", func(p *accesstoken.Params) { p.AccountSID = "" }, "account_sid", "is required"},
		{"account with key prefix", func(p *accesstoken.Params) { p.AccountSID = testKeySID }, "account_sid", "valid SK... SID (API key): were two settings swapped?"},
		{"account too short", func(p *accesstoken.Params) { p.AccountSID = testAccountSID[:33] }, "account_sid", `AC followed by 32 hexadecimal digits`},
		{"account not hex", func(p *accesstoken.Params) { p.AccountSID = "AC" + strings.Repeat("g", 32) }, "account_sid", "hexadecimal"},
		{"account lowercase prefix", func(p *accesstoken.Params) { p.AccountSID = "ac" + testAccountSID[2:] }, "account_sid", "hexadecimal"},
		{"missing key", func(p *accesstoken.Params) { p.APIKeySID = "" }, "api_key_sid", "is required"},
		{"key with account prefix", func(p *accesstoken.Params) { p.APIKeySID = testAccountSID }, "api_key_sid", "AC... SID (account)"},
		{"missing secret", func(p *accesstoken.Params) { p.APIKeySecret = "" }, "api_key_secret", "is required"},
		{"secret with newline", func(p *accesstoken.Params) { p.APIKeySecret = testSecret + "\n" }, "api_key_secret", "whitespace"},
		{"voice without identity", func(p *accesstoken.Params) { voice(p); p.Identity = "" }, "identity", "is required"},
		{"video without identity", func(p *accesstoken.Params) { p.Identity = ""; p.Video = &accesstoken.VideoGrant{} }, "identity", "is required"},
		{"chat without identity", func(p *accesstoken.Params) { p.Identity = ""; p.Chat = &accesstoken.ChatGrant{} }, "identity", "is required"},
		{"sync without identity", func(p *accesstoken.Params) { p.Identity = ""; p.Sync = &accesstoken.SyncGrant{} }, "identity", "is required"},
		{"identity too long", func(p *accesstoken.Params) { p.Identity = strings.Repeat("é", 257) }, "identity", "at most 256 characters (got 257)"},
		{"identity with control character", func(p *accesstoken.Params) { p.Identity = "al\x00ice" }, "identity", "control characters (found one at byte 2)"},
		{"identity with DEL", func(p *accesstoken.Params) { p.Identity = "alice\x7f" }, "identity", "control"},
		{"identity not UTF-8", func(p *accesstoken.Params) { p.Identity = "al\xffice" }, "identity", "UTF-8"},
		{"voice identity with space", func(p *accesstoken.Params) { voice(p); p.Identity = "alice smith" }, "identity", `found ' ' at byte 5`},
		{"voice identity with unwise character", func(p *accesstoken.Params) { voice(p); p.Identity = "a|b" }, "identity", "voice grant"},
		{"region uppercase", func(p *accesstoken.Params) { p.Region = "IE1" }, "region", "one of au1, ie1, us1"},
		{"retired region-style edge ID", func(p *accesstoken.Params) { p.Region = "jp1" }, "region", "region code"},
		{"region without digits", func(p *accesstoken.Params) { p.Region = "ireland" }, "region", "region code"},
		{"region without letters", func(p *accesstoken.Params) { p.Region = "1" }, "region", "region code"},
		{"region too long", func(p *accesstoken.Params) { p.Region = strings.Repeat("a", 16) + "1" }, "region", "region code"},
		{"ttl zero", func(p *accesstoken.Params) { p.TTL = 0 }, "ttl", "between 1 and 86400 seconds (got 0s)"},
		{"ttl too long", func(p *accesstoken.Params) { p.TTL = 86401 * time.Second }, "ttl", "between 1 and 86400 seconds"},
		{"ttl fractional", func(p *accesstoken.Params) { p.TTL = 2500 * time.Millisecond }, "ttl", "whole number of seconds"},
		{"now before 1970", func(p *accesstoken.Params) { p.Now = time.Unix(-1, 0) }, "now", "1970"},
		{"now after 9999", func(p *accesstoken.Params) { p.Now = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, "now", "9999"},
		{"voice application wrong prefix", func(p *accesstoken.Params) {
			p.Voice = &accesstoken.VoiceGrant{OutgoingApplicationSID: "PN" + testAppSID[2:]}
		}, "voice.outgoing_application_sid", "PN... SID (incoming phone number)"},
		{"voice params without application", func(p *accesstoken.Params) {
			p.Voice = &accesstoken.VoiceGrant{OutgoingApplicationParams: map[string]string{"a": "b"}}
		}, "voice.outgoing_application_params", "require voice.outgoing_application_sid"},
		{"voice params empty name", func(p *accesstoken.Params) {
			p.Voice = &accesstoken.VoiceGrant{OutgoingApplicationSID: testAppSID, OutgoingApplicationParams: map[string]string{"": "b"}}
		}, "voice.outgoing_application_params", "names must not be empty"},
		{"voice params bad value", func(p *accesstoken.Params) {
			p.Voice = &accesstoken.VoiceGrant{OutgoingApplicationSID: testAppSID, OutgoingApplicationParams: map[string]string{"k": "\xc3"}}
		}, "voice.outgoing_application_params[k]", "UTF-8"},
		{"voice push credential wrong prefix", func(p *accesstoken.Params) {
			p.Voice = &accesstoken.VoiceGrant{PushCredentialSID: testAppSID}
		}, "voice.push_credential_sid", `CR followed by`},
		{"video room control character", func(p *accesstoken.Params) { p.Video = &accesstoken.VideoGrant{Room: "a\nb"} }, "video.room", "control"},
		{"chat service wrong prefix", func(p *accesstoken.Params) { p.Chat = &accesstoken.ChatGrant{ServiceSID: testAppSID} }, "chat.service_sid", `IS followed by`},
		{"chat push credential wrong prefix", func(p *accesstoken.Params) {
			p.Chat = &accesstoken.ChatGrant{PushCredentialSID: testChatSID}
		}, "chat.push_credential_sid", "IS... SID (Chat, Conversations or Sync service)"},
		{"chat endpoint not UTF-8", func(p *accesstoken.Params) { p.Chat = &accesstoken.ChatGrant{EndpointID: "\xff"} }, "chat.endpoint_id", "UTF-8"},
		{"sync service wrong prefix", func(p *accesstoken.Params) { p.Sync = &accesstoken.SyncGrant{ServiceSID: testAccountSID} }, "sync.service_sid", "AC... SID (account)"},
		{"sync endpoint control character", func(p *accesstoken.Params) { p.Sync = &accesstoken.SyncGrant{EndpointID: "\t"} }, "sync.endpoint_id", "control"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := baseParams()
			tc.modify(&p)
			err := p.Validate()
			assertOneFieldError(t, err, tc.field)
			if !strings.Contains(err.Error(), tc.wantMsg) {
				t.Errorf("error %q does not mention %q", err, tc.wantMsg)
			}
			if _, mintErr := accesstoken.Mint(p); mintErr == nil || mintErr.Error() != err.Error() {
				t.Errorf("Mint error %v, want the Validate error", mintErr)
			}
		})
	}
}

func TestValidate_accepts(t *testing.T) {
	t.Parallel()
	cases := map[string]func(*accesstoken.Params){
		"minimal":                      func(*accesstoken.Params) {},
		"no identity without grants":   func(p *accesstoken.Params) { p.Identity = "" },
		"identity of 256 characters":   func(p *accesstoken.Params) { p.Identity = strings.Repeat("界", 256) },
		"email identity outside voice": func(p *accesstoken.Params) { p.Identity = "Alice Smith <alice@example.com>" },
		"voice identity with @ and .": func(p *accesstoken.Params) {
			p.Identity = "alice.smith@example.com"
			p.Voice = &accesstoken.VoiceGrant{}
		},
		"uppercase hex SIDs": func(p *accesstoken.Params) {
			p.AccountSID = strings.ToUpper(testAccountSID)
			p.APIKeySID = strings.ToUpper(testKeySID)
		},
		"regions":          func(p *accesstoken.Params) { p.Region = "au1" },
		"ttl 1s":           func(p *accesstoken.Params) { p.TTL = accesstoken.MinTTL },
		"ttl 86400s":       func(p *accesstoken.Params) { p.TTL = accesstoken.MaxTTL },
		"now at the epoch": func(p *accesstoken.Params) { p.Now = time.Unix(0, 0) },
		"empty grants": func(p *accesstoken.Params) {
			p.Voice, p.Video, p.Chat, p.Sync = &accesstoken.VoiceGrant{}, &accesstoken.VideoGrant{}, &accesstoken.ChatGrant{}, &accesstoken.SyncGrant{}
		},
	}
	for name, modify := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := baseParams()
			modify(&p)
			if err := p.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}

func TestValidate_reportsEveryProblem(t *testing.T) {
	t.Parallel()
	p := accesstoken.Params{Voice: &accesstoken.VoiceGrant{OutgoingApplicationSID: "AP1"}}
	var fields []string
	for _, fe := range fieldErrors(t, p.Validate()) {
		fields = append(fields, fe.Field)
	}
	want := "account_sid api_key_sid api_key_secret identity ttl voice.outgoing_application_sid"
	if got := strings.Join(fields, " "); got != want {
		t.Errorf("fields = %q, want %q", got, want)
	}
}

// A secret pasted into the wrong setting must not be echoed back into plans or logs.
func TestValidate_neverEchoesTheSecret(t *testing.T) {
	t.Parallel()
	for name, modify := range map[string]func(*accesstoken.Params){
		"as account SID":      func(p *accesstoken.Params) { p.AccountSID = testSecret },
		"as key SID":          func(p *accesstoken.Params) { p.APIKeySID = testSecret },
		"as prefixed key SID": func(p *accesstoken.Params) { p.APIKeySID = "SK" + testSecret },
		"in voice identity":   func(p *accesstoken.Params) { p.Identity = testSecret + " "; p.Voice = &accesstoken.VoiceGrant{} },
		"in region":           func(p *accesstoken.Params) { p.Region = testSecret },
		"with whitespace":     func(p *accesstoken.Params) { p.APIKeySecret = " " + testSecret },
		"as application SID":  func(p *accesstoken.Params) { p.Voice = &accesstoken.VoiceGrant{OutgoingApplicationSID: testSecret} },
		"as application params": func(p *accesstoken.Params) {
			p.Voice = &accesstoken.VoiceGrant{OutgoingApplicationParams: map[string]string{"k": testSecret}}
		},
		"as chat service SID":     func(p *accesstoken.Params) { p.Chat = &accesstoken.ChatGrant{ServiceSID: testSecret} },
		"as chat push credential": func(p *accesstoken.Params) { p.Chat = &accesstoken.ChatGrant{PushCredentialSID: testSecret} },
	} {
		p := baseParams()
		modify(&p)
		err := p.Validate()
		if err == nil {
			t.Errorf("%s: Validate accepted it", name)
			continue
		}
		if strings.Contains(err.Error(), strings.TrimSpace(testSecret)) {
			t.Errorf("%s: error %q contains the secret", name, err)
		}
	}
}
