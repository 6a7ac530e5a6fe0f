package twilioclient

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// familyFixture is a main account with two subaccounts, a and b, and a number bought in a and moved to b,
// as the Console's number transfer does.
type familyFixture struct {
	emu           *emulator.Emulator
	url           string
	main          *Client
	a, b, number  string
	mainSID, auth string
}

func newFamilyFixture(t *testing.T) *familyFixture {
	t.Helper()
	emu := emulator.New(emulator.Options{})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	sid, token := emu.MainAccount()
	f := &familyFixture{emu: emu, url: srv.URL, mainSID: sid, auth: token}
	f.main = f.client(t, Config{AccountSID: sid, AuthToken: token})
	ctx := context.Background()
	for _, dst := range []*string{&f.a, &f.b} {
		acct, err := f.main.CreateSubaccount(ctx, "tenant")
		if err != nil {
			t.Fatal(err)
		}
		*dst = *acct.Sid
	}
	params := &CreateIncomingNumberParams{}
	params.SetPhoneNumber("+14155550123")
	n, err := f.main.CreateIncomingNumber(ctx, f.a, params)
	if err != nil {
		t.Fatal(err)
	}
	f.number = *n.Sid
	if _, err := f.main.UpdateIncomingNumber(ctx, f.a, f.number, &UpdateIncomingNumberParams{AccountSid: &f.b}); err != nil {
		t.Fatal(err)
	}
	emu.ResetRequests()
	return f
}

func (f *familyFixture) client(t *testing.T, cfg Config) *Client {
	t.Helper()
	cfg.BaseURL, cfg.UserAgent, cfg.MinBackoff, cfg.MaxBackoff = f.url, "test", time.Millisecond, time.Millisecond
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *familyFixture) fetches() int {
	n := 0
	for _, r := range f.emu.Requests() {
		if r.Method == "GET" && strings.Contains(r.Path, "/IncomingPhoneNumbers/"+f.number) {
			n++
		}
	}
	return n
}

// Only "searched every account and found nothing" reads as gone; every failure of the search itself is an
// error that does not match ErrNotFound, so a caller keeps the number, which may still be billed.
func TestFindIncomingNumberInFamily(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t.Run("moved to a sibling", func(t *testing.T) {
		t.Parallel()
		f := newFamilyFixture(t)
		n, err := f.main.FindIncomingNumberInFamily(ctx, f.number, f.a)
		if err != nil || *n.AccountSid != f.b {
			t.Fatalf("want the number in %s, got %v, %v", f.b, n, err)
		}
	})
	t.Run("released", func(t *testing.T) {
		t.Parallel()
		f := newFamilyFixture(t)
		if err := f.main.DeleteIncomingNumber(ctx, f.b, f.number); err != nil {
			t.Fatal(err)
		}
		f.emu.ResetRequests()
		_, err := f.main.FindIncomingNumberInFamily(ctx, f.number, f.a)
		if !IsNotFound(err) {
			t.Fatalf("want ErrNotFound once every account was searched, got %v", err)
		}
		// The main account and b; a was searched by the caller already.
		if got := f.fetches(); got != 2 {
			t.Errorf("want one fetch per other open account (2), got %d", got)
		}
	})
	failures := []struct {
		name  string
		setup func(t *testing.T, f *familyFixture) *Client
		want  string
	}{
		{"listing the accounts fails", func(_ *testing.T, f *familyFixture) *Client {
			f.emu.AddFault(emulator.Fault{Method: "GET", Path: `/Accounts\.json$`, Kind: emulator.FaultInternal})
			return f.main
		}, "listing the accounts"},
		{"a fetch fails", func(_ *testing.T, f *familyFixture) *Client {
			f.emu.AddFault(emulator.Fault{Method: "GET", Path: "/Accounts/" + f.b + "/IncomingPhoneNumbers/", Kind: emulator.FaultInternal})
			return f.main
		}, "fetching number"},
		{"a standard key cannot list accounts", func(t *testing.T, f *familyFixture) *Client {
			key, err := f.main.CreateKey(ctx, f.mainSID, "standard")
			if err != nil {
				t.Fatal(err)
			}
			return f.client(t, Config{AccountSID: f.mainSID, APIKeySID: key.SID, APIKeySecret: key.Secret})
		}, "HTTP 403"},
	}
	for _, tc := range failures {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFamilyFixture(t)
			c := tc.setup(t, f)
			_, err := c.FindIncomingNumberInFamily(ctx, f.number, f.a)
			if err == nil || IsNotFound(err) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an error containing %q that is not ErrNotFound, got %v", tc.want, err)
			}
		})
	}
}

// A family larger than the limit is not searched at all: one list request, no fetch, and an error that is
// not ErrNotFound. Not parallel: it lowers the package's limit.
func TestFindIncomingNumberInFamily_limit(t *testing.T) {
	f := newFamilyFixture(t)
	defer func(old int) { familySearchLimit = old }(familySearchLimit)
	familySearchLimit = 2 // the family has 3 accounts
	_, err := f.main.FindIncomingNumberInFamily(context.Background(), f.number, f.a)
	if !errors.Is(err, ErrFamilyTooLarge) || IsNotFound(err) {
		t.Fatalf("want ErrFamilyTooLarge, got %v", err)
	}
	if reqs := f.emu.Requests(); len(reqs) != 1 || f.fetches() != 0 {
		t.Errorf("want exactly one list request and no fetch, got %d requests", len(reqs))
	}
	familySearchLimit = 3
	if n, err := f.main.FindIncomingNumberInFamily(context.Background(), f.number, f.a); err != nil || *n.AccountSid != f.b {
		t.Fatalf("a family at the limit is searched: got %v, %v", n, err)
	}
}
