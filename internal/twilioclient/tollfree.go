package twilioclient

import (
	"context"
	"time"

	messagingv1 "github.com/twilio/twilio-go/rest/messaging/v1"
)

// TollfreeVerification is the verification of a toll-free number that sends texts (Messaging v1).
type TollfreeVerification = messagingv1.MessagingV1TollfreeVerification

// CreateTollfreeVerificationParams are the fields of a new verification.
type CreateTollfreeVerificationParams = messagingv1.CreateTollfreeVerificationParams

// UpdateTollfreeVerificationParams edit a (rejected) verification.
type UpdateTollfreeVerificationParams = messagingv1.UpdateTollfreeVerificationParams

// Toll-free verification statuses the provider acts on (Twilio's spellings).
const (
	TollfreeStatusApproved = "TWILIO_APPROVED"
	TollfreeStatusRejected = "TWILIO_REJECTED"
)

// CreateTollfreeVerification submits a verification in accountSID.
func (c *Client) CreateTollfreeVerification(ctx context.Context, accountSID string, params *CreateTollfreeVerificationParams) (*TollfreeVerification, error) {
	return createAs(ctx, c, accountSID, "submit the verification", func(sub *Client) (*TollfreeVerification, error) {
		return sub.messaging(ctx).CreateTollfreeVerification(params)
	})
}

// FindTollfreeVerification fetches a verification; ErrNotFound when it is gone.
func (c *Client) FindTollfreeVerification(ctx context.Context, accountSID, sid string) (*TollfreeVerification, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*TollfreeVerification, error) {
		return sub.messaging(ctx).FetchTollfreeVerification(sid)
	})
}

// ListTollfreeVerifications lists the verifications of accountSID, of one number when numberSID is set.
func (c *Client) ListTollfreeVerifications(ctx context.Context, accountSID, numberSID string) ([]TollfreeVerification, error) {
	params := paged[messagingv1.ListTollfreeVerificationParams]()
	if numberSID != "" {
		params.TollfreePhoneNumberSid = &numberSID
	}
	return asAccount(ctx, c, accountSID, func(sub *Client) ([]TollfreeVerification, error) {
		return sub.messaging(ctx).ListTollfreeVerification(params)
	})
}

// FindTollfreeVerificationsCreatedSince lists the verifications of a number created since the given time:
// what a create whose answer was lost may have made.
func (c *Client) FindTollfreeVerificationsCreatedSince(ctx context.Context, accountSID, numberSID string, since time.Time) ([]TollfreeVerification, error) {
	all, err := c.ListTollfreeVerifications(ctx, accountSID, numberSID)
	return matching(all, err, func(v TollfreeVerification) bool {
		return deref(v.TollfreePhoneNumberSid) == numberSID && CreatedAfter(v.DateCreated, since)
	})
}

// UpdateTollfreeVerification edits a verification (Twilio takes edits of rejected ones).
func (c *Client) UpdateTollfreeVerification(ctx context.Context, accountSID, sid string, params *UpdateTollfreeVerificationParams) (*TollfreeVerification, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*TollfreeVerification, error) {
		return sub.messaging(ctx).UpdateTollfreeVerification(sid, params)
	})
}

// DeleteTollfreeVerification deletes a verification.
func (c *Client) DeleteTollfreeVerification(ctx context.Context, accountSID, sid string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error { return sub.messaging(ctx).DeleteTollfreeVerification(sid) })
}
