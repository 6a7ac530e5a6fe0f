package twilioclient

import (
	"context"

	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
	iamv1 "github.com/twilio/twilio-go/rest/iam/v1"
	studiov2 "github.com/twilio/twilio-go/rest/studio/v2"
)

// Listing whole collections, for Terraform's list resources (`terraform query`). Every call asks for
// Twilio's largest page (1,000 objects, https://www.twilio.com/docs/usage/twilios-response#pagination)
// and twilio-go follows next_page_uri until the last page, so an account's collection costs
// ceil(n / 1000) requests; nothing here fetches objects one by one.
const listPageSize = 1000

// ListSubaccounts lists the subaccounts of the client's account (never the account itself), optionally
// narrowed by Twilio's exact friendly-name filter and status. The auth token each list entry carries is
// remembered for ForAccount, so acting in the listed subaccounts afterwards (Studio, IAM) costs no GET of
// each account.
func (c *Client) ListSubaccounts(ctx context.Context, friendlyName, status string) ([]Account, error) {
	params := paged[apiv2010.ListAccountParams]()
	if friendlyName != "" {
		params.SetFriendlyName(friendlyName)
	}
	if status != "" {
		params.SetStatus(status)
	}
	accts, err := c.api(ctx).ListAccount(params)
	if err != nil {
		return nil, c.wrapError(err)
	}
	subs := make([]Account, 0, len(accts))
	for _, a := range accts {
		if deref(a.Sid) == c.cfg.AccountSID {
			continue
		}
		c.rememberSubaccount(a)
		subs = append(subs, a)
	}
	return subs, nil
}

// rememberSubaccount caches a subaccount's own client from a listed account, as ForAccount would after a
// GET. Closed accounts and entries without a token are skipped: ForAccount refuses them.
func (c *Client) rememberSubaccount(a Account) {
	sid, token := deref(a.Sid), deref(a.AuthToken)
	if c.UsesAPIKey() || sid == "" || token == "" || deref(a.Status) == AccountStatusClosed {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.subs[sid]; ok {
		return
	}
	cfg := c.cfg
	cfg.AccountSID, cfg.AuthToken = sid, token
	if c.subs == nil {
		c.subs = map[string]*Client{}
	}
	c.subs[sid] = &Client{cfg: cfg, transport: c.transport}
}

// ListApplications lists the TwiML apps of accountSID, optionally by exact friendly name.
func (c *Client) ListApplications(ctx context.Context, accountSID, friendlyName string) ([]Application, error) {
	params := paged[apiv2010.ListApplicationParams]()
	if friendlyName != "" {
		params.SetFriendlyName(friendlyName)
	}
	return in2010(ctx, c, accountSID, params, (*apiv2010.ApiService).ListApplication)
}

// ListIncomingNumbersMatching lists the phone numbers of accountSID. phoneNumber narrows the list the way Twilio's
// PhoneNumber filter does (it matches parts of numbers); callers match exactly themselves.
func (c *Client) ListIncomingNumbersMatching(ctx context.Context, accountSID, phoneNumber string) ([]IncomingNumber, error) {
	params := paged[apiv2010.ListIncomingPhoneNumberParams]()
	if phoneNumber != "" {
		params.SetPhoneNumber(phoneNumber)
	}
	return in2010(ctx, c, accountSID, params, (*apiv2010.ApiService).ListIncomingPhoneNumber)
}

// ListKeys lists the API keys of accountSID through the 2010-04-01 API: SIDs, names and dates, never
// secrets nor policies (a restricted key's policy takes FindRestrictedKey).
func (c *Client) ListKeys(ctx context.Context, accountSID string) ([]Key, error) {
	list, err := in2010(ctx, c, accountSID, paged[apiv2010.ListKeyParams](), (*apiv2010.ApiService).ListKey)
	if err != nil {
		return nil, err
	}
	keys := make([]Key, 0, len(list))
	for _, k := range list {
		keys = append(keys, newKey(accountSID, k.Sid, k.FriendlyName, k.DateCreated, k.DateUpdated, nil))
	}
	return keys, nil
}

// ListFlows lists the Studio flows of accountSID, with that account's own credentials.
func (c *Client) ListFlows(ctx context.Context, accountSID string) ([]Flow, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) ([]Flow, error) {
		return sub.studio(ctx).ListFlow(paged[studiov2.ListFlowParams]())
	})
}

// listKeysIAM lists the API keys of accountSID through IAM v1, with the account's own credentials like every
// IAM call: SIDs, names and dates, as ListKeys.
func (c *Client) listKeysIAM(ctx context.Context, accountSID string) ([]Key, error) {
	list, err := asAccount(ctx, c, accountSID, func(sub *Client) ([]iamv1.IamV1GetKeys, error) {
		return sub.iam(ctx).ListGetKeys(paged[iamv1.ListGetKeysParams]().SetAccountSid(accountSID))
	})
	if err != nil {
		return nil, err
	}
	keys := make([]Key, 0, len(list))
	for _, k := range list {
		keys = append(keys, newKey(accountSID, k.Sid, k.FriendlyName, k.DateCreated, k.DateUpdated, nil))
	}
	return keys, nil
}
