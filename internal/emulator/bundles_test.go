package emulator

import (
	"bytes"
	"net/http"
	"net/url"
	"testing"
	"time"
)

const (
	bundlesURL     = "/v2/RegulatoryCompliance/Bundles"
	regulationsURL = "/v2/RegulatoryCompliance/Regulations"
)

func (h *harness) bundle(o BundleOptions) string {
	h.t.Helper()
	sid, err := h.e.NewBundle(o)
	if err != nil {
		h.t.Fatal(err)
	}
	return sid
}

func gbLocal(account, status string) BundleOptions {
	return BundleOptions{AccountSid: account, IsoCountry: "GB", NumberType: "local", EndUserType: "business", Status: status}
}

// A bundle is created as a draft, renamed, submitted; only the review (test control) approves it, and the
// API refuses to set any other status or a status with other properties.
func TestBundleLifecycle(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	wantError(t, h.post(m, bundlesURL, url.Values{"FriendlyName": {"x"}}), 400, 20001, "Email")
	wantError(t, h.post(m, bundlesURL, url.Values{"FriendlyName": {"x"}, "Email": {"a@example.com"},
		"IsoCountry": {"GB"}, "NumberType": {"satellite"}, "EndUserType": {"business"}}), 400, 22200, "")
	r := h.must(h.post(m, bundlesURL, url.Values{"FriendlyName": {"uk"}, "Email": {"a@example.com"},
		"IsoCountry": {"gb"}, "NumberType": {"national"}, "EndUserType": {"business"}}), http.StatusCreated)
	sid := r.str("sid")
	if r.str("status") != BundleDraft || r.str("regulation_sid") != "RN00000000000000000000000000000002" {
		t.Fatalf("created %v, want a draft for the GB local business regulation", r.body)
	}
	if err := h.e.ReviewBundle(sid, BundleApproved, time.Time{}); err == nil {
		t.Fatal("a draft was reviewed before it was submitted")
	}
	wantError(t, h.post(m, bundlesURL+"/"+sid, url.Values{"Status": {BundleApproved}}), 400, 20001, "reviewers")
	wantError(t, h.post(m, bundlesURL+"/"+sid, url.Values{"Status": {BundlePendingReview}, "FriendlyName": {"y"}}), 400, 22204, "")
	h.must(h.post(m, bundlesURL+"/"+sid, url.Values{"FriendlyName": {"uk-2"}}), http.StatusOK)
	r = h.must(h.post(m, bundlesURL+"/"+sid, url.Values{"Status": {BundlePendingReview}}), http.StatusOK)
	if r.str("status") != BundlePendingReview || r.str("friendly_name") != "uk-2" {
		t.Fatalf("submitted %v", r.body)
	}
	until := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := h.e.ReviewBundle(sid, BundleApproved, until); err != nil {
		t.Fatal(err)
	}
	r = h.must(h.get(m, bundlesURL+"/"+sid, nil), http.StatusOK)
	if r.str("status") != BundleApproved || r.str("valid_until") != "2030-01-02T03:04:05Z" {
		t.Fatalf("after review %v", r.body)
	}

	// A test bundle is rejected when submitted.
	test := h.must(h.post(m, bundlesURL, url.Values{"FriendlyName": {"t"}, "Email": {"a@example.com"}, "IsTest": {"true"}}), 201).str("sid")
	if got := h.must(h.post(m, bundlesURL+"/"+test, url.Values{"Status": {BundlePendingReview}}), 200).str("status"); got != BundleRejected {
		t.Fatalf("test bundle submitted: %s, want %s", got, BundleRejected)
	}

	// Filters; IsoCountry and NumberType are the regulation's.
	for _, tc := range []struct {
		q    url.Values
		want int
	}{
		{nil, 2},
		{url.Values{"Status": {BundleApproved}}, 1},
		{url.Values{"IsoCountry": {"GB"}, "NumberType": {"local"}}, 1},
		{url.Values{"NumberType": {"mobile"}}, 0},
		{url.Values{"FriendlyName": {"t"}}, 1},
		{url.Values{"HasValidUntilDate": {"true"}}, 1},
	} {
		if got := len(h.must(h.get(m, bundlesURL, tc.q), 200).list("results")); got != tc.want {
			t.Errorf("list %v: %d bundles, want %d", tc.q, got, tc.want)
		}
	}
	// Product hosts act on the authenticated account: a subaccount sees none of its parent's bundles.
	sub := h.subaccount("tenant")
	h.must(h.get(sub, bundlesURL+"/"+sid, nil), http.StatusNotFound)
	if got := len(h.must(h.get(sub, bundlesURL, nil), 200).list("results")); got != 0 {
		t.Errorf("the subaccount lists %d of its parent's bundles", got)
	}
	// The UK page's four use cases: local/national and mobile/toll-free, for individuals and businesses;
	// toll-free finds the mobile/toll-free regulation.
	if got := len(h.must(h.get(sub, regulationsURL, url.Values{"IsoCountry": {"GB"}}), 200).list("results")); got != 4 {
		t.Errorf("%d GB regulations, want 4", got)
	}
	tollFree := h.must(h.get(sub, regulationsURL, url.Values{"IsoCountry": {"GB"}, "NumberType": {"toll-free"},
		"EndUserType": {"business"}}), 200).list("results")
	if len(tollFree) != 1 || tollFree[0].(map[string]any)["number_type"] != "mobile" {
		t.Errorf("GB toll-free business regulations = %v, want the one mobile/toll-free regulation", tollFree)
	}
}

