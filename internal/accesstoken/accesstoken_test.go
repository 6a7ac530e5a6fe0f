package accesstoken_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/tenantwire/terraform-provider-twilio/internal/accesstoken"
)

const (
	testAccountSID = "AC0123456789abcdef0123456789abcdef"
	testKeySID     = "SKfedcba9876543210fedcba9876543210"
	testSecret     = "Zq8xV3nT5rW1yU7kP2mL9dB4cF6hJ0sA"
	testAppSID     = "AP00112233445566778899aabbccddeeff"
	testCredSID    = "CRffeeddccbbaa99887766554433221100"
	testChatSID    = "IS0000000000000000000000000000c4a7"
	testSyncSID    = "IS00000000000000000000000000005c0c"
)

// testIssued is a fixed issue time; its Unix value is 1735787045.
var testIssued = time.Date(2025, time.January, 2, 3, 4, 5, 0, time.UTC)

func baseParams() accesstoken.Params {
	return accesstoken.Params{
		AccountSID:   testAccountSID,
		APIKeySID:    testKeySID,
		APIKeySecret: testSecret,
		Identity:     "alice",
		TTL:          accesstoken.DefaultTTL,
		Now:          testIssued,
	}
}

// decode verifies tok with golang-jwt, an implementation independent of ours,
// with the clock set to at, and returns its header and claims.
func decode(t testing.TB, tok, secret string, at time.Time) (map[string]any, jwt.MapClaims, error) {
	t.Helper()
	parser := jwt.NewParser(
		jwt.WithValidMethods([]string{"HS256"}),
		jwt.WithTimeFunc(func() time.Time { return at }),
		jwt.WithExpirationRequired(),
	)
	claims := jwt.MapClaims{}
	parsed, err := parser.ParseWithClaims(tok, claims, func(*jwt.Token) (any, error) { return []byte(secret), nil })
	if err != nil {
		return nil, nil, err
	}
	return parsed.Header, claims, nil
}

func mustMint(t testing.TB, p accesstoken.Params) accesstoken.Token {
	t.Helper()
	tok, err := accesstoken.Mint(p)
	if err != nil {
		t.Fatalf("Mint: %v", err)
	}
	return tok
}

func assertJSONEqual(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Errorf("%s mismatch\n got: %s\nwant: %s", what, g, w)
	}
}

