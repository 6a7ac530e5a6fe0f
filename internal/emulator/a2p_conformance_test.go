package emulator_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
)

// a2pOperations are the A2P operations the emulator serves; TestConformanceA2P must validate each.
var a2pOperations = []string{
	"messaging_v1.CreateBrandRegistrations", "messaging_v1.FetchBrandRegistrations",
	"messaging_v1.ListBrandRegistrations", "messaging_v1.UpdateBrandRegistrations",
	"messaging_v1.CreateUsAppToPerson", "messaging_v1.FetchUsAppToPerson", "messaging_v1.ListUsAppToPerson",
	"messaging_v1.UpdateUsAppToPerson", "messaging_v1.DeleteUsAppToPerson",
}

// campaignForm is a campaign that meets every documented limit.
func campaignForm(brand string) url.Values {
	return url.Values{
		"BrandRegistrationSid": {brand},
		"Description":          {"Appointment reminders and replies for the customers of a dental clinic."},
		"MessageFlow":          {"Patients opt in on the clinic's booking form by ticking an SMS consent box."},
		"MessageSamples":       {"Your appointment is tomorrow at 10am.", "Reply STOP to stop these reminders."},
		"UsAppToPersonUsecase": {"ACCOUNT_NOTIFICATION"},
		"HasEmbeddedLinks":     {"false"},
		"HasEmbeddedPhone":     {"false"},
		"OptOutKeywords":       {"STOP", "QUIT"},
		"OptOutMessage":        {"You are unsubscribed and will get no more messages."},
	}
}

// TestConformanceA2P drives the brand registration and campaign operations through a review that rejects,
// a resubmission and one that approves, and every documented refusal.
func TestConformanceA2P(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	mainSID, mainToken := e.MainAccount()
	main := credentials{mainSID, mainToken}
	profile, product, err := e.SeedApprovedTrustBundles("")
	if err != nil {
		t.Fatal(err)
	}
	service, err := e.SeedMessagingService("", "clinic")
	if err != nil {
		t.Fatal(err)
	}
	brands := "/v1/a2p/BrandRegistrations"
	campaigns := "/v1/Services/" + service + "/Compliance/Usa2p"

	// A pending brand is refused a campaign; a rejected one is resubmitted and approved.
	if err := e.SetReviewPolicy(emulator.ReviewBrand, emulator.ReviewPolicy{Outcome: emulator.ReviewReject, Reason: "EIN mismatch"}); err != nil {
		t.Fatal(err)
	}
	brandForm := url.Values{"CustomerProfileBundleSid": {profile}, "A2PProfileBundleSid": {product}, "BrandType": {"STANDARD"}, "Mock": {"true"}}
	brand := c.must(201, main, "POST", messagingHost, brands, brandForm).str("sid")
	got := c.must(200, main, "GET", messagingHost, brands+"/"+brand, nil)
	if got.str("status") != emulator.BrandFailed || got.str("failure_reason") != "EIN mismatch" {
		t.Fatalf("rejected brand: %v", got.body)
	}
	c.must(400, main, "POST", messagingHost, campaigns, campaignForm(brand))
	if err := e.SetReviewPolicy(emulator.ReviewBrand, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}); err != nil {
		t.Fatal(err)
	}
	c.must(202, main, "POST", messagingHost, brands+"/"+brand, nil)
	if got := c.must(200, main, "GET", messagingHost, brands+"/"+brand, nil); got.str("status") != emulator.BrandApproved || got.str("tcr_id") == "" {
		t.Fatalf("resubmitted brand: %v", got.body)
	}
	page := c.must(200, main, "GET", messagingHost, brands, url.Values{"PageSize": {"1"}})
	if list, _ := page.body["data"].([]any); len(list) != 1 {
		t.Fatalf("brand list: %v", page.body)
	}

	if err := e.SetReviewPolicy(emulator.ReviewCampaign, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}); err != nil {
		t.Fatal(err)
	}
	campaign := c.must(201, main, "POST", messagingHost, campaigns, campaignForm(brand)).str("sid")
	if got := c.must(200, main, "GET", messagingHost, campaigns+"/"+campaign, nil); got.str("campaign_status") != emulator.CampaignVerified {
		t.Fatalf("campaign: %v", got.body)
	}
	c.must(200, main, "GET", messagingHost, campaigns, nil)
	update := campaignForm(brand)
	update.Del("BrandRegistrationSid")
	update.Del("UsAppToPersonUsecase")
	update.Del("OptOutKeywords")
	update.Del("OptOutMessage")
	update.Set("Description", "Appointment reminders, confirmations and replies for a dental clinic.")
	update.Set("AgeGated", "false")
	update.Set("DirectLending", "false")
	if got := c.must(200, main, "POST", messagingHost, campaigns+"/"+campaign, update); !strings.HasPrefix(got.str("description"), "Appointment reminders, confirmations") {
		t.Fatalf("updated campaign: %v", got.body)
	}
	c.must(204, main, "DELETE", messagingHost, campaigns+"/"+campaign, nil)

	oastest.Check(t, v)
	validated := v.Operations()
	for _, op := range a2pOperations {
		if !slices.Contains(validated, op) {
			t.Errorf("operation %s was not validated: drive it here", op)
		}
	}
}

