package emulator_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas"
	"github.com/tenantwire/terraform-provider-twilio/internal/oas/oastest"
)

// The conformance tests put the emulator behind internal/oas's validator and drive it over real HTTP,
// so each of its answers is checked against Twilio's own OpenAPI descriptions. They need the specs
// that scripts/fetch-specs.sh fetches and skip without them (unless TWILIO_OAS_REQUIRED=1). Run them
// with -v to see how many operations were validated:
//
//	go test -v -run Conformance ./internal/emulator/

const (
	apiHost     = "api.twilio.com"
	iamHost     = "iam.twilio.com"
	studioHost  = "studio.twilio.com"
	numbersHost = "numbers.twilio.com"

	conformanceMainSID   = "AC0123456789abcdef0123456789abcdef"
	conformanceMainToken = "0123456789abcdef0123456789abcdef"

	flowDefinition = `{"description":"conformance","initial_state":"Trigger","states":[` +
		`{"name":"Trigger","type":"trigger","transitions":[],"properties":{}}],"flags":{"allow_concurrent_calls":true}}`
)

// emulatorOperations are the operations the emulator serves, qualified by spec as oas reports them.
// TestConformance must validate every one of them, so an operation it forgets to drive fails the test.
var emulatorOperations = []string{
	"api_v2010.CreateAccount", "api_v2010.FetchAccount", "api_v2010.ListAccount", "api_v2010.UpdateAccount",
	"api_v2010.CreateApplication", "api_v2010.DeleteApplication", "api_v2010.FetchApplication",
	"api_v2010.ListApplication", "api_v2010.UpdateApplication",
	"api_v2010.CreateIncomingPhoneNumber", "api_v2010.DeleteIncomingPhoneNumber",
	"api_v2010.FetchIncomingPhoneNumber", "api_v2010.ListIncomingPhoneNumber",
	"api_v2010.UpdateIncomingPhoneNumber",
	"api_v2010.CreateNewKey", "api_v2010.DeleteKey", "api_v2010.FetchKey", "api_v2010.ListKey", "api_v2010.UpdateKey",
	"api_v2010.ListAvailablePhoneNumberLocal", "api_v2010.ListAvailablePhoneNumberMobile",
	"api_v2010.ListAvailablePhoneNumberTollFree",
	"api_v2010.CreateAddress", "api_v2010.DeleteAddress", "api_v2010.FetchAddress", "api_v2010.ListAddress",
	"api_v2010.UpdateAddress",
	"iam_v1.CreateNewKey", "iam_v1.DeleteKey", "iam_v1.FetchKey", "iam_v1.ListGetKeys", "iam_v1.UpdateKey",
	"studio_v2.CreateFlow", "studio_v2.DeleteFlow", "studio_v2.FetchFlow", "studio_v2.ListFlow", "studio_v2.UpdateFlow",
	"numbers_v2.CreateBundle", "numbers_v2.FetchBundle", "numbers_v2.ListBundle", "numbers_v2.UpdateBundle",
	"numbers_v2.DeleteBundle", "numbers_v2.CreateBundleClone", "numbers_v2.FetchRegulation", "numbers_v2.ListRegulation",
}

// twilioAPI talks to a server the way twilio-go does: form-encoded POSTs, Basic auth, and the Twilio
// product host in the Host header while the connection goes to the local server.
type twilioAPI struct {
	t   *testing.T
	url string
}

type credentials struct{ user, pass string }

// answer is a decoded response.
type answer struct {
	status int
	body   map[string]any
}

func (a answer) str(key string) string {
	s, _ := a.body[key].(string)
	return s
}

// send makes one request. host "" leaves the server's own address in the Host header; GET and DELETE
// carry form in the query string.
func (c *twilioAPI) send(cr credentials, method, host, path string, form url.Values) answer {
	c.t.Helper()
	target := c.url + path
	var body io.Reader
	if method == http.MethodPost {
		body = strings.NewReader(form.Encode())
	} else if len(form) > 0 {
		target += "?" + form.Encode()
	}
	req, err := http.NewRequest(method, target, body)
	if err != nil {
		c.t.Fatalf("NewRequest: %v", err)
	}
	if host != "" {
		req.Host = host
	}
	if cr.user != "" {
		req.SetBasicAuth(cr.user, cr.pass)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer func() { _ = resp.Body.Close() }()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("%s %s: reading the body: %v", method, path, err)
	}
	a := answer{status: resp.StatusCode}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &a.body); err != nil {
			c.t.Fatalf("%s %s: %d with a body that is not a JSON object: %s", method, path, resp.StatusCode, raw)
		}
	}
	return a
}

