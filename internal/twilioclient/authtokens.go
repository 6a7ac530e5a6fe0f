package twilioclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"

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
	RotationNotStarted       RotationStep = "nothing was changed"
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
	sec, err := old.accountsV1(ctx).CreateSecondaryAuthToken(&accountsv1.CreateSecondaryAuthTokenParams{})
	if err != nil {
		return fail(RotationNotStarted, old.wrapError(err))
	}
	if sec.SecondaryAuthToken == nil || *sec.SecondaryAuthToken == "" {
		return fail(RotationSecondaryCreated, errors.New("Twilio answered without the secondary auth token"))
	}
	secondary := *sec.SecondaryAuthToken
	next := c.withAuthToken(accountSID, secondary)
	// Both tokens must work before the old one is given up: this is the "without downtime" part.
	if _, err := next.FindAccount(ctx, accountSID); err != nil {
		return fail(RotationSecondaryCreated, fmt.Errorf("the new token does not authenticate yet: %w", err))
	}
	if _, err := old.FindAccount(ctx, accountSID); err != nil {
		return fail(RotationSecondaryCreated, fmt.Errorf("the old token no longer authenticates before the promote: %w", err))
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
