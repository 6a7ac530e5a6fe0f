package twilioclient

import (
	"context"
	"errors"
	"fmt"
	"sync"

	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
)

// FamilySearchLimit caps how many accounts FindIncomingNumberInFamily searches: one list request (Twilio's
// largest page is 1000 accounts) and at most this many fetches. A bigger family is not searched at all,
// because a search that stops part-way cannot prove that a number is gone.
const FamilySearchLimit = 1000

// FamilySearchParallelism bounds the fetches in flight during a family search; the transport's
// per-credential cap still applies on top of it.
const FamilySearchParallelism = 8

// ErrFamilyTooLarge says a family search was refused because the family has more accounts than
// FamilySearchLimit. It never matches ErrNotFound: nothing was searched.
var ErrFamilyTooLarge = errors.New("too many accounts to search")

// familySearchLimit is FamilySearchLimit; tests lower it.
var familySearchLimit = FamilySearchLimit

// FindIncomingNumberInFamily looks for a number that is no longer in the account it was in: someone may
// have moved it to another account of the family (the Console's number transfer). It fetches the number
// by SID, which a move keeps, in each open account the client can list (its own and its subaccounts),
// skipping the one already searched.
//
// ErrNotFound only when every account was searched and none has the number (it was released). Any other
// outcome is an error that does not match ErrNotFound: the accounts cannot be listed (a standard API key
// may not list accounts), a fetch fails other than with 404, or the family is larger than
// FamilySearchLimit. A caller must then keep the number, which may still exist and be billed.
func (c *Client) FindIncomingNumberInFamily(ctx context.Context, sid, skipAccountSID string) (*IncomingNumber, error) {
	params := &apiv2010.ListAccountParams{}
	params.SetPageSize(min(familySearchLimit+1, 1000))
	params.SetLimit(familySearchLimit + 1)
	accts, err := c.api(ctx).ListAccount(params)
	if err != nil {
		return nil, notGone(fmt.Errorf("listing the accounts of the family: %w", c.wrapError(err)))
	}
	if len(accts) > familySearchLimit {
		return nil, fmt.Errorf("the family of account %s has more than %d accounts: %w", c.cfg.AccountSID,
			familySearchLimit, ErrFamilyTooLarge)
	}
	var todo []string
	for _, a := range accts {
		if acct := deref(a.Sid); acct != skipAccountSID && deref(a.Status) != AccountStatusClosed {
			todo = append(todo, acct)
		}
	}
	return c.fetchNumberInAny(ctx, sid, todo)
}

// fetchNumberInAny fetches number sid in each account, a few at a time, and stops at the first that has
// it or the first failure other than 404.
func (c *Client) fetchNumberInAny(ctx context.Context, sid string, accounts []string) (*IncomingNumber, error) {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		found    *IncomingNumber
		firstErr error
		wg       sync.WaitGroup
	)
	next := make(chan string)
	for range min(FamilySearchParallelism, len(accounts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for acct := range next {
				n, err := c.FindIncomingNumber(ctx, acct, sid)
				if IsNotFound(err) {
					continue
				}
				mu.Lock()
				switch {
				case found != nil || firstErr != nil:
					// The search is already decided; a late answer (or its cancellation) changes nothing.
				case err == nil:
					found = n
				default:
					firstErr = fmt.Errorf("fetching number %s in account %s: %w", sid, acct, err)
				}
				mu.Unlock()
				cancel()
			}
		}()
	}
feed:
	for _, acct := range accounts {
		select {
		case next <- acct:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	switch {
	case found != nil:
		return found, nil
	case firstErr != nil:
		return nil, notGone(firstErr)
	case parent.Err() != nil:
		// Cancelled before every account answered: nothing is proven.
		return nil, parent.Err()
	}
	return nil, notFound("number %s is in none of the %d other accounts of the family", sid, len(accounts))
}

// notGone keeps an error from reading as "not found": a search that failed proves nothing.
func notGone(err error) error {
	if IsNotFound(err) {
		return errors.New(err.Error())
	}
	return err
}
