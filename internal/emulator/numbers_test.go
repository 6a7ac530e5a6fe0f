package emulator

import (
	"net/url"
	"testing"
)

func TestNumberPurchase(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	path := accountPath(h.main.user, "/IncomingPhoneNumbers.json")
	tests := []struct {
		name   string
		form   url.Values
		status int
		code   int
		number string
	}{
		{"by number", url.Values{"PhoneNumber": {"+14155550123"}}, 201, 0, "+14155550123"},
		{"already owned", url.Values{"PhoneNumber": {"+14155550123"}}, 400, 21422, ""},
		{"magic unavailable number", url.Values{"PhoneNumber": {"+15005550000"}}, 400, 21422, ""},
		{"magic invalid number", url.Values{"PhoneNumber": {"+15005550001"}}, 400, 21421, ""},
		{"not E.164", url.Values{"PhoneNumber": {"415-555-0100"}}, 400, 21421, ""},
		{"by area code", url.Values{"AreaCode": {"212"}}, 201, 0, "+12125550100"},
		{"by area code again", url.Values{"AreaCode": {"212"}}, 201, 0, "+12125550101"},
		{"area code without stock", url.Values{"AreaCode": {"533"}}, 400, 21452, ""},
		{"invalid area code", url.Values{"AreaCode": {"12"}}, 400, 21451, ""},
		{"neither", url.Values{"FriendlyName": {"x"}}, 400, 20001, ""},
		{"toll-free", url.Values{"PhoneNumber": {"+18005550100"}}, 201, 0, "+18005550100"},
		{"unknown application", url.Values{"PhoneNumber": {"+14155550150"}, "VoiceApplicationSid": {newSID("AP")}}, 400, 21218, ""},
		{"malformed trunk", url.Values{"PhoneNumber": {"+14155550150"}, "TrunkSid": {"TK1"}}, 400, 20001, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.post(h.main, path, tt.form)
			if tt.code != 0 {
				wantError(t, r, tt.status, tt.code, "")
				return
			}
			h.must(r, tt.status)
			if r.str("phone_number") != tt.number {
				t.Errorf("bought %q, want %q", r.str("phone_number"), tt.number)
			}
		})
	}
	// Magic failures and rejected requests bought nothing.
	if n := len(h.e.Snapshot().IncomingNumbers); n != 4 {
		t.Errorf("%d numbers owned, want 4", n)
	}
}

func TestNumberCRUD(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	base := accountPath(m.user, "/IncomingPhoneNumbers")
	app := h.must(h.post(m, accountPath(m.user, "/Applications.json"), nil), 201).str("sid")
	r := h.must(h.post(m, base+".json", url.Values{
		"PhoneNumber": {"+14155550150"}, "FriendlyName": {"support"}, "VoiceUrl": {"https://example.com/v"},
		"VoiceMethod": {"GET"}, "SmsApplicationSid": {app}, "TrunkSid": {newSID("TK")},
		"StatusCallback": {"https://example.com/s"}, "VoiceReceiveMode": {"fax"},
	}), 201)
	sid := r.str("sid")
	if r.str("friendly_name") != "support" || r.str("voice_url") != "https://example.com/v" || r.str("voice_method") != "GET" ||
		r.str("sms_application_sid") != app || r.str("trunk_sid") == "" || r.str("voice_receive_mode") != "fax" ||
		r.str("status") != "in-use" || r.str("emergency_status") != "Inactive" {
		t.Fatalf("created number = %v", r.body)
	}
	caps := r.body["capabilities"].(map[string]any)
	if caps["voice"] != true || caps["sms"] != true || caps["mms"] != true || caps["fax"] != false {
		t.Errorf("capabilities = %v", caps)
	}

	r = h.must(h.post(m, base+"/"+sid+".json", url.Values{
		"VoiceUrl": {""}, "SmsApplicationSid": {""}, "TrunkSid": {""}, "FriendlyName": {""}, "VoiceMethod": {""},
		"SmsUrl": {"https://example.com/sms"},
	}), 200)
	for _, k := range []string{"voice_url", "trunk_sid"} {
		if r.body[k] != nil {
			t.Errorf("%s = %v after clearing, want null", k, r.body[k])
		}
	}
	// Twilio's examples send "" for an unset application SID, not null.
	if r.body["sms_application_sid"] != "" {
		t.Errorf("sms_application_sid = %v after clearing, want \"\"", r.body["sms_application_sid"])
	}
	if r.str("friendly_name") != "(415) 555-0150" || r.str("voice_method") != "POST" || r.str("sms_url") != "https://example.com/sms" ||
		r.str("status_callback") != "https://example.com/s" {
		t.Errorf("updated number = %v", r.body)
	}

	list := h.must(h.get(m, base+".json", url.Values{"PhoneNumber": {"+14155550150"}}), 200)
	if len(list.list("incoming_phone_numbers")) != 1 {
		t.Errorf("list by number = %v", list.body)
	}
	if n := len(h.must(h.get(m, base+".json", url.Values{"PhoneNumber": {"555015*"}}), 200).list("incoming_phone_numbers")); n != 1 {
		t.Errorf("wildcard list found %d", n)
	}
	if n := len(h.must(h.get(m, base+".json", url.Values{"FriendlyName": {"nope"}}), 200).list("incoming_phone_numbers")); n != 0 {
		t.Errorf("friendly name filter found %d", n)
	}

	h.must(h.del(m, base+"/"+sid+".json"), 204)
	wantError(t, h.get(m, base+"/"+sid+".json", nil), 404, 20404, "")
	// A released number returns to the inventory.
	h.must(h.post(m, base+".json", url.Values{"PhoneNumber": {"+14155550150"}}), 201)
}

