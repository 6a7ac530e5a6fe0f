package phonenumber

import (
	"errors"
	"strings"
	"testing"
)

func TestE164(t *testing.T) {
	for _, tc := range []struct {
		number, country, want string
	}{
		{"+1 (415) 555-2671", "", "+14155552671"},
		{"415-555-2671", "US", "+14155552671"},
		{"1 415 555 2671", "us", "+14155552671"},
		{"(604) 555 0100", "CA", "+16045550100"},
		{"020 7183 8750", "GB", "+442071838750"},
		{"+44 20 7183 8750", "US", "+442071838750"},
		{"030/1234567", "DE", "+49301234567"},
		{"06 12 34 56 78", "FR", "+33612345678"},
		{"06 1234 5678", "IT", "+390612345678"},   // Italy keeps its leading 0
		{"+39 06 1234 5678", "", "+390612345678"}, // ... in international format too
		{"612 345 678", "ES", "+34612345678"},
		{"8 (495) 123-45-67", "RU", "+74951234567"},
		{"06 1 234 5678", "HU", "+3612345678"},
		{"0412 345 678", "AU", "+61412345678"},
		{"+683 4002", "", "+6834002"}, // Niue's 4-digit numbers
		{"+800 1234 5678", "", "+80012345678"},
	} {
		got, err := E164(tc.number, tc.country)
		if err != nil || got != tc.want {
			t.Errorf("E164(%q, %q) = %q, %v; want %q", tc.number, tc.country, got, err, tc.want)
		}
	}
}

func TestE164_malformed(t *testing.T) {
	for _, tc := range []struct {
		number, country, reason string
	}{
		{"", "US", "is empty"},
		{"   ", "US", "is empty"},
		{"+", "", "contains no digits"},
		{"--", "US", "contains no digits"},
		{"1-800-FLOWERS", "US", `the letter 'F'`},
		{"415 555 2671 ext. 12", "US", "extensions"},
		{"415+5552671", "US", "not at the start"},
		{"415_555_2671", "US", `contains '_' at position 4`},
		{"+0 123 4567", "", "no country calling code starts with 0"},
		{"+44 020 7183 8750", "", "keeps the national prefix 0 after +44: in international format it is dropped (+44 2071...)"},
		{"+33 06 12 34 56 78", "", "keeps the national prefix 0 after +33"},
		{"+28 1234 5678", "", "+281 is not an assigned country calling code"},
		{"+44 20 7183 8750 1234", "", "has 16 digits"},
		{"+1 415 555 267", "", "has 10 digits after the 1"},
		{"+1 415 555 26711", "", "has 10 digits after the 1"},
		{"+1 015 555 2671", "", "area code cannot start with 0"},
		{"+1 115 555 2671", "", "area code cannot start with 1"},
		{"+1 415 155 2671", "", "exchange code"},
		{"+44 123", "", "only 3 digits after the country calling code +44"},
		{"4155552671", "", "no country calling code"},
		{"4155552671", "XX", `default country "XX" is not an ISO 3166-1 alpha-2`},
		{"4155552671", "USA", `default country "USA"`},
		{"0044 20 7183 8750", "GB", "starts with 00"},
		{"20 7183 8750", "GB", "does not start with its national prefix 0"},
		{"021 123 4567", "CL", "national prefix of CL is not in this provider's table"},
	} {
		got, err := E164(tc.number, tc.country)
		if err == nil {
			t.Errorf("E164(%q, %q) = %q, want an error saying %q", tc.number, tc.country, got, tc.reason)
			continue
		}
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("E164(%q, %q): error %T is not an *Error", tc.number, tc.country, err)
		}
		if !strings.Contains(err.Error(), tc.reason) {
			t.Errorf("E164(%q, %q) error %q does not say %q", tc.number, tc.country, err, tc.reason)
		}
	}
}

// TestCountriesTable keeps the table well formed: upper-case ISO codes, calling codes of 1-3 digits that
// form a prefix code (no assigned code is a prefix of another, or a number would match two countries).
func TestCountriesTable(t *testing.T) {
	for iso, c := range countries {
		if len(iso) != 2 || strings.ToUpper(iso) != iso {
			t.Errorf("%q is not an upper-case alpha-2 code", iso)
		}
		if len(c.code) < 1 || len(c.code) > 3 || strings.Trim(c.code, "0123456789") != "" || c.code[0] == '0' {
			t.Errorf("%s: calling code %q is not 1-3 digits without a leading 0", iso, c.code)
		}
	}
	for a := range assigned {
		for b := range assigned {
			if a != b && strings.HasPrefix(b, a) {
				t.Errorf("calling code %s is a prefix of %s", a, b)
			}
		}
	}
	if code, ok := CallingCode("gb"); !ok || code != "44" {
		t.Errorf("CallingCode(gb) = %q, %v", code, ok)
	}
}
