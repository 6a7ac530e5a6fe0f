package accesstoken_test

import (
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/accesstoken"
)

// Grant selection bits for FuzzMint.
const (
	fuzzVoice = 1 << iota
	fuzzVoiceApp
	fuzzVideo
	fuzzChat
	fuzzSync
)

// FuzzMint checks that Mint never panics and that every token it does return
// verifies with an independent JWT library and carries exactly what was asked.
func FuzzMint(f *testing.F) {
	f.Add(testAccountSID, testKeySID, testSecret, "alice", "", int64(3600), testIssued.Unix(), uint8(0xff), "room", "web", "k", "v")
	f.Add(testAccountSID, testKeySID, "s", "a b", "ie1", int64(1), int64(0), uint8(fuzzVoice), "", "", "", "")
	f.Add("AC", "SK", "", "", "US1", int64(0), int64(-1), uint8(0), "\x00", "\xff", "", "\xc3")
	f.Add(testAccountSID, testKeySID, "x", "é\u2028<script>", "au1", int64(86400), int64(253402041600), uint8(fuzzChat|fuzzSync), "", "", "", "")
	f.Fuzz(func(t *testing.T, account, key, secret, identity, region string, ttlSeconds, nowUnix int64,
		grants uint8, room, endpoint, paramKey, paramValue string,
	) {
		p := accesstoken.Params{
			AccountSID: account, APIKeySID: key, APIKeySecret: secret, Identity: identity, Region: region,
			TTL: time.Duration(ttlSeconds) * time.Second, Now: time.Unix(nowUnix, 0),
		}
		if grants&fuzzVoice != 0 {
			p.Voice = &accesstoken.VoiceGrant{IncomingAllow: true, OutgoingApplicationParams: map[string]string{paramKey: paramValue}}
			if grants&fuzzVoiceApp != 0 {
				p.Voice.OutgoingApplicationSID = testAppSID
			}
		}
		if grants&fuzzVideo != 0 {
			p.Video = &accesstoken.VideoGrant{Room: room}
		}
		if grants&fuzzChat != 0 {
			p.Chat = &accesstoken.ChatGrant{ServiceSID: testChatSID, EndpointID: endpoint}
		}
		if grants&fuzzSync != 0 {
			p.Sync = &accesstoken.SyncGrant{EndpointID: endpoint}
		}

		tok, err := accesstoken.Mint(p)
		if (err == nil) != (p.Validate() == nil) {
			t.Fatalf("Mint error %v disagrees with Validate", err)
		}
		if err != nil {
			return
		}
		header, claims, err := decode(t, tok.JWT, secret, tok.NotBefore)
		if err != nil {
			t.Fatalf("golang-jwt rejected a minted token: %v", err)
		}
		if header["cty"] != "twilio-fpa;v=1" || header["alg"] != "HS256" || (region != "" && header["twr"] != region) {
			t.Errorf("header = %v", header)
		}
		if claims["sub"] != account || claims["iss"] != key || claims["jti"] != tok.JTI {
			t.Errorf("claims = %v, token = %+v", claims, tok)
		}
		if got := claims["exp"].(float64) - claims["nbf"].(float64); int64(got) != ttlSeconds {
			t.Errorf("exp-nbf = %v, want %d", got, ttlSeconds)
		}
		if got := claims["nbf"].(float64); int64(got) != nowUnix {
			t.Errorf("nbf = %v, want %d", got, nowUnix)
		}
		g, _ := claims["grants"].(map[string]any)
		if id, _ := g["identity"].(string); id != identity {
			t.Errorf("identity = %q, want %q", id, identity)
		}
		if grants&fuzzVoice != 0 {
			out, _ := g["voice"].(map[string]any)["outgoing"].(map[string]any)
			params, _ := out["params"].(map[string]any)
			if params[paramKey] != paramValue {
				t.Errorf("voice params = %v, want %q=%q", params, paramKey, paramValue)
			}
		}
		if _, _, err := decode(t, tok.JWT, secret+"x", tok.NotBefore); err == nil {
			t.Errorf("token verified with the wrong secret")
		}
	})
}
