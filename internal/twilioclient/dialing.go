package twilioclient

import (
	"context"
	"encoding/json"
	"strconv"

	voicev1 "github.com/twilio/twilio-go/rest/voice/v1"
)

// Voice dialing permissions act on the account whose credentials call them (Voice v1 has no account
// parameter), so a subaccount's are read and changed through ForAccount's client.

// DialingPermission is one country's voice dialing permissions.
type DialingPermission struct {
	IsoCode           string
	LowRisk           bool
	HighRiskSpecial   bool
	HighRiskTollfraud bool
}

// Enabled reports whether any group of numbers of the country may be dialled.
func (p DialingPermission) Enabled() bool {
	return p.LowRisk || p.HighRiskSpecial || p.HighRiskTollfraud
}

func (c *Client) voice(ctx context.Context) *voicev1.ApiService {
	return voicev1.NewApiService(c.base(ctx))
}

// FindDialingInheritance reports whether the client's account inherits its parent's voice dialing
// permissions.
func (c *Client) FindDialingInheritance(ctx context.Context) (bool, error) {
	s, err := c.voice(ctx).FetchDialingPermissionsSettings()
	if err != nil {
		return false, c.wrapError(err)
	}
	return s.DialingPermissionsInheritance != nil && *s.DialingPermissionsInheritance, nil
}

// SetDialingInheritance turns the client's account's inheritance on or off.
func (c *Client) SetDialingInheritance(ctx context.Context, inherit bool) error {
	params := &voicev1.UpdateDialingPermissionsSettingsParams{}
	params.SetDialingPermissionsInheritance(inherit)
	_, err := c.voice(ctx).UpdateDialingPermissionsSettings(params)
	return c.wrapError(err)
}

// ListEnabledDialingCountries lists the countries the client's account may dial at all (any group
// enabled), as the account sees them: an inheriting subaccount may see its parent's.
func (c *Client) ListEnabledDialingCountries(ctx context.Context) ([]DialingPermission, error) {
	params := paged[voicev1.ListDialingPermissionsCountryParams]()
	rows, err := c.voice(ctx).ListDialingPermissionsCountry(params)
	if err != nil {
		return nil, c.wrapError(err)
	}
	var out []DialingPermission
	for _, r := range rows {
		p := DialingPermission{
			IsoCode:           deref(r.IsoCode),
			LowRisk:           r.LowRiskNumbersEnabled != nil && *r.LowRiskNumbersEnabled,
			HighRiskSpecial:   r.HighRiskSpecialNumbersEnabled != nil && *r.HighRiskSpecialNumbersEnabled,
			HighRiskTollfraud: r.HighRiskTollfraudNumbersEnabled != nil && *r.HighRiskTollfraudNumbersEnabled,
		}
		if p.Enabled() {
			out = append(out, p)
		}
	}
	return out, nil
}

// FindDialingCountry reads one country's permissions; ErrNotFound for a country Twilio does not know.
func (c *Client) FindDialingCountry(ctx context.Context, iso string) (DialingPermission, error) {
	r, err := c.voice(ctx).FetchDialingPermissionsCountry(iso)
	if err != nil {
		return DialingPermission{}, c.wrapError(err)
	}
	return DialingPermission{
		IsoCode:           deref(r.IsoCode),
		LowRisk:           r.LowRiskNumbersEnabled != nil && *r.LowRiskNumbersEnabled,
		HighRiskSpecial:   r.HighRiskSpecialNumbersEnabled != nil && *r.HighRiskSpecialNumbersEnabled,
		HighRiskTollfraud: r.HighRiskTollfraudNumbersEnabled != nil && *r.HighRiskTollfraudNumbersEnabled,
	}, nil
}

// bulkUpdateObject is one object of UpdateRequest in the shape of Twilio's example: the permissions are
// the strings "true" and "false" (https://www.twilio.com/docs/voice/api/dialingpermissions-bulkcountryupdate-resource).
type bulkUpdateObject struct {
	IsoCode           string `json:"iso_code"`
	LowRisk           string `json:"low_risk_numbers_enabled"`
	HighRiskSpecial   string `json:"high_risk_special_numbers_enabled"`
	HighRiskTollfraud string `json:"high_risk_tollfraud_numbers_enabled"`
}

// UpdateDialingCountries sets each listed country's three permissions in one bulk update of the client's
// account. Every permission is sent, so the result does not depend on what Twilio does with an omitted one.
func (c *Client) UpdateDialingCountries(ctx context.Context, perms []DialingPermission) error {
	if len(perms) == 0 {
		return nil
	}
	objs := make([]bulkUpdateObject, len(perms))
	for i, p := range perms {
		objs[i] = bulkUpdateObject{IsoCode: p.IsoCode, LowRisk: strconv.FormatBool(p.LowRisk),
			HighRiskSpecial: strconv.FormatBool(p.HighRiskSpecial), HighRiskTollfraud: strconv.FormatBool(p.HighRiskTollfraud)}
	}
	body, err := json.Marshal(objs)
	if err != nil {
		return notSent(err)
	}
	params := &voicev1.CreateDialingPermissionsCountryBulkUpdateParams{}
	params.SetUpdateRequest(string(body))
	_, err = c.voice(ctx).CreateDialingPermissionsCountryBulkUpdate(params)
	return c.wrapError(err)
}
