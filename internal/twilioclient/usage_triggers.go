package twilioclient

import (
	"context"

	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
)

// UsageTrigger is a 2010 API usage trigger: a webhook Twilio calls when an account's usage of a category
// crosses a value.
type UsageTrigger = apiv2010.ApiV2010UsageTrigger

// CreateUsageTriggerParams are the fields of a new usage trigger.
type CreateUsageTriggerParams = apiv2010.CreateUsageTriggerParams

// UpdateUsageTriggerParams are the fields Twilio lets an update change: the callback and the name.
type UpdateUsageTriggerParams = apiv2010.UpdateUsageTriggerParams

// CreateUsageTrigger creates a usage trigger watching accountSID.
func (c *Client) CreateUsageTrigger(ctx context.Context, accountSID string, params *CreateUsageTriggerParams) (*UsageTrigger, error) {
	params.SetPathAccountSid(accountSID)
	t, err := c.api(ctx).CreateUsageTrigger(params)
	return t, c.wrapError(err)
}

// FindUsageTrigger fetches a usage trigger; ErrNotFound when it is gone.
func (c *Client) FindUsageTrigger(ctx context.Context, accountSID, sid string) (*UsageTrigger, error) {
	params := &apiv2010.FetchUsageTriggerParams{}
	params.SetPathAccountSid(accountSID)
	t, err := c.api(ctx).FetchUsageTrigger(sid, params)
	return t, c.wrapError(err)
}

// UpdateUsageTrigger changes a usage trigger's callback or name.
func (c *Client) UpdateUsageTrigger(ctx context.Context, accountSID, sid string, params *UpdateUsageTriggerParams) (*UsageTrigger, error) {
	params.SetPathAccountSid(accountSID)
	t, err := c.api(ctx).UpdateUsageTrigger(sid, params)
	return t, c.wrapError(err)
}

// DeleteUsageTrigger deletes a usage trigger.
func (c *Client) DeleteUsageTrigger(ctx context.Context, accountSID, sid string) error {
	params := &apiv2010.DeleteUsageTriggerParams{}
	params.SetPathAccountSid(accountSID)
	return c.wrapError(c.api(ctx).DeleteUsageTrigger(sid, params))
}

// ListUsageTriggers lists an account's usage triggers, optionally of one usage category.
func (c *Client) ListUsageTriggers(ctx context.Context, accountSID, usageCategory string) ([]UsageTrigger, error) {
	params := &apiv2010.ListUsageTriggerParams{}
	params.SetPathAccountSid(accountSID)
	if usageCategory != "" {
		params.SetUsageCategory(usageCategory)
	}
	params.SetPageSize(1000)
	ts, err := c.api(ctx).ListUsageTrigger(params)
	return ts, c.wrapError(err)
}
