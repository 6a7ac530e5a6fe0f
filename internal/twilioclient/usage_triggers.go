package twilioclient

import (
	"context"
	"time"

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

// FindUsageTriggersCreatedSince lists accountSID's triggers of usageCategory created since since: what a
// create whose answer was lost may have made (triggers have no unique name, so the category narrows it
// and the caller compares every attribute it sent).
func (c *Client) FindUsageTriggersCreatedSince(ctx context.Context, accountSID, usageCategory string, since time.Time) ([]UsageTrigger, error) {
	all, err := c.ListUsageTriggers(ctx, accountSID, usageCategory)
	if err != nil {
		return nil, err
	}
	var found []UsageTrigger
	for _, t := range all {
		if deref(t.UsageCategory) == usageCategory && CreatedSince(t.DateCreated, since) {
			found = append(found, t)
		}
	}
	return found, nil
}
