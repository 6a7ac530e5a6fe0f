package twilioclient

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// A lost-answer lookup must find only what the lost request may have made: an object of the same name made
// an hour before the request (a sibling, a Console user, an earlier apply) is not a candidate, or the
// provider would adopt someone else's object or refuse two candidates. Each finder built on createdSince
// meets such a namesake here; making createdSince return true for every date fails every row.
func TestFindCreatedSince_skipsOlderNamesakes(t *testing.T) {
	emu := emulator.New(emulator.Options{})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	sid, token := emu.MainAccount()
	c, err := New(Config{AccountSID: sid, AuthToken: token, BaseURL: srv.URL, UserAgent: "test",
		MinBackoff: time.Millisecond, MaxBackoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	rows := []struct {
		name   string
		create func(t *testing.T) string
		find   func(since time.Time) ([]string, error)
	}{
		{"subaccount", func(t *testing.T) string {
			a, err := c.CreateSubaccount(ctx, "tenant")
			must(t, err)
			return *a.Sid
		}, func(since time.Time) ([]string, error) {
			found, err := c.FindSubaccountsCreatedSince(ctx, "tenant", since)
			return sidsOf(found, func(a Account) string { return *a.Sid }), err
		}},
		{"twiml app", func(t *testing.T) string {
			p := &CreateApplicationParams{}
			p.SetFriendlyName("softphone")
			a, err := c.CreateApplication(ctx, sid, p)
			must(t, err)
			return *a.Sid
		}, func(since time.Time) ([]string, error) {
			found, err := c.FindApplicationsCreatedSince(ctx, sid, "softphone", since)
			return sidsOf(found, func(a Application) string { return *a.Sid }), err
		}},
		{"address", func(t *testing.T) string {
			p := &CreateAddressParams{}
			p.SetCustomerName("Tenant").SetStreet("1 Main St").SetCity("Austin").SetRegion("TX").
				SetPostalCode("78701").SetIsoCountry("US")
			a, err := c.CreateAddress(ctx, sid, p)
			must(t, err)
			return *a.Sid
		}, func(since time.Time) ([]string, error) {
			found, err := c.FindAddressesCreatedSince(ctx, sid, "Tenant", since)
			return sidsOf(found, func(a Address) string { return *a.Sid }), err
		}},
		{"incoming number", func() func(t *testing.T) string {
			// Two numbers of one area code: the lookup after a lost area-code purchase.
			next := 0
			return func(t *testing.T) string {
				next++
				p := &CreateIncomingNumberParams{}
				p.SetPhoneNumber("+1415555014" + string(rune('0'+next)))
				n, err := c.CreateIncomingNumber(ctx, sid, p)
				must(t, err)
				return *n.Sid
			}
		}(), func(since time.Time) ([]string, error) {
			found, err := c.FindIncomingNumbersCreatedSince(ctx, sid, "+1415", since)
			return sidsOf(found, func(n IncomingNumber) string { return *n.Sid }), err
		}},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			older := row.create(t)
			if err := emu.Backdate(older, time.Hour); err != nil {
				t.Fatal(err)
			}
			since := time.Now()
			newer := row.create(t)
			found, err := row.find(since)
			if err != nil {
				t.Fatal(err)
			}
			if len(found) != 1 || found[0] != newer {
				t.Fatalf("created since the request: got %v, want only %s (not the hour-old namesake %s)", found, newer, older)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func sidsOf[T any](items []T, sid func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = sid(it)
	}
	return out
}
