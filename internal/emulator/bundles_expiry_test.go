package emulator

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

// An approved bundle whose valid_until has passed is twilio-rejected: fetched, listed or used for a
// purchase. Re-approved without valid_until (the update, played by the review control) it serves again.
func TestBundleExpiry(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	o := gbLocal("", "")
	o.ValidUntil = time.Now().Add(1500 * time.Millisecond)
	sid := h.bundle(o)
	address := h.must(h.post(m, accountPath(m.user, "/Addresses.json"), addressForm("GB", false)), 201).str("sid")
	buy := func(number string) reply {
		return h.post(m, accountPath(m.user, "/IncomingPhoneNumbers.json"), url.Values{"PhoneNumber": {number},
			"BundleSid": {sid}, "AddressSid": {address}})
	}
	if r := h.must(h.get(m, bundlesURL+"/"+sid, nil), http.StatusOK); r.str("status") != BundleApproved || r.str("valid_until") == "" {
		t.Fatalf("before its end: %v", r.body)
	}
	h.must(buy("+442079460180"), http.StatusCreated)

	time.Sleep(2 * time.Second)
	wantError(t, buy("+442079460181"), 400, 21649, "twilio-rejected")
	if r := h.must(h.get(m, bundlesURL+"/"+sid, nil), http.StatusOK); r.str("status") != BundleRejected {
		t.Fatalf("after its end: %v", r.body)
	}
	if got := h.must(h.get(m, bundlesURL, url.Values{"Status": {BundleApproved}}), http.StatusOK).list("results"); len(got) != 0 {
		t.Fatalf("an expired bundle is listed as approved: %v", got)
	}

	if err := h.e.ReviewBundle(sid, BundleApproved, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if r := h.must(h.get(m, bundlesURL+"/"+sid, nil), http.StatusOK); r.str("status") != BundleApproved || r.body["valid_until"] != nil {
		t.Fatalf("updated: %v", r.body)
	}
	h.must(buy("+442079460181"), http.StatusCreated)
}