// A regulated (UK) number needs an approved bundle of its own account for its country and type, in the
// purchase request; unregulated (US) numbers need none; a regulated number's bundle cannot be removed.
func TestBundlePurchaseRules(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	sub := h.subaccount("tenant")
	approved := h.bundle(gbLocal("", ""))
	pending := h.bundle(gbLocal("", BundlePendingReview))
	provisional := h.bundle(gbLocal("", BundleProvisionallyApproved))
	mobile := h.bundle(BundleOptions{IsoCountry: "GB", NumberType: "mobile", EndUserType: "business"})
	subBundle := h.bundle(gbLocal(sub.user, ""))
	buy := accountPath(m.user, "/IncomingPhoneNumbers.json")
	for _, tc := range []struct {
		name, number, bundle string
		path                 string
		code                 int
		msg                  string
	}{
		{"no bundle", "+442079460100", "", buy, 21649, "Requires a Bundle"},
		{"pending bundle", "+442079460100", pending, buy, 21649, "is not twilio-approved"},
		{"provisionally approved", "+442079460100", provisional, buy, 21649, "is not twilio-approved"},
		{"another account's bundle", "+442079460100", subBundle, buy, 21649, "not a bundle of account"},
		{"bundle of another type", "+442079460100", mobile, buy, 21649, "is for GB mobile"},
		{"bundle on a US number", "+14155550100", approved, buy, 21649, "an unregulated number"},
		{"unknown bundle", "+442079460100", newSID("BU"), buy, 21649, "not a bundle of account"},
		{"subaccount with its parent's bundle", "+442079460100", approved, accountPath(sub.user, "/IncomingPhoneNumbers.json"), 21649, "not a bundle of account"},
	} {
		form := url.Values{"PhoneNumber": {tc.number}}
		if tc.bundle != "" {
			form.Set("BundleSid", tc.bundle)
		}
		r := h.post(m, tc.path, form)
		if r.status != 400 || r.code() != tc.code || !bytes.Contains([]byte(r.str("message")), []byte(tc.msg)) {
			t.Errorf("%s: got %d %v, want %d containing %q", tc.name, r.status, r.body, tc.code, tc.msg)
		}
	}
	if n := len(h.e.Snapshot().IncomingNumbers); n != 0 {
		t.Fatalf("refused purchases bought %d numbers", n)
	}
	h.must(h.post(m, buy, url.Values{"PhoneNumber": {"+14155550100"}}), 201)
	// A mobile bundle serves a toll-free number: one regulation covers both (and toll-free needs no address).
	if got := h.must(h.post(m, buy, url.Values{"PhoneNumber": {"+448081570100"}, "BundleSid": {mobile}}), 201).str("bundle_sid"); got != mobile {
		t.Errorf("toll-free number bought with bundle_sid %q, want the mobile bundle %s", got, mobile)
	}
	// UK local numbers also need a UK address on file (addresses_test.go).
	address := h.must(h.post(m, accountPath(m.user, "/Addresses.json"), addressForm("GB", false)), 201).str("sid")
	subAddress := h.must(h.post(m, accountPath(sub.user, "/Addresses.json"), addressForm("GB", false)), 201).str("sid")
	pn := h.must(h.post(m, buy, url.Values{"PhoneNumber": {"+442079460100"}, "BundleSid": {approved}, "AddressSid": {address}}), 201)
	if pn.str("bundle_sid") != approved {
		t.Fatalf("bought %v, want bundle_sid %s", pn.body, approved)
	}
	h.must(h.post(m, accountPath(sub.user, "/IncomingPhoneNumbers.json"), url.Values{
		"PhoneNumber": {"+442079460101"}, "BundleSid": {subBundle}, "AddressSid": {subAddress}}), 201)
	number := accountPath(m.user, "/IncomingPhoneNumbers/"+pn.str("sid")+".json")
	wantError(t, h.post(m, number, url.Values{"BundleSid": {""}}), 400, 21649, "Requires a Bundle")
	wantError(t, h.post(m, number, url.Values{"BundleSid": {pending}}), 400, 21649, "not twilio-approved")
	// Updates that do not name BundleSid leave it alone.
	h.must(h.post(m, number, url.Values{"FriendlyName": {"london"}}), 200)
	second := h.bundle(gbLocal("", ""))
	if got := h.must(h.post(m, number, url.Values{"BundleSid": {second}}), 200).str("bundle_sid"); got != second {
		t.Fatalf("bundle_sid after update %q, want %q", got, second)
	}
}