func TestDeletingApplicationUnhooksNumbers(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	app := h.must(h.post(m, accountPath(m.user, "/Applications.json"), nil), 201).str("sid")
	n := h.must(h.post(m, accountPath(m.user, "/IncomingPhoneNumbers.json"),
		url.Values{"AreaCode": {"415"}, "VoiceApplicationSid": {app}}), 201).str("sid")
	h.must(h.del(m, accountPath(m.user, "/Applications/"+app+".json")), 204)
	if got := h.must(h.get(m, accountPath(m.user, "/IncomingPhoneNumbers/"+n+".json"), nil), 200).body["voice_application_sid"]; got != "" {
		t.Errorf("voice_application_sid = %v", got)
	}
}

func TestNumberTransfer(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	s1, s2 := h.subaccount("s1"), h.subaccount("s2")
	otherSid, _ := h.e.NewMainAccount("", "", "")
	s3, s4 := h.subaccount("s3"), h.subaccount("s4")
	h.must(h.post(m, accountPath(s3.user, ".json"), url.Values{"Status": {"suspended"}}), 200)
	h.must(h.post(m, accountPath(s4.user, ".json"), url.Values{"Status": {"closed"}}), 200)
	keySid, keySecret, err := h.e.CreateMainKey(m.user, "main")
	if err != nil {
		t.Fatal(err)
	}
	mainKey := creds{keySid, keySecret}
	app := h.must(h.post(s1, accountPath(s1.user, "/Applications.json"), nil), 201).str("sid")
	bought := h.must(h.post(m, accountPath(s1.user, "/IncomingPhoneNumbers.json"),
		url.Values{"PhoneNumber": {"+14155550177"}, "VoiceApplicationSid": {app}}), 201)
	sid := bought.str("sid")
	numberPath := func(acct string) string { return accountPath(acct, "/IncomingPhoneNumbers/"+sid+".json") }

	tests := []struct {
		name   string
		c      creds
		from   string
		to     string
		status int
		code   int
	}{
		{"other family", m, s1.user, otherSid, 400, 21473},
		{"unknown account", m, s1.user, newSID("AC"), 400, 21473},
		{"malformed account", m, s1.user, "AC123", 400, 20001},
		{"suspended destination", m, s1.user, s3.user, 400, 21472},
		{"closed destination", m, s1.user, s4.user, 400, 21472},
		{"subaccount to sibling", s1, s1.user, s2.user, 400, 21474},
		{"subaccount to parent", s1, s1.user, m.user, 400, 21474},
		{"main key", mainKey, s1.user, s2.user, 403, 20003},
		{"parent moves sub to sibling", m, s1.user, s2.user, 200, 0},
		{"parent moves sibling to main", m, s2.user, m.user, 200, 0},
		{"parent moves main to sub", m, m.user, s1.user, 200, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.post(tt.c, numberPath(tt.from), url.Values{"AccountSid": {tt.to}})
			if tt.code != 0 {
				wantError(t, r, tt.status, tt.code, "")
				return
			}
			h.must(r, tt.status)
			if r.str("sid") != sid || r.str("account_sid") != tt.to || r.str("phone_number") != "+14155550177" {
				t.Errorf("moved number = %v", r.body)
			}
			// The application belonged to the old account.
			if r.body["voice_application_sid"] != "" {
				t.Errorf("voice_application_sid survived the move: %v", r.body["voice_application_sid"])
			}
			wantError(t, h.get(m, numberPath(tt.from), nil), 404, 20404, "")
			h.must(h.get(m, numberPath(tt.to), nil), 200)
		})
	}
}

