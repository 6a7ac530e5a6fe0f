package twilioclient

import (
	"context"
	"errors"
	"time"

	messagingv1 "github.com/twilio/twilio-go/rest/messaging/v1"
)

// Messaging v1 (messaging.twilio.com) acts on the authenticated account only, like Studio and Serverless:
// every call here goes through ForAccount, so a parent's auth token manages a subaccount's Messaging
// Services with the subaccount's own credentials.

// MessagingService is a Messaging Service.
type MessagingService = messagingv1.MessagingV1Service

// CreateMessagingServiceParams are the settings of a new Messaging Service.
type CreateMessagingServiceParams = messagingv1.CreateServiceParams

// UpdateMessagingServiceParams change a Messaging Service.
type UpdateMessagingServiceParams = messagingv1.UpdateServiceParams

// ServicePhoneNumber is a phone number in a Messaging Service's sender pool; its SID is the number's PN SID.
type ServicePhoneNumber = messagingv1.MessagingV1PhoneNumber

// AlphaSender is an alphanumeric sender ID in a Messaging Service's sender pool.
type AlphaSender = messagingv1.MessagingV1AlphaSender

// CodeSenderInOtherService is Twilio's answer to adding a number that another Messaging Service holds: "A
// Twilio phone number or short code can only be associated with one Messaging Service at a time"
// (https://www.twilio.com/docs/api/errors/21712).
const CodeSenderInOtherService = 21712

// CreateMessagingService creates a Messaging Service in accountSID.
func (c *Client) CreateMessagingService(ctx context.Context, accountSID string, params *CreateMessagingServiceParams) (*MessagingService, error) {
	return createAs(ctx, c, accountSID, "create the Messaging Service", func(sub *Client) (*MessagingService, error) {
		return sub.messaging(ctx).CreateService(params)
	})
}

// FindMessagingService fetches a Messaging Service; ErrNotFound when it is gone.
func (c *Client) FindMessagingService(ctx context.Context, accountSID, sid string) (*MessagingService, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*MessagingService, error) {
		return sub.messaging(ctx).FetchService(sid)
	})
}

// UpdateMessagingService changes a Messaging Service.
func (c *Client) UpdateMessagingService(ctx context.Context, accountSID, sid string, params *UpdateMessagingServiceParams) (*MessagingService, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*MessagingService, error) {
		return sub.messaging(ctx).UpdateService(sid, params)
	})
}

// DeleteMessagingService deletes a Messaging Service; its numbers stay in the account.
func (c *Client) DeleteMessagingService(ctx context.Context, accountSID, sid string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error { return sub.messaging(ctx).DeleteService(sid) })
}

// ListMessagingServices lists every Messaging Service of an account, 1000 per page.
func (c *Client) ListMessagingServices(ctx context.Context, accountSID string) ([]MessagingService, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) ([]MessagingService, error) {
		return sub.messaging(ctx).ListService(paged[messagingv1.ListServiceParams]())
	})
}

// FindMessagingServicesCreatedSince lists the services named name created in accountSID since the given
// time: the lookup after a lost create answer (names may repeat, so it may find several).
func (c *Client) FindMessagingServicesCreatedSince(ctx context.Context, accountSID, name string, since time.Time) ([]MessagingService, error) {
	all, err := c.ListMessagingServices(ctx, accountSID)
	return matching(all, err, func(s MessagingService) bool {
		return deref(s.FriendlyName) == name && CreatedAfter(s.DateCreated, since)
	})
}

// AddServicePhoneNumber puts one of the account's numbers (PN…) in a service's sender pool. Twilio answers
// a number already in this service with the member, and one in another service with 21712.
func (c *Client) AddServicePhoneNumber(ctx context.Context, accountSID, serviceSID, numberSID string) (*ServicePhoneNumber, error) {
	return createAs(ctx, c, accountSID, "add the number to the Messaging Service", func(sub *Client) (*ServicePhoneNumber, error) {
		return sub.messaging(ctx).CreatePhoneNumber(serviceSID, (&messagingv1.CreatePhoneNumberParams{}).SetPhoneNumberSid(numberSID))
	})
}

// FindServicePhoneNumber fetches a number of a service's pool; ErrNotFound when it (or the service) is gone.
func (c *Client) FindServicePhoneNumber(ctx context.Context, accountSID, serviceSID, numberSID string) (*ServicePhoneNumber, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*ServicePhoneNumber, error) {
		return sub.messaging(ctx).FetchPhoneNumber(serviceSID, numberSID)
	})
}

// RemoveServicePhoneNumber takes a number out of a service's pool; it stays in the account.
func (c *Client) RemoveServicePhoneNumber(ctx context.Context, accountSID, serviceSID, numberSID string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error {
		return sub.messaging(ctx).DeletePhoneNumber(serviceSID, numberSID)
	})
}

// ListServicePhoneNumbers lists a service's numbers, 1000 per page.
func (c *Client) ListServicePhoneNumbers(ctx context.Context, accountSID, serviceSID string) ([]ServicePhoneNumber, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) ([]ServicePhoneNumber, error) {
		return sub.messaging(ctx).ListPhoneNumber(serviceSID, paged[messagingv1.ListPhoneNumberParams]())
	})
}

