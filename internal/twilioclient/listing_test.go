package twilioclient

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// A parent's client acts in a subaccount's Serverless services with the subaccount's own credentials (the
// product hosts refuse the parent's), and an answer such as 404 comes back as this package's error.
func TestAsAccountActsWithTheAccountsOwnClient(t *testing.T) {
	f := newFamilyFixture(t)
	ctx := context.Background()
	params := &CreateServiceParams{}
	params.SetUniqueName("tenant-a").SetFriendlyName("Tenant A")
	svc, err := f.main.CreateService(ctx, f.a, params)
	must(t, err)
	got, err := f.main.FindService(ctx, f.a, *svc.Sid)
	if err != nil {
		t.Fatalf("FindService in subaccount %s through the parent's client: %v", f.a, err)
	}
	if *got.Sid != *svc.Sid {
		t.Errorf("FindService = %s, want %s", *got.Sid, *svc.Sid)
	}
	must(t, f.main.DeleteService(ctx, f.a, *svc.Sid))
	if err := f.main.DeleteService(ctx, f.a, *svc.Sid); !IsNotFound(err) {
		t.Errorf("deleting the service again: %v, want ErrNotFound", err)
	}
	if _, err := f.main.FindService(ctx, f.a, *svc.Sid); !IsNotFound(err) {
		t.Errorf("FindService after delete: %v, want ErrNotFound", err)
	}
}

// A fetched or renamed bundle carries its regulation's country, number type and end-user type, which only
// the regulation's own answer holds.
func TestBundleWithRegulation(t *testing.T) {
	f := newFamilyFixture(t)
	ctx := context.Background()
	sid, err := f.emu.NewBundle(emulator.BundleOptions{AccountSid: f.a, FriendlyName: "gb", IsoCountry: "GB",
		NumberType: "local", EndUserType: "business"})
	must(t, err)
	found, err := f.main.FindBundle(ctx, f.a, sid)
	must(t, err)
	renamed, err := f.main.RenameBundle(ctx, f.a, sid, "gb local")
	must(t, err)
	for name, b := range map[string]*Bundle{"FindBundle": found, "RenameBundle": renamed} {
		if b.IsoCountry != "GB" || b.NumberType != "local" || b.EndUserType != "business" {
			t.Errorf("%s: regulation %s/%s/%s, want GB/local/business", name, b.IsoCountry, b.NumberType, b.EndUserType)
		}
	}
}

// Every list asks for Twilio's largest page (paged), so a collection costs as few requests as it can, and acts
// in the account it names: the 2010 lists through the path (in2010), the product lists with the account's own
// client (asAccount).
func TestListsAskForTheLargestPageInTheirAccount(t *testing.T) {
	f := newFamilyFixture(t)
	ctx := context.Background()
	lists := map[string]func() error{
		"ListAddresses":         func() error { _, err := f.main.ListAddresses(ctx, f.a, ""); return err },
		"ListApplications":      func() error { _, err := f.main.ListApplications(ctx, f.a, ""); return err },
		"ListUsageTriggers":     func() error { _, err := f.main.ListUsageTriggers(ctx, f.a, ""); return err },
		"ListIncomingNumbers":   func() error { _, err := f.main.ListIncomingNumbers(ctx, f.a); return err },
		"ListKeys":              func() error { _, err := f.main.ListKeys(ctx, f.a); return err },
		"ListFlows":             func() error { _, err := f.main.ListFlows(ctx, f.a); return err },
		"ListMessagingServices": func() error { _, err := f.main.ListMessagingServices(ctx, f.a); return err },
		"ListServices":          func() error { _, err := f.main.ListServices(ctx, f.a); return err },
		"ListTrustEntities":     func() error { _, err := f.main.ListTrustEntities(ctx, TrustEndUser, f.a); return err },
		"ListTrustBundles":      func() error { _, err := f.main.ListTrustBundles(ctx, TrustProduct, f.a); return err },
	}
	for name, list := range lists {
		f.emu.ResetRequests()
		must(t, list())
		var pages int
		for _, r := range f.emu.Requests() {
			q, err := url.ParseQuery(r.RawQuery)
			if err != nil || !q.Has("PageSize") {
				continue
			}
			pages++
			if q.Get("PageSize") != "1000" || r.Account != f.a {
				t.Errorf("%s: %s %s?%s acted on %s, want PageSize=1000 in %s", name, r.Method, r.Path, r.RawQuery, r.Account, f.a)
			}
		}
		if pages != 1 {
			t.Errorf("%s: %d list requests, want 1", name, pages)
		}
	}
}

// A create in another account whose credentials cannot be obtained sent nothing of the create, whatever the
// credentials lookup met (here Twilio's 500s): createAs says so, and names what it was doing, so the resource
// may create again without looking for what a lost answer made.
func TestCreateAsNothingSentWithoutCredentials(t *testing.T) {
	t.Parallel()
	other := "AC" + strings.Repeat("f", 32)
	creates := map[string]func(c *Client) error{
		"CreateMessagingService": func(c *Client) error {
			_, err := c.CreateMessagingService(context.Background(), other, &CreateMessagingServiceParams{})
			return err
		},
		"AddAlphaSender": func(c *Client) error {
			_, err := c.AddAlphaSender(context.Background(), other, "MG"+strings.Repeat("0", 32), "Tenant")
			return err
		},
		"CreateService": func(c *Client) error {
			_, err := c.CreateService(context.Background(), other, &CreateServiceParams{})
			return err
		},
		"CreateBrandRegistration": func(c *Client) error {
			_, err := c.CreateBrandRegistration(context.Background(), other, &CreateBrandRegistrationParams{})
			return err
		},
		"CreateTollfreeVerification": func(c *Client) error {
			_, err := c.CreateTollfreeVerification(context.Background(), other, &CreateTollfreeVerificationParams{})
			return err
		},
		"CreateTrustEntity": func(c *Client) error {
			_, err := c.CreateTrustEntity(context.Background(), TrustEndUser, other, TrustEntityParams{})
			return err
		},
	}
	for name, create := range creates {
		srv := &scripted{statuses: []int{500, 500, 500, 500, 500, 500}}
		err := create(newTestClient(t, srv))
		if err == nil || IsSent(err) || !strings.Contains(err.Error(), "obtaining the credentials of account "+other+" to ") {
			t.Errorf("%s: %v (sent: %v), want a not-sent error naming the credentials lookup", name, err, IsSent(err))
		}
	}
}

// A listed collection comes back whole in this package's type (converted), as the lost-answer lookups and
// the list resources read it.
func TestListTrustEntitiesConvertsEveryObject(t *testing.T) {
	f := newFamilyFixture(t)
	ctx := context.Background()
	var want []string
	for _, name := range []string{"first", "second"} {
		e, err := f.main.CreateTrustEntity(ctx, TrustEndUser, f.a, TrustEntityParams{FriendlyName: name, Type: "individual", Attributes: json.RawMessage(`{"first_name": "Ada"}`)})
		must(t, err)
		want = append(want, e.Sid+" "+name+" individual")
	}
	all, err := f.main.ListTrustEntities(ctx, TrustEndUser, f.a)
	must(t, err)
	var got []string
	for _, e := range all {
		got = append(got, e.Sid+" "+e.FriendlyName+" "+e.Type)
	}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("ListTrustEntities = %v, want %v", got, want)
	}
}
