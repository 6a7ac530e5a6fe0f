package accesstoken_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/accesstoken"
)

// handSigned builds a token from raw header and claims JSON, so the tests can make every kind of
// malformed token a careless minter could produce.
func handSigned(headerJSON, claimsJSON, secret string) string {
	enc := base64.RawURLEncoding
	signing := enc.EncodeToString([]byte(headerJSON)) + "." + enc.EncodeToString([]byte(claimsJSON))
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(signing))
	return signing + "." + enc.EncodeToString(mac.Sum(nil))
}

const goodHeader = `{"alg":"HS256","cty":"twilio-fpa;v=1","typ":"JWT"}`

func TestVerify_roundTripsMint(t *testing.T) {
	p := baseParams()
	p.Region = "ie1"
	p.Voice = &accesstoken.VoiceGrant{IncomingAllow: true, OutgoingApplicationSID: testAppSID,
		OutgoingApplicationParams: map[string]string{"tenant": "acme"}, PushCredentialSID: testCredSID}
	p.Video = &accesstoken.VideoGrant{Room: "r"}
	p.Chat = &accesstoken.ChatGrant{ServiceSID: testChatSID, EndpointID: "e"}
	p.Sync = &accesstoken.SyncGrant{ServiceSID: testSyncSID}
	tok := mustMint(t, p)

	v, err := accesstoken.Verify(tok.JWT, testSecret, testIssued.Add(time.Minute))
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	want := accesstoken.Verified{
		AccountSID: testAccountSID, APIKeySID: testKeySID, Identity: "alice", Region: "ie1", JTI: tok.JTI,
		NotBefore: tok.NotBefore, ExpiresAt: tok.ExpiresAt,
		Voice: p.Voice, Video: p.Video, Chat: p.Chat, Sync: p.Sync,
	}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("Verify = %+v\nwant %+v", v, want)
	}
	if v.TTL() != time.Hour {
		t.Errorf("TTL = %s, want 1h", v.TTL())
	}
}

func TestVerify_acceptsIatWithoutNbf(t *testing.T) {
	// Twilio's Node library signs with jsonwebtoken, which sends iat and leaves nbf out.
	tok := handSigned(goodHeader, `{"iat":1735787045,"exp":1735790645,"jti":"`+testKeySID+`-1735787045","iss":"`+
		testKeySID+`","sub":"`+testAccountSID+`","grants":{"identity":"bob","voice":{"incoming":{"allow":true}}}}`, testSecret)
	v, err := accesstoken.Verify(tok, testSecret, testIssued)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if !v.NotBefore.Equal(testIssued) || v.Identity != "bob" || v.Voice == nil || !v.Voice.IncomingAllow {
		t.Errorf("Verify = %+v", v)
	}
}

func TestVerify_rejects(t *testing.T) {
	valid := mustMint(t, baseParams()).JWT
	now := testIssued.Add(time.Minute)
	claims := func(mod string) string {
		base := map[string]string{
			"exp": `"exp":1735790645`, "nbf": `"nbf":1735787045`, "iss": `"iss":"` + testKeySID + `"`,
			"sub": `"sub":"` + testAccountSID + `"`, "jti": `"jti":"` + testKeySID + `-1735787045"`,
			"grants": `"grants":{"identity":"alice","voice":{}}`,
		}
		if k, v, ok := strings.Cut(mod, "="); ok {
			if v == "" {
				delete(base, k)
			} else {
				base[k] = v
			}
		}
		parts := make([]string, 0, len(base))
		for _, v := range base {
			parts = append(parts, v)
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	cases := []struct {
		name, token string
		at          time.Time
		wantErr     string
	}{
		{"wrong secret", valid, now, "signature"},
		{"tampered claims", strings.Split(valid, ".")[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(claims("sub=\"sub\":\"AC00000000000000000000000000000000\""))) + "." + strings.Split(valid, ".")[2], now, "signature"},
		{"expired", valid, testIssued.Add(time.Hour), "expired"},
		{"not yet valid", valid, testIssued.Add(-time.Second), "not valid before"},
		{"two parts", "a.b", now, "3 dot-separated"},
		{"alg none", handSigned(`{"alg":"none","cty":"twilio-fpa;v=1","typ":"JWT"}`, claims(""), testSecret), now, "header"},
		{"no cty", handSigned(`{"alg":"HS256","typ":"JWT"}`, claims(""), testSecret), now, "header"},
		{"too long", handSigned(goodHeader, claims(`exp="exp":1735873446`), testSecret), now, "exceeds"},
		{"exp before nbf", handSigned(goodHeader, claims(`exp="exp":1735787000`), testSecret), now, "after nbf"},
		{"no exp", handSigned(goodHeader, claims("exp="), testSecret), now, "exp is missing"},
		{"no nbf nor iat", handSigned(goodHeader, claims("nbf="), testSecret), now, "neither nbf nor iat"},
		{"iss not a key", handSigned(goodHeader, claims(`iss="iss":"AC0123456789abcdef0123456789abcdef"`), testSecret), now, "iss"},
		{"sub not an account", handSigned(goodHeader, claims(`sub="sub":"SK0123456789abcdef0123456789abcdef"`), testSecret), now, "sub"},
		{"jti of another key", handSigned(goodHeader, claims(`jti="jti":"SK00000000000000000000000000000000-1"`), testSecret), now, "jti"},
		{"grant without identity", handSigned(goodHeader, claims(`grants="grants":{"voice":{}}`), testSecret), now, "identity"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			secret := testSecret
			if tc.name == "wrong secret" {
				secret = strings.Repeat("x", len(testSecret))
			}
			_, err := accesstoken.Verify(tc.token, secret, tc.at)
			if err == nil {
				t.Fatal("Verify accepted it")
			}
			if !errors.Is(err, accesstoken.ErrInvalidToken) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %q, want ErrInvalidToken mentioning %q", err, tc.wantErr)
			}
			if strings.Contains(err.Error(), testSecret) {
				t.Errorf("error echoes the secret: %q", err)
			}
		})
	}
}
