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
	return in2010(ctx, c, accountSID, params, (*apiv2010.ApiService).CreateUsageTrigger)
}

// FindUsageTrigger fetches a usage trigger; ErrNotFound when it is gone.
func (c *Client) FindUsageTrigger(ctx context.Context, accountSID, sid string) (*UsageTrigger, error) {
	return at2010(ctx, c, accountSID, sid, nil, (*apiv2010.ApiService).FetchUsageTrigger)
}

// UpdateUsageTrigger changes a usage trigger's callback or name.
func (c *Client) UpdateUsageTrigger(ctx context.Context, accountSID, sid string, params *UpdateUsageTriggerParams) (*UsageTrigger, error) {
	return at2010(ctx, c, accountSID, sid, params, (*apiv2010.ApiService).UpdateUsageTrigger)
}

// DeleteUsageTrigger deletes a usage trigger.
func (c *Client) DeleteUsageTrigger(ctx context.Context, accountSID, sid string) error {
	return delete2010(ctx, c, accountSID, sid, (*apiv2010.ApiService).DeleteUsageTrigger)
}

// ListUsageTriggers lists an account's usage triggers, optionally of one usage category.
func (c *Client) ListUsageTriggers(ctx context.Context, accountSID, usageCategory string) ([]UsageTrigger, error) {
	params := paged[apiv2010.ListUsageTriggerParams]()
	if usageCategory != "" {
		params.SetUsageCategory(usageCategory)
	}
	return in2010(ctx, c, accountSID, params, (*apiv2010.ApiService).ListUsageTrigger)
}

// FindUsageTriggersCreatedSince lists accountSID's triggers of usageCategory created since since: what a
// create whose answer was lost may have made (triggers have no unique name, so the category narrows it
// and the caller compares every attribute it sent).
func (c *Client) FindUsageTriggersCreatedSince(ctx context.Context, accountSID, usageCategory string, since time.Time) ([]UsageTrigger, error) {
	all, err := c.ListUsageTriggers(ctx, accountSID, usageCategory)
	return matching(all, err, func(t UsageTrigger) bool {
		return deref(t.UsageCategory) == usageCategory && CreatedSince(t.DateCreated, since)
	})
}
