package twilioclient

import (
	"context"

	studiov2 "github.com/twilio/twilio-go/rest/studio/v2"
)

// Flow is a Studio flow.
type Flow = studiov2.StudioV2Flow

// CreateFlowParams are the fields of a new Studio flow.
type CreateFlowParams = studiov2.CreateFlowParams

// UpdateFlowParams change a Studio flow (each change makes a new revision).
type UpdateFlowParams = studiov2.UpdateFlowParams

// FlowWebhookURL is the voice URL that hands a number's calls to a Studio flow.
func FlowWebhookURL(accountSID, flowSID string) string {
	return "https://webhooks.twilio.com/v1/Accounts/" + accountSID + "/Flows/" + flowSID
}

// CreateFlow creates a Studio flow in accountSID, with that account's own credentials (Studio refuses a
// parent's).
func (c *Client) CreateFlow(ctx context.Context, accountSID string, params *CreateFlowParams) (*Flow, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	f, err := sub.studio(ctx).CreateFlow(params)
	return f, sub.wrapError(err)
}

// FindFlow fetches a Studio flow; ErrNotFound when it is gone.
func (c *Client) FindFlow(ctx context.Context, accountSID, sid string) (*Flow, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	f, err := sub.studio(ctx).FetchFlow(sid)
	return f, sub.wrapError(err)
}

// UpdateFlow changes a Studio flow.
func (c *Client) UpdateFlow(ctx context.Context, accountSID, sid string, params *UpdateFlowParams) (*Flow, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	f, err := sub.studio(ctx).UpdateFlow(sid, params)
	return f, sub.wrapError(err)
}

// DeleteFlow deletes a Studio flow.
func (c *Client) DeleteFlow(ctx context.Context, accountSID, sid string) error {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return err
	}
	return sub.wrapError(sub.studio(ctx).DeleteFlow(sid))
}
