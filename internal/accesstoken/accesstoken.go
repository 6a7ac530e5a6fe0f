// Package accesstoken mints Twilio access tokens: the HS256 JWTs that Twilio's
// client-side SDKs (Voice, Video, Conversations/Chat, Sync) present to Twilio.
//
// The wire format matches what twilio-go's client/jwt package emits, byte for
// byte for the same inputs, with one deliberate difference: twilio-go silently
// raises any lifetime below one hour to one hour, while Mint honours every TTL
// between MinTTL and MaxTTL. The package signs tokens itself with the standard
// library, so that tests can check them with an independent JWT implementation.
package accesstoken

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// MinTTL is the shortest lifetime Mint accepts, because JWT times are whole seconds.
const MinTTL = time.Second

// MaxTTL is the longest lifetime Mint accepts, because Twilio rejects tokens that
// expire more than 24 hours after they were issued (error 20104).
const MaxTTL = 24 * time.Hour

// DefaultTTL is the lifetime callers should use when none is configured; it is the
// default of every Twilio helper library.
const DefaultTTL = time.Hour

// VoiceGrant lets the token's identity make and receive calls with the Voice SDK.
type VoiceGrant struct {
	// IncomingAllow lets the identity receive calls addressed to client:<identity>.
	IncomingAllow bool
	// OutgoingApplicationSID is the TwiML app (AP...) Twilio asks for instructions
	// when the identity places a call; without it the token cannot call out.
	OutgoingApplicationSID string
	// OutgoingApplicationParams are passed to the TwiML app with every outgoing
	// call; they require OutgoingApplicationSID.
	OutgoingApplicationParams map[string]string
	// PushCredentialSID is the push credential (CR...) used to notify mobile
	// clients of incoming calls.
	PushCredentialSID string
}

// VideoGrant lets the token's identity join Programmable Video rooms.
type VideoGrant struct {
	// Room restricts the token to one room (its unique name or RM... SID); empty
	// allows any room.
	Room string
}

// ChatGrant lets the token's identity use Conversations (formerly Programmable Chat).
type ChatGrant struct {
	// ServiceSID is the Conversations/Chat service (IS...) the token is for.
	ServiceSID string
	// EndpointID identifies one device of the identity, for push notifications.
	EndpointID string
	// PushCredentialSID is the push credential (CR...) for that device.
	PushCredentialSID string
}

// SyncGrant lets the token's identity use Sync.
type SyncGrant struct {
	// ServiceSID is the Sync service (IS...); empty means the default service.
	ServiceSID string
	// EndpointID identifies one device of the identity.
	EndpointID string
}

// Params describes one access token to mint.
type Params struct {
	// AccountSID is the account (AC...) the token is scoped to; it becomes the sub claim.
	AccountSID string
	// APIKeySID is the API key (SK...) whose secret signs the token; it becomes
	// the iss claim and the prefix of jti.
	APIKeySID string
	// APIKeySecret signs the token; it never appears in errors.
	APIKeySecret string
	// Identity names the user the token acts as.
	Identity string
	// Region is the Twilio region (such as "ie1") the token is valid in, sent as
	// the twr header; empty means Twilio's default region (us1).
	Region string
	// TTL is the token's lifetime, between MinTTL and MaxTTL, in whole seconds.
	TTL time.Duration
	// Voice, Video, Chat and Sync are the grants; nil leaves a product out.
	Voice *VoiceGrant
	Video *VideoGrant
	Chat  *ChatGrant
	Sync  *SyncGrant
	// Now is the issue time; the zero value means time.Now(). It is truncated to
	// the second because JWT times are whole seconds.
	Now time.Time
}

// Token is a minted access token.
type Token struct {
	// JWT is the signed token to hand to a client SDK.
	JWT string
	// JTI is the token's identifier: the API key SID, a dash and the issue time in
	// Unix seconds.
	JTI string
	// IssuedAt is the issue time; NOTE: Twilio's format has no iat claim (it shows
	// only in JTI), so it always equals NotBefore.
	IssuedAt time.Time
	// NotBefore is the nbf claim.
	NotBefore time.Time
	// ExpiresAt is the exp claim.
	ExpiresAt time.Time
}

// The structs below are the wire format. Their fields are in alphabetical order
// because twilio-go encodes maps, whose keys encoding/json sorts: keeping the same
// order makes our tokens byte-identical to twilio-go's, which the tests rely on.

type header struct {
	Alg string `json:"alg"`
	Cty string `json:"cty"`
	Twr string `json:"twr,omitempty"`
	Typ string `json:"typ"`
}

type claims struct {
	Exp    int64       `json:"exp"`
	Grants claimGrants `json:"grants"`
	Iss    string      `json:"iss"`
	Jti    string      `json:"jti"`
	Nbf    int64       `json:"nbf"`
	Sub    string      `json:"sub"`
}