// FindServiceOfNumber names the Messaging Service of accountSID whose pool holds the number (PN…);
// ErrNotFound when none does. It asks each service in turn, since Twilio has no reverse lookup.
func (c *Client) FindServiceOfNumber(ctx context.Context, accountSID, numberSID string) (*MessagingService, error) {
	return c.findServiceHolding(ctx, accountSID, func(service string) error {
		_, err := c.FindServicePhoneNumber(ctx, accountSID, service, numberSID)
		return err
	})
}

// findServiceHolding asks each service of the account whether it holds a sender (in answers nil, or
// ErrNotFound when it does not) and returns the first that does.
func (c *Client) findServiceHolding(ctx context.Context, accountSID string, in func(service string) error) (*MessagingService, error) {
	services, err := c.ListMessagingServices(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	for i := range services {
		err := in(deref(services[i].Sid))
		switch {
		case err == nil:
			return &services[i], nil
		case !errors.Is(err, ErrNotFound):
			return nil, err
		}
	}
	return nil, ErrNotFound
}

// AddAlphaSender adds an alphanumeric sender ID to a service (Twilio allows one per service).
func (c *Client) AddAlphaSender(ctx context.Context, accountSID, serviceSID, alpha string) (*AlphaSender, error) {
	return createAs(ctx, c, accountSID, "add the alpha sender to the Messaging Service", func(sub *Client) (*AlphaSender, error) {
		return sub.messaging(ctx).CreateAlphaSender(serviceSID, (&messagingv1.CreateAlphaSenderParams{}).SetAlphaSender(alpha))
	})
}

// FindAlphaSender fetches a service's alpha sender; ErrNotFound when it (or the service) is gone.
func (c *Client) FindAlphaSender(ctx context.Context, accountSID, serviceSID, sid string) (*AlphaSender, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*AlphaSender, error) {
		return sub.messaging(ctx).FetchAlphaSender(serviceSID, sid)
	})
}

// RemoveAlphaSender removes an alpha sender from its service.
func (c *Client) RemoveAlphaSender(ctx context.Context, accountSID, serviceSID, sid string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error {
		return sub.messaging(ctx).DeleteAlphaSender(serviceSID, sid)
	})
}

// ListAlphaSenders lists a service's alpha senders.
func (c *Client) ListAlphaSenders(ctx context.Context, accountSID, serviceSID string) ([]AlphaSender, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) ([]AlphaSender, error) {
		return sub.messaging(ctx).ListAlphaSender(serviceSID, paged[messagingv1.ListAlphaSenderParams]())
	})
}

// FindAlphaSendersCreatedSince lists a service's alpha senders reading alpha created since the given time:
// the lookup after a lost add answer.
func (c *Client) FindAlphaSendersCreatedSince(ctx context.Context, accountSID, serviceSID, alpha string, since time.Time) ([]AlphaSender, error) {
	all, err := c.ListAlphaSenders(ctx, accountSID, serviceSID)
	return matching(all, err, func(a AlphaSender) bool {
		return deref(a.AlphaSender) == alpha && CreatedAfter(a.DateCreated, since)
	})
}

// ServiceShortCode is a short code in a Messaging Service's sender pool; its SID is the short code's (SC…).
type ServiceShortCode = messagingv1.MessagingV1ShortCode

// AddServiceShortCode puts one of the account's short codes (SC…) in a service's pool. Like a number, a
// short code is in one service at a time (21712).
func (c *Client) AddServiceShortCode(ctx context.Context, accountSID, serviceSID, shortCodeSID string) (*ServiceShortCode, error) {
	return createAs(ctx, c, accountSID, "add the short code to the Messaging Service", func(sub *Client) (*ServiceShortCode, error) {
		return sub.messaging(ctx).CreateShortCode(serviceSID, (&messagingv1.CreateShortCodeParams{}).SetShortCodeSid(shortCodeSID))
	})
}

// FindServiceShortCode fetches a short code of a service's pool; ErrNotFound when it (or the service) is gone.
func (c *Client) FindServiceShortCode(ctx context.Context, accountSID, serviceSID, shortCodeSID string) (*ServiceShortCode, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*ServiceShortCode, error) {
		return sub.messaging(ctx).FetchShortCode(serviceSID, shortCodeSID)
	})
}

// RemoveServiceShortCode takes a short code out of a service's pool; it stays in the account.
func (c *Client) RemoveServiceShortCode(ctx context.Context, accountSID, serviceSID, shortCodeSID string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error {
		return sub.messaging(ctx).DeleteShortCode(serviceSID, shortCodeSID)
	})
}

// ListServiceShortCodes lists a service's short codes.
func (c *Client) ListServiceShortCodes(ctx context.Context, accountSID, serviceSID string) ([]ServiceShortCode, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) ([]ServiceShortCode, error) {
		return sub.messaging(ctx).ListShortCode(serviceSID, paged[messagingv1.ListShortCodeParams]())
	})
}

// FindServiceOfShortCode names the Messaging Service of accountSID whose pool holds the short code;
// ErrNotFound when none does.
func (c *Client) FindServiceOfShortCode(ctx context.Context, accountSID, shortCodeSID string) (*MessagingService, error) {
	return c.findServiceHolding(ctx, accountSID, func(service string) error {
		_, err := c.FindServiceShortCode(ctx, accountSID, service, shortCodeSID)
		return err
	})
}
