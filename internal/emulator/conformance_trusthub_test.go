package emulator_test

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
)

const trustHubHost = "trusthub.twilio.com"

// trustHubOperations are the Trust Hub v1 operations of the A2P chain (issue 26): end users, supporting
// documents, customer profiles and trust products with their entity assignments and evaluations.
// TestConformanceTrustHub must validate each.
var trustHubOperations = []string{
	"trusthub_v1.CreateEndUser", "trusthub_v1.FetchEndUser", "trusthub_v1.ListEndUser", "trusthub_v1.UpdateEndUser",
	"trusthub_v1.DeleteEndUser",
	"trusthub_v1.CreateSupportingDocument", "trusthub_v1.FetchSupportingDocument", "trusthub_v1.ListSupportingDocument",
	"trusthub_v1.UpdateSupportingDocument", "trusthub_v1.DeleteSupportingDocument",
	"trusthub_v1.CreateCustomerProfile", "trusthub_v1.FetchCustomerProfile", "trusthub_v1.ListCustomerProfile",
	"trusthub_v1.UpdateCustomerProfile", "trusthub_v1.DeleteCustomerProfile",
	"trusthub_v1.CreateCustomerProfileEntityAssignment", "trusthub_v1.ListCustomerProfileEntityAssignment",
	"trusthub_v1.FetchCustomerProfileEntityAssignment", "trusthub_v1.DeleteCustomerProfileEntityAssignment",
	"trusthub_v1.CreateCustomerProfileEvaluation", "trusthub_v1.ListCustomerProfileEvaluation",
	"trusthub_v1.FetchCustomerProfileEvaluation",
	"trusthub_v1.CreateTrustProduct", "trusthub_v1.FetchTrustProduct", "trusthub_v1.ListTrustProduct",
	"trusthub_v1.UpdateTrustProduct", "trusthub_v1.DeleteTrustProduct",
	"trusthub_v1.CreateTrustProductEntityAssignment", "trusthub_v1.ListTrustProductEntityAssignment",
	"trusthub_v1.FetchTrustProductEntityAssignment", "trusthub_v1.DeleteTrustProductEntityAssignment",
	"trusthub_v1.CreateTrustProductEvaluation", "trusthub_v1.ListTrustProductEvaluation",
	"trusthub_v1.FetchTrustProductEvaluation",
}

