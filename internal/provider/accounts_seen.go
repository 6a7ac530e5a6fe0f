package provider

import (
	"context"
	"sync"
)

// seenAccounts remembers, for one provider process, the accounts known to exist: the subaccounts this
// process created or read, and the account_sid values a plan looked up. A Terraform command starts a
// provider process per walk (plan, apply), and each object of a tenant checks its account_sid when the
// subaccount's SID becomes known, so without it every object in a new subaccount would fetch the account
// the same process had just created. Accounts are never deleted (a closed one stays 30 days), so what
// exists now still exists for the rest of the command. Concurrent checks of one account share a look-up.
type seenAccounts struct {
	m sync.Map // account SID -> *accountLookup
}

type accountLookup struct {
	done chan struct{}
	err  error
}

// note records an account this process knows exists.
func (s *seenAccounts) note(sid string) {
	done := make(chan struct{})
	close(done)
	s.m.Store(sid, &accountLookup{done: done})
}

// check calls find at most once per account at a time: callers that arrive while a look-up of the same
// account runs wait for its answer. A failed look-up is forgotten, so a later check asks again.
func (s *seenAccounts) check(ctx context.Context, sid string, find func(context.Context) error) error {
	mine := &accountLookup{done: make(chan struct{})}
	if v, loaded := s.m.LoadOrStore(sid, mine); loaded {
		l := v.(*accountLookup) //nolint:forcetypeassert // only *accountLookup is stored
		select {
		case <-l.done:
			return l.err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	mine.err = find(ctx)
	if mine.err != nil {
		s.m.CompareAndDelete(sid, mine)
	}
	close(mine.done)
	return mine.err
}
