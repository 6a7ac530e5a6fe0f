package emulator

import (
	"net/url"
	"testing"
)

func addressForm(country string, emergency bool) url.Values {
	f := url.Values{"CustomerName": {"Tenant"}, "Street": {"1 Example Street"}, "City": {"London"},
		"Region": {"Greater London"}, "PostalCode": {"SW1A 1AA"}, "IsoCountry": {country}}
	if emergency {
		f.Set("EmergencyEnabled", "true")
	}
	return f
}

func TestAddressCRUD(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	sub := h.subaccount("tenant")
	base := accountPath(sub.user, "/Addresses")
	// The parent's auth token manages the subaccount's addresses, as every 2010 resource.
	r := h.must(h.post(h.main, base+".json", addressForm("GB", false)), 201)
	sid := r.str("sid")
	if r.str("account_sid") != sub.user || r.body["validated"] != true || r.body["verified"] != false ||
		r.body["friendly_name"] != nil || r.body["street_secondary"] != nil {
		t.Fatalf("created %v", r.body)
	}
	r = h.must(h.post(sub, base+"/"+sid+".json", url.Values{"FriendlyName": {"office"}, "City": {"Leeds"},
		"IsoCountry": {"US"}}), 200)
	// IsoCountry is not an update parameter: the address keeps its country.
	if r.str("city") != "Leeds" || r.str("friendly_name") != "office" || r.str("iso_country") != "GB" {
		t.Fatalf("updated %v", r.body)
	}
	if got := h.must(h.get(h.main, base+".json", url.Values{"IsoCountry": {"GB"}}), 200).list("addresses"); len(got) != 1 {
		t.Fatalf("listed %v", got)
	}
	// Another account cannot see it.
	other := h.subaccount("other")
	wantError(t, h.get(h.main, accountPath(other.user, "/Addresses/"+sid+".json"), nil), 404, 20404, "")
	h.must(h.del(sub, base+"/"+sid+".json"), 204)
	wantError(t, h.get(sub, base+"/"+sid+".json", nil), 404, 20404, "")
}

func TestAddressValidation(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	path := accountPath(h.main.user, "/Addresses.json")
	bad := addressForm("US", false)
	bad.Set("Street", magicInvalidStreet)
	wantError(t, h.post(h.main, path, bad), 400, 21628, "Address Validation Error")
	missing := addressForm("US", false)
	missing.Del("PostalCode")
	wantError(t, h.post(h.main, path, missing), 400, 20001, "PostalCode")
	wantError(t, h.post(h.main, path, addressForm("Britain", false)), 400, 20001, "IsoCountry")
	if n := len(h.e.Snapshot().Addresses); n != 0 {
		t.Fatalf("%d addresses made by refused requests", n)
	}
}

// TestAddressRules covers what numbers require of addresses: 21631 without one, 21615 for one in another
// country, emergency addresses that must be emergency-enabled, and the refusals to release a number with
// an emergency address or to delete an address in use.
func TestAddressRules(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	numbers := accountPath(m.user, "/IncomingPhoneNumbers")
	addresses := accountPath(m.user, "/Addresses")
	gb := h.must(h.post(m, addresses+".json", addressForm("GB", true)), 201).str("sid")
	gbPlain := h.must(h.post(m, addresses+".json", addressForm("GB", false)), 201).str("sid")
	us := h.must(h.post(m, addresses+".json", addressForm("US", true)), 201).str("sid")
	sub := h.subaccount("tenant")
	subAddress := h.must(h.post(m, accountPath(sub.user, "/Addresses.json"), addressForm("GB", true)), 201).str("sid")

	// The search tells what each number needs.
	for path, want := range map[string]string{"/AvailablePhoneNumbers/GB/Local.json": "local",
		"/AvailablePhoneNumbers/GB/Mobile.json": "any", "/AvailablePhoneNumbers/GB/TollFree.json": "none",
		"/AvailablePhoneNumbers/US/Local.json": "none"} {
		got := h.must(h.get(m, accountPath(m.user, path), url.Values{"PageSize": {"1"}}), 200).list("available_phone_numbers")
		if req := got[0].(map[string]any)["address_requirements"]; req != want {
			t.Errorf("%s: address_requirements %v, want %s", path, req, want)
		}
	}

	// UK numbers also need an approved bundle (bundles_test.go); every purchase below has one.
	bundles := map[string]string{
		"+44207": h.bundle(BundleOptions{IsoCountry: "GB", NumberType: "local", EndUserType: "business"}),
		"+44770": h.bundle(BundleOptions{IsoCountry: "GB", NumberType: "mobile", EndUserType: "business"}),
	}
	buy := func(number string, extra url.Values) reply {
		f := url.Values{"PhoneNumber": {number}}
		if b := bundles[number[:6]]; b != "" {
			f.Set("BundleSid", b)
		}
		for k, v := range extra {
			f[k] = v
		}
		return h.post(m, numbers+".json", f)
	}
	wantError(t, buy("+442079460100", nil), 400, 21631, "AddressSid")
	wantError(t, buy("+442079460100", url.Values{"AddressSid": {us}}), 400, 21615, "GB")
	wantError(t, buy("+447700900100", url.Values{"AddressSid": {subAddress}}), 400, 21631, "")
	wantError(t, buy("+447700900100", url.Values{"AddressSid": {newSID("AD")}}), 400, 21631, "")
	wantError(t, buy("+14155550100", url.Values{"AddressSid": {newSID("AD")}}), 400, 20001, "not an address")
	wantError(t, buy("+14155550100", url.Values{"EmergencyAddressSid": {gbPlain}}), 400, 20001, "emergency-enabled")
	wantError(t, buy("+14155550100", url.Values{"EmergencyAddressSid": {subAddress}}), 400, 20001, "emergency-enabled")
	if n := len(h.e.Snapshot().IncomingNumbers); n != 0 {
		t.Fatalf("refused purchases bought %d numbers", n)
	}

	// A US address satisfies "any" (the mobile number); a GB one "local".
	h.must(buy("+447700900100", url.Values{"AddressSid": {us}}), 201)
	r := h.must(buy("+442079460100", url.Values{"AddressSid": {gb}, "EmergencyAddressSid": {gb}}), 201)
	pn := r.str("sid")
	if r.str("address_requirements") != "local" || r.str("emergency_status") != "Active" ||
		r.str("emergency_address_status") != "pending-registration" || r.str("emergency_address_sid") != gb {
		t.Fatalf("bought %v", r.body)
	}
	// The address cannot go while numbers use it, nor stop being emergency-enabled while it is an
	// emergency address; removing a required address is refused.
	wantError(t, h.del(m, addresses+"/"+gb+".json"), 400, 20001, "+442079460100")
	wantError(t, h.post(m, addresses+"/"+gb+".json", url.Values{"EmergencyEnabled": {"false"}}), 400, 20001, "+442079460100")
	wantError(t, h.post(m, numbers+"/"+pn+".json", url.Values{"AddressSid": {""}}), 400, 21631, "")
	// A number with an emergency address is not released until the address is removed.
	wantError(t, h.del(m, numbers+"/"+pn+".json"), 400, 20001, "emergency address")
	h.e.SetEmergencyRegistration(0, false) // numbers_emergency_test.go tests the wait
	r = h.must(h.post(m, numbers+"/"+pn+".json", url.Values{"EmergencyAddressSid": {""}}), 200)
	if r.str("emergency_status") != "Inactive" || r.str("emergency_address_status") != "pending-unregistration" {
		t.Fatalf("after removing the emergency address: %v", r.body)
	}
	h.must(h.del(m, numbers+"/"+pn+".json"), 204)
	h.must(h.del(m, addresses+"/"+gb+".json"), 204)
}