func TestMint_grants(t *testing.T) {
	t.Parallel()
	nbf := float64(testIssued.Unix())
	cases := []struct {
		name   string
		modify func(*accesstoken.Params)
		grants map[string]any
	}{
		{
			name:   "identity only",
			modify: func(*accesstoken.Params) {},
			grants: map[string]any{"identity": "alice"},
		},
		{
			name:   "no identity and no grants",
			modify: func(p *accesstoken.Params) { p.Identity = "" },
			grants: map[string]any{},
		},
		{
			name: "voice without params",
			modify: func(p *accesstoken.Params) {
				p.Voice = &accesstoken.VoiceGrant{IncomingAllow: true, OutgoingApplicationSID: testAppSID}
			},
			grants: map[string]any{"identity": "alice", "voice": map[string]any{
				"incoming": map[string]any{"allow": true},
				"outgoing": map[string]any{"application_sid": testAppSID},
			}},
		},
		{
			name: "voice with params and push credential, incoming not allowed",
			modify: func(p *accesstoken.Params) {
				p.Voice = &accesstoken.VoiceGrant{
					OutgoingApplicationSID:    testAppSID,
					OutgoingApplicationParams: map[string]string{"tenant": "acme", "lang": "de-DE", "html": "<&>"},
					PushCredentialSID:         testCredSID,
				}
			},
			grants: map[string]any{"identity": "alice", "voice": map[string]any{
				"outgoing": map[string]any{
					"application_sid": testAppSID,
					"params":          map[string]any{"tenant": "acme", "lang": "de-DE", "html": "<&>"},
				},
				"push_credential_sid": testCredSID,
			}},
		},
		{
			name:   "voice grant with nothing set",
			modify: func(p *accesstoken.Params) { p.Voice = &accesstoken.VoiceGrant{} },
			grants: map[string]any{"identity": "alice", "voice": map[string]any{}},
		},
		{
			name:   "video with room",
			modify: func(p *accesstoken.Params) { p.Video = &accesstoken.VideoGrant{Room: "daily standup"} },
			grants: map[string]any{"identity": "alice", "video": map[string]any{"room": "daily standup"}},
		},
		{
			name:   "video for any room",
			modify: func(p *accesstoken.Params) { p.Video = &accesstoken.VideoGrant{} },
			grants: map[string]any{"identity": "alice", "video": map[string]any{}},
		},
		{
			name: "chat",
			modify: func(p *accesstoken.Params) {
				p.Chat = &accesstoken.ChatGrant{ServiceSID: testChatSID, EndpointID: "app:alice:phone", PushCredentialSID: testCredSID}
			},
			grants: map[string]any{"identity": "alice", "chat": map[string]any{
				"service_sid": testChatSID, "endpoint_id": "app:alice:phone", "push_credential_sid": testCredSID,
			}},
		},
		{
			name: "sync",
			modify: func(p *accesstoken.Params) {
				p.Sync = &accesstoken.SyncGrant{ServiceSID: testSyncSID, EndpointID: "tab-1"}
			},
			grants: map[string]any{"identity": "alice", "data_sync": map[string]any{"service_sid": testSyncSID, "endpoint_id": "tab-1"}},
		},
		{
			name: "all together",
			modify: func(p *accesstoken.Params) {
				p.Voice = &accesstoken.VoiceGrant{IncomingAllow: true, OutgoingApplicationSID: testAppSID,
					OutgoingApplicationParams: map[string]string{"a": "1"}, PushCredentialSID: testCredSID}
				p.Video = &accesstoken.VideoGrant{Room: "RM0123456789abcdef0123456789abcdef"}
				p.Chat = &accesstoken.ChatGrant{ServiceSID: testChatSID}
				p.Sync = &accesstoken.SyncGrant{ServiceSID: testSyncSID}
			},
			grants: map[string]any{
				"identity": "alice",
				"voice": map[string]any{
					"incoming":            map[string]any{"allow": true},
					"outgoing":            map[string]any{"application_sid": testAppSID, "params": map[string]any{"a": "1"}},
					"push_credential_sid": testCredSID,
				},
				"video":     map[string]any{"room": "RM0123456789abcdef0123456789abcdef"},
				"chat":      map[string]any{"service_sid": testChatSID},
				"data_sync": map[string]any{"service_sid": testSyncSID},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := baseParams()
			tc.modify(&p)
			tok := mustMint(t, p)
			header, claims, err := decode(t, tok.JWT, testSecret, testIssued)
			if err != nil {
				t.Fatalf("golang-jwt rejected the token: %v", err)
			}
			assertJSONEqual(t, "header", header, map[string]any{"alg": "HS256", "typ": "JWT", "cty": "twilio-fpa;v=1"})
			assertJSONEqual(t, "claims", map[string]any(claims), map[string]any{
				"jti":    testKeySID + "-1735787045",
				"iss":    testKeySID,
				"sub":    testAccountSID,
				"nbf":    nbf,
				"exp":    nbf + 3600,
				"grants": tc.grants,
			})
			if tok.JTI != testKeySID+"-1735787045" {
				t.Errorf("JTI = %q", tok.JTI)
			}
			if !tok.IssuedAt.Equal(testIssued) || !tok.NotBefore.Equal(testIssued) || !tok.ExpiresAt.Equal(testIssued.Add(time.Hour)) {
				t.Errorf("times = %v / %v / %v", tok.IssuedAt, tok.NotBefore, tok.ExpiresAt)
			}
		})
	}
}

func TestMint_regionHeader(t *testing.T) {
	t.Parallel()
	p := baseParams()
	p.Region = "ie1"
	header, _, err := decode(t, mustMint(t, p).JWT, testSecret, testIssued)
	if err != nil {
		t.Fatal(err)
	}
	assertJSONEqual(t, "header", header, map[string]any{"alg": "HS256", "typ": "JWT", "cty": "twilio-fpa;v=1", "twr": "ie1"})
}

func TestMint_wrongSecretFails(t *testing.T) {
	t.Parallel()
	tok := mustMint(t, baseParams())
	for _, secret := range []string{testSecret[:31], testSecret + "x", strings.ToLower(testSecret)} {
		if _, _, err := decode(t, tok.JWT, secret, testIssued); !errors.Is(err, jwt.ErrSignatureInvalid) {
			t.Errorf("verifying with a wrong secret: got %v, want ErrSignatureInvalid", err)
		}
	}
}

