package twilioclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
	studiov2 "github.com/twilio/twilio-go/rest/studio/v2"
)

// IsAmbiguous reports whether a failed create may nonetheless have taken effect: Twilio answered with a
// server error other than 503, or the request was sent and no answer came back. Such a create is never
// repeated blindly; the caller looks for what it may have made. A request that was never sent (see
// TransportError and NotSentError) is not ambiguous: nothing reached Twilio.
func IsAmbiguous(err error) bool {
	if err == nil {
		return false
	}
	var te *Error
	if errors.As(err, &te) {
		return te.Status >= 500 && te.Status != http.StatusServiceUnavailable
	}
	// NOTE: an error of unknown origin (an answer that could not be decoded, say) may follow a create that
	// happened: assume the worst.
	return IsSent(err)
}

// clockSkew widens "created since" windows: Twilio dates have one-second resolution and its clock is not
// ours.
const clockSkew = 5 * time.Second

// createdSince reports whether a Twilio 2010 date (RFC 2822) is at or after since, allowing for skew.
func createdSince(date *string, since time.Time) bool {
	if date == nil {
		return false
	}
	t, err := time.Parse(time.RFC1123Z, *date)
	return err == nil && !t.Before(since.Add(-clockSkew))
}

// errAmbiguousMatch says reconciliation found more than one candidate and must not guess.
var errAmbiguousMatch = errors.New("more than one candidate")

// FindSubaccountCreatedSince finds the one open subaccount named friendlyName created since the given
// time, to adopt it after an ambiguous create. ErrNotFound when there is none.
func (c *Client) FindSubaccountCreatedSince(ctx context.Context, friendlyName string, since time.Time) (*Account, error) {
	accts, err := c.ListAccounts(ctx, friendlyName)
	if err != nil {
		return nil, err
	}
	var found []Account
	for _, a := range accts {
		if deref(a.FriendlyName) == friendlyName && deref(a.Sid) != c.cfg.AccountSID &&
			deref(a.Status) != AccountStatusClosed && createdSince(a.DateCreated, since) {
			found = append(found, a)
		}
	}
	return one(found, "subaccount named %q", friendlyName)
}

// FindApplicationCreatedSince finds the one TwiML app named friendlyName created in accountSID since the
// given time.
func (c *Client) FindApplicationCreatedSince(ctx context.Context, accountSID, friendlyName string, since time.Time) (*Application, error) {
	params := &apiv2010.ListApplicationParams{}
	params.SetPathAccountSid(accountSID)
	params.SetFriendlyName(friendlyName)
	params.SetPageSize(1000)
	apps, err := c.api(ctx).ListApplication(params)
	if err != nil {
		return nil, c.wrapError(err)
	}
	var found []Application
	for _, a := range apps {
		if deref(a.FriendlyName) == friendlyName && createdSince(a.DateCreated, since) {
			found = append(found, a)
		}
	}
	return one(found, "TwiML app named %q", friendlyName)
}

// RevokeKeyCreatedSince revokes the one standard key named friendlyName created in accountSID since the
// given time. After an ambiguous create such a key is useless (its secret was in the lost answer) and a
// security liability, so it is removed rather than adopted. It refuses (ErrNotFound or a "more than one
// candidate" error) when the name is empty or several keys match: parallel creates could match each
// other's keys, whose secrets are in use.
func (c *Client) RevokeKeyCreatedSince(ctx context.Context, accountSID, friendlyName string, since time.Time) error {
	if friendlyName == "" {
		return notFound("an unnamed key cannot be told apart from others created at the same time")
	}
	params := &apiv2010.ListKeyParams{}
	params.SetPathAccountSid(accountSID)
	params.SetPageSize(1000)
	keys, err := c.api(ctx).ListKey(params)
	if err != nil {
		return c.wrapError(err)
	}
	var found []apiv2010.ApiV2010Key
	for _, k := range keys {
		if deref(k.FriendlyName) == friendlyName && createdSince(k.DateCreated, since) {
			found = append(found, k)
		}
	}
	key, err := one(found, "API key named %q", friendlyName)
	if err != nil {
		return err
	}
	if err := c.DeleteKey(ctx, accountSID, deref(key.Sid)); err != nil && !IsNotFound(err) {
		return err
	}
	return nil
}

func one[T any](found []T, format string, args ...any) (*T, error) {
	switch len(found) {
	case 0:
		return nil, notFound(format, args...)
	case 1:
		return &found[0], nil
	}
	return nil, fmt.Errorf("%d candidates for %s: %w", len(found), fmt.Sprintf(format, args...), errAmbiguousMatch)
}

// FindFlowCreatedSince finds the one Studio flow named friendlyName created in accountSID since the given
// time, to adopt it after an ambiguous create.
func (c *Client) FindFlowCreatedSince(ctx context.Context, accountSID, friendlyName string, since time.Time) (*Flow, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	params := &studiov2.ListFlowParams{}
	params.SetPageSize(1000)
	flows, err := sub.studio(ctx).ListFlow(params)
	if err != nil {
		return nil, sub.wrapError(err)
	}
	var found []Flow
	for _, f := range flows {
		if deref(f.FriendlyName) == friendlyName && f.DateCreated != nil && !f.DateCreated.Before(since.Add(-clockSkew)) {
			found = append(found, f)
		}
	}
	return one(found, "Studio flow named %q", friendlyName)
}
