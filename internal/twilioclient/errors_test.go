package twilioclient

import (
	"strings"
	"testing"

	twclient "github.com/twilio/twilio-go/client"
)

// Every error Twilio documents for a configuration the provider cannot check at plan time carries a hint
// saying what to change; API keys used outside their scope get the scope hint whether Twilio answers 401
// or 403.
func TestErrorHints(t *testing.T) {
	t.Parallel()
	const keySID = "SK0123456789abcdef0123456789abcdef"
	withKey := &Client{cfg: Config{AccountSID: testAccount, APIKeySID: keySID, APIKeySecret: "s3cr3tvalue"}}
	withToken := &Client{cfg: Config{AccountSID: testAccount, AuthToken: testToken}}
	tests := []struct {
		name   string
		c      *Client
		status int
		code   int
		want   []string
	}{
		{"key scope answered 403", withKey, 403, 20003, []string{keySID, "main account's keys cannot manage its subaccounts' resources", "policy"}},
		// NOTE: Twilio has been seen answering 401 for a main account's key on a subaccount's resources.
		{"key scope answered 401", withKey, 401, 20003, []string{keySID, "TWILIO_API_KEY", "main account's keys cannot manage its subaccounts' resources", "policy"}},
		{"bad auth token", withToken, 401, 20003, []string{"rejected the auth token", "TWILIO_AUTH_TOKEN"}},
		{"page size", withToken, 400, 20007, []string{"at most 1000"}},
		{"number not offered", withToken, 400, 21422, []string{"twilio_available_phone_numbers"}},
		{"invalid area code", withToken, 400, 21451, []string{"North American area code"}},
		{"move to inactive account", withToken, 400, 21472, []string{"active"}},
		{"move outside the family", withToken, 400, 21473, []string{"main account and its subaccounts"}},
		{"move by a subaccount", withToken, 400, 21474, []string{"main account's SID and auth token"}},
		{"main account status", withToken, 400, 21477, []string{"main account"}},
		{"closed account", withToken, 400, 21479, []string{"never reopens"}},
		{"move without an address", withToken, 400, 21613, []string{"address"}},
		{"purchase without an address", withToken, 400, 21631, []string{"address_sid", "twilio_address"}},
		{"address in another country", withToken, 400, 21615, []string{"address_sid", "iso_country"}},
		{"address not validated", withToken, 400, 21628, []string{"postal_code"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.c.wrapError(&twclient.TwilioRestError{Status: tt.status, Code: tt.code, Message: "twilio says no"})
			msg := err.Error()
			for _, want := range tt.want {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not mention %q", msg, want)
				}
			}
			for _, secret := range []string{"s3cr3tvalue", testToken} {
				if strings.Contains(msg, secret) {
					t.Errorf("error leaks a secret: %q", msg)
				}
			}
		})
	}
}

// Every resource of a plan meets a rejected credential: the first error explains it in full, later ones
// refer to it, and a suspended account (20005) is no credential problem.
func TestCredentialRejection_explainedOnce(t *testing.T) {
	t.Parallel()
	c := &Client{cfg: Config{AccountSID: testAccount, AuthToken: testToken}}
	inactive := c.wrapError(&twclient.TwilioRestError{Status: 401, Code: 20005, Message: "Account not active"})
	first := c.wrapError(&twclient.TwilioRestError{Status: 401, Code: 20003, Message: "Authenticate"})
	second := c.wrapError(&twclient.TwilioRestError{Status: 401, Code: 20003, Message: "Authenticate"})
	if !strings.Contains(inactive.Error(), "suspended or closed") {
		t.Errorf("20005 must keep its own hint: %q", inactive)
	}
	if !strings.Contains(first.Error(), "rejected the auth token") || strings.Contains(first.Error(), "another resource") {
		t.Errorf("the first rejection must be explained in full: %q", first)
	}
	if strings.Contains(second.Error(), "TWILIO_AUTH_TOKEN") || !strings.Contains(second.Error(), "one of these errors, which names them, says what to check") ||
		!strings.Contains(second.Error(), "20003") {
		t.Errorf("a later rejection must refer to the first, keeping Twilio's code: %q", second)
	}
}

// Right credentials of another region fail like a wrong token; with region or edge configured the error
// says so.
func TestCredentialRejection_regionHint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		region, edge  string
		key           bool
		want, wantNot string
	}{
		{"no region", "", "", false, "", "region"},
		{"ie1 token", "ie1", "dublin", false, "Twilio's ie1 region", ""},
		{"au1 key", "au1", "sydney", true, "an API key made in au1", ""},
		{"edge only", "", "ashburn", false, "Twilio's us1 region", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg := Config{AccountSID: testAccount, AuthToken: testToken, Region: tt.region, Edge: tt.edge}
			if tt.key {
				cfg.AuthToken, cfg.APIKeySID, cfg.APIKeySecret = "", "SK0123456789abcdef0123456789abcdef", "s3cr3tvalue"
			}
			msg := (&Client{cfg: cfg}).wrapError(&twclient.TwilioRestError{Status: 401, Code: 20003, Message: "Authenticate"}).Error()
			if tt.want != "" && (!strings.Contains(msg, tt.want) || !strings.Contains(msg, "valid only in the region they were made in")) {
				t.Errorf("error %q does not name the region (%q)", msg, tt.want)
			}
			if tt.wantNot != "" && strings.Contains(msg, tt.wantNot) {
				t.Errorf("error %q mentions %q without a region configured", msg, tt.wantNot)
			}
		})
	}
}
