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
		p := &apiv2010.ListAvailablePhoneNumberLocalParams{}
		p.SetPathAccountSid(accountSID)
		if q.AreaCode != 0 {
			p.SetAreaCode(q.AreaCode)
		}
		if q.Contains != "" {
			p.SetContains(q.Contains)
		}
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
		p.SetPageSize(q.Limit).SetLimit(q.Limit)
		list, err := api.ListAvailablePhoneNumberLocal(q.Country, p)
		return list, c.wrapError(err)
	case NumberTypeMobile:
		p := &apiv2010.ListAvailablePhoneNumberMobileParams{}
		p.SetPathAccountSid(accountSID)
		if q.AreaCode != 0 {
			p.SetAreaCode(q.AreaCode)
		}
		if q.Contains != "" {
			p.SetContains(q.Contains)
		}
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
		p.SetPageSize(q.Limit).SetLimit(q.Limit)
		list, err := api.ListAvailablePhoneNumberMobile(q.Country, p)
		if err != nil {
			return nil, c.wrapError(err)
		}
		out := make([]AvailableNumber, len(list))
		for i := range list {
			out[i] = AvailableNumber(list[i])
		}
		return out, nil
	case NumberTypeTollFree:
		p := &apiv2010.ListAvailablePhoneNumberTollFreeParams{}
		p.SetPathAccountSid(accountSID)
		if q.AreaCode != 0 {
			p.SetAreaCode(q.AreaCode)
		}
		if q.Contains != "" {
			p.SetContains(q.Contains)
		}
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
		p.SetPageSize(q.Limit).SetLimit(q.Limit)
		list, err := api.ListAvailablePhoneNumberTollFree(q.Country, p)
		if err != nil {
			return nil, c.wrapError(err)
		}
		out := make([]AvailableNumber, len(list))
		for i := range list {
			out[i] = AvailableNumber(list[i])
		}
		return out, nil
	}
	return nil, fmt.Errorf("unknown phone number type %q: want %s, %s or %s", q.Type, NumberTypeLocal, NumberTypeMobile, NumberTypeTollFree)
}

// AvailableNumberCapabilities says what an available number can do (voice, SMS, MMS, fax).
type AvailableNumberCapabilities = apiv2010.ApiV2010AccountAvailablePhoneNumberCountryAvailablePhoneNumberLocalCapabilities
