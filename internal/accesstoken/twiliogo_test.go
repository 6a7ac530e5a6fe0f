package accesstoken_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	twiliojwt "github.com/twilio/twilio-go/client/jwt"

	"github.com/tenantwire/terraform-provider-twilio/internal/accesstoken"
)

// twilioGoToken mints with twilio-go's client/jwt, the reference implementation,
// and returns the token with the issue time it took from its own clock (the jti
// suffix: twilio-go offers no way to inject a clock).
func twilioGoToken(t *testing.T, p twiliojwt.AccessTokenParams) (string, time.Time) {
	t.Helper()
	at := twiliojwt.CreateAccessToken(p)
	tok, err := at.ToJwt()
	if err != nil {
		t.Fatalf("twilio-go ToJwt: %v", err)
	}
	_, claims, err := decode(t, tok, p.Secret, time.Now())
	if err != nil {
		t.Fatalf("decoding twilio-go's token: %v", err)
	}
	jti, _ := claims["jti"].(string)
	unix, err := strconv.ParseInt(strings.TrimPrefix(jti, p.SigningKeySid+"-"), 10, 64)
	if err != nil {
		t.Fatalf("twilio-go jti %q is not <key>-<unix time>: %v", jti, err)
	}
	// The same clock reading feeds jti, nbf and exp; if that ever changes this
	// comparison needs a different anchor.
	if nbf, _ := claims["nbf"].(float64); int64(nbf) != unix {
		t.Fatalf("twilio-go nbf %v differs from its jti time %d", nbf, unix)
	}
	return tok, time.Unix(unix, 0)
}

func TestMint_matchesTwilioGo(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		ours   func(*accesstoken.Params)
		region string
		grants []twiliojwt.BaseGrant
	}{
		{
			name: "identity only",
			ours: func(*accesstoken.Params) {},
		},
		{
			name: "voice without params",
			ours: func(p *accesstoken.Params) {
				p.Voice = &accesstoken.VoiceGrant{IncomingAllow: true, OutgoingApplicationSID: testAppSID}
			},
			grants: []twiliojwt.BaseGrant{&twiliojwt.VoiceGrant{
				Incoming: twiliojwt.Incoming{Allow: true},
				Outgoing: twiliojwt.Outgoing{ApplicationSid: testAppSID},
			}},
		},
		{
			name: "voice with params",
			ours: func(p *accesstoken.Params) {
				p.Voice = &accesstoken.VoiceGrant{OutgoingApplicationSID: testAppSID, PushCredentialSID: testCredSID,
					OutgoingApplicationParams: map[string]string{"tenant": "acme", "z": "<&>", "a": "ü"}}
			},
			grants: []twiliojwt.BaseGrant{&twiliojwt.VoiceGrant{
				Outgoing: twiliojwt.Outgoing{ApplicationSid: testAppSID,
					ApplicationParams: map[string]any{"tenant": "acme", "z": "<&>", "a": "ü"}},
				PushCredentialSid: testCredSID,
			}},
		},
		{
			name:   "video",
			ours:   func(p *accesstoken.Params) { p.Video = &accesstoken.VideoGrant{Room: "standup"} },
			grants: []twiliojwt.BaseGrant{&twiliojwt.VideoGrant{Room: "standup"}},
		},
		{
			name: "chat",
			ours: func(p *accesstoken.Params) {
				p.Chat = &accesstoken.ChatGrant{ServiceSID: testChatSID, EndpointID: "web", PushCredentialSID: testCredSID}
			},
			grants: []twiliojwt.BaseGrant{&twiliojwt.ChatGrant{ServiceSid: testChatSID, EndpointID: "web", PushCredentialSid: testCredSID}},
		},
		{
			name: "sync",
			ours: func(p *accesstoken.Params) {
				p.Sync = &accesstoken.SyncGrant{ServiceSID: testSyncSID, EndpointID: "tab"}
			},
			grants: []twiliojwt.BaseGrant{&twiliojwt.SyncGrant{ServiceSid: testSyncSID, EndpointID: "tab"}},
		},
		{
			name: "all together with region",
			ours: func(p *accesstoken.Params) {
				p.Region = "ie1"
				p.Voice = &accesstoken.VoiceGrant{IncomingAllow: true}
				p.Video = &accesstoken.VideoGrant{}
				p.Chat = &accesstoken.ChatGrant{ServiceSID: testChatSID}
				p.Sync = &accesstoken.SyncGrant{ServiceSID: testSyncSID}
			},
			region: "ie1",
			grants: []twiliojwt.BaseGrant{
				&twiliojwt.VoiceGrant{Incoming: twiliojwt.Incoming{Allow: true}},
				&twiliojwt.VideoGrant{},
				&twiliojwt.ChatGrant{ServiceSid: testChatSID},
				&twiliojwt.SyncGrant{ServiceSid: testSyncSID},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			theirs, issued := twilioGoToken(t, twiliojwt.AccessTokenParams{
				AccountSid: testAccountSID, SigningKeySid: testKeySID, Secret: testSecret,
				Identity: "alice", Region: tc.region, Ttl: 3600, Grants: tc.grants,
			})
			p := baseParams()
			p.Now = issued
			tc.ours(&p)
			ours := mustMint(t, p)

			theirHeader, theirClaims, err := decode(t, theirs, testSecret, issued)
			if err != nil {
				t.Fatal(err)
			}
			ourHeader, ourClaims, err := decode(t, ours.JWT, testSecret, issued)
			if err != nil {
				t.Fatal(err)
			}
			assertJSONEqual(t, "header", ourHeader, theirHeader)
			assertJSONEqual(t, "claims", map[string]any(ourClaims), map[string]any(theirClaims))
			// Both encode with encoding/json in the same key order, so even the bytes agree.
			if ours.JWT != theirs {
				t.Errorf("tokens differ byte-wise\n ours: %s\ntheirs: %s", ours.JWT, theirs)
			}
		})
	}
}

// NOTE: this is why Mint does not delegate to twilio-go: its Ttl is floored at
// one hour, so a five-minute token silently lives twelve times longer.
func TestTwilioGoFloorsTTLAtOneHour(t *testing.T) {
	t.Parallel()
	theirs, issued := twilioGoToken(t, twiliojwt.AccessTokenParams{
		AccountSid: testAccountSID, SigningKeySid: testKeySID, Secret: testSecret, Identity: "alice", Ttl: 300,
	})
	_, claims, err := decode(t, theirs, testSecret, issued)
	if err != nil {
		t.Fatal(err)
	}
	if got := claims["exp"].(float64) - claims["nbf"].(float64); got != 3600 {
		t.Errorf("twilio-go exp-nbf = %v; if it now honours short TTLs, revisit this package", got)
	}

	p := baseParams()
	p.Now, p.TTL = issued, 300*time.Second
	_, ours, err := decode(t, mustMint(t, p).JWT, testSecret, issued)
	if err != nil {
		t.Fatal(err)
	}
	if got := ours["exp"].(float64) - ours["nbf"].(float64); got != 300 {
		t.Errorf("our exp-nbf = %v, want 300", got)
	}
}
