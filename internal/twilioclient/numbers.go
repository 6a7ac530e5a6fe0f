package twilioclient

import (
	"context"
	"strings"
	"time"

	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
)

// IncomingNumber is a phone number owned by an account.
type IncomingNumber = apiv2010.ApiV2010IncomingPhoneNumber

// CreateIncomingNumberParams buy a number (PhoneNumber or AreaCode) and configure it.
type CreateIncomingNumberParams = apiv2010.CreateIncomingPhoneNumberParams

// UpdateIncomingNumberParams change a number; AccountSid moves it to another account of the family.
type UpdateIncomingNumberParams = apiv2010.UpdateIncomingPhoneNumberParams

// AvailableNumber is a number Twilio offers for purchase.
type AvailableNumber = apiv2010.ApiV2010AvailablePhoneNumberLocal

// CreateIncomingNumber buys a number for accountSID. Buying costs money every month: callers must record
// the result even if a later step fails.
func (c *Client) CreateIncomingNumber(ctx context.Context, accountSID string, params *CreateIncomingNumberParams) (*IncomingNumber, error) {
	return in2010(ctx, c, accountSID, params, (*apiv2010.ApiService).CreateIncomingPhoneNumber)
}

// FindIncomingNumber fetches a number; ErrNotFound once it is released (or moved out of accountSID).
func (c *Client) FindIncomingNumber(ctx context.Context, accountSID, sid string) (*IncomingNumber, error) {
	return at2010(ctx, c, accountSID, sid, nil, (*apiv2010.ApiService).FetchIncomingPhoneNumber)
}

// FindIncomingNumberByPhoneNumber looks a number up by its E.164 form in accountSID.
func (c *Client) FindIncomingNumberByPhoneNumber(ctx context.Context, accountSID, phoneNumber string) (*IncomingNumber, error) {
	params := &apiv2010.ListIncomingPhoneNumberParams{}
	params.SetPhoneNumber(phoneNumber)
	params.SetPageSize(20)
	list, err := in2010(ctx, c, accountSID, params, (*apiv2010.ApiService).ListIncomingPhoneNumber)
	if err != nil {
		return nil, err
	}
	for i := range list {
		// NOTE: Twilio's PhoneNumber filter matches substrings, so insist on the exact number.
		if deref(list[i].PhoneNumber) == phoneNumber {
			return &list[i], nil
		}
	}
	return nil, notFound("no incoming number %s in account %s", phoneNumber, accountSID)
}

// UpdateIncomingNumber changes a number. With AccountSid set it moves the number to that account in place.
func (c *Client) UpdateIncomingNumber(ctx context.Context, accountSID, sid string, params *UpdateIncomingNumberParams) (*IncomingNumber, error) {
	return at2010(ctx, c, accountSID, sid, params, (*apiv2010.ApiService).UpdateIncomingPhoneNumber)
}

// DeleteIncomingNumber releases a number. It may be impossible to buy the same number again.
func (c *Client) DeleteIncomingNumber(ctx context.Context, accountSID, sid string) error {
	return delete2010(ctx, c, accountSID, sid, (*apiv2010.ApiService).DeleteIncomingPhoneNumber)
}

// ListIncomingNumbers lists every number accountSID owns, e.g. to refuse closing an account that still
// owns numbers (Twilio releases them all when it closes). Pages are followed to the end.
func (c *Client) ListIncomingNumbers(ctx context.Context, accountSID string) ([]IncomingNumber, error) {
	return in2010(ctx, c, accountSID, paged[apiv2010.ListIncomingPhoneNumberParams](), (*apiv2010.ApiService).ListIncomingPhoneNumber)
}

// IncomingNumberCapabilities says what a number can do (voice, SMS, MMS, fax).
type IncomingNumberCapabilities = apiv2010.ApiV2010AccountIncomingPhoneNumberCapabilities

// FindIncomingNumbersCreatedSince lists the numbers of accountSID whose E.164 form starts with prefix
// (e.g. "+1415") bought since the given time: what a purchase by area code whose answer was lost may have
// bought. The caller decides which, if any, is its own.
func (c *Client) FindIncomingNumbersCreatedSince(ctx context.Context, accountSID, prefix string, since time.Time) ([]IncomingNumber, error) {
	list, err := c.ListIncomingNumbers(ctx, accountSID)
	return matching(list, err, func(n IncomingNumber) bool {
		return strings.HasPrefix(deref(n.PhoneNumber), prefix) && CreatedSince(n.DateCreated, since)
	})
}