// TestConformanceTrustHub drives the A2P Trust Hub chain in a subaccount with its own credentials: every
// operation, its successes and its errors (a noncompliant submission, an edit in review, a rejection and
// its reason), each request and answer matched against Twilio's OpenAPI description.
func TestConformanceTrustHub(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	mainSID, mainToken := e.MainAccount()
	main := credentials{mainSID, mainToken}
	sub := c.must(201, main, "POST", apiHost, "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {"a2p"}})
	cr := credentials{sub.str("sid"), sub.str("auth_token")}
	post := func(want int, path string, form url.Values) answer {
		return c.must(want, cr, "POST", trustHubHost, path, form)
	}
	get := func(path string) answer { return c.must(200, cr, "GET", trustHubHost, path, nil) }

	// End users and supporting documents.
	biz := post(201, "/v1/EndUsers", url.Values{"FriendlyName": {"business"}, "Type": {"customer_profile_business_information"},
		"Attributes": {`{"business_name":"Tenant Inc","business_type":"Corporation"}`}}).str("sid")
	rep := post(201, "/v1/EndUsers", url.Values{"FriendlyName": {"rep"}, "Type": {"authorized_representative_1"},
		"Attributes": {`{"first_name":"Alex","last_name":"Smith"}`}}).str("sid")
	a2p := post(201, "/v1/EndUsers", url.Values{"FriendlyName": {"a2p"}, "Type": {"us_a2p_messaging_profile_information"},
		"Attributes": {`{"company_type":"private"}`}}).str("sid")
	post(400, "/v1/EndUsers", url.Values{"FriendlyName": {"x"}, "Type": {"nobody"}})
	post(400, "/v1/EndUsers", url.Values{"FriendlyName": {"x"}, "Type": {"business"}, "Attributes": {`[1]`}})
	get("/v1/EndUsers/" + biz)
	post(200, "/v1/EndUsers/"+biz, url.Values{"FriendlyName": {"business-2"}, "Attributes": {`{"business_name":"Tenant Inc."}`}})
	page := get("/v1/EndUsers?PageSize=1")
	meta, _ := page.body["meta"].(map[string]any)
	next, _ := meta["next_page_url"].(string)
	c.must(200, cr, "GET", trustHubHost, nextPage(t, next), nil)
	addr := post(201, "/v1/SupportingDocuments", url.Values{"FriendlyName": {"address"}, "Type": {"customer_profile_address"},
		"Attributes": {`{"address_sids":"AD0123456789abcdef0123456789abcdef"}`}}).str("sid")
	post(400, "/v1/SupportingDocuments", url.Values{"FriendlyName": {"x"}, "Type": {"passport_of_the_moon"}})
	get("/v1/SupportingDocuments/" + addr)
	get("/v1/SupportingDocuments")
	post(200, "/v1/SupportingDocuments/"+addr, url.Values{"FriendlyName": {"address-2"}})
	spare := post(201, "/v1/SupportingDocuments", url.Values{"FriendlyName": {"spare"}, "Type": {"customer_profile_address"}}).str("sid")
	c.must(204, cr, "DELETE", trustHubHost, "/v1/SupportingDocuments/"+spare, nil)
	spareUser := post(201, "/v1/EndUsers", url.Values{"FriendlyName": {"spare"}, "Type": {"business"}}).str("sid")
	c.must(204, cr, "DELETE", trustHubHost, "/v1/EndUsers/"+spareUser, nil)

	// A customer profile: wrong policy, noncompliant submission, assignments, evaluation, submission, an
	// edit refused in review, a rejection with its reason, a fix and an approval.
	profiles := "/v1/CustomerProfiles"
	post(400, profiles, url.Values{"FriendlyName": {"p"}, "Email": {"a@example.com"}, "PolicySid": {emulator.PolicyA2PTrustProduct}})
	cp := post(201, profiles, url.Values{"FriendlyName": {"tenant"}, "Email": {"a@example.com"},
		"PolicySid": {emulator.PolicySecondaryCustomerProfile}, "StatusCallback": {"https://example.com/status"}}).str("sid")
	post(400, profiles+"/"+cp, url.Values{"Status": {"pending-review"}})
	ev := post(201, profiles+"/"+cp+"/Evaluations", url.Values{"PolicySid": {emulator.PolicySecondaryCustomerProfile}})
	if ev.str("status") != "noncompliant" {
		t.Errorf("an empty profile evaluates %q", ev.str("status"))
	}
	post(400, profiles+"/"+cp+"/Evaluations", url.Values{"PolicySid": {emulator.PolicyA2PTrustProduct}})
	get(profiles + "/" + cp + "/Evaluations/" + ev.str("sid"))
	get(profiles + "/" + cp + "/Evaluations")
	var assigned []string
	for _, obj := range []string{biz, rep, addr} {
		assigned = append(assigned, post(201, profiles+"/"+cp+"/EntityAssignments", url.Values{"ObjectSid": {obj}}).str("sid"))
	}
	post(400, profiles+"/"+cp+"/EntityAssignments", url.Values{"ObjectSid": {biz}})
	post(400, profiles+"/"+cp+"/EntityAssignments", url.Values{"ObjectSid": {"IT0123456789abcdef0123456789abcdef"}})
	get(profiles + "/" + cp + "/EntityAssignments/" + assigned[0])
	get(profiles + "/" + cp + "/EntityAssignments?PageSize=50")
	if ev := post(201, profiles+"/"+cp+"/Evaluations", url.Values{"PolicySid": {emulator.PolicySecondaryCustomerProfile}}); ev.str("status") != "compliant" {
		t.Errorf("a complete profile evaluates %q: %v", ev.str("status"), ev.body)
	}
	post(200, profiles+"/"+cp, url.Values{"FriendlyName": {"tenant-2"}, "Email": {"b@example.com"}})
	if s := post(200, profiles+"/"+cp, url.Values{"Status": {"pending-review"}}).str("status"); s != "pending-review" {
		t.Errorf("submitted profile is %q", s)
	}
	post(400, profiles+"/"+cp, url.Values{"FriendlyName": {"in review"}})
	c.must(400, cr, "DELETE", trustHubHost, profiles+"/"+cp+"/EntityAssignments/"+assigned[2], nil)
	if err := e.SetReviewPolicy(emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewReject, Reason: "Business name does not match the EIN"}); err != nil {
		t.Fatal(err)
	}
	rejected := get(profiles + "/" + cp)
	if rejected.str("status") != "twilio-rejected" || !strings.Contains(fmt.Sprint(rejected.body["errors"]), "EIN") {
		t.Errorf("rejected profile is %q with errors %v", rejected.str("status"), rejected.body["errors"])
	}
	c.must(204, cr, "DELETE", trustHubHost, profiles+"/"+cp+"/EntityAssignments/"+assigned[2], nil)
	post(201, profiles+"/"+cp+"/EntityAssignments", url.Values{"ObjectSid": {addr}})
	if err := e.SetReviewPolicy(emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove}); err != nil {
		t.Fatal(err)
	}
	post(200, profiles+"/"+cp, url.Values{"Status": {"pending-review"}})
	get(profiles + "?Status=twilio-approved&PolicySid=" + emulator.PolicySecondaryCustomerProfile + "&FriendlyName=tenant-2")

	// A trust product with the approved profile.
	products := "/v1/TrustProducts"
	tp := post(201, products, url.Values{"FriendlyName": {"a2p"}, "Email": {"a@example.com"}, "PolicySid": {emulator.PolicyA2PTrustProduct}}).str("sid")
	post(400, products, url.Values{"FriendlyName": {"p"}, "Email": {"a@example.com"}, "PolicySid": {emulator.PolicySecondaryCustomerProfile}})
	ta := post(201, products+"/"+tp+"/EntityAssignments", url.Values{"ObjectSid": {a2p}}).str("sid")
	post(201, products+"/"+tp+"/EntityAssignments", url.Values{"ObjectSid": {cp}})
	get(products + "/" + tp + "/EntityAssignments/" + ta)
	get(products + "/" + tp + "/EntityAssignments")
	tev := post(201, products+"/"+tp+"/Evaluations", url.Values{"PolicySid": {emulator.PolicyA2PTrustProduct}})
	get(products + "/" + tp + "/Evaluations/" + tev.str("sid"))
	get(products + "/" + tp + "/Evaluations")
	c.must(204, cr, "DELETE", trustHubHost, products+"/"+tp+"/EntityAssignments/"+ta, nil)
	post(201, products+"/"+tp+"/EntityAssignments", url.Values{"ObjectSid": {a2p}})
	post(200, products+"/"+tp, url.Values{"StatusCallback": {"https://example.com/tp"}})
	if err := e.SetReviewPolicy(emulator.ReviewTrustProduct, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove, After: time.Hour}); err != nil {
		t.Fatal(err)
	}
	post(200, products+"/"+tp, url.Values{"Status": {"pending-review"}})
	if s := get(products + "/" + tp).str("status"); s != "in-review" {
		t.Errorf("a trust product read after submission is %q, want in-review", s)
	}
	get(products + "?PageSize=20")
	c.must(204, cr, "DELETE", trustHubHost, products+"/"+tp, nil)
	c.must(404, cr, "GET", trustHubHost, products+"/"+tp, nil)
	c.must(404, cr, "GET", trustHubHost, products+"/"+cp, nil) // a profile is no trust product
	c.must(204, cr, "DELETE", trustHubHost, profiles+"/"+cp, nil)
	c.must(204, cr, "DELETE", trustHubHost, "/v1/EndUsers/"+a2p, nil)

	oastest.Check(t, v)
	validated := v.Operations()
	for _, op := range trustHubOperations {
		if !slices.Contains(validated, op) {
			t.Errorf("operation %s was not validated: drive it here", op)
		}
	}
}

