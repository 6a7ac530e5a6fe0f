package twilioclient

import (
	"context"

	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
)

// Application is a TwiML application.
type Application = apiv2010.ApiV2010Application

// CreateApplicationParams are the fields of a new TwiML application.
type CreateApplicationParams = apiv2010.CreateApplicationParams

// UpdateApplicationParams are the updatable fields of a TwiML application; an empty string clears one.
type UpdateApplicationParams = apiv2010.UpdateApplicationParams

// CreateApplication creates a TwiML application in accountSID.
func (c *Client) CreateApplication(ctx context.Context, accountSID string, params *CreateApplicationParams) (*Application, error) {
	return in2010(ctx, c, accountSID, params, (*apiv2010.ApiService).CreateApplication)
}

// FindApplication fetches a TwiML application; ErrNotFound when it is gone.
func (c *Client) FindApplication(ctx context.Context, accountSID, sid string) (*Application, error) {
	return at2010(ctx, c, accountSID, sid, nil, (*apiv2010.ApiService).FetchApplication)
}

// UpdateApplication changes a TwiML application.
func (c *Client) UpdateApplication(ctx context.Context, accountSID, sid string, params *UpdateApplicationParams) (*Application, error) {
	return at2010(ctx, c, accountSID, sid, params, (*apiv2010.ApiService).UpdateApplication)
}

// DeleteApplication deletes a TwiML application.
func (c *Client) DeleteApplication(ctx context.Context, accountSID, sid string) error {
	return delete2010(ctx, c, accountSID, sid, (*apiv2010.ApiService).DeleteApplication)
}
