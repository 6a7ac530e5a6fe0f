package sids_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

const hex32 = "0123456789abcdef0123456789abcdef"

func TestValid(t *testing.T) {
	for _, tc := range []struct {
		prefix, s string
		want      bool
	}{
		{"AC", "AC" + hex32, true},
		{"AC", "AC" + strings.ToUpper(hex32), true}, // Twilio's spec patterns take either case
		{"", "PN" + hex32, true},
		{"AC", "PN" + hex32, false},
		{"AC", "AC" + hex32[:31], false},
		{"AC", "AC" + hex32 + "0", false},
		{"AC", "AC" + hex32[:31] + "g", false},
		{"AC", "ac" + hex32, false},
		{"", "A1" + hex32, false},
		{"AC", "", false},
		{"AC", " AC" + hex32, false},
	} {
		if got := sids.Valid(tc.prefix, tc.s); got != tc.want {
			t.Errorf("Valid(%q, %q) = %v, want %v", tc.prefix, tc.s, got, tc.want)
		}
	}
}

// The pattern is Twilio's, to the letter: the spec's SID patterns must read exactly as SpecPattern writes
// them (internal/oas recognises SID fields by it).
func TestSpecPattern(t *testing.T) {
	if got, want := sids.SpecPattern("AC"), `^AC[0-9a-fA-F]{32}$`; got != want {
		t.Errorf("SpecPattern(AC) = %s, want %s (as twilio_api_v2010.json writes AccountSid)", got, want)
	}
	re := regexp.MustCompile(sids.SpecPattern("FW"))
	if !re.MatchString("FW"+hex32) || re.MatchString("FW"+hex32+"0") {
		t.Error("SpecPattern(FW) does not match like Valid")
	}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		prefix, s, want string
	}{
		{"AC", "AC" + hex32, ""},
		{"AC", "AC" + strings.ToUpper(hex32), "in lower case as Twilio issues and returns it (AC" + hex32 + ")"},
		{"AC", "SK" + hex32, "must be a Twilio SID: AC followed by 32 hexadecimal digits (an account SID), but SK… is an API key SID"},
		{"AP", "AC" + hex32, "but AC… is an account SID"},
		{"AC", "nope", "must be a Twilio SID: AC followed by 32 hexadecimal digits (an account SID)"},
		{"QQ", "nope", "must be a Twilio SID: QQ followed by 32 hexadecimal digits"},
		{"", "nope", "two capital letters followed by 32 hexadecimal digits"},
	} {
		err := sids.Check(tc.prefix, tc.s)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("Check(%q, %q) = %v, want nil", tc.prefix, tc.s, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("Check(%q, %q) = %v, want it to say %q", tc.prefix, tc.s, err, tc.want)
		}
	}
}

func TestKindOf(t *testing.T) {
	if k, ok := sids.KindOf("ZS" + hex32); !ok || k.Name != "serverless_service" {
		t.Errorf("KindOf(ZS…) = %+v, %v", k, ok)
	}
	if _, ok := sids.KindOf("QQ" + hex32); ok {
		t.Error("KindOf(QQ…) found a kind for an unknown prefix")
	}
	if _, ok := sids.KindOf("AC" + hex32[:5]); ok {
		t.Error("KindOf accepted a malformed SID")
	}
	seen := map[string]bool{}
	for _, k := range sids.Kinds() {
		if !regexp.MustCompile(`^[A-Z]{2}$`).MatchString(k.Prefix) || k.Name == "" || k.Title == "" || seen[k.Name] {
			t.Errorf("bad or repeated kind %+v", k)
		}
		seen[k.Name] = true
	}
}

func TestCanonical(t *testing.T) {
	if got := sids.Canonical("AC" + strings.ToUpper(hex32)); got != "AC"+hex32 {
		t.Errorf("Canonical = %s", got)
	}
	if got := sids.Canonical("+14155550100"); got != "+14155550100" {
		t.Errorf("Canonical changed a non-SID: %s", got)
	}
}