// A clone of an approved bundle lands in another account of the family as twilio-approved (draft with
// MoveToDraft); the source must be approved and the target in the family and active.
func TestBundleClone(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	sub := h.subaccount("tenant")
	closed := h.subaccount("gone")
	h.must(h.post(m, accountPath(closed.user, ".json"), url.Values{"Status": {"closed"}}), 200)
	otherMain, _ := h.e.NewMainAccount("", "", "another customer")
	src := h.bundle(gbLocal("", ""))
	draft := h.bundle(gbLocal("", BundleDraft))
	clone := func(c creds, bundle string, form url.Values) reply {
		return h.post(c, bundlesURL+"/"+bundle+"/Clones", form)
	}
	wantError(t, clone(m, src, nil), 400, 20001, "TargetAccountSid")
	wantError(t, clone(m, draft, url.Values{"TargetAccountSid": {sub.user}}), 400, 20001, "only a twilio-approved bundle")
	wantError(t, clone(m, src, url.Values{"TargetAccountSid": {otherMain}}), 400, 20001, "not an account of the organization")
	wantError(t, clone(m, src, url.Values{"TargetAccountSid": {closed.user}}), 400, 20001, "not active")
	h.must(clone(sub, src, url.Values{"TargetAccountSid": {sub.user}}), http.StatusNotFound)

	r := h.must(clone(m, src, url.Values{"TargetAccountSid": {sub.user}, "FriendlyName": {"tenant uk"}}), http.StatusCreated)
	if r.str("account_sid") != sub.user || r.str("status") != BundleApproved || r.str("friendly_name") != "tenant uk" ||
		r.str("bundle_sid") == src || r.str("regulation_sid") != "RN00000000000000000000000000000002" {
		t.Fatalf("clone %v", r.body)
	}
	got := h.must(h.get(sub, bundlesURL+"/"+r.str("bundle_sid"), nil), 200)
	if got.str("account_sid") != sub.user || got.str("status") != BundleApproved {
		t.Fatalf("the clone as its account reads it: %v", got.body)
	}
	drafted := h.must(clone(m, src, url.Values{"TargetAccountSid": {sub.user}, "MoveToDraft": {"true"}}), 201)
	if drafted.str("status") != BundleDraft || drafted.str("friendly_name") != "" {
		t.Fatalf("MoveToDraft clone %v", drafted.body)
	}
	if n := len(h.e.Snapshot().Bundles); n != 4 {
		t.Fatalf("%d bundles, want 4 (refused clones made none)", n)
	}
}

