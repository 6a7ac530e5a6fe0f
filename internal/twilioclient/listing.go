package twilioclient

import (
	"context"

	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
)

// The shapes every product call and every lost-answer lookup share, in one place.

// accountPath is the parameters of a 2010-04-01 call: the account is a path parameter there, not the
// credentials' own, which is how a parent's auth token manages its subaccounts' objects without ForAccount.
type accountPath[P any] interface {
	*P
	SetPathAccountSid(string) *P
}

// in2010 makes a 2010-04-01 call (a create or a list) in accountSID's path and wraps its error as every
// call of this package does. A nil params sends none but the path.
func in2010[T, P any, PP accountPath[P]](ctx context.Context, c *Client, accountSID string, params PP,
	call func(*apiv2010.ApiService, PP) (T, error)) (T, error) {
	if params == nil {
		params = PP(new(P))
	}
	params.SetPathAccountSid(accountSID)
	v, err := call(c.api(ctx), params)
	return v, c.wrapError(err)
}

// at2010 is in2010 for a call on the object sid (a fetch or an update).
func at2010[T, P any, PP accountPath[P]](ctx context.Context, c *Client, accountSID, sid string, params PP,
	call func(*apiv2010.ApiService, string, PP) (T, error)) (T, error) {
	return in2010(ctx, c, accountSID, params, func(api *apiv2010.ApiService, p PP) (T, error) { return call(api, sid, p) })
}

// delete2010 is at2010 for a delete, which answers nothing.
func delete2010[P any, PP accountPath[P]](ctx context.Context, c *Client, accountSID, sid string,
	call func(*apiv2010.ApiService, string, PP) error) error {
	_, err := at2010(ctx, c, accountSID, sid, nil, func(api *apiv2010.ApiService, sid string, p PP) (struct{}, error) {
		return struct{}{}, call(api, sid, p)
	})
	return err
}

// pageParams is the parameters of any list call twilio-go generates.
type pageParams[P any] interface {
	*P
	SetPageSize(int) *P
}

// paged is new parameters for a list call asking for Twilio's largest page (listPageSize), so a whole
// collection costs as few requests as it can.
func paged[P any, PP pageParams[P]]() PP {
	p := PP(new(P))
	p.SetPageSize(listPageSize)
	return p
}

// asAccount runs call with accountSID's own client (see ForAccount: Studio, IAM and Serverless act on the
// authenticated account only) and wraps call's error as that client does (with no value). When the credentials cannot be
// obtained, call is not made and that error is returned as it is.
func asAccount[T any](ctx context.Context, c *Client, accountSID string, call func(sub *Client) (T, error)) (T, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	return calledAs(sub, err, call)
}

// createAs is asAccount for a create: when the credentials cannot be obtained nothing was sent, and the error
// says so (InAccount, with doing naming the create), so the create may be made again without a lookup.
func createAs[T any](ctx context.Context, c *Client, accountSID, doing string, call func(sub *Client) (T, error)) (T, error) {
	sub, err := c.InAccount(ctx, accountSID, doing)
	return calledAs(sub, err, call)
}

// calledAs runs call with sub, the client of an account, unless obtaining it failed with err (returned as it
// is), and wraps call's error as sub does.
func calledAs[T any](sub *Client, err error, call func(sub *Client) (T, error)) (T, error) {
	var none T
	if err != nil {
		return none, err
	}
	v, err := call(sub)
	if err != nil {
		return none, sub.wrapError(err)
	}
	return v, nil
}

// doAsAccount is asAccount for calls that answer nothing (deletes).
func doAsAccount(ctx context.Context, c *Client, accountSID string, call func(sub *Client) error) error {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return err
	}
	return sub.wrapError(call(sub))
}

// converted maps the objects of a listed collection to this package's type, passing the list's error on.
func converted[S, T any](all []S, err error, conv func(*S) *T) ([]T, error) {
	var out []T
	for i := range all {
		out = append(out, *conv(&all[i]))
	}
	return out, err
}

// matching keeps, in list order, the items of a listed collection that match: how every lookup after a lost
// create answer narrows a list to the candidates (same unique value, created since the request). A failed
// list is passed on as it is; no match is a nil slice.
func matching[T any](all []T, err error, match func(T) bool) ([]T, error) {
	if err != nil {
		return nil, err
	}
	var found []T
	for _, v := range all {
		if match(v) {
			found = append(found, v)
		}
	}
	return found, nil
}