// must sends a request and fails the test unless the answer has status want.
func (c *twilioAPI) must(want int, cr credentials, method, host, path string, form url.Values) answer {
	c.t.Helper()
	a := c.send(cr, method, host, path, form)
	if a.status != want {
		c.t.Fatalf("%s %s: status %d, want %d: %v", method, path, a.status, want, a.body)
	}
	return a
}

// nextPage turns a paging link (a 2010 path or an absolute v1/v2 URL) into a path with its query.
func nextPage(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil || link == "" {
		t.Fatalf("paging link %q: %v", link, err)
	}
	return u.RequestURI()
}

// serve starts h over real HTTP on loopback behind the validator.
func serve(t *testing.T, v *oas.Validator, h http.Handler) *twilioAPI {
	t.Helper()
	srv := httptest.NewServer(v.Middleware(h))
	t.Cleanup(srv.Close)
	return &twilioAPI{t: t, url: srv.URL}
}

func newEmulator() *emulator.Emulator {
	return emulator.New(emulator.Options{AccountSID: conformanceMainSID, AuthToken: conformanceMainToken})
}

// TestConformance drives every operation the emulator serves and requires each request and answer to
// match Twilio's OpenAPI descriptions.
func TestConformance(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	mainSID, mainToken := e.MainAccount()
	main := credentials{mainSID, mainToken}
	accounts := "/2010-04-01/Accounts"

	// Subaccounts.
	sub := c.must(201, main, "POST", apiHost, accounts+".json", url.Values{"FriendlyName": {"conformance-a"}})
	subSID := sub.str("sid")
	subCreds := credentials{subSID, sub.str("auth_token")}
	other := c.must(201, main, "POST", apiHost, accounts+".json", url.Values{"FriendlyName": {"conformance-b"}}).str("sid")
	c.must(200, main, "GET", apiHost, accounts+"/"+subSID+".json", nil)
	// Without a Twilio Host header the validator infers the product from the path, as the emulator does.
	c.must(200, main, "GET", "", accounts+"/"+subSID+".json", nil)
	c.must(200, main, "POST", apiHost, accounts+"/"+subSID+".json", url.Values{"FriendlyName": {"conformance-a2"}})
	c.must(200, main, "POST", apiHost, accounts+"/"+subSID+".json", url.Values{"Status": {"suspended"}})
	c.must(200, main, "POST", apiHost, accounts+"/"+subSID+".json", url.Values{"Status": {"active"}})
	page := c.must(200, main, "GET", apiHost, accounts+".json", url.Values{"PageSize": {"1"}})
	c.must(200, main, "GET", apiHost, nextPage(t, page.str("next_page_uri")), nil)
	c.must(200, main, "GET", apiHost, accounts+".json", url.Values{"FriendlyName": {"conformance-b"}, "Status": {"active"}})
	subPath := accounts + "/" + subSID

	// API keys on the 2010 API, managed with the parent's auth token through the subaccount's path.
	key := c.must(201, main, "POST", apiHost, subPath+"/Keys.json", url.Values{"FriendlyName": {"ci"}}).str("sid")
	c.must(201, main, "POST", apiHost, subPath+"/Keys.json", nil)
	c.must(200, main, "GET", apiHost, subPath+"/Keys/"+key+".json", nil)
	c.must(200, main, "POST", apiHost, subPath+"/Keys/"+key+".json", url.Values{"FriendlyName": {"ci-2"}})
	page = c.must(200, main, "GET", apiHost, subPath+"/Keys.json", url.Values{"PageSize": {"1"}})
	c.must(200, main, "GET", apiHost, nextPage(t, page.str("next_page_uri")), nil)
	c.must(204, main, "DELETE", apiHost, subPath+"/Keys/"+key+".json", nil)

	// TwiML applications.
	app := c.must(201, main, "POST", apiHost, subPath+"/Applications.json", url.Values{
		"FriendlyName": {"voice"}, "VoiceUrl": {"https://example.com/voice"}, "VoiceMethod": {"POST"},
		"VoiceFallbackUrl": {"https://example.com/fallback"}, "VoiceFallbackMethod": {"GET"},
		"StatusCallback": {"https://example.com/status"}, "StatusCallbackMethod": {"POST"},
		"VoiceCallerIdLookup": {"true"}, "SmsUrl": {"https://example.com/sms"}, "SmsMethod": {"POST"},
		"MessageStatusCallback": {"https://example.com/message-status"}, "PublicApplicationConnectEnabled": {"false"},
	}).str("sid")
	c.must(201, main, "POST", apiHost, subPath+"/Applications.json", nil)
	c.must(200, main, "GET", apiHost, subPath+"/Applications/"+app+".json", nil)
	// Clearing a URL sends it empty.
	c.must(200, main, "POST", apiHost, subPath+"/Applications/"+app+".json", url.Values{
		"FriendlyName": {"voice-2"}, "VoiceFallbackUrl": {""}, "SmsUrl": {"https://example.com/sms-2"},
	})
	c.must(200, main, "GET", apiHost, subPath+"/Applications.json", url.Values{"FriendlyName": {"voice-2"}})
	page = c.must(200, main, "GET", apiHost, subPath+"/Applications.json", url.Values{"PageSize": {"1"}})
	c.must(200, main, "GET", apiHost, nextPage(t, page.str("next_page_uri")), nil)

	// Available numbers.
	local := c.must(200, main, "GET", apiHost, subPath+"/AvailablePhoneNumbers/US/Local.json",
		url.Values{"AreaCode": {"415"}, "SmsEnabled": {"true"}, "PageSize": {"5"}})
	c.must(200, main, "GET", apiHost, subPath+"/AvailablePhoneNumbers/US/Local.json", url.Values{"Contains": {"555"}})
	c.must(200, main, "GET", apiHost, subPath+"/AvailablePhoneNumbers/GB/Mobile.json", url.Values{"PageSize": {"3"}})
	c.must(200, main, "GET", apiHost, subPath+"/AvailablePhoneNumbers/US/TollFree.json", url.Values{"AreaCode": {"800"}})
	found, _ := local.body["available_phone_numbers"].([]any)
	if len(found) == 0 {
		t.Fatalf("no available local numbers in 415: %v", local.body)
	}
	number, _ := found[0].(map[string]any)["phone_number"].(string)

	// Incoming numbers: buy by number and by area code, point one at a flow and an application, list,
	// transfer to the sibling subaccount, release.
	pn := c.must(201, main, "POST", apiHost, subPath+"/IncomingPhoneNumbers.json", url.Values{
		"PhoneNumber": {number}, "FriendlyName": {"main line"}, "VoiceUrl": {"https://example.com/voice"},
	}).str("sid")
	byArea := c.must(201, main, "POST", apiHost, subPath+"/IncomingPhoneNumbers.json", url.Values{"AreaCode": {"212"}}).str("sid")
	c.must(200, main, "GET", apiHost, subPath+"/IncomingPhoneNumbers/"+pn+".json", nil)
	c.must(200, main, "POST", apiHost, subPath+"/IncomingPhoneNumbers/"+pn+".json", url.Values{
		"VoiceUrl":    {"https://webhooks.twilio.com/v1/Accounts/" + subSID + "/Flows/FW0123456789abcdef0123456789abcdef"},
		"VoiceMethod": {"POST"}, "SmsApplicationSid": {app}, "StatusCallback": {"https://example.com/status"},
	})
	c.must(200, main, "POST", apiHost, subPath+"/IncomingPhoneNumbers/"+pn+".json", url.Values{
		"VoiceUrl": {""}, "VoiceApplicationSid": {app}, "SmsApplicationSid": {""},
	})
	c.must(200, main, "GET", apiHost, subPath+"/IncomingPhoneNumbers.json", url.Values{"PhoneNumber": {number}})
	page = c.must(200, main, "GET", apiHost, subPath+"/IncomingPhoneNumbers.json", url.Values{"PageSize": {"1"}})
	c.must(200, main, "GET", apiHost, nextPage(t, page.str("next_page_uri")), nil)
	c.must(200, main, "POST", apiHost, subPath+"/IncomingPhoneNumbers/"+byArea+".json", url.Values{"AccountSid": {other}})
	c.must(200, main, "GET", apiHost, accounts+"/"+other+"/IncomingPhoneNumbers/"+byArea+".json", nil)
	c.must(204, main, "DELETE", apiHost, accounts+"/"+other+"/IncomingPhoneNumbers/"+byArea+".json", nil)
	c.must(204, main, "DELETE", apiHost, subPath+"/IncomingPhoneNumbers/"+pn+".json", nil)
	c.must(204, main, "DELETE", apiHost, subPath+"/Applications/"+app+".json", nil)

	// Addresses, and a GB number that needs one, with an emergency address set, removed and released.
	gbAddress := url.Values{"CustomerName": {"Tenant Ltd"}, "Street": {"1 Example Street"}, "City": {"London"},
		"Region": {"Greater London"}, "PostalCode": {"SW1A 1AA"}, "IsoCountry": {"GB"}, "FriendlyName": {"office"},
		"EmergencyEnabled": {"true"}, "AutoCorrectAddress": {"false"}, "StreetSecondary": {"Floor 2"}}
	addr := c.must(201, main, "POST", apiHost, subPath+"/Addresses.json", gbAddress).str("sid")
	usAddr := c.must(201, main, "POST", apiHost, subPath+"/Addresses.json", url.Values{"CustomerName": {"Tenant Inc"},
		"Street": {"1 Main St"}, "City": {"Austin"}, "Region": {"TX"}, "PostalCode": {"78701"}, "IsoCountry": {"US"}}).str("sid")
	c.must(200, main, "GET", apiHost, subPath+"/Addresses/"+addr+".json", nil)
	c.must(200, main, "POST", apiHost, subPath+"/Addresses/"+addr+".json", url.Values{"FriendlyName": {"office-2"},
		"StreetSecondary": {""}, "CustomerName": {"Tenant Ltd 2"}})
	c.must(200, main, "GET", apiHost, subPath+"/Addresses.json", url.Values{"IsoCountry": {"GB"}, "EmergencyEnabled": {"true"}})
	page = c.must(200, main, "GET", apiHost, subPath+"/Addresses.json", url.Values{"PageSize": {"1"}})
	c.must(200, main, "GET", apiHost, nextPage(t, page.str("next_page_uri")), nil)
	c.must(400, main, "POST", apiHost, subPath+"/Addresses.json", url.Values{"CustomerName": {"x"},
		"Street": {"0 Nowhere Street"}, "City": {"x"}, "Region": {"x"}, "PostalCode": {"x"}, "IsoCountry": {"US"}})
	// UK numbers also need an approved bundle of their account (see the bundles below).
	subBundle, err := e.NewBundle(emulator.BundleOptions{AccountSid: subSID, IsoCountry: "GB", NumberType: "local", EndUserType: "business"})
	if err != nil {
		t.Fatal(err)
	}
	c.must(400, main, "POST", apiHost, subPath+"/IncomingPhoneNumbers.json", url.Values{"PhoneNumber": {"+442079460150"},
		"BundleSid": {subBundle}})
	c.must(400, main, "POST", apiHost, subPath+"/IncomingPhoneNumbers.json", url.Values{"PhoneNumber": {"+442079460150"},
		"BundleSid": {subBundle}, "AddressSid": {usAddr}})
	gb := c.must(201, main, "POST", apiHost, subPath+"/IncomingPhoneNumbers.json", url.Values{
		"PhoneNumber": {"+442079460150"}, "BundleSid": {subBundle}, "AddressSid": {addr}, "EmergencyAddressSid": {addr},
	}).str("sid")
	c.must(400, main, "DELETE", apiHost, subPath+"/Addresses/"+addr+".json", nil)
	c.must(400, main, "DELETE", apiHost, subPath+"/IncomingPhoneNumbers/"+gb+".json", nil)
	e.SetEmergencyRegistration(0, false) // unregistered as soon as it is next read
	c.must(200, main, "POST", apiHost, subPath+"/IncomingPhoneNumbers/"+gb+".json", url.Values{"EmergencyAddressSid": {""}})
	c.must(204, main, "DELETE", apiHost, subPath+"/IncomingPhoneNumbers/"+gb+".json", nil)
	c.must(204, main, "DELETE", apiHost, subPath+"/Addresses/"+addr+".json", nil)
	c.must(204, main, "DELETE", apiHost, subPath+"/Addresses/"+usAddr+".json", nil)

	// IAM v1 keys, standard and restricted, with the subaccount's own credentials (product hosts act
	// on the authenticated account only).
	iamKey := c.must(201, subCreds, "POST", iamHost, "/v1/Keys", url.Values{
		"AccountSid": {subSID}, "FriendlyName": {"standard"},
	}).str("sid")
	restricted := c.must(201, subCreds, "POST", iamHost, "/v1/Keys", url.Values{
		"AccountSid": {subSID}, "FriendlyName": {"restricted"}, "KeyType": {"restricted"},
		"Policy": {`{"allow":["/twilio/messaging/messages/read"]}`},
	}).str("sid")
	c.must(200, subCreds, "GET", iamHost, "/v1/Keys/"+restricted, nil)
	c.must(200, subCreds, "GET", iamHost, "/v1/Keys/"+iamKey, nil)
	c.must(200, subCreds, "POST", iamHost, "/v1/Keys/"+restricted, url.Values{
		"FriendlyName": {"restricted-2"}, "Policy": {`{"allow":["/twilio/messaging/messages/read","/twilio/voice/calls/read"]}`},
	})
	c.must(200, subCreds, "POST", iamHost, "/v1/Keys/"+iamKey, url.Values{"FriendlyName": {"standard-2"}})
	page = c.must(200, subCreds, "GET", iamHost, "/v1/Keys", url.Values{"AccountSid": {subSID}, "PageSize": {"1"}})
	meta, _ := page.body["meta"].(map[string]any)
	next, _ := meta["next_page_url"].(string)
	c.must(200, subCreds, "GET", iamHost, nextPage(t, next), nil)
	c.must(204, subCreds, "DELETE", iamHost, "/v1/Keys/"+restricted, nil)
	c.must(204, subCreds, "DELETE", iamHost, "/v1/Keys/"+iamKey, nil)

	// Studio v2 flows, with the subaccount's own credentials.
	flow := c.must(201, subCreds, "POST", studioHost, "/v2/Flows", url.Values{
		"FriendlyName": {"ivr"}, "Status": {"published"}, "Definition": {flowDefinition}, "CommitMessage": {"first"},
	}).str("sid")
	c.must(201, subCreds, "POST", studioHost, "/v2/Flows", url.Values{
		"FriendlyName": {"draft"}, "Status": {"draft"}, "Definition": {`{"states":[]}`},
	})
	c.must(200, subCreds, "GET", studioHost, "/v2/Flows/"+flow, nil)
	c.must(200, subCreds, "POST", studioHost, "/v2/Flows/"+flow, url.Values{
		"Status": {"published"}, "FriendlyName": {"ivr-2"}, "Definition": {flowDefinition}, "CommitMessage": {"second"},
	})
	c.must(200, subCreds, "GET", "", "/v2/Flows/"+flow, nil)
	page = c.must(200, subCreds, "GET", studioHost, "/v2/Flows", url.Values{"PageSize": {"1"}})
	meta, _ = page.body["meta"].(map[string]any)
	next, _ = meta["next_page_url"].(string)
	c.must(200, subCreds, "GET", studioHost, nextPage(t, next), nil)
	c.must(204, subCreds, "DELETE", studioHost, "/v2/Flows/"+flow, nil)

	// Regulatory bundles (Numbers v2): a draft is created, renamed and submitted, Twilio's review (the
	// emulator's test control) approves it, it is cloned into the subaccount, which buys a UK number with
	// the clone; a bundle no number uses is deleted.
	regs := c.must(200, main, "GET", numbersHost, "/v2/RegulatoryCompliance/Regulations",
		url.Values{"IsoCountry": {"GB"}, "NumberType": {"local"}, "EndUserType": {"business"}})
	results, _ := regs.body["results"].([]any)
	if len(results) != 1 {
		t.Fatalf("want one GB local business regulation, got %v", regs.body)
	}
	regulation, _ := results[0].(map[string]any)["sid"].(string)
	c.must(200, main, "GET", numbersHost, "/v2/RegulatoryCompliance/Regulations/"+regulation, nil)
	bundle := c.must(201, main, "POST", numbersHost, "/v2/RegulatoryCompliance/Bundles", url.Values{
		"FriendlyName": {"uk-business"}, "Email": {"compliance@example.com"}, "RegulationSid": {regulation},
		"StatusCallback": {"https://example.com/bundle-status"},
	}).str("sid")
	c.must(201, main, "POST", numbersHost, "/v2/RegulatoryCompliance/Bundles", url.Values{
		"FriendlyName": {"uk-mobile"}, "Email": {"compliance@example.com"}, "IsoCountry": {"GB"},
		"NumberType": {"mobile"}, "EndUserType": {"individual"},
	})
	c.must(200, main, "POST", numbersHost, "/v2/RegulatoryCompliance/Bundles/"+bundle, url.Values{"FriendlyName": {"uk-business-2"}})
	c.must(200, main, "POST", numbersHost, "/v2/RegulatoryCompliance/Bundles/"+bundle, url.Values{"Status": {"pending-review"}})
	if err := e.ReviewBundle(bundle, emulator.BundleApproved, time.Now().Add(365*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	c.must(200, main, "GET", numbersHost, "/v2/RegulatoryCompliance/Bundles/"+bundle, nil)
	c.must(200, main, "GET", numbersHost, "/v2/RegulatoryCompliance/Bundles", url.Values{
		"Status": {"twilio-approved"}, "IsoCountry": {"GB"}, "NumberType": {"local"}, "FriendlyName": {"uk-business-2"},
	})
	page = c.must(200, main, "GET", numbersHost, "/v2/RegulatoryCompliance/Bundles", url.Values{"PageSize": {"1"}})
	meta, _ = page.body["meta"].(map[string]any)
	next, _ = meta["next_page_url"].(string)
	c.must(200, main, "GET", numbersHost, nextPage(t, next), nil)
	clone := c.must(201, main, "POST", numbersHost, "/v2/RegulatoryCompliance/Bundles/"+bundle+"/Clones", url.Values{
		"TargetAccountSid": {subSID}, "FriendlyName": {"tenant-a uk"},
	}).str("bundle_sid")
	c.must(200, subCreds, "GET", numbersHost, "/v2/RegulatoryCompliance/Bundles/"+clone, nil)
	ukAddress := c.must(201, main, "POST", apiHost, subPath+"/Addresses.json", gbAddress).str("sid")
	ukNumber := c.must(201, main, "POST", apiHost, subPath+"/IncomingPhoneNumbers.json", url.Values{
		"PhoneNumber": {"+442079460100"}, "BundleSid": {clone}, "AddressSid": {ukAddress},
	}).str("sid")
	c.must(204, main, "DELETE", apiHost, subPath+"/IncomingPhoneNumbers/"+ukNumber+".json", nil)
	c.must(204, subCreds, "DELETE", numbersHost, "/v2/RegulatoryCompliance/Bundles/"+clone, nil)

	// Closing is irreversible; it comes last.
	c.must(200, main, "POST", apiHost, accounts+"/"+other+".json", url.Values{"Status": {"closed"}})

	oastest.Check(t, v)
	validated := v.Operations()
	for _, op := range emulatorOperations {
		if !slices.Contains(validated, op) {
			t.Errorf("operation %s was not validated: drive it here", op)
		}
	}
	t.Logf("conformance: validated %d operations against Twilio's OpenAPI (api v2010, iam v1, studio v2)", len(validated))
}

// corrupting serves e but rewrites the JSON answer of requests whose path has suffix, to prove the
// validator notices an emulator that drifts.
func corrupting(e http.Handler, suffix string, corrupt func(map[string]any)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		if strings.HasSuffix(r.URL.Path, suffix) && r.Method == http.MethodGet {
			var m map[string]any
			if err := json.Unmarshal(body, &m); err == nil {
				corrupt(m)
				body, _ = json.Marshal(m) // A map of decoded JSON always encodes.
			}
		}
		for k, vs := range rec.Header() {
			w.Header()[k] = vs
		}
		w.Header().Del("Content-Length")
		w.WriteHeader(rec.Code)
		_, _ = io.Copy(w, bytes.NewReader(body))
	})
}

