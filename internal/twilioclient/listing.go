package twilioclient

import "context"

// The shapes every product call and every lost-answer lookup share, in one place.

// asAccount runs call with accountSID's own client (see ForAccount: Studio, IAM and Serverless act on the
// authenticated account only) and wraps call's error as that client does (with no value). When the credentials cannot be
// obtained, call is not made and that error is returned as it is.
func asAccount[T any](ctx context.Context, c *Client, accountSID string, call func(sub *Client) (T, error)) (T, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		var none T
		return none, err
	}
	v, err := call(sub)
	if err != nil {
		var none T
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