// TestTrustProductProfileApproval: a trust product's evaluation needs its customer profile approved; with
// the alternative of assumption a2p-profile-approved, a submitted one suffices.
func TestTrustProductProfileApproval(t *testing.T) {
	t.Parallel()
	for _, submittedSuffices := range []bool{false, true} {
		v := oastest.Validator(t)
		e := newEmulator()
		e.SetAlternative(emulator.AltTrustProfileSubmitted, submittedSuffices)
		c := serve(t, v, e)
		sid, token := e.MainAccount()
		cr := credentials{sid, token}
		post := func(want int, path string, form url.Values) answer {
			return c.must(want, cr, "POST", trustHubHost, path, form)
		}
		var objs []string
		for _, typ := range []string{"customer_profile_business_information", "authorized_representative_1"} {
			objs = append(objs, post(201, "/v1/EndUsers", url.Values{"FriendlyName": {typ}, "Type": {typ}}).str("sid"))
		}
		objs = append(objs, post(201, "/v1/SupportingDocuments", url.Values{"FriendlyName": {"a"}, "Type": {"customer_profile_address"}}).str("sid"))
		cp := post(201, "/v1/CustomerProfiles", url.Values{"FriendlyName": {"p"}, "Email": {"a@example.com"},
			"PolicySid": {emulator.PolicySecondaryCustomerProfile}}).str("sid")
		for _, o := range objs {
			post(201, "/v1/CustomerProfiles/"+cp+"/EntityAssignments", url.Values{"ObjectSid": {o}})
		}
		post(200, "/v1/CustomerProfiles/"+cp, url.Values{"Status": {"pending-review"}}) // held: no review policy
		a2p := post(201, "/v1/EndUsers", url.Values{"FriendlyName": {"a2p"}, "Type": {"us_a2p_messaging_profile_information"}}).str("sid")
		tp := post(201, "/v1/TrustProducts", url.Values{"FriendlyName": {"t"}, "Email": {"a@example.com"},
			"PolicySid": {emulator.PolicyA2PTrustProduct}}).str("sid")
		post(201, "/v1/TrustProducts/"+tp+"/EntityAssignments", url.Values{"ObjectSid": {a2p}})
		post(201, "/v1/TrustProducts/"+tp+"/EntityAssignments", url.Values{"ObjectSid": {cp}})
		ev := post(201, "/v1/TrustProducts/"+tp+"/Evaluations", url.Values{"PolicySid": {emulator.PolicyA2PTrustProduct}})
		want := map[bool]string{false: "noncompliant", true: "compliant"}[submittedSuffices]
		if ev.str("status") != want {
			t.Errorf("submitted-suffices=%v: a trust product on a profile in review evaluates %q, want %q", submittedSuffices, ev.str("status"), want)
		}
		oastest.Check(t, v)
	}
}