// TestConformanceA2PErrors: each refusal of the A2P rules has Twilio's shape and a documented code.
func TestConformanceA2PErrors(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	mainSID, mainToken := e.MainAccount()
	main := credentials{mainSID, mainToken}
	profile, product, err := e.SeedApprovedTrustBundles("")
	if err != nil {
		t.Fatal(err)
	}
	service, err := e.SeedMessagingService("", "clinic")
	if err != nil {
		t.Fatal(err)
	}
	brands := "/v1/a2p/BrandRegistrations"
	campaigns := "/v1/Services/" + service + "/Compliance/Usa2p"
	if err := e.SetReviewPolicy(emulator.ReviewBrand, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}); err != nil {
		t.Fatal(err)
	}
	if err := e.SetReviewPolicy(emulator.ReviewCampaign, emulator.ReviewPolicy{Outcome: emulator.ReviewHold}); err != nil {
		t.Fatal(err)
	}
	brand := c.must(201, main, "POST", messagingHost, brands,
		url.Values{"CustomerProfileBundleSid": {profile}, "A2PProfileBundleSid": {product}}).str("sid")
	held := c.must(201, main, "POST", messagingHost, campaigns, campaignForm(brand)).str("sid")
	draft, err := e.SeedCustomerProfile("", "in-review")
	if err != nil {
		t.Fatal(err)
	}
	other, err := e.SeedMessagingService("", "other")
	if err != nil {
		t.Fatal(err)
	}
	v.Reset()

	with := func(f url.Values, key string, vals ...string) url.Values {
		out := url.Values{}
		for k, vs := range f {
			out[k] = vs
		}
		if vals == nil {
			out.Del(key)
		} else {
			out[key] = vals
		}
		return out
	}
	otherCampaigns := "/v1/Services/" + other + "/Compliance/Usa2p"
	for _, tc := range []struct {
		name                 string
		status, code         int
		method, path         string
		form                 url.Values
		wantRequestViolation bool
	}{
		{"brand without bundles", 400, 20001, "POST", brands, url.Values{"BrandType": {"STANDARD"}}, true},
		{"brand of an unknown profile", 400, 20001, "POST", brands,
			url.Values{"CustomerProfileBundleSid": {"BU0123456789abcdef0123456789abcdef"}, "A2PProfileBundleSid": {product}}, false},
		{"brand of a profile in review", 400, 20001, "POST", brands,
			url.Values{"CustomerProfileBundleSid": {draft}, "A2PProfileBundleSid": {product}}, false},
		{"brand of an unknown type", 400, 20001, "POST", brands,
			url.Values{"CustomerProfileBundleSid": {profile}, "A2PProfileBundleSid": {product}, "BrandType": {"HUGE"}}, false},
		{"unknown brand", 404, 20404, "GET", brands + "/BN0123456789abcdef0123456789abcdef", nil, false},
		{"resubmitting an approved brand", 400, 20001, "POST", brands + "/" + brand, nil, false},
		{"campaign on an unknown service", 404, 21701, "POST", "/v1/Services/MG0123456789abcdef0123456789abcdef/Compliance/Usa2p",
			campaignForm(brand), false},
		{"second campaign on a service", 400, 20001, "POST", campaigns, campaignForm(brand), false},
		{"campaign of an unknown brand", 400, 21717, "POST", otherCampaigns,
			with(campaignForm(brand), "BrandRegistrationSid", "BN0123456789abcdef0123456789abcdef"), false},
		{"campaign without samples", 400, 21727, "POST", otherCampaigns, with(campaignForm(brand), "MessageSamples"), true},
		{"campaign with one sample", 400, 21728, "POST", otherCampaigns,
			with(campaignForm(brand), "MessageSamples", "Your appointment is tomorrow at 10am."), false},
		{"campaign with a short description", 400, 21728, "POST", otherCampaigns, with(campaignForm(brand), "Description", "Reminders."), false},
		{"campaign with a lower-case use case", 400, 21720, "POST", otherCampaigns,
			with(campaignForm(brand), "UsAppToPersonUsecase", "account_notification"), false},
		{"campaign update without age gating", 400, 21727, "POST", campaigns + "/" + held,
			url.Values{"HasEmbeddedLinks": {"false"}, "HasEmbeddedPhone": {"false"}, "MessageSamples": campaignForm(brand)["MessageSamples"],
				"MessageFlow": campaignForm(brand)["MessageFlow"], "Description": campaignForm(brand)["Description"]}, true},
	} {
		a := c.send(main, tc.method, messagingHost, tc.path, tc.form)
		if a.status != tc.status || int(num(a.body["code"])) != tc.code {
			t.Errorf("%s: status %d code %v, want %d %d: %v", tc.name, a.status, a.body["code"], tc.status, tc.code, a.body)
		}
		got := v.Violations()
		v.Reset()
		want := 0
		if tc.wantRequestViolation {
			want = 1
		}
		if len(got) != want || want == 1 && got[0].Kind != oas.KindRequest {
			t.Errorf("%s: want %d request violations, got %v", tc.name, want, got)
		}
	}
	oastest.Check(t, v)
}

