package twilioclient

import (
	"context"
	"errors"
	"net/http"
	"time"

	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
	iamv1 "github.com/twilio/twilio-go/rest/iam/v1"
	studiov2 "github.com/twilio/twilio-go/rest/studio/v2"
)

// IsAmbiguous reports whether a failed create may nonetheless have taken effect: Twilio answered with a
// server error other than 503, or the request was sent and no answer came back. Such a create is never
// repeated blindly; the caller looks for what it may have made. A request that was never sent (see
// TransportError and NotSentError) is not ambiguous: nothing reached Twilio.
func IsAmbiguous(err error) bool {
	if err == nil {
		return false
	}
	var te *Error
	if errors.As(err, &te) {
		return te.Status >= 500 && te.Status != http.StatusServiceUnavailable
	}
	// NOTE: an error of unknown origin (an answer that could not be decoded, say) may follow a create that
	// happened: assume the worst.
	return IsSent(err)
}

// FindSubaccountsCreatedSince lists the open subaccounts named friendlyName created since the given
// time: what a create whose answer was lost may have made. The caller decides which, if any, is its own.
func (c *Client) FindSubaccountsCreatedSince(ctx context.Context, friendlyName string, since time.Time) ([]Account, error) {
	accts, err := c.ListAccounts(ctx, friendlyName)
	if err != nil {
		return nil, err
	}
	var found []Account
	for _, a := range accts {
		if deref(a.FriendlyName) == friendlyName && deref(a.Sid) != c.cfg.AccountSID &&
			deref(a.Status) != AccountStatusClosed && CreatedSince(a.DateCreated, since) {
			found = append(found, a)
		}
	}
	return found, nil
}

// FindApplicationsCreatedSince lists the TwiML apps named friendlyName created in accountSID since the
// given time.
func (c *Client) FindApplicationsCreatedSince(ctx context.Context, accountSID, friendlyName string, since time.Time) ([]Application, error) {
	params := &apiv2010.ListApplicationParams{}
	params.SetPathAccountSid(accountSID)
	params.SetFriendlyName(friendlyName)
	params.SetPageSize(1000)
	apps, err := c.api(ctx).ListApplication(params)
	if err != nil {
		return nil, c.wrapError(err)
	}
	var found []Application
	for _, a := range apps {
		if deref(a.FriendlyName) == friendlyName && CreatedSince(a.DateCreated, since) {
			found = append(found, a)
		}
	}
	return found, nil
}

// FindKeysNamed lists the keys of accountSID named exactly friendlyName. Restricted keys are listed
// through IAM with the account's own credentials, like every IAM call.
func (c *Client) FindKeysNamed(ctx context.Context, accountSID, friendlyName string, restricted bool) ([]Key, error) {
	var found []Key
	if restricted {
		sub, err := c.ForAccount(ctx, accountSID)
		if err != nil {
			return nil, err
		}
		params := &iamv1.ListGetKeysParams{}
		params.SetAccountSid(accountSID)
		params.SetPageSize(1000)
		keys, err := sub.iam(ctx).ListGetKeys(params)
		if err != nil {
			return nil, sub.wrapError(err)
		}
		for _, k := range keys {
			if deref(k.FriendlyName) == friendlyName {
				found = append(found, newKey(accountSID, k.Sid, k.FriendlyName, k.DateCreated, k.DateUpdated, nil))
			}
		}
		return found, nil
	}
	params := &apiv2010.ListKeyParams{}
	params.SetPathAccountSid(accountSID)
	params.SetPageSize(1000)
	keys, err := c.api(ctx).ListKey(params)
	if err != nil {
		return nil, c.wrapError(err)
	}
	for _, k := range keys {
		if deref(k.FriendlyName) == friendlyName {
			found = append(found, newKey(accountSID, k.Sid, k.FriendlyName, k.DateCreated, k.DateUpdated, nil))
		}
	}
	return found, nil
}

// FindFlowsCreatedSince lists the Studio flows named friendlyName created in accountSID since the given
// time.
func (c *Client) FindFlowsCreatedSince(ctx context.Context, accountSID, friendlyName string, since time.Time) ([]Flow, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	params := &studiov2.ListFlowParams{}
	params.SetPageSize(1000)
	flows, err := sub.studio(ctx).ListFlow(params)
	if err != nil {
		return nil, sub.wrapError(err)
	}
	var found []Flow
	for _, f := range flows {
		if deref(f.FriendlyName) == friendlyName && CreatedAfter(f.DateCreated, since) {
			found = append(found, f)
		}
	}
	return found, nil
}

// FindIncomingNumberOwnerInFamily looks for phoneNumber in every open account the client can list (its
// own and its subaccounts): who owns a number Twilio refused to sell. ErrNotFound when none does.
func (c *Client) FindIncomingNumberOwnerInFamily(ctx context.Context, phoneNumber string) (*IncomingNumber, error) {
	accts, err := c.ListAccounts(ctx, "")
	if err != nil {
		return nil, err
	}
	for _, a := range accts {
		if deref(a.Status) == AccountStatusClosed {
			continue
		}
		n, err := c.FindIncomingNumberByPhoneNumber(ctx, deref(a.Sid), phoneNumber)
		switch {
		case err == nil:
			return n, nil
		case !IsNotFound(err):
			return nil, err
		}
	}
	return nil, notFound("no account of the family owns %s", phoneNumber)
}
