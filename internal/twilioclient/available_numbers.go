package twilioclient

import (
	"context"
	"fmt"

	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
)

// Kinds of numbers Twilio offers, as the twilio_available_phone_numbers data source names them.
const (
	NumberTypeLocal    = "local"
	NumberTypeMobile   = "mobile"
	NumberTypeTollFree = "toll_free"
)

// AvailableNumberQuery is a search of the numbers Twilio offers for purchase.
type AvailableNumberQuery struct {
	// Country is an ISO 3166-1 alpha-2 code, e.g. "US".
	Country string
	// Type is NumberTypeLocal, NumberTypeMobile or NumberTypeTollFree.
	Type string
	// AreaCode restricts US and Canadian numbers to an area code; 0 means any.
	AreaCode int
	// Contains is Twilio's pattern: digits, letters (keypad digits) and '*' for any one digit.
	Contains string
	// The capabilities every number must have; false means "don't care", not "must lack".
	Voice, SMS, MMS, Fax bool
	// Limit caps the number of results; Twilio answers one page and does not page this resource.
	Limit int
}

// SearchAvailableNumbers lists numbers Twilio offers in accountSID's name. The local, mobile and toll-free
// answers share one shape, so they come back as AvailableNumber. Twilio answers 404 (ErrNotFound) for a
// country and type it sells no numbers of, e.g. US mobile numbers, and an empty list when nothing matches.
func (c *Client) SearchAvailableNumbers(ctx context.Context, accountSID string, q AvailableNumberQuery) ([]AvailableNumber, error) {
	api := c.api(ctx)
	switch q.Type {
	case NumberTypeLocal:
		list, err := api.ListAvailablePhoneNumberLocal(q.Country, availableParams[apiv2010.ListAvailablePhoneNumberLocalParams](accountSID, q))
		return list, c.wrapError(err)
	case NumberTypeMobile:
		list, err := api.ListAvailablePhoneNumberMobile(q.Country, availableParams[apiv2010.ListAvailablePhoneNumberMobileParams](accountSID, q))
		return convertAvailable(list, func(n apiv2010.ApiV2010AvailablePhoneNumberMobile) AvailableNumber { return AvailableNumber(n) }), c.wrapError(err)
	case NumberTypeTollFree:
		list, err := api.ListAvailablePhoneNumberTollFree(q.Country, availableParams[apiv2010.ListAvailablePhoneNumberTollFreeParams](accountSID, q))
		return convertAvailable(list, func(n apiv2010.ApiV2010AvailablePhoneNumberTollFree) AvailableNumber { return AvailableNumber(n) }), c.wrapError(err)
	}
	return nil, fmt.Errorf("unknown phone number type %q: want %s, %s or %s", q.Type, NumberTypeLocal, NumberTypeMobile, NumberTypeTollFree)
}

// availableSetters are the setters twilio-go generates alike for the local, mobile and toll-free search
// parameters, which are distinct types.
type availableSetters[P any] interface {
	*P
	SetPathAccountSid(string) *P
	SetAreaCode(int) *P
	SetContains(string) *P
	SetVoiceEnabled(bool) *P
	SetSmsEnabled(bool) *P
	SetMmsEnabled(bool) *P
	SetFaxEnabled(bool) *P
	SetPageSize(int) *P
	SetLimit(int) *P
}

// availableParams maps a query onto any of the three parameter types.
func availableParams[P any, PP availableSetters[P]](accountSID string, q AvailableNumberQuery) PP {
	p := PP(new(P))
	p.SetPathAccountSid(accountSID)
	if q.AreaCode != 0 {
		p.SetAreaCode(q.AreaCode)
	}
	if q.Contains != "" {
		p.SetContains(q.Contains)
	}
	// Only required capabilities are sent: false means "don't care", which Twilio expresses by omission.
	if q.Voice {
		p.SetVoiceEnabled(true)
	}
	if q.SMS {
		p.SetSmsEnabled(true)
	}
	if q.MMS {
		p.SetMmsEnabled(true)
	}
	if q.Fax {
		p.SetFaxEnabled(true)
	}
	p.SetPageSize(q.Limit)
	p.SetLimit(q.Limit)
	return p
}

// convertAvailable converts twilio-go's mobile and toll-free answers, identical in shape to the local one.
func convertAvailable[T any](list []T, conv func(T) AvailableNumber) []AvailableNumber {
	out := make([]AvailableNumber, len(list))
	for i := range list {
		out[i] = conv(list[i])
	}
	return out
}

// AvailableNumberCapabilities says what an available number can do (voice, SMS, MMS, fax).
type AvailableNumberCapabilities = apiv2010.ApiV2010AccountAvailablePhoneNumberCountryAvailablePhoneNumberLocalCapabilities