// A bundle a number uses cannot be deleted (21648); under AltBundleDeleteRefused only drafts can.
func TestBundleDelete(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	used := h.bundle(gbLocal("", ""))
	address := h.must(h.post(m, accountPath(m.user, "/Addresses.json"), addressForm("GB", false)), 201).str("sid")
	pn := h.must(h.post(m, accountPath(m.user, "/IncomingPhoneNumbers.json"), url.Values{
		"PhoneNumber": {"+442079460100"}, "BundleSid": {used}, "AddressSid": {address}}), 201).str("sid")
	wantError(t, h.del(m, bundlesURL+"/"+used), 400, 21648, "+442079460100")
	h.must(h.del(m, accountPath(m.user, "/IncomingPhoneNumbers/"+pn+".json")), 204)
	h.must(h.del(m, bundlesURL+"/"+used), 204)
	h.must(h.del(m, bundlesURL+"/"+used), 404)

	approved, draft := h.bundle(gbLocal("", "")), h.bundle(gbLocal("", BundleDraft))
	h.e.SetAlternative(AltBundleDeleteRefused, true)
	wantError(t, h.del(m, bundlesURL+"/"+approved), 400, 20001, "only a draft")
	h.must(h.del(m, bundlesURL+"/"+draft), 204)
}

// The control surface's bundle endpoints are for tests: they need the main account's credentials.
func TestBundleControl(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	ctl := func(c creds, path, body string) int {
		req, err := http.NewRequest(http.MethodPost, h.url+"/_emulator/"+path, bytes.NewBufferString(body))
		if err != nil {
			t.Fatal(err)
		}
		req.SetBasicAuth(c.user, c.pass)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		return resp.StatusCode
	}
	sub := h.subaccount("tenant")
	if got := ctl(sub, "bundles", `{"iso_country":"GB","number_type":"local","end_user_type":"business"}`); got != 401 {
		t.Fatalf("a subaccount made a bundle through the control surface: %d", got)
	}
	if got := ctl(h.main, "bundles", `{"iso_country":"FR","number_type":"local","end_user_type":"business"}`); got != 400 {
		t.Fatalf("a bundle without a regulation: %d", got)
	}
	if got := ctl(h.main, "bundles", `{"iso_country":"GB","number_type":"local","end_user_type":"business","status":"pending-review"}`); got != 201 {
		t.Fatalf("control bundle: %d", got)
	}
	sid := h.e.Snapshot().Bundles[0].Sid
	if got := ctl(h.main, "bundles/"+sid+"/review", `{"status":"draft"}`); got != 400 {
		t.Fatalf("a review to draft: %d", got)
	}
	if got := ctl(h.main, "bundles/"+sid+"/review", `{"status":"twilio-approved","valid_until":"2030-01-01T00:00:00Z"}`); got != 204 {
		t.Fatalf("review: %d", got)
	}
	if b := h.e.Snapshot().Bundles[0]; b.Status != BundleApproved || b.ValidUntil.Year() != 2030 {
		t.Fatalf("after review %+v", b)
	}
}
