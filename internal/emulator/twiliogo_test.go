package emulator

import (
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/twilio/twilio-go"
	"github.com/twilio/twilio-go/client"
	api "github.com/twilio/twilio-go/rest/api/v2010"
	iam "github.com/twilio/twilio-go/rest/iam/v1"
	studio "github.com/twilio/twilio-go/rest/studio/v2"
)

// redirect sends twilio-go's requests to the emulator while the Host header
// keeps the Twilio product host, so one emulator tells api, iam and studio
// apart (see NOTES.md, "Pointing twilio-go at another base URL").
type redirect struct{ target *url.URL }

func (rt redirect) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Host = req.URL.Host
	req.URL.Scheme, req.URL.Host = rt.target.Scheme, rt.target.Host
	return http.DefaultTransport.RoundTrip(req)
}

func twilioClient(t *testing.T, h *harness, c creds, accountSid string) *twilio.RestClient {
	t.Helper()
	target, err := url.Parse(h.url)
	if err != nil {
		t.Fatal(err)
	}
	base := &client.Client{
		Credentials: client.NewCredentials(c.user, c.pass),
		HTTPClient:  &http.Client{Transport: redirect{target}},
	}
	base.SetAccountSid(accountSid)
	rc := twilio.NewRestClientWithParams(twilio.ClientParams{Client: base})
	rc.SetEdge("")
	rc.SetRegion("")
	return rc
}

func TestTwilioGoClient(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := twilioClient(t, h, h.main, h.main.user)

	sub, err := m.Api.CreateAccount(new(api.CreateAccountParams).SetFriendlyName("tenant"))
	if err != nil {
		t.Fatalf("CreateAccount: %v", err)
	}
	if *sub.OwnerAccountSid != h.main.user || *sub.Status != "active" || *sub.AuthToken == "" {
		t.Fatalf("subaccount = %+v", sub)
	}
	accounts, err := m.Api.ListAccount(new(api.ListAccountParams).SetPageSize(1))
	if err != nil || len(accounts) != 2 {
		t.Fatalf("ListAccount paged through %d accounts: %v", len(accounts), err)
	}

	// The parent's token acts on the subaccount through PathAccountSid.
	for range 3 {
		if _, err := m.Api.CreateApplication(new(api.CreateApplicationParams).SetPathAccountSid(*sub.Sid).
			SetFriendlyName("app").SetVoiceUrl("https://example.com/v").SetVoiceCallerIdLookup(true)); err != nil {
			t.Fatalf("CreateApplication: %v", err)
		}
	}
	apps, err := m.Api.ListApplication(new(api.ListApplicationParams).SetPathAccountSid(*sub.Sid).SetPageSize(2))
	if err != nil || len(apps) != 3 {
		t.Fatalf("ListApplication paged through %d applications: %v", len(apps), err)
	}
	if *apps[0].VoiceUrl != "https://example.com/v" || !*apps[0].VoiceCallerIdLookup || apps[0].SmsUrl != nil {
		t.Errorf("application = %+v", apps[0])
	}

	avail, err := m.Api.ListAvailablePhoneNumberLocal("US", new(api.ListAvailablePhoneNumberLocalParams).SetAreaCode(415).SetLimit(2))
	if err != nil || len(avail) != 2 || avail[0].Latitude == nil || !avail[0].Capabilities.Voice {
		t.Fatalf("ListAvailablePhoneNumberLocal = %+v, %v", avail, err)
	}
	num, err := m.Api.CreateIncomingPhoneNumber(new(api.CreateIncomingPhoneNumberParams).
		SetPathAccountSid(*sub.Sid).SetPhoneNumber(*avail[0].PhoneNumber).SetVoiceApplicationSid(*apps[0].Sid))
	if err != nil {
		t.Fatalf("CreateIncomingPhoneNumber: %v", err)
	}
	if *num.VoiceApplicationSid != *apps[0].Sid || !num.Capabilities.Sms || *num.DateCreated == "" {
		t.Errorf("number = %+v", num)
	}
	moved, err := m.Api.UpdateIncomingPhoneNumber(*num.Sid, new(api.UpdateIncomingPhoneNumberParams).
		SetPathAccountSid(*sub.Sid).SetAccountSid(h.main.user))
	if err != nil || *moved.AccountSid != h.main.user || *moved.Sid != *num.Sid {
		t.Fatalf("moving the number: %+v, %v", moved, err)
	}

	// Errors decode as TwilioRestError.
	_, err = m.Api.FetchApplication(*apps[0].Sid, new(api.FetchApplicationParams)) // in the subaccount, not main
	var restErr *client.TwilioRestError
	if !errors.As(err, &restErr) || restErr.Status != 404 || restErr.Code != 20404 {
		t.Errorf("fetching another account's application: %v", err)
	}
	_, err = m.Api.CreateIncomingPhoneNumber(new(api.CreateIncomingPhoneNumberParams).SetAreaCode("533"))
	if !errors.As(err, &restErr) || restErr.Code != 21452 {
		t.Errorf("area code 533: %v", err)
	}

	// IAM and Studio need the subaccount's own credentials.
	s := twilioClient(t, h, creds{*sub.Sid, *sub.AuthToken}, *sub.Sid)
	key, err := s.IamV1.CreateNewKey(new(iam.CreateNewKeyParams).SetAccountSid(*sub.Sid).SetFriendlyName("ro").
		SetKeyType("restricted").SetPolicy(map[string]any{"allow": []string{"/twilio/messaging/messages/read"}}))
	if err != nil || key.Secret == nil || key.Policy == nil {
		t.Fatalf("CreateNewKey: %+v, %v", key, err)
	}
	keys, err := s.IamV1.ListGetKeys(new(iam.ListGetKeysParams).SetAccountSid(*sub.Sid).SetPageSize(1))
	if err != nil || len(keys) != 1 {
		t.Fatalf("ListGetKeys = %v, %v", keys, err)
	}
	if _, err := m.IamV1.FetchKey(*key.Sid); !errors.As(err, &restErr) || restErr.Status != 404 {
		t.Errorf("the parent fetched the subaccount's key on IAM: %v", err)
	}
	var def any = map[string]any{"initial_state": "Trigger", "states": []any{map[string]any{"name": "Trigger", "type": "trigger"}}}
	for range 3 {
		if _, err := s.StudioV2.CreateFlow(new(studio.CreateFlowParams).SetFriendlyName("ivr").SetStatus("published").SetDefinition(def)); err != nil {
			t.Fatalf("CreateFlow: %v", err)
		}
	}
	flows, err := s.StudioV2.ListFlow(new(studio.ListFlowParams).SetPageSize(2))
	if err != nil || len(flows) != 3 {
		t.Fatalf("ListFlow paged through %d flows: %v", len(flows), err)
	}
	f, err := s.StudioV2.UpdateFlow(*flows[0].Sid, new(studio.UpdateFlowParams).SetStatus("draft").SetCommitMessage("wip"))
	if err != nil || f.Revision != 2 || f.DateUpdated == nil || f.DateCreated == nil || *f.Status != "draft" {
		t.Fatalf("UpdateFlow = %+v, %v", f, err)
	}
}
