package emulator

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

// maxFriendlyName is Twilio's limit for friendly names (in characters).
const maxFriendlyName = 64

// binder reads optional form parameters into fields, keeping the first
// validation error. A parameter that is absent leaves the field unchanged;
// one that is present but empty clears it.
//
// ASSUMPTION(empty-clears): Twilio does not document how to unset an
// optional URL or SID; sending it empty is what its SDKs allow. The provider
// sends "" for a removed attribute and reads the value back, so if Twilio
// ignored "" the next plan would show the value as drift, never hide it.
type binder struct {
	form url.Values
	err  *apiError
}

func (b *binder) lookup(name string) (string, bool) {
	if b.err != nil {
		return "", false
	}
	v, ok := b.form[name]
	if !ok || len(v) == 0 {
		return "", false
	}
	return strings.TrimSpace(v[0]), true
}

func (b *binder) fail(e *apiError) {
	if b.err == nil {
		b.err = e
	}
}

// str binds a free-form string.
func (b *binder) str(name string, dst *string) {
	if v, ok := b.lookup(name); ok {
		*dst = v
	}
}

// friendlyName binds FriendlyName (at most 64 characters). An empty value
// resets it to def, since Twilio derives a name when none is given.
func (b *binder) friendlyName(dst *string, def string) {
	const name = "FriendlyName"
	v, ok := b.lookup(name)
	if !ok {
		return
	}
	if utf8.RuneCountInString(v) > maxFriendlyName {
		b.fail(badRequest(codeInvalidFriendly, "%s must be at most %d characters long", name, maxFriendlyName))
		return
	}
	if v == "" {
		v = def
	}
	*dst = v
}

// url binds a callback URL: it must be an absolute http or https URL.
func (b *binder) url(name string, dst *string) {
	v, ok := b.lookup(name)
	if !ok {
		return
	}
	if v != "" && !validURL(v) {
		b.fail(badRequest(codeInvalidURL, "%s is not valid: %q is not an absolute http or https URL", name, v))
		return
	}
	*dst = v
}

func validURL(v string) bool {
	u, err := url.Parse(v)
	if err != nil || u.Host == "" {
		return false
	}
	return u.Scheme == "http" || u.Scheme == "https"
}

// method binds a webhook method: GET or POST. Twilio falls back to POST when
// the method is cleared.
func (b *binder) method(name string, dst *string) {
	v, ok := b.lookup(name)
	if !ok {
		return
	}
	switch strings.ToUpper(v) {
	case "":
		*dst = "POST"
	case "GET", "POST":
		*dst = strings.ToUpper(v)
	default:
		b.fail(badRequest(codeInvalidMethod, "%s must be GET or POST, not %q", name, v))
	}
}

// boolean binds a boolean; an empty value means false.
func (b *binder) boolean(name string, dst *bool) {
	v, ok := b.lookup(name)
	if !ok {
		return
	}
	switch strings.ToLower(v) {
	case "true":
		*dst = true
	case "false", "":
		*dst = false
	default:
		b.fail(badRequest(codeInvalidParameter, "%s must be true or false, not %q", name, v))
	}
}

// sid binds a reference to another resource by SID; empty clears it.
func (b *binder) sid(name, prefix string, dst *string) {
	v, ok := b.lookup(name)
	if !ok {
		return
	}
	if v != "" && !sids.Valid(prefix, v) {
		b.fail(badRequest(codeInvalidParameter, "%s must be a %s SID (%s), not %q", name, prefix, sids.Shape(prefix), v))
		return
	}
	*dst = v
}

// enum binds one of a fixed set of values.
func (b *binder) enum(name string, dst *string, allowed ...string) {
	v, ok := b.lookup(name)
	if !ok {
		return
	}
	for _, a := range allowed {
		if v == a {
			*dst = v
			return
		}
	}
	b.fail(badRequest(codeInvalidParameter, "%s must be one of %s, not %q", name, strings.Join(allowed, ", "), v))
}
