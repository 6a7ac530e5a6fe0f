package emulator

import (
	"net/url"
	"strings"
	"testing"
)

// A near match is corrected by default (AutoCorrectAddress defaults to true) and refused with 21629
// naming the suggestion when AutoCorrectAddress is false; an emergency address's friendly name has at most
// 32 characters, any other's 64.
func TestAddressNearMatchAndNames(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	addresses := accountPath(m.user, "/Addresses")
	near := func(extra url.Values) url.Values {
		f := addressForm("US", false)
		f.Set("Street", "645 Harison St")
		f.Set("City", "San Francisco")
		for k, v := range extra {
			f[k] = v
		}
		return f
	}
	wantError(t, h.post(m, addresses+".json", near(url.Values{"AutoCorrectAddress": {"false"}})), 400, 21629,
		"Check the suggested address. | FriendlyName: , CustomerName: Tenant, Street: 645 HARRISON ST, Locality: SAN FRANCISCO")
	r := h.must(h.post(m, addresses+".json", near(nil)), 201)
	if r.str("street") != "645 HARRISON ST" {
		t.Fatalf("auto-corrected address stored %v", r.body)
	}
	sid := r.str("sid")
	wantError(t, h.post(m, addresses+"/"+sid+".json", url.Values{"Street": {"645 harison st"}, "AutoCorrectAddress": {"false"}}), 400, 21629, "")
	h.must(h.post(m, addresses+"/"+sid+".json", url.Values{"Street": {"645 harison st"}, "AutoCorrectAddress": {"true"}}), 200)

	long := strings.Repeat("x", 33)
	emergency := addressForm("US", true)
	emergency.Set("FriendlyName", long)
	wantError(t, h.post(m, addresses+".json", emergency), 400, 20002, "at most 32")
	emergency.Set("FriendlyName", long[:32])
	sid = h.must(h.post(m, addresses+".json", emergency), 201).str("sid")
	wantError(t, h.post(m, addresses+"/"+sid+".json", url.Values{"FriendlyName": {long}}), 400, 20002, "at most 32")
	plain := addressForm("US", false)
	plain.Set("FriendlyName", strings.Repeat("x", 64))
	plainSid := h.must(h.post(m, addresses+".json", plain), 201).str("sid")
	// Turning emergency calling on checks the name it already has.
	wantError(t, h.post(m, addresses+"/"+plainSid+".json", url.Values{"EmergencyEnabled": {"true"}}), 400, 20002, "at most 32")
}
