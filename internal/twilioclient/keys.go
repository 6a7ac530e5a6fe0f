package twilioclient

import (
	"context"
	"encoding/json"
	"fmt"

	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
	iamv1 "github.com/twilio/twilio-go/rest/iam/v1"
)

// Key is an API key as Twilio lists it: never with its secret.
type Key struct {
	SID          string
	AccountSID   string
	FriendlyName string
	DateCreated  string
	DateUpdated  string
	// Policy is the restricted key's policy as JSON; empty for standard keys.
	Policy string
}

// NewKey is a freshly created key: the only time Twilio returns the secret.
type NewKey struct {
	Key
	Secret string
}

// CreateKey creates a standard API key in accountSID through the 2010-04-01 API, which a parent's auth
// token may call for its subaccounts.
func (c *Client) CreateKey(ctx context.Context, accountSID, friendlyName string) (*NewKey, error) {
	params := &apiv2010.CreateNewKeyParams{}
	if friendlyName != "" {
		params.SetFriendlyName(friendlyName)
	}
	k, err := in2010(ctx, c, accountSID, params, (*apiv2010.ApiService).CreateNewKey)
	if err != nil {
		return nil, err
	}
	return &NewKey{
		Key:    newKey(accountSID, k.Sid, k.FriendlyName, k.DateCreated, k.DateUpdated, nil),
		Secret: deref(k.Secret),
	}, nil
}

// CreateRestrictedKey creates a key limited by policy (JSON) through IAM v1. IAM only accepts the
// account's own credentials, so a subaccount's key is created with the subaccount's auth token.
func (c *Client) CreateRestrictedKey(ctx context.Context, accountSID, friendlyName, policy string) (*NewKey, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, notSent(fmt.Errorf("obtaining the credentials of account %s to create the key: %w", accountSID, err))
	}
	var pol any
	if err := json.Unmarshal([]byte(policy), &pol); err != nil {
		return nil, notSent(fmt.Errorf("policy is not valid JSON: %w", err))
	}
	params := &iamv1.CreateNewKeyParams{}
	params.SetAccountSid(accountSID)
	params.SetKeyType("restricted")
	params.SetPolicy(pol)
	if friendlyName != "" {
		params.SetFriendlyName(friendlyName)
	}
	k, err := sub.iam(ctx).CreateNewKey(params)
	if err != nil {
		return nil, sub.wrapError(err)
	}
	return &NewKey{
		Key:    newKey(accountSID, k.Sid, k.FriendlyName, k.DateCreated, k.DateUpdated, k.Policy),
		Secret: deref(k.Secret),
	}, nil
}

// FindKey fetches a standard key through the 2010-04-01 API.
func (c *Client) FindKey(ctx context.Context, accountSID, sid string) (*Key, error) {
	k, err := at2010(ctx, c, accountSID, sid, nil, (*apiv2010.ApiService).FetchKey)
	if err != nil {
		return nil, err
	}
	return ptr(newKey(accountSID, k.Sid, k.FriendlyName, k.DateCreated, k.DateUpdated, nil)), nil
}

// FindRestrictedKey fetches a key with its policy through IAM v1.
func (c *Client) FindRestrictedKey(ctx context.Context, accountSID, sid string) (*Key, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	k, err := sub.iam(ctx).FetchKey(sid)
	if err != nil {
		return nil, sub.wrapError(err)
	}
	return ptr(newKey(accountSID, k.Sid, k.FriendlyName, k.DateCreated, k.DateUpdated, k.Policy)), nil
}

// UpdateKey renames a standard key.
func (c *Client) UpdateKey(ctx context.Context, accountSID, sid, friendlyName string) (*Key, error) {
	k, err := at2010(ctx, c, accountSID, sid, (&apiv2010.UpdateKeyParams{}).SetFriendlyName(friendlyName), (*apiv2010.ApiService).UpdateKey)
	if err != nil {
		return nil, err
	}
	return ptr(newKey(accountSID, k.Sid, k.FriendlyName, k.DateCreated, k.DateUpdated, nil)), nil
}

// UpdateRestrictedKey changes a restricted key's name and policy.
func (c *Client) UpdateRestrictedKey(ctx context.Context, accountSID, sid, friendlyName, policy string) (*Key, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	var pol any
	if err := json.Unmarshal([]byte(policy), &pol); err != nil {
		return nil, fmt.Errorf("policy is not valid JSON: %w", err)
	}
	params := &iamv1.UpdateKeyParams{}
	params.SetFriendlyName(friendlyName)
	params.SetPolicy(pol)
	k, err := sub.iam(ctx).UpdateKey(sid, params)
	if err != nil {
		return nil, sub.wrapError(err)
	}
	return ptr(newKey(accountSID, k.Sid, k.FriendlyName, k.DateCreated, k.DateUpdated, k.Policy)), nil
}

// DeleteKey revokes a key; anything still using its secret stops working at once.
func (c *Client) DeleteKey(ctx context.Context, accountSID, sid string) error {
	return delete2010(ctx, c, accountSID, sid, (*apiv2010.ApiService).DeleteKey)
}

// DeleteRestrictedKey revokes a key through IAM v1, with the owning account's own credentials like the
// other IAM calls.
func (c *Client) DeleteRestrictedKey(ctx context.Context, accountSID, sid string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error { return sub.iam(ctx).DeleteKey(sid) })
}

// newKey maps the three key shapes twilio-go decodes (2010 key, 2010 new key, IAM key) to one type.
func newKey(accountSID string, sid, name, created, updated *string, policy *map[string]any) Key {
	return Key{SID: deref(sid), AccountSID: accountSID, FriendlyName: deref(name), DateCreated: deref(created),
		DateUpdated: deref(updated), Policy: marshalPolicy(policy)}
}

func marshalPolicy(p *map[string]any) string {
	if p == nil || len(*p) == 0 {
		return ""
	}
	b, err := json.Marshal(*p)
	if err != nil {
		return ""
	}
	return string(b)
}

func ptr[T any](v T) *T { return &v }

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