// TestConformanceCatchesDrift shows that the conformance check can fail: an emulator whose answer
// differs from Twilio's description in one field is reported.
func TestConformanceCatchesDrift(t *testing.T) {
	t.Parallel()
	base := oastest.Validator(t)
	for _, tc := range []struct {
		name     string
		suffix   string
		corrupt  func(map[string]any)
		fragment string
	}{
		{"renamed sid", ".json", func(m map[string]any) { m["account_sid"] = m["sid"]; delete(m, "sid") }, "sid"},
		{"numeric date", ".json", func(m map[string]any) { m["date_created"] = time.Now().Unix() }, "/date_created"},
		{"ISO date on the 2010 API", ".json", func(m map[string]any) { m["date_updated"] = "2015-07-30T20:00:00Z" }, "/date_updated"},
		{"unknown status", ".json", func(m map[string]any) { m["status"] = "deleted" }, "/status"},
		// Semantics the spec's nullable fields do not say: an object's identity, owner, creation date and
		// status always have a value.
		{"null sid", ".json", func(m map[string]any) { m["sid"] = nil }, "/sid"},
		{"null owner", ".json", func(m map[string]any) { m["owner_account_sid"] = nil }, "/owner_account_sid"},
		{"null creation date", ".json", func(m map[string]any) { m["date_created"] = nil }, "/date_created"},
		{"null status", ".json", func(m map[string]any) { m["status"] = nil }, "/status"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v := base.Fork()
			e := newEmulator()
			c := serve(t, v, corrupting(e, tc.suffix, tc.corrupt))
			mainSID, mainToken := e.MainAccount()
			c.must(200, credentials{mainSID, mainToken}, "GET", apiHost, "/2010-04-01/Accounts/"+mainSID+".json", nil)
			got := v.Violations()
			if len(got) != 1 || got[0].Kind != oas.KindResponse || got[0].OperationID != "api_v2010.FetchAccount" ||
				!strings.Contains(got[0].Err, tc.fragment) {
				t.Fatalf("want one FetchAccount response violation about %q, got %v", tc.fragment, got)
			}
			if ops := v.Operations(); len(ops) != 0 {
				t.Errorf("a corrupted exchange counted as validated: %v", ops)
			}
		})
	}
}

