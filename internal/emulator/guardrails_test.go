package emulator_test

import (
	"net/url"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
)

// TestAuthTokenRotation: the secondary token works alongside the old one until the promote; after it
// only the new one does; the parent's credentials rotate the parent's own token, never the subaccount's.
func TestAuthTokenRotation(t *testing.T) {
	t.Parallel()
	for _, refuse := range []bool{false, true} {
		v := oastest.Validator(t)
		e := newEmulator()
		e.SetAlternative(emulator.AltSecondaryExistsRefused, refuse)
		c := serve(t, v, e)
		mainSID, mainToken := e.MainAccount()
		main := credentials{mainSID, mainToken}
		sub := c.must(201, main, "POST", apiHost, "/2010-04-01/Accounts.json", nil)
		old := credentials{sub.str("sid"), sub.str("auth_token")}
		fetch := "/2010-04-01/Accounts/" + old.user + ".json"

		a := c.must(201, old, "POST", accountsHost, "/v1/AuthTokens/Secondary", nil)
		if a.str("account_sid") != old.user {
			t.Fatalf("secondary made for %s, want the subaccount %s", a.str("account_sid"), old.user)
		}
		secondary := credentials{old.user, a.str("secondary_auth_token")}
		c.must(200, old, "GET", apiHost, fetch, nil)
		c.must(200, secondary, "GET", apiHost, fetch, nil)
		again := c.send(old, "POST", accountsHost, "/v1/AuthTokens/Secondary", nil)
		switch {
		case refuse && again.status != 400:
			t.Fatalf("second secondary with the alternative on: %d, want 400", again.status)
		case !refuse && again.status != 201:
			t.Fatalf("second secondary: %d, want 201", again.status)
		case !refuse:
			c.must(401, secondary, "GET", apiHost, fetch, nil) // replaced
			secondary.pass = again.str("secondary_auth_token")
		}
		promoted := c.must(200, old, "POST", accountsHost, "/v1/AuthTokens/Promote", nil)
		if promoted.str("auth_token") != secondary.pass {
			t.Fatal("the promoted token is not the secondary")
		}
		c.must(401, old, "GET", apiHost, fetch, nil)
		c.must(200, secondary, "GET", apiHost, fetch, nil)
		c.must(400, secondary, "POST", accountsHost, "/v1/AuthTokens/Promote", nil)
		c.must(404, secondary, "DELETE", accountsHost, "/v1/AuthTokens/Secondary", nil)
		// The parent reads the new token; its own token is untouched.
		if got := c.must(200, main, "GET", apiHost, fetch, nil).str("auth_token"); got != secondary.pass {
			t.Error("the parent does not read the promoted token")
		}
		parent := c.must(201, main, "POST", accountsHost, "/v1/AuthTokens/Secondary", nil)
		if parent.str("account_sid") != mainSID {
			t.Errorf("the parent's credentials made a secondary for %s", parent.str("account_sid"))
		}
		// A standard key cannot rotate tokens.
		key := c.must(201, secondary, "POST", apiHost, "/2010-04-01/Accounts/"+old.user+"/Keys.json", nil)
		c.must(403, credentials{key.str("sid"), key.str("secret")}, "POST", accountsHost, "/v1/AuthTokens/Secondary", nil)
		oastest.Check(t, v)
	}
}

