package twilioclient

import (
	"context"
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