// A move leaves the old account's addresses and bundle behind: the emergency address is removed, and a
// number that needs an address and a bundle arrives only with the new account's named in the move itself
// (21649 without the bundle, 21613 without the address).
func TestAddressMove(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	sub := h.subaccount("tenant")
	numbers := accountPath(m.user, "/IncomingPhoneNumbers")
	emergency := h.must(h.post(m, accountPath(m.user, "/Addresses.json"), addressForm("US", true)), 201).str("sid")
	gbAddress := h.must(h.post(m, accountPath(m.user, "/Addresses.json"), addressForm("GB", false)), 201).str("sid")
	subAddress := h.must(h.post(m, accountPath(sub.user, "/Addresses.json"), addressForm("GB", false)), 201).str("sid")
	bundle := h.bundle(BundleOptions{IsoCountry: "GB", NumberType: "local", EndUserType: "business"})

	us := h.must(h.post(m, numbers+".json", url.Values{"PhoneNumber": {"+14155550170"}, "EmergencyAddressSid": {emergency}}), 201).str("sid")
	r := h.must(h.post(m, numbers+"/"+us+".json", url.Values{"AccountSid": {sub.user}}), 200)
	if r.body["emergency_address_sid"] != nil || r.str("emergency_status") != "Inactive" {
		t.Fatalf("moved number kept the old account's emergency address: %v", r.body)
	}

	gb := h.must(h.post(m, numbers+".json", url.Values{"PhoneNumber": {"+442079460170"}, "BundleSid": {bundle},
		"AddressSid": {gbAddress}}), 201).str("sid")
	// A regulated number moves only with the receiving account's bundle and address (numbers_move.go).
	subBundle := h.bundle(BundleOptions{AccountSid: sub.user, IsoCountry: "GB", NumberType: "local", EndUserType: "business"})
	wantError(t, h.post(m, numbers+"/"+gb+".json", url.Values{"AccountSid": {sub.user}}), 400, 21649, "")
	wantError(t, h.post(m, numbers+"/"+gb+".json", url.Values{"AccountSid": {sub.user}, "BundleSid": {bundle},
		"AddressSid": {subAddress}}), 400, 21649, "not a bundle of account")
	wantError(t, h.post(m, numbers+"/"+gb+".json", url.Values{"AccountSid": {sub.user}, "BundleSid": {subBundle}}), 400, 21613, "Requires an Address")
	r = h.must(h.post(m, numbers+"/"+gb+".json", url.Values{"AccountSid": {sub.user}, "BundleSid": {subBundle},
		"AddressSid": {subAddress}}), 200)
	if r.str("account_sid") != sub.user || r.str("address_sid") != subAddress || r.str("bundle_sid") != subBundle {
		t.Fatalf("moved with the new account's bundle and address: %v", r.body)
	}
}
