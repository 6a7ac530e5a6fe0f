package twilioclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	accountsv1 "github.com/twilio/twilio-go/rest/accounts/v1"
)

// TestRotateSubaccountAuthToken: the rotation leaves the subaccount with the new token only, updates the
// client ForAccount cached, and an API key client refuses before changing anything.
func TestRotateSubaccountAuthToken(t *testing.T) {
	f := newFamilyFixture(t)
	ctx := context.Background()
	sub, err := f.main.ForAccount(ctx, f.a)
	if err != nil {
		t.Fatal(err)
	}
	oldToken := sub.cfg.AuthToken
	token, err := f.main.RotateSubaccountAuthToken(ctx, f.a)
	if err != nil {
		t.Fatal(err)
	}
	if token == oldToken || token == "" {
		t.Fatal("the token did not change")
	}
	if now, _ := f.emu.AuthTokenIn(f.a, "us1"); now != token {
		t.Fatal("the returned token is not the subaccount's")
	}
	if _, err := f.main.withAuthToken(f.a, oldToken).FindAccount(ctx, f.a); !IsStatus(err, http.StatusUnauthorized) {
		t.Fatalf("the old token after the rotation: %v, want 401", err)
	}
	cached, err := f.main.ForAccount(ctx, f.a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cached.FindAccount(ctx, f.a); err != nil {
		t.Fatalf("ForAccount's client after the rotation: %v", err)
	}
	// The sibling is untouched.
	if _, err := f.main.ForAccount(ctx, f.b); err != nil {
		t.Fatal(err)
	}

	key := f.client(t, Config{AccountSID: f.mainSID, APIKeySID: "SK00000000000000000000000000000000", APIKeySecret: "x"})
	f.emu.ResetRequests()
	_, err = key.RotateSubaccountAuthToken(ctx, f.b)
	var re *RotationError
	if !errors.As(err, &re) || re.Step != RotationNotStarted {
		t.Fatalf("rotation with an API key: %v, want a refusal before anything changed", err)
	}
	if n := len(f.emu.Requests()); n != 0 {
		t.Errorf("the refused rotation sent %d requests", n)
	}
	// A closed subaccount is not found, and nothing is created.
	if _, err := f.main.UpdateAccount(ctx, f.b, (&UpdateAccountParams{}).SetStatus(AccountStatusClosed)); err != nil {
		t.Fatal(err)
	}
	if _, err := f.main.RotateSubaccountAuthToken(ctx, f.b); !IsNotFound(err) {
		t.Errorf("rotating a closed subaccount: %v, want not found", err)
	}
}

// TestDialingAndTriggersClient: the finders and the bulk update through a subaccount's own client, and
// ErrNotFound for a gone trigger.
func TestDialingAndTriggersClient(t *testing.T) {
	f := newFamilyFixture(t)
	ctx := context.Background()
	sub, err := f.main.ForAccount(ctx, f.a)
	if err != nil {
		t.Fatal(err)
	}
	if inherit, err := sub.FindDialingInheritance(ctx); err != nil || !inherit {
		t.Fatalf("a new subaccount's inheritance: %v, %v", inherit, err)
	}
	if err := sub.SetDialingInheritance(ctx, false); err != nil {
		t.Fatal(err)
	}
	if err := sub.UpdateDialingCountries(ctx, []DialingPermission{{IsoCode: "GB", LowRisk: true}, {IsoCode: "DE", LowRisk: true, HighRiskSpecial: true}}); err != nil {
		t.Fatal(err)
	}
	got, err := sub.ListEnabledDialingCountries(ctx)
	if err != nil || len(got) != 2 {
		t.Fatalf("enabled countries: %v, %v", got, err)
	}
	if de, err := sub.FindDialingCountry(ctx, "DE"); err != nil || !de.HighRiskSpecial || de.HighRiskTollfraud {
		t.Fatalf("DE: %+v, %v", de, err)
	}
	if _, err := sub.FindDialingCountry(ctx, "XX"); !IsNotFound(err) {
		t.Fatalf("an unknown country: %v, want not found", err)
	}

	params := &CreateUsageTriggerParams{}
	params.SetCallbackUrl("https://example.com/spend").SetTriggerValue("50").SetUsageCategory("totalprice").
		SetTriggerBy("price").SetRecurring("monthly")
	tr, err := f.main.CreateUsageTrigger(ctx, f.a, params)
	if err != nil {
		t.Fatal(err)
	}
	if list, err := f.main.ListUsageTriggers(ctx, f.a, "totalprice"); err != nil || len(list) != 1 {
		t.Fatalf("list: %v, %v", list, err)
	}
	if _, err := f.main.UpdateUsageTrigger(ctx, f.a, *tr.Sid, (&UpdateUsageTriggerParams{}).SetFriendlyName("spend")); err != nil {
		t.Fatal(err)
	}
	if err := f.main.DeleteUsageTrigger(ctx, f.a, *tr.Sid); err != nil {
		t.Fatal(err)
	}
	if _, err := f.main.FindUsageTrigger(ctx, f.a, *tr.Sid); !IsNotFound(err) {
		t.Fatalf("a deleted trigger: %v, want ErrNotFound", err)
	}
}

// TestRotateSubaccountAuthToken_lostPromoteAnswer: a promote that happened but whose answer was lost is
// told by the old token's 401, and the rotation reports success with the new token; a promote refused
// before it happened (a 500 Twilio answers without acting) is reported as stopped with the old token
// still working.
func TestRotateSubaccountAuthToken_lostPromoteAnswer(t *testing.T) {
	f := newFamilyFixture(t)
	ctx := context.Background()
	f.emu.AddFault(emulator.Fault{Method: "POST", Path: "/v1/AuthTokens/Promote", Kind: emulator.FaultReset, Times: 1, AfterEffect: true})
	token, err := f.main.RotateSubaccountAuthToken(ctx, f.a)
	if err != nil {
		t.Fatalf("a promote whose answer was lost: %v", err)
	}
	if now, _ := f.emu.AuthTokenIn(f.a, "us1"); now != token {
		t.Fatal("the returned token is not the subaccount's")
	}

	before, _ := f.emu.AuthTokenIn(f.b, "us1")
	f.emu.AddFault(emulator.Fault{Method: "POST", Path: "/v1/AuthTokens/Promote", Kind: emulator.FaultInternal})
	_, err = f.main.RotateSubaccountAuthToken(ctx, f.b)
	var re *RotationError
	if !errors.As(err, &re) || re.Step != RotationSecondaryCreated {
		t.Fatalf("a refused promote: %v, want stopped after the secondary", err)
	}
	if now, _ := f.emu.AuthTokenIn(f.b, "us1"); now != before {
		t.Fatal("the token changed although the promote failed")
	}
}

// An unused secondary token left by an earlier, interrupted rotation (or made by a person) is deleted
// before the rotation creates its own, so the rotation finishes whether Twilio lets a second secondary
// replace the first (the emulator's default) or refuses it (AltSecondaryExistsRefused); and a rotation
// that stops after its create deletes the secondary it made, so no live token nobody holds is left.
func TestRotateSubaccountAuthToken_earlierSecondary(t *testing.T) {
	for _, refused := range []bool{false, true} {
		t.Run(fmt.Sprintf("refused=%v", refused), func(t *testing.T) {
			f := newFamilyFixture(t)
			f.emu.SetAlternative(emulator.AltSecondaryExistsRefused, refused)
			ctx := context.Background()
			sub, err := f.main.ForAccount(ctx, f.a)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := sub.accountsV1(ctx).CreateSecondaryAuthToken(&accountsv1.CreateSecondaryAuthTokenParams{}); err != nil {
				t.Fatal(err)
			}
			token, err := f.main.RotateSubaccountAuthToken(ctx, f.a)
			if err != nil {
				t.Fatalf("rotation with an earlier secondary: %v", err)
			}
			if now, _ := f.emu.AuthTokenIn(f.a, "us1"); now != token {
				t.Fatal("the returned token is not the subaccount's")
			}

			// The create's answer is lost (the secondary exists, nobody holds it): the rotation stops before the
			// promote and deletes it.
			before, _ := f.emu.AuthTokenIn(f.b, "us1")
			f.emu.AddFault(emulator.Fault{Method: "POST", Path: `/v1/AuthTokens/Secondary$`, Kind: emulator.FaultReset,
				AfterEffect: true, Times: 1})
			_, err = f.main.RotateSubaccountAuthToken(ctx, f.b)
			var re *RotationError
			if !errors.As(err, &re) || re.Step != RotationSecondaryRemoved {
				t.Fatalf("a lost create answer: %v, want stopped with the secondary deleted", err)
			}
			if now, _ := f.emu.AuthTokenIn(f.b, "us1"); now != before {
				t.Fatal("the token changed although the rotation stopped before the promote")
			}
			b, err := f.main.ForAccount(ctx, f.b)
			if err != nil {
				t.Fatal(err)
			}
			if err := b.deleteSecondary(ctx); !IsNotFound(err) {
				t.Fatalf("deleting the secondary after the stopped rotation: %v, want 404 (it was deleted)", err)
			}
		})
	}
}