// TestConformanceErrors checks that the emulator's errors, its injected faults included, have
// Twilio's error shape {code, message, more_info, status} and a code Twilio documents for the operation.
func TestConformanceErrors(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, e)
	mainSID, mainToken := e.MainAccount()
	main := credentials{mainSID, mainToken}
	accounts := "/2010-04-01/Accounts"
	sub := c.must(201, main, "POST", apiHost, accounts+".json", url.Values{"FriendlyName": {"errors"}})
	subSID := sub.str("sid")
	subCreds := credentials{subSID, sub.str("auth_token")}
	mainKey := c.must(201, main, "POST", apiHost, accounts+"/"+mainSID+"/Keys.json", nil)
	keyCreds := credentials{mainKey.str("sid"), mainKey.str("secret")}
	mainBundle, err := e.NewBundle(emulator.BundleOptions{IsoCountry: "GB", NumberType: "local", EndUserType: "business"})
	if err != nil {
		t.Fatal(err)
	}
	mainDraft, err := e.NewBundle(emulator.BundleOptions{IsoCountry: "GB", NumberType: "local", EndUserType: "business",
		Status: emulator.BundleDraft})
	if err != nil {
		t.Fatal(err)
	}
	v.Reset()

	for _, tc := range []struct {
		name                 string
		status               int
		cr                   credentials
		method, host, path   string
		form                 url.Values
		wantRequestViolation bool
	}{
		{"wrong auth token", 401, credentials{mainSID, "wrong"}, "GET", apiHost, accounts + "/" + mainSID + ".json", nil, false},
		{"no credentials", 401, credentials{}, "GET", apiHost, accounts + "/" + mainSID + ".json", nil, false},
		{"unknown application", 404, main, "GET", apiHost,
			accounts + "/" + subSID + "/Applications/AP0123456789abcdef0123456789abcdef.json", nil, false},
		{"number without PhoneNumber or AreaCode", 400, main, "POST", apiHost, accounts + "/" + subSID + "/IncomingPhoneNumbers.json", nil, false},
		// A request Twilio's description refuses is a violation even though the emulator refused it too: a
		// client's malformed request must not pass because the answer was an error.
		{"invalid status", 400, main, "POST", apiHost, accounts + "/" + subSID + ".json", url.Values{"Status": {"bogus"}}, true},
		{"main account's key on a subaccount", 403, keyCreds, "GET", apiHost, accounts + "/" + subSID + "/Applications.json", nil, false},
		{"IAM key of another account", 403, subCreds, "POST", iamHost, "/v1/Keys", url.Values{"AccountSid": {mainSID}}, false},
		{"flow without a definition", 400, subCreds, "POST", studioHost, "/v2/Flows",
			url.Values{"FriendlyName": {"x"}, "Status": {"draft"}}, true},
		{"unknown number", 400, main, "POST", apiHost, accounts + "/" + subSID + "/IncomingPhoneNumbers.json",
			url.Values{"PhoneNumber": {"+14155551234"}}, false},
		{"regulated number without a bundle", 400, main, "POST", apiHost, accounts + "/" + subSID + "/IncomingPhoneNumbers.json",
			url.Values{"PhoneNumber": {"+442079460101"}}, false},
		{"bundle of another account", 400, main, "POST", apiHost, accounts + "/" + subSID + "/IncomingPhoneNumbers.json",
			url.Values{"PhoneNumber": {"+442079460101"}, "BundleSid": {mainBundle}}, false},
		{"bundle status and name at once", 400, main, "POST", numbersHost, "/v2/RegulatoryCompliance/Bundles/" + mainBundle,
			url.Values{"Status": {"pending-review"}, "FriendlyName": {"x"}}, false},
		{"bundle of an unknown number type", 400, main, "POST", numbersHost, "/v2/RegulatoryCompliance/Bundles",
			url.Values{"FriendlyName": {"x"}, "Email": {"x@example.com"}, "IsoCountry": {"GB"}, "NumberType": {"satellite"},
				"EndUserType": {"business"}}, false},
		{"clone of an unapproved bundle", 400, main, "POST", numbersHost, "/v2/RegulatoryCompliance/Bundles/" + mainDraft + "/Clones",
			url.Values{"TargetAccountSid": {subSID}}, false},
		{"another account's bundle", 404, subCreds, "GET", numbersHost, "/v2/RegulatoryCompliance/Bundles/" + mainBundle, nil, false},
		{"page size too large", 400, main, "GET", apiHost, accounts + ".json", url.Values{"PageSize": {"1001"}}, true},
		// Neither is in Twilio's API, so the request itself is a violation; the answer must still be
		// Twilio-shaped.
		{"unknown path", 404, main, "GET", apiHost, accounts + "/" + subSID + "/Widgets.json", nil, true},
		{"unknown method", 405, main, "DELETE", apiHost, accounts + "/" + subSID + ".json", nil, true},
	} {
		a := c.send(tc.cr, tc.method, tc.host, tc.path, tc.form)
		if a.status != tc.status {
			t.Errorf("%s: status %d, want %d: %v", tc.name, a.status, tc.status, a.body)
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

	// Injected faults answer with Twilio's errors too; a reset has nothing to check.
	fetch := accounts + "/" + mainSID + ".json"
	for _, fault := range []emulator.Fault{
		{Kind: emulator.FaultRateLimit, RetryAfter: time.Second, Times: 1, Path: fetch},
		{Kind: emulator.FaultInternal, Times: 1, Path: fetch},
		{Kind: emulator.FaultUnavailable, Times: 1, Path: fetch, AfterEffect: true},
	} {
		e.AddFault(fault)
		a := c.send(main, "GET", apiHost, fetch, nil)
		if got := fmt.Sprint(a.status); got != string(fault.Kind) {
			t.Errorf("fault %s: status %d", fault.Kind, a.status)
		}
	}
	e.AddFault(emulator.Fault{Kind: emulator.FaultReset, Times: 1, Path: fetch})
	req, err := http.NewRequest("GET", c.url+fetch, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = apiHost
	req.SetBasicAuth(main.user, main.pass)
	// A fresh connection: net/http retries a GET that fails on a reused one, which would hide the reset.
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if resp, err := fresh.Do(req); err == nil {
		_ = resp.Body.Close()
		t.Errorf("reset fault: got %s, want a dropped connection", resp.Status)
	}
	oastest.Check(t, v)
}

// Twilio sends "" for a number's unset application SIDs, never null (its examples); the check tells the
// two apart.
func TestConformanceEmptyIsNotNull(t *testing.T) {
	t.Parallel()
	v := oastest.Validator(t)
	e := newEmulator()
	c := serve(t, v, corrupting(e, ".json", func(m map[string]any) { m["voice_application_sid"] = nil }))
	mainSID, mainToken := e.MainAccount()
	main := credentials{mainSID, mainToken}
	numbers := "/2010-04-01/Accounts/" + mainSID + "/IncomingPhoneNumbers"
	sid := c.must(201, main, "POST", apiHost, numbers+".json", url.Values{"PhoneNumber": {"+14155550130"}}).str("sid")
	v.Reset()
	c.send(main, "GET", apiHost, numbers+"/"+sid+".json", nil)
	got := v.Violations()
	if len(got) != 1 || got[0].Kind != oas.KindResponse || !strings.Contains(got[0].Err, "/voice_application_sid") {
		t.Fatalf("want one response violation about voice_application_sid, got %v", got)
	}
}
