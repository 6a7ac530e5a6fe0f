package accesstoken

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

// Verified is what Verify learned from a valid token. It mirrors Params, so a test can compare what a
// token carries with what was asked for.
type Verified struct {
	AccountSID string
	APIKeySID  string
	Identity   string
	Region     string
	JTI        string
	NotBefore  time.Time
	ExpiresAt  time.Time
	Voice      *VoiceGrant
	Video      *VideoGrant
	Chat       *ChatGrant
	Sync       *SyncGrant
}

// TTL is the token's lifetime.
func (v Verified) TTL() time.Duration { return v.ExpiresAt.Sub(v.NotBefore) }

// ErrInvalidToken is wrapped by every error Verify returns.
var ErrInvalidToken = errors.New("invalid access token")

// Verify checks a token the way Twilio does before it honours one: an HS256 JWT with Twilio's
// first-party-access content type, signed by secret, valid at now (nbf <= now < exp), living no longer
// than MaxTTL, issued by an API key (SK…) for an account (AC…), and with a jti that names its key. It
// exists so that tokens minted outside this package (the example token Function, run by Node) are held
// to the same rules as Mint's. Errors never contain the secret or the token.
func Verify(token, secret string, now time.Time) (Verified, error) {
	fail := func(format string, args ...any) (Verified, error) {
		return Verified{}, fmt.Errorf("%w: %s", ErrInvalidToken, fmt.Sprintf(format, args...))
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return fail("want 3 dot-separated parts, got %d", len(parts))
	}
	enc := base64.RawURLEncoding
	sig, err := enc.DecodeString(parts[2])
	if err != nil {
		return fail("signature is not base64url")
	}
	// The signature is checked before anything in the token is believed, and in constant time.
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(parts[0] + "." + parts[1]))
	if !hmac.Equal(sig, mac.Sum(nil)) {
		return fail("signature does not match the API key secret")
	}

	var h header
	if err := decodeSegment(parts[0], &h); err != nil {
		return fail("header: %v", err)
	}
	// NOTE: alg is checked even though the HMAC already matched: a token claiming "none" or RS256 is
	// malformed whatever its signature, and Twilio rejects it.
	if h.Alg != algHS256 || h.Typ != typJWT || h.Cty != ctyFPA {
		return fail("header must be alg %s, typ %s, cty %s (got %q, %q, %q)", algHS256, typJWT, ctyFPA, h.Alg, h.Typ, h.Cty)
	}
	var c verifiedClaims
	if err := decodeSegment(parts[1], &c); err != nil {
		return fail("claims: %v", err)
	}
	if c.Exp == 0 {
		return fail("exp is missing")
	}
	// Twilio's Node library (jsonwebtoken) sends iat and no nbf unless asked; Mint sends nbf and no iat.
	// The token is valid from whichever it carries.
	start := c.Nbf
	if start == 0 {
		start = c.Iat
	}
	if start == 0 {
		return fail("neither nbf nor iat is set")
	}
	if !sids.Valid("SK", c.Iss) {
		return fail("iss must be an API key SID (SK…)")
	}
	if !sids.Valid("AC", c.Sub) {
		return fail("sub must be an account SID (AC…)")
	}
	if !strings.HasPrefix(c.Jti, c.Iss+"-") {
		return fail("jti must start with the issuing key's SID")
	}
	nbf, exp := time.Unix(start, 0).UTC(), time.Unix(c.Exp, 0).UTC()
	switch {
	case c.Exp <= start:
		return fail("exp must be after nbf")
	case exp.Sub(nbf) > MaxTTL:
		return fail("lifetime %s exceeds Twilio's maximum of %s", exp.Sub(nbf), MaxTTL)
	case now.Before(nbf):
		return fail("not valid before %s", nbf.Format(time.RFC3339))
	case !now.Before(exp):
		return fail("expired at %s", exp.Format(time.RFC3339))
	}

	v := Verified{
		AccountSID: c.Sub, APIKeySID: c.Iss, Identity: c.Grants.Identity, Region: h.Twr,
		JTI: c.Jti, NotBefore: nbf, ExpiresAt: exp,
	}
	if g := c.Grants.Voice; g != nil {
		v.Voice = &VoiceGrant{PushCredentialSID: g.PushCredentialSID}
		if g.Incoming != nil {
			v.Voice.IncomingAllow = g.Incoming.Allow
		}
		if g.Outgoing != nil {
			v.Voice.OutgoingApplicationSID = g.Outgoing.ApplicationSID
			v.Voice.OutgoingApplicationParams = g.Outgoing.Params
		}
	}
	if g := c.Grants.Video; g != nil {
		v.Video = &VideoGrant{Room: g.Room}
	}
	if g := c.Grants.Chat; g != nil {
		v.Chat = &ChatGrant{ServiceSID: g.ServiceSID, EndpointID: g.EndpointID, PushCredentialSID: g.PushCredentialSID}
	}
	if g := c.Grants.DataSync; g != nil {
		v.Sync = &SyncGrant{ServiceSID: g.ServiceSID, EndpointID: g.EndpointID}
	}
	if (v.Voice != nil || v.Video != nil || v.Chat != nil || v.Sync != nil) && v.Identity == "" {
		return fail("a token with a grant must name an identity")
	}
	return v, nil
}

// verifiedClaims is the claims set as Verify reads it: Twilio's libraries differ in iat/nbf.
type verifiedClaims struct {
	claims
	Iat int64 `json:"iat"`
}

// decodeSegment decodes one base64url JSON segment.
func decodeSegment(seg string, into any) error {
	raw, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		return errors.New("not base64url")
	}
	if err := json.Unmarshal(raw, into); err != nil {
		return fmt.Errorf("not the expected JSON: %v", err)
	}
	return nil
}