// A customer's secondary profile, in its subaccount, takes the ISV's primary profile from the parent account
// (the ISV guide's flow), but not a profile of another, unrelated account.
func TestSecondaryProfileTakesParentsPrimary(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	sid, token := e.MainAccount()
	main := credentials{sid, token}
	subaccount := func(name string) credentials {
		a := c.must(201, main, "POST", apiHost, "/2010-04-01/Accounts.json", url.Values{"FriendlyName": {name}})
		return credentials{a.str("sid"), a.str("auth_token")}
	}
	tenant, other := subaccount("tenant"), subaccount("other")
	profile := func(cr credentials) string {
		return c.must(201, cr, "POST", trustHubHost, "/v1/CustomerProfiles", url.Values{"FriendlyName": {"p"},
			"Email": {"a@example.com"}, "PolicySid": {emulator.PolicySecondaryCustomerProfile}}).str("sid")
	}
	primary, foreign, secondary := profile(main), profile(other), profile(tenant)
	c.must(201, tenant, "POST", trustHubHost, "/v1/CustomerProfiles/"+secondary+"/EntityAssignments", url.Values{"ObjectSid": {primary}})
	c.must(400, tenant, "POST", trustHubHost, "/v1/CustomerProfiles/"+secondary+"/EntityAssignments", url.Values{"ObjectSid": {foreign}})
	oastest.Check(t, v)
}