func num(v any) float64 {
	f, _ := v.(float64)
	return f
}

// tollfreeForm is a verification with every required field.
func tollfreeForm(number string) url.Values {
	return url.Values{
		"TollfreePhoneNumberSid":  {number},
		"BusinessName":            {"Main Street Dental"},
		"BusinessWebsite":         {"https://dental.example.com"},
		"NotificationEmail":       {"ops@dental.example.com"},
		"UseCaseCategories":       {"ACCOUNT_NOTIFICATIONS"},
		"UseCaseSummary":          {"Appointment reminders for patients who opted in on the booking form."},
		"ProductionMessageSample": {"Main Street Dental: your appointment is tomorrow at 10am."},
		"OptInImageUrls":          {"https://dental.example.com/opt-in.png"},
		"OptInType":               {"WEB_FORM"},
		"MessageVolume":           {"1,000"},
	}
}

// TestConformanceTollfree drives the toll-free verification operations: a rejection, an edit within the
// window, an approval, the list, the delete, and the refusals.
func TestConformanceTollfree(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	mainSID, mainToken := e.MainAccount()
	main := credentials{mainSID, mainToken}
	numbers := "/2010-04-01/Accounts/" + mainSID + "/IncomingPhoneNumbers.json"
	tollFree := c.must(201, main, "POST", apiHost, numbers, url.Values{"AreaCode": {"800"}}).str("sid")
	local := c.must(201, main, "POST", apiHost, numbers, url.Values{"AreaCode": {"415"}}).str("sid")
	path := "/v1/Tollfree/Verifications"
	if err := e.SetReviewPolicy(emulator.ReviewTollfree, emulator.ReviewPolicy{Outcome: emulator.ReviewReject, Reason: "Website not reachable"}); err != nil {
		t.Fatal(err)
	}
	sid := c.must(201, main, "POST", messagingHost, path, tollfreeForm(tollFree)).str("sid")
	got := c.must(200, main, "GET", messagingHost, path+"/"+sid, nil)
	if got.str("status") != emulator.TollfreeRejected || got.str("rejection_reason") != "Website not reachable" || got.body["edit_allowed"] != true {
		t.Fatalf("rejected verification: %v", got.body)
	}
	if err := e.SetReviewPolicy(emulator.ReviewTollfree, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}); err != nil {
		t.Fatal(err)
	}
	c.must(202, main, "POST", messagingHost, path+"/"+sid, url.Values{"BusinessWebsite": {"https://www.dental.example.com"},
		"EditReason": {"Website fixed"}})
	if got := c.must(200, main, "GET", messagingHost, path+"/"+sid, nil); got.str("status") != emulator.TollfreeApproved {
		t.Fatalf("edited verification: %v", got.body)
	}
	page := c.must(200, main, "GET", messagingHost, path, url.Values{"TollfreePhoneNumberSid": {tollFree}})
	if list, _ := page.body["verifications"].([]any); len(list) != 1 {
		t.Fatalf("list: %v", page.body)
	}
	oastest.Check(t, v)
	validated := v.Operations()
	v.Reset()
	for _, tc := range []struct {
		name   string
		status int
		method string
		path   string
		form   url.Values
	}{
		{"a local number", 400, "POST", path, tollfreeForm(local)},
		{"editing an approved verification", 400, "POST", path + "/" + sid, url.Values{"BusinessName": {"Other"}}},
		{"an unknown opt-in type", 400, "POST", path, func() url.Values { f := tollfreeForm(tollFree); f.Set("OptInType", "EMAIL"); return f }()},
	} {
		a := c.send(main, tc.method, messagingHost, tc.path, tc.form)
		if a.status != tc.status {
			t.Errorf("%s: status %d, want %d: %v", tc.name, a.status, tc.status, a.body)
		}
		v.Reset()
	}
	c.must(204, main, "DELETE", messagingHost, path+"/"+sid, nil)
	oastest.Check(t, v)
	validated = append(validated, v.Operations()...)
	for _, op := range []string{"messaging_v1.CreateTollfreeVerification", "messaging_v1.FetchTollfreeVerification",
		"messaging_v1.ListTollfreeVerification", "messaging_v1.UpdateTollfreeVerification", "messaging_v1.DeleteTollfreeVerification"} {
		if !slices.Contains(validated, op) {
			t.Errorf("operation %s was not validated: drive it here", op)
		}
	}
}
