// Package sids is Twilio's rule for string identifiers (SIDs) in one place: the client, the provider, the
// access-token minting, the emulator and the OpenAPI checks import it, and nothing else writes the pattern.
//
// A SID is a two-letter prefix naming its kind and 32 hexadecimal digits. Twilio's OpenAPI descriptions
// give every SID field the pattern ^XX[0-9a-fA-F]{32}$ (for example AccountSid: ^AC[0-9a-fA-F]{32}$ in
// twilio_api_v2010.json), so both cases of hex digit are valid SIDs; Twilio itself only issues lower case.
package sids

import (
	"fmt"
	"regexp"
	"strings"
)

// Digits is how many hexadecimal digits follow the prefix.
const Digits = 32

// hexClass is the character class of the digits, as Twilio's spec patterns write it.
const hexClass = "[0-9a-fA-F]"

// Pattern is the regular expression (unanchored) for a SID with the given prefix; an empty prefix stands
// for any two capital letters. Patterns built from it (a Studio flow's webhook URL, a request path) stay
// in step with this package.
func Pattern(prefix string) string {
	if prefix == "" {
		prefix = "[A-Z]{2}"
	}
	return fmt.Sprintf("%s%s{%d}", prefix, hexClass, Digits)
}

// SpecPattern is the pattern Twilio's OpenAPI descriptions give a SID field, as it is written there.
func SpecPattern(prefix string) string { return "^" + Pattern(prefix) + "$" }

var anySID = regexp.MustCompile("^" + Pattern("") + "$")

// Valid reports whether s is a SID with the given two-letter prefix (any prefix when empty), by Twilio's
// spec pattern: either case of hex digit.
func Valid(prefix, s string) bool {
	return anySID.MatchString(s) && (prefix == "" || strings.HasPrefix(s, prefix))
}

// Shape says in words what a SID with this prefix looks like, for error messages.
func Shape(prefix string) string {
	return fmt.Sprintf("%s followed by %d hexadecimal digits", prefix, Digits)
}

// Check explains what is wrong with s as a SID of the given prefix, or returns nil. It is stricter than
// Valid in one way: a SID written in configuration must be lower case, because Twilio answers with the
// lower-case SID it issued and Terraform would then see the configuration and the object disagree on every
// plan.
func Check(prefix, s string) error {
	want := "a Twilio SID: two capital letters followed by " + fmt.Sprint(Digits) + " hexadecimal digits"
	if prefix != "" {
		want = "a Twilio SID: " + Shape(prefix)
		if k, ok := kinds[prefix]; ok {
			want += " (" + article(k.Title) + " SID)"
		}
	}
	switch {
	case !Valid(prefix, s):
		if k, ok := KindOf(s); ok && prefix != "" && k.Prefix != prefix {
			return fmt.Errorf("must be %s, but %s… is %s SID: was another attribute's value put here?", want, s[:2],
				article(k.Title))
		}
		return fmt.Errorf("must be %s", want)
	case s != Canonical(s):
		return fmt.Errorf("must be %s, in lower case as Twilio issues and returns it (%s): Twilio answers with the "+
			"lower-case SID, so an upper-case one would show as a change on every plan", want, Canonical(s))
	}
	return nil
}

// Canonical is s with its hex digits in lower case, as Twilio issues SIDs; other strings are returned as
// they are.
func Canonical(s string) string {
	if !Valid("", s) {
		return s
	}
	return s[:2] + strings.ToLower(s[2:])
}

// Kind is what a SID prefix names.
type Kind struct {
	// Prefix is the two letters, e.g. "AC".
	Prefix string
	// Name is a snake_case name, stable for configurations (the parse_sid function returns it).
	Name string
	// Title is the name in Twilio's words, for messages.
	Title string
}

// kinds lists the prefixes this provider meets, from Twilio's spec patterns (each is the prefix of a
// resource's `sid` field in twilio-oai).
var kinds = map[string]Kind{}

func init() {
	for _, k := range []Kind{
		{"AC", "account", "account"},
		{"AD", "address", "address"},
		{"AP", "application", "TwiML application"},
		{"BU", "bundle", "regulatory bundle"},
		{"CA", "call", "call"},
		{"CR", "push_credential", "push credential"},
		{"FN", "flow_execution", "Studio flow execution"},
		{"FW", "flow", "Studio flow"},
		// Chat, Conversations and Sync services share one prefix.
		{"IS", "chat_or_sync_service", "Chat, Conversations or Sync service"},
		{"IT", "end_user", "end user"},
		{"MG", "messaging_service", "Messaging service"},
		{"PN", "incoming_number", "incoming phone number"},
		{"RD", "supporting_document", "supporting document"},
		{"RM", "video_room", "video room"},
		{"SK", "api_key", "API key"},
		{"SM", "message", "message"},
		{"ZB", "serverless_build", "Serverless build"},
		{"ZD", "serverless_deployment", "Serverless deployment"},
		{"ZE", "serverless_environment", "Serverless environment"},
		// Twilio gives functions and assets one prefix, and their versions another.
		{"ZH", "serverless_function_or_asset", "Serverless function or asset"},
		{"ZN", "serverless_version", "Serverless function or asset version"},
		{"ZS", "serverless_service", "Serverless service"},
		{"ZV", "serverless_variable", "Serverless variable"},
		// Tenant guardrails and day-2 objects (issue 27).
		{"UT", "usage_trigger", "usage trigger"},
		{"QU", "queue", "queue"},
		{"CF", "conference", "conference"},
		{"RE", "recording", "recording"},
		{"SC", "short_code", "short code"},
		{"SD", "sip_domain", "SIP domain"},
		{"TR", "transcription", "transcription"},
	} {
		kinds[k.Prefix] = k
	}
}

// KindOf returns the kind of a valid SID whose prefix this package knows.
func KindOf(s string) (Kind, bool) {
	if !Valid("", s) {
		return Kind{}, false
	}
	k, ok := kinds[s[:2]]
	return k, ok
}

// Kinds returns every known kind, for documentation and tests.
func Kinds() []Kind {
	out := make([]Kind, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, k)
	}
	return out
}

func article(s string) string {
	if s != "" && strings.ContainsRune("aeiouAEIOU", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}