func TestAvailableNumbers(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	h.must(h.post(m, accountPath(m.user, "/IncomingPhoneNumbers.json"), url.Values{"PhoneNumber": {"+14155550100"}}), 201)
	path := func(country, kind string) string {
		return accountPath(m.user, "/AvailablePhoneNumbers/"+country+"/"+kind+".json")
	}
	tests := []struct {
		name  string
		path  string
		query url.Values
		first string
		count int
	}{
		{"owned numbers are skipped", path("US", "Local"), url.Values{"AreaCode": {"415"}}, "+14155550101", 50},
		{"page size", path("US", "Local"), url.Values{"AreaCode": {"415"}, "PageSize": {"3"}}, "+14155550101", 3},
		{"contains", path("US", "Local"), url.Values{"Contains": {"4155550142"}}, "+14155550142", 1},
		{"contains with wildcard", path("US", "Local"), url.Values{"Contains": {"+1212*5*0199"}}, "+12125550199", 1},
		{"empty area code", path("US", "Local"), url.Values{"AreaCode": {"533"}}, "", 0},
		{"toll-free has no MMS", path("US", "TollFree"), url.Values{"MmsEnabled": {"true"}}, "", 0},
		{"toll-free", path("US", "TollFree"), url.Values{"AreaCode": {"888"}, "SmsEnabled": {"true"}}, "+18885550100", 50},
		{"GB mobile", path("GB", "Mobile"), url.Values{"PageSize": {"1"}}, "+447700900100", 1},
		{"voice disabled", path("GB", "Local"), url.Values{"VoiceEnabled": {"false"}}, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.must(h.get(m, tt.path, tt.query), 200)
			nums := r.list("available_phone_numbers")
			if len(nums) != tt.count {
				t.Fatalf("%d numbers, want %d: %v", len(nums), tt.count, r.body)
			}
			if tt.count > 0 && nums[0].(map[string]any)["phone_number"] != tt.first {
				t.Errorf("first = %v, want %s", nums[0], tt.first)
			}
		})
	}
	wantError(t, h.get(m, path("US", "Mobile"), nil), 404, 20404, "")
	wantError(t, h.get(m, path("US", "Local"), url.Values{"AreaCode": {"99"}}), 400, 21451, "")
	wantError(t, h.get(m, path("US", "Local"), url.Values{"SmsEnabled": {"maybe"}}), 400, 20001, "")
}

// Twilio sells only the numbers its AvailablePhoneNumbers search offers
// (https://www.twilio.com/docs/errors/21422), so the emulator refuses a
// well-formed number that is not in its inventory, and sells every number a
// search returns.
func TestBuyOnlyFromInventory(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	// Every kind is sold with an address that meets any requirement (see TestAddressRules).
	address := h.must(h.post(m, accountPath(m.user, "/Addresses.json"), addressForm("GB", false)), 201).str("sid")
	buy := func(number string) reply {
		return h.post(m, accountPath(m.user, "/IncomingPhoneNumbers.json"), url.Values{"PhoneNumber": {number},
			"AddressSid": {address}})
	}
	for _, number := range []string{"+14155551234", "+14155550200", "+442079460000", "+15005550000"} {
		wantError(t, buy(number), 400, 21422, number)
	}
	for _, kind := range [][2]string{{"US", "Local"}, {"US", "TollFree"}, {"CA", "Local"}, {"GB", "Local"}, {"GB", "Mobile"}, {"GB", "TollFree"}} {
		found := h.must(h.get(m, accountPath(m.user, "/AvailablePhoneNumbers/"+kind[0]+"/"+kind[1]+".json"),
			url.Values{"PageSize": {"1"}}), 200).list("available_phone_numbers")
		if len(found) != 1 {
			t.Fatalf("%v: search found %d numbers", kind, len(found))
		}
		number := found[0].(map[string]any)["phone_number"].(string)
		if country, numberType, regulated := numberRegulation(number); regulated {
			// UK numbers need a bundle (bundles_test.go).
			bundle := h.bundle(BundleOptions{IsoCountry: country, NumberType: numberType, EndUserType: "business"})
			h.must(h.post(m, accountPath(m.user, "/IncomingPhoneNumbers.json"), url.Values{
				"PhoneNumber": {number}, "BundleSid": {bundle}, "AddressSid": {address}}), 201)
			continue
		}
		h.must(buy(number), 201)
	}
	wantError(t, h.post(m, accountPath(m.user, "/IncomingPhoneNumbers.json"), url.Values{"AreaCode": {"12"}}), 400, 21451, "")
}
