package twilioclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	accountsv1 "github.com/twilio/twilio-go/rest/accounts/v1"
)

// Auth token rotation. Accounts v1's /v1/AuthTokens endpoints take no account SID: they act on the account
// whose credentials call them ("The SID of the Account that the secondary Auth Token was created for",
// https://www.twilio.com/docs/iam/api/secondary_authtoken), so a subaccount's token is rotated with the
// subaccount's own credentials, which the parent's auth token can read.

func (c *Client) accountsV1(ctx context.Context) *accountsv1.ApiService {
	return accountsv1.NewApiService(c.base(ctx))
}

// withAuthToken is a client for accountSID authenticating with token, sharing c's transport.
func (c *Client) withAuthToken(accountSID, token string) *Client {
	cfg := c.cfg
	cfg.AccountSID, cfg.AuthToken, cfg.APIKeySID, cfg.APIKeySecret = accountSID, token, "", ""
	return &Client{cfg: cfg, transport: c.transport}
}

// RotationStep names how far a rotation got, for errors that must say what changed.
type RotationStep string

// The steps of a rotation, in order.
const (
	RotationNotStarted RotationStep = "nothing was changed"
	// RotationSecondaryRemoved: a secondary token was (or may have been) created and was deleted again.
	RotationSecondaryRemoved RotationStep = "the secondary auth token it made was deleted again; the old token still works"
	RotationSecondaryCreated RotationStep = "a secondary auth token was created; the old token still works"
	RotationPromoted         RotationStep = "the secondary auth token was promoted; the old token no longer works"
)

// RotationError is a rotation that stopped at Step.
type RotationError struct {
	AccountSID string
	Step       RotationStep
	Err        error
}

func (e *RotationError) Error() string {
	return fmt.Sprintf("rotating the auth token of %s stopped: %s: %v", e.AccountSID, e.Step, e.Err)
}

func (e *RotationError) Unwrap() error { return e.Err }

// RotateSubaccountAuthToken rotates a subaccount's auth token without downtime: it creates a secondary
// token with the subaccount's current credentials, checks that the secondary authenticates while the old
// token still does, then promotes it ("After promoting the new token, all requests to Twilio using your
// old primary Auth Token will result in an error", https://www.twilio.com/docs/iam/api/authtoken). Only
// the secondary this call created is promoted. The new token is returned for the caller to hand on, never
// to print; clients for the subaccount that ForAccount cached are updated.
//
// NOTE: a promote whose answer is lost may or may not have happened; the old token then tells: Twilio
// refuses it (401) only after a promote.
func (c *Client) RotateSubaccountAuthToken(ctx context.Context, accountSID string) (string, error) {
	fail := func(step RotationStep, err error) (string, error) {
		return "", &RotationError{AccountSID: accountSID, Step: step, Err: err}
	}
	if c.UsesAPIKey() {
		return fail(RotationNotStarted, errors.New("rotating a subaccount's auth token needs the subaccount's own "+
			"credentials, which Twilio gives the parent's auth token only: configure the provider with auth_token"))
	}
	// The token is read afresh: one cached by ForAccount may be out of date if the token was rotated since.
	acct, err := c.FindSubaccount(ctx, accountSID)
	if err != nil {
		return fail(RotationNotStarted, err)
	}
	if acct.AuthToken == nil || *acct.AuthToken == "" {
		return fail(RotationNotStarted, fmt.Errorf("Twilio did not return the auth token of subaccount %s", accountSID))
	}
	old := c.withAuthToken(accountSID, *acct.AuthToken)
	// NOTE: an unused secondary from an earlier, interrupted rotation is deleted first: whether Twilio lets
	// a new one replace it is not documented (assumption secondary-recreate in the emulator's ledger), and
	// deleting it makes the create succeed either way; so is what deleting none answers
	// (secondary-delete-none), so a refusal of the delete (400, 404) does not stop the rotation. A secondary nobody holds is a live credential: every way out
	// of this function before the promote deletes the one it made (or may have made), best effort.
	if err := old.deleteSecondary(ctx); err != nil && !IsNotFound(err) && !IsStatus(err, http.StatusBadRequest) {
		return fail(RotationNotStarted, fmt.Errorf("deleting an earlier unused secondary auth token: %w", err))
	}
	removed := func(cause error) (string, error) {
		if err := old.deleteSecondary(context.WithoutCancel(ctx)); err != nil && !IsNotFound(err) {
			return fail(RotationSecondaryCreated, fmt.Errorf("%w; deleting the secondary token again failed too "+
				"(%v): invoke the rotation again, which deletes it first", cause, err))
		}
		return fail(RotationSecondaryRemoved, cause)
	}
	sec, err := old.accountsV1(ctx).CreateSecondaryAuthToken(&accountsv1.CreateSecondaryAuthTokenParams{})
	if err != nil {
		if err = old.wrapError(err); IsAmbiguous(err) {
			return removed(err) // the answer, and with it the secondary, was lost
		}
		return fail(RotationNotStarted, err)
	}
	if sec.SecondaryAuthToken == nil || *sec.SecondaryAuthToken == "" {
		return removed(errors.New("Twilio answered without the secondary auth token"))
	}
	secondary := *sec.SecondaryAuthToken
	next := c.withAuthToken(accountSID, secondary)
	// Both tokens must work before the old one is given up: this is the "without downtime" part. A new
	// token may take a moment to be accepted everywhere, so the check is repeated for a while.
	var nextErr error
	Backoff{Min: 500 * time.Millisecond, Max: 5 * time.Second}.Retry(ctx, time.Now().Add(secondaryReadyWait), func(int) bool {
		_, nextErr = next.FindAccount(ctx, accountSID)
		return nextErr != nil && IsStatus(nextErr, http.StatusUnauthorized) && !IsAccountInactive(nextErr)
	})
	if nextErr != nil {
		return removed(fmt.Errorf("the new token does not authenticate: %w", nextErr))
	}
	if _, err := old.FindAccount(ctx, accountSID); err != nil {
		return removed(fmt.Errorf("the old token no longer authenticates before the promote: %w", err))
	}
	promoted, err := old.accountsV1(ctx).UpdateAuthTokenPromotion(&accountsv1.UpdateAuthTokenPromotionParams{})
	if err != nil {
		err = old.wrapError(err)
		if !IsSent(err) {
			return fail(RotationSecondaryCreated, err)
		}
		// The answer was lost: the old token says whether the promote happened. Only a rejected credential
		// (401 other than 20005) means it did: a suspended account answers 401 with 20005 to any token.
		if _, probe := old.FindAccount(ctx, accountSID); !IsStatus(probe, http.StatusUnauthorized) || IsAccountInactive(probe) {
			return fail(RotationSecondaryCreated, err)
		}
	} else if promoted.AuthToken != nil && *promoted.AuthToken != "" && *promoted.AuthToken != secondary {
		// NOTE: never expected: Twilio promotes the one secondary token. The answer's token wins.
		secondary = *promoted.AuthToken
	}
	c.mu.Lock()
	if c.subs != nil {
		c.subs[accountSID] = c.withAuthToken(accountSID, secondary)
	}
	c.mu.Unlock()
	return secondary, nil
}

// secondaryReadyWait bounds how long a rotation waits for a new secondary token to authenticate.
var secondaryReadyWait = 60 * time.Second

// deleteSecondary deletes the account's secondary auth token (404 when it has none).
func (c *Client) deleteSecondary(ctx context.Context) error {
	return c.wrapError(c.accountsV1(ctx).DeleteSecondaryAuthToken(&accountsv1.DeleteSecondaryAuthTokenParams{}))
}
