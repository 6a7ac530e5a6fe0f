package twilioclient

import (
	"context"
	"sort"
	"time"

	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
)

// Address is an address on file in an account (2010 Addresses API): what some countries require before a
// number can be bought there, and what emergency calling uses when it is emergency-enabled.
type Address = apiv2010.ApiV2010Address

// CreateAddressParams are the fields of a new address.
type CreateAddressParams = apiv2010.CreateAddressParams

// UpdateAddressParams are the updatable fields of an address; the country is not one of them.
type UpdateAddressParams = apiv2010.UpdateAddressParams

// CreateAddress creates an address in accountSID.
func (c *Client) CreateAddress(ctx context.Context, accountSID string, params *CreateAddressParams) (*Address, error) {
	return in2010(ctx, c, accountSID, params, (*apiv2010.ApiService).CreateAddress)
}

// FindAddress fetches an address; ErrNotFound when it is gone.
func (c *Client) FindAddress(ctx context.Context, accountSID, sid string) (*Address, error) {
	return at2010(ctx, c, accountSID, sid, nil, (*apiv2010.ApiService).FetchAddress)
}

// UpdateAddress changes an address.
func (c *Client) UpdateAddress(ctx context.Context, accountSID, sid string, params *UpdateAddressParams) (*Address, error) {
	return at2010(ctx, c, accountSID, sid, params, (*apiv2010.ApiService).UpdateAddress)
}

// DeleteAddress deletes an address.
func (c *Client) DeleteAddress(ctx context.Context, accountSID, sid string) error {
	return delete2010(ctx, c, accountSID, sid, (*apiv2010.ApiService).DeleteAddress)
}

// ListAddresses lists the addresses of accountSID, optionally by exact customer name, whole pages at a time.
func (c *Client) ListAddresses(ctx context.Context, accountSID, customerName string) ([]Address, error) {
	params := paged[apiv2010.ListAddressParams]()
	if customerName != "" {
		params.SetCustomerName(customerName)
	}
	return in2010(ctx, c, accountSID, params, (*apiv2010.ApiService).ListAddress)
}

// FindAddressesCreatedSince lists the addresses of accountSID for customerName created since the given
// time: what a create whose answer was lost may have made. The caller decides which, if any, is its own.
func (c *Client) FindAddressesCreatedSince(ctx context.Context, accountSID, customerName string, since time.Time) ([]Address, error) {
	list, err := c.ListAddresses(ctx, accountSID, customerName)
	return matching(list, err, func(a Address) bool {
		return deref(a.CustomerName) == customerName && CreatedSince(a.DateCreated, since)
	})
}

// NumbersUsingAddress lists the phone numbers (E.164) of accountSID whose address or emergency address is
// addressSID: what keeps the address from being deleted. Twilio's DependentPhoneNumbers lists only the
// former, so the numbers themselves are listed.
func (c *Client) NumbersUsingAddress(ctx context.Context, accountSID, addressSID string) ([]string, error) {
	numbers, err := c.ListIncomingNumbers(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, n := range numbers {
		if deref(n.AddressSid) == addressSID || deref(n.EmergencyAddressSid) == addressSID {
			out = append(out, deref(n.PhoneNumber))
		}
	}
	sort.Strings(out)
	return out, nil
}
