package accesstoken

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// MaxIdentityLength is the longest identity, in characters, that Twilio accepts
// (errors 31105 for Voice and 54351 for Conversations).
const MaxIdentityLength = 256

// voiceIdentityForbidden are the RFC 2396 "delims" and "unwise" characters: Voice
// addresses a user as client:<identity> and rejects such names at call time
// (error 31105), long after the token was minted.
const voiceIdentityForbidden = `<>#%"{}|\^[]` + "`"

// The issue time is bounded so that nbf and exp stay positive four-digit-year
// times, which every JWT library can read.
var (
	minNow = time.Unix(0, 0)
	maxNow = time.Date(9999, time.December, 30, 0, 0, 0, 0, time.UTC)
)

// FieldError is one problem Validate found, tied to the parameter it concerns so
// that callers can attach it to the matching configuration attribute.
type FieldError struct {
	// Field names the parameter in snake_case, prefixed by its grant ("voice.",
	// "video.", "chat." or "sync.") when it belongs to one.
	Field string
	// Reason says what is wrong; it never quotes a credential.
	Reason string
}

// Error returns "<field>: <reason>".
func (e *FieldError) Error() string { return e.Field + ": " + e.Reason }

// Validate reports every problem with p, joined with errors.Join; each is a
// *FieldError. It needs no network access, so it can run at plan time. A nil
// result means Mint will succeed.
func (p Params) Validate() error {
	var c checker
	c.sid("account_sid", "AC", p.AccountSID, true)
	c.sid("api_key_sid", "SK", p.APIKeySID, true)
	switch {
	case p.APIKeySecret == "":
		c.add("api_key_secret", "is required")
	case strings.TrimSpace(p.APIKeySecret) != p.APIKeySecret:
		// A trailing newline from file() would sign tokens Twilio rejects at connect time.
		c.add("api_key_secret", "has leading or trailing whitespace")
	}
	hasGrant := p.Voice != nil || p.Video != nil || p.Chat != nil || p.Sync != nil
	c.identity(p.Identity, hasGrant, p.Voice != nil)
	if p.Region != "" && !twilioregion.IsRegion(p.Region) {
		c.add("region", "must be a Twilio region code, one of %s", strings.Join(twilioregion.Regions(), ", "))
	}
	switch {
	case p.TTL < MinTTL || p.TTL > MaxTTL:
		c.add("ttl", "must be between %d and %d seconds (got %s)",
			int64(MinTTL/time.Second), int64(MaxTTL/time.Second), p.TTL)
	case p.TTL%time.Second != 0:
		c.add("ttl", "must be a whole number of seconds (got %s): JWT times have one-second resolution", p.TTL)
	}
	if !p.Now.IsZero() && (p.Now.Before(minNow) || p.Now.After(maxNow)) {
		c.add("now", "must be between 1970-01-01 and 9999-12-30 UTC")
	}
	if v := p.Voice; v != nil {
		c.sid("voice.outgoing_application_sid", "AP", v.OutgoingApplicationSID, false)
		c.params(v.OutgoingApplicationParams, v.OutgoingApplicationSID != "")
		c.sid("voice.push_credential_sid", "CR", v.PushCredentialSID, false)
	}
	if v := p.Video; v != nil {
		c.text("video.room", v.Room)
	}
	if ch := p.Chat; ch != nil {
		c.sid("chat.service_sid", "IS", ch.ServiceSID, false)
		c.text("chat.endpoint_id", ch.EndpointID)
		c.sid("chat.push_credential_sid", "CR", ch.PushCredentialSID, false)
	}
	if s := p.Sync; s != nil {
		c.sid("sync.service_sid", "IS", s.ServiceSID, false)
		c.text("sync.endpoint_id", s.EndpointID)
	}
	return errors.Join(c.errs...)
}

// checker collects FieldErrors. None of its messages quote the checked value,
// because a credential pasted into the wrong field must not reach logs or plans.
type checker struct{ errs []error }

func (c *checker) add(field, format string, args ...any) {
	c.errs = append(c.errs, &FieldError{Field: field, Reason: fmt.Sprintf(format, args...)})
}

func (c *checker) sid(field, prefix, value string, required bool) {
	switch {
	case value == "":
		if required {
			c.add(field, "is required")
		}
	case !sids.Valid(prefix, value):
		reason := "must be " + sids.Shape(prefix)
		if kind, ok := sids.KindOf(value); ok {
			reason += fmt.Sprintf("; it is a valid %s... SID (%s): were two settings swapped?", value[:2], kind.Title)
		}
		c.add(field, "%s", reason)
	}
}

func (c *checker) identity(id string, required, voice bool) {
	if id == "" {
		if required {
			c.add("identity", "is required when the token has a grant, because Twilio's SDKs address the user by it")
		}
		return
	}
	if !utf8.ValidString(id) {
		c.add("identity", "must be valid UTF-8")
		return
	}
	if n := utf8.RuneCountInString(id); n > MaxIdentityLength {
		c.add("identity", "must be at most %d characters (got %d)", MaxIdentityLength, n)
	}
	for i, r := range id {
		if unicode.IsControl(r) {
			c.add("identity", "must not contain control characters (found one at byte %d)", i)
			return
		}
		if voice && (unicode.IsSpace(r) || strings.ContainsRune(voiceIdentityForbidden, r)) {
			c.add("identity", "must not contain spaces or any of %s when the token has a voice grant (found %q at byte %d)",
				voiceIdentityForbidden, r, i)
			return
		}
	}
}

// text checks a free-form value: encoding/json would silently replace invalid
// UTF-8, so the token would carry something other than what was configured.
func (c *checker) text(field, value string) {
	switch {
	case !utf8.ValidString(value):
		c.add(field, "must be valid UTF-8")
	case strings.ContainsFunc(value, unicode.IsControl):
		c.add(field, "must not contain control characters")
	}
}

func (c *checker) params(params map[string]string, haveApplication bool) {
	const field = "voice.outgoing_application_params"
	if len(params) == 0 {
		return
	}
	if !haveApplication {
		// twilio-go silently drops them; Twilio only sends them to the TwiML app.
		c.add(field, "require voice.outgoing_application_sid, the TwiML app they are sent to")
	}
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		switch {
		case k == "":
			c.add(field, "names must not be empty")
		case !utf8.ValidString(k) || strings.ContainsFunc(k, unicode.IsControl):
			c.add(field, "names must be valid UTF-8 without control characters (got %q)", k)
		case !utf8.ValidString(params[k]):
			c.add(field+"["+k+"]", "must be valid UTF-8")
		}
	}
}