// TestDialingPermissions: a new subaccount inherits the parent's permissions; a bulk update writes its
// own, which apply once inheritance is off; the main account cannot inherit.
func TestDialingPermissions(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	mainSID, mainToken := e.MainAccount()
	main := credentials{mainSID, mainToken}
	sub := c.must(201, main, "POST", apiHost, "/2010-04-01/Accounts.json", nil)
	subCreds := credentials{sub.str("sid"), sub.str("auth_token")}
	enabled := func(cr credentials) map[string]bool {
		out := map[string]bool{}
		page := c.must(200, cr, "GET", voiceHost, "/v1/DialingPermissions/Countries", url.Values{"PageSize": {"1000"}, "LowRiskNumbersEnabled": {"true"}})
		for _, it := range page.body["content"].([]any) {
			out[it.(map[string]any)["iso_code"].(string)] = true
		}
		return out
	}
	if got := c.must(200, subCreds, "GET", voiceHost, "/v1/Settings", nil).body["dialing_permissions_inheritance"]; got != true {
		t.Fatalf("a new subaccount's inheritance is %v, want true", got)
	}
	if got := enabled(subCreds); !got["US"] || !got["CA"] || len(got) != 2 {
		t.Fatalf("an inheriting subaccount sees %v, want the parent's US and CA", got)
	}
	c.must(201, subCreds, "POST", voiceHost, "/v1/DialingPermissions/BulkCountryUpdates", url.Values{"UpdateRequest": {
		`[{"iso_code":"GB","low_risk_numbers_enabled":"true","high_risk_special_numbers_enabled":"false","high_risk_tollfraud_numbers_enabled":false}]`}})
	if got := enabled(subCreds); got["GB"] {
		t.Fatal("a bulk update applied while the subaccount inherits")
	}
	c.must(202, subCreds, "POST", voiceHost, "/v1/Settings", url.Values{"DialingPermissionsInheritance": {"false"}})
	if got := enabled(subCreds); !got["GB"] || len(got) != 1 {
		t.Fatalf("after inheritance off the subaccount sees %v, want its own GB", got)
	}
	// An invalid object refuses the whole request.
	c.must(400, subCreds, "POST", voiceHost, "/v1/DialingPermissions/BulkCountryUpdates", url.Values{"UpdateRequest": {
		`[{"iso_code":"DE","low_risk_numbers_enabled":"true"},{"iso_code":"ZZ","low_risk_numbers_enabled":"true"}]`}})
	if got := enabled(subCreds); got["DE"] {
		t.Fatal("a refused bulk update applied in part")
	}
	if got := enabled(main); got["GB"] {
		t.Fatal("the subaccount's update reached the parent")
	}
	c.must(200, main, "GET", voiceHost, "/v1/DialingPermissions/Countries/US", nil)
	if got := c.must(200, main, "GET", voiceHost, "/v1/Settings", nil).body["dialing_permissions_inheritance"]; got != false {
		t.Errorf("the main account's inheritance is %v", got)
	}
	c.must(400, main, "POST", voiceHost, "/v1/Settings", url.Values{"DialingPermissionsInheritance": {"true"}})
	oastest.Check(t, v)
}

// TestUsageTriggers: defaults, the offset value, what an update may change, and closing drops them.
func TestUsageTriggers(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	mainSID, mainToken := e.MainAccount()
	main := credentials{mainSID, mainToken}
	subSID := c.must(201, main, "POST", apiHost, "/2010-04-01/Accounts.json", nil).str("sid")
	triggers := "/2010-04-01/Accounts/" + subSID + "/Usage/Triggers"
	tr := c.must(201, main, "POST", apiHost, triggers+".json", url.Values{
		"CallbackUrl": {"https://example.com/t"}, "TriggerValue": {"+30"}, "UsageCategory": {"calls"}})
	for k, want := range map[string]string{"trigger_value": "30", "recurring": "alltime", "trigger_by": "usage",
		"callback_method": "POST", "current_value": "0", "account_sid": subSID} {
		if got := tr.str(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	// Only the callback and the name change; the rest is fixed at create.
	up := c.must(200, main, "POST", apiHost, triggers+"/"+tr.str("sid")+".json", url.Values{"CallbackUrl": {"https://example.com/u"}})
	if up.str("callback_url") != "https://example.com/u" || up.str("trigger_value") != "30" {
		t.Errorf("update answered %v", up.body)
	}
	c.must(400, main, "POST", apiHost, triggers+".json", url.Values{
		"CallbackUrl": {"https://example.com/t"}, "TriggerValue": {"0"}, "UsageCategory": {"calls"}})
	c.must(200, main, "POST", apiHost, "/2010-04-01/Accounts/"+subSID+".json", url.Values{"Status": {"closed"}})
	if snap := e.Snapshot(); len(snap.UsageTriggers) != 0 {
		t.Errorf("closing left %d triggers", len(snap.UsageTriggers))
	}
	oastest.Check(t, v)
}