func TestMint_ttl(t *testing.T) {
	t.Parallel()
	cases := []struct {
		ttl     time.Duration
		wantErr bool
	}{
		{ttl: 0, wantErr: true},
		{ttl: -time.Second, wantErr: true},
		{ttl: time.Second},
		{ttl: 300 * time.Second},
		{ttl: 3599 * time.Second},
		{ttl: time.Hour},
		{ttl: accesstoken.MaxTTL},
		{ttl: accesstoken.MaxTTL + time.Second, wantErr: true},
		{ttl: 1500 * time.Millisecond, wantErr: true},
	}
	for _, tc := range cases {
		t.Run(tc.ttl.String(), func(t *testing.T) {
			t.Parallel()
			p := baseParams()
			p.TTL = tc.ttl
			p.Voice = &accesstoken.VoiceGrant{IncomingAllow: true}
			tok, err := accesstoken.Mint(p)
			if tc.wantErr {
				assertOneFieldError(t, err, "ttl")
				return
			}
			if err != nil {
				t.Fatalf("Mint: %v", err)
			}
			_, claims, err := decode(t, tok.JWT, testSecret, testIssued)
			if err != nil {
				t.Fatal(err)
			}
			if got := claims["exp"].(float64) - claims["nbf"].(float64); got != tc.ttl.Seconds() {
				t.Errorf("exp-nbf = %v, want %v", got, tc.ttl.Seconds())
			}
			if got := tok.ExpiresAt.Sub(tok.NotBefore); got != tc.ttl {
				t.Errorf("ExpiresAt-NotBefore = %v, want %v", got, tc.ttl)
			}
			// The token must really lapse: one second past exp golang-jwt refuses it.
			if _, _, err := decode(t, tok.JWT, testSecret, tok.ExpiresAt.Add(time.Second)); !errors.Is(err, jwt.ErrTokenExpired) {
				t.Errorf("after expiry: got %v, want ErrTokenExpired", err)
			}
		})
	}
}

func TestMint_truncatesNowToTheSecond(t *testing.T) {
	t.Parallel()
	p := baseParams()
	p.Now = testIssued.Add(999 * time.Millisecond).In(time.FixedZone("CET", 3600))
	tok := mustMint(t, p)
	if !tok.IssuedAt.Equal(testIssued) || tok.IssuedAt.Location() != time.UTC {
		t.Errorf("IssuedAt = %v, want %v in UTC", tok.IssuedAt, testIssued)
	}
	if tok.JTI != testKeySID+"-1735787045" {
		t.Errorf("JTI = %q", tok.JTI)
	}
}

func TestMint_zeroNowUsesClock(t *testing.T) {
	t.Parallel()
	p := baseParams()
	p.Now = time.Time{}
	before := time.Now().Truncate(time.Second)
	tok := mustMint(t, p)
	after := time.Now()
	if tok.IssuedAt.Before(before) || tok.IssuedAt.After(after) {
		t.Errorf("IssuedAt = %v, want between %v and %v", tok.IssuedAt, before, after)
	}
	if _, _, err := decode(t, tok.JWT, testSecret, after); err != nil {
		t.Errorf("a fresh token should verify now: %v", err)
	}
}

func TestMint_invalidReturnsNoToken(t *testing.T) {
	t.Parallel()
	p := baseParams()
	p.AccountSID = ""
	tok, err := accesstoken.Mint(p)
	if err == nil || tok != (accesstoken.Token{}) {
		t.Errorf("Mint = %+v, %v; want the zero Token and an error", tok, err)
	}
}

func BenchmarkMint(b *testing.B) {
	p := baseParams()
	p.Voice = &accesstoken.VoiceGrant{IncomingAllow: true, OutgoingApplicationSID: testAppSID,
		OutgoingApplicationParams: map[string]string{"tenant": "acme"}, PushCredentialSID: testCredSID}
	p.Video = &accesstoken.VideoGrant{Room: "standup"}
	p.Chat = &accesstoken.ChatGrant{ServiceSID: testChatSID, EndpointID: "web"}
	p.Sync = &accesstoken.SyncGrant{ServiceSID: testSyncSID}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := accesstoken.Mint(p); err != nil {
			b.Fatal(err)
		}
	}
}