// claimGrants always encodes, even empty, because twilio-go always sends "grants".
type claimGrants struct {
	Chat     *chatClaim  `json:"chat,omitempty"`
	DataSync *syncClaim  `json:"data_sync,omitempty"`
	Identity string      `json:"identity,omitempty"`
	Video    *videoClaim `json:"video,omitempty"`
	Voice    *voiceClaim `json:"voice,omitempty"`
}

type chatClaim struct {
	EndpointID        string `json:"endpoint_id,omitempty"`
	PushCredentialSID string `json:"push_credential_sid,omitempty"`
	ServiceSID        string `json:"service_sid,omitempty"`
}

type syncClaim struct {
	EndpointID string `json:"endpoint_id,omitempty"`
	ServiceSID string `json:"service_sid,omitempty"`
}

type videoClaim struct {
	Room string `json:"room,omitempty"`
}

type voiceClaim struct {
	Incoming          *voiceIncoming `json:"incoming,omitempty"`
	Outgoing          *voiceOutgoing `json:"outgoing,omitempty"`
	PushCredentialSID string         `json:"push_credential_sid,omitempty"`
}

// voiceIncoming is omitted, not sent as false, when incoming calls are not
// allowed: that is what twilio-go and the other helper libraries do.
type voiceIncoming struct {
	Allow bool `json:"allow"`
}

type voiceOutgoing struct {
	ApplicationSID string            `json:"application_sid"`
	Params         map[string]string `json:"params,omitempty"`
}

const (
	algHS256 = "HS256"
	typJWT   = "JWT"
	// ctyFPA marks a Twilio "first-party access" token, version 1; Twilio rejects
	// JWTs without it.
	ctyFPA = "twilio-fpa;v=1"
)

// Mint validates p and returns a signed access token.
func Mint(p Params) (Token, error) {
	if err := p.Validate(); err != nil {
		return Token{}, err
	}
	now := p.Now
	if now.IsZero() {
		now = time.Now()
	}
	issued := time.Unix(now.Unix(), 0).UTC()
	expires := issued.Add(p.TTL)
	// NOTE: like every Twilio helper library, jti has one-second resolution, so two
	// tokens minted with the same key in the same second share it.
	jti := p.APIKeySID + "-" + strconv.FormatInt(issued.Unix(), 10)

	c := claims{
		Exp:    expires.Unix(),
		Grants: p.grantClaims(),
		Iss:    p.APIKeySID,
		Jti:    jti,
		Nbf:    issued.Unix(),
		Sub:    p.AccountSID,
	}
	h := header{Alg: algHS256, Cty: ctyFPA, Twr: p.Region, Typ: typJWT}
	signed, err := sign(h, c, p.APIKeySecret)
	if err != nil {
		return Token{}, err
	}
	return Token{JWT: signed, JTI: jti, IssuedAt: issued, NotBefore: issued, ExpiresAt: expires}, nil
}

func (p Params) grantClaims() claimGrants {
	g := claimGrants{Identity: p.Identity}
	if v := p.Voice; v != nil {
		g.Voice = &voiceClaim{PushCredentialSID: v.PushCredentialSID}
		if v.IncomingAllow {
			g.Voice.Incoming = &voiceIncoming{Allow: true}
		}
		if v.OutgoingApplicationSID != "" {
			g.Voice.Outgoing = &voiceOutgoing{ApplicationSID: v.OutgoingApplicationSID, Params: v.OutgoingApplicationParams}
		}
	}
	if v := p.Video; v != nil {
		g.Video = &videoClaim{Room: v.Room}
	}
	if c := p.Chat; c != nil {
		g.Chat = &chatClaim{EndpointID: c.EndpointID, PushCredentialSID: c.PushCredentialSID, ServiceSID: c.ServiceSID}
	}
	if s := p.Sync; s != nil {
		g.DataSync = &syncClaim{EndpointID: s.EndpointID, ServiceSID: s.ServiceSID}
	}
	return g
}

// sign encodes with encoding/json, as golang-jwt (and so twilio-go) does, so that
// HTML-sensitive characters are escaped the same way.
func sign(h header, c claims, secret string) (string, error) {
	hj, err := json.Marshal(h)
	if err != nil {
		return "", fmt.Errorf("encoding access token header: %w", err)
	}
	cj, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("encoding access token claims: %w", err)
	}
	enc := base64.RawURLEncoding
	buf := make([]byte, 0, enc.EncodedLen(len(hj))+enc.EncodedLen(len(cj))+enc.EncodedLen(sha256.Size)+2)
	buf = enc.AppendEncode(buf, hj)
	buf = append(buf, '.')
	buf = enc.AppendEncode(buf, cj)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(buf)
	buf = append(buf, '.')
	buf = enc.AppendEncode(buf, mac.Sum(nil))
	return string(buf), nil
}
