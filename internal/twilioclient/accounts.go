package twilioclient

import (
	"context"

	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
)

// Account is Twilio's account (and subaccount) object.
type Account = apiv2010.ApiV2010Account

// UpdateAccountParams are the updatable fields of an account.
type UpdateAccountParams = apiv2010.UpdateAccountParams

// Account statuses. Closing is irreversible: Twilio deletes a closed account after 30 days.
const (
	AccountStatusActive    = "active"
	AccountStatusSuspended = "suspended"
	AccountStatusClosed    = "closed"
)

// CreateSubaccount creates a subaccount of the client's account. The answer carries the subaccount's
// own auth token.
func (c *Client) CreateSubaccount(ctx context.Context, friendlyName string) (*Account, error) {
	params := &apiv2010.CreateAccountParams{}
	params.SetFriendlyName(friendlyName)
	acct, err := c.api(ctx).CreateAccount(params)
	return acct, c.wrapError(err)
}

// FindAccount fetches an account in any status, closed included.
func (c *Client) FindAccount(ctx context.Context, sid string) (*Account, error) {
	acct, err := c.api(ctx).FetchAccount(sid)
	return acct, c.wrapError(err)
}

// FindSubaccount fetches an account that is still usable: a closed account is reported as ErrNotFound,
// because nothing can bring it back.
func (c *Client) FindSubaccount(ctx context.Context, sid string) (*Account, error) {
	acct, err := c.FindAccount(ctx, sid)
	if err != nil {
		return nil, err
	}
	if acct.Status != nil && *acct.Status == AccountStatusClosed {
		return nil, notFound("account %s is closed", sid)
	}
	return acct, nil
}

// UpdateAccount changes an account's friendly name or status.
func (c *Client) UpdateAccount(ctx context.Context, sid string, params *UpdateAccountParams) (*Account, error) {
	acct, err := c.api(ctx).UpdateAccount(sid, params)
	return acct, c.wrapError(err)
}

// ListAccounts lists the client's account and its subaccounts, optionally filtered by friendly name.
func (c *Client) ListAccounts(ctx context.Context, friendlyName string) ([]Account, error) {
	params := paged[apiv2010.ListAccountParams]()
	if friendlyName != "" {
		params.SetFriendlyName(friendlyName)
	}
	accts, err := c.api(ctx).ListAccount(params)
	return accts, c.wrapError(err)
}
