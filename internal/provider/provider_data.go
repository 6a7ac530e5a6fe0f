package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// providerData is what Configure hands to resources. client is nil while the provider configuration is
// still unknown (planned from values of resources not yet created).
type providerData struct {
	client *twilioclient.Client
	// kept and released are filled by twilio_incoming_number (deletes with skip_destroy; destroy plans) and
	// read by twilio_subaccount (close_guard.go).
	kept, released numberSet
	// accounts are the accounts known to exist (seenAccounts, below), one look-up per account and process.
	accounts seenAccounts
}

// configureClient extracts the provider data in a resource's, data source's or ephemeral resource's
// Configure. A nil result with no error means the provider is not configured yet (early validation).
func configureClient(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	pd, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", data))
		return nil
	}
	return pd
}

// ready returns the client, or adds an error when the provider configuration is still unknown at the
// time a Twilio call has to be made.
func (pd *providerData) ready(diags *diag.Diagnostics) *twilioclient.Client {
	if pd == nil || pd.client == nil {
		diags.AddError("Twilio provider is not configured",
			"The provider configuration depends on values that are not known yet (for example the SID and "+
				"auth token of a subaccount created in the same apply). Apply the resources it depends on first, "+
				"e.g. with -target, then apply again.")
		return nil
	}
	return pd.client
}

// known reports whether a client exists; Read uses it to leave state untouched when the provider cannot be
// configured yet instead of failing the whole plan.
func (pd *providerData) known() bool {
	return pd != nil && pd.client != nil
}

// accountOrProvider is the account an optional account_sid names: the provider's own when it is unset.
func accountOrProvider(sid types.String, client *twilioclient.Client) string {
	if v := sid.ValueString(); v != "" {
		return v
	}
	return client.AccountSID()
}

// validateCredentials reports the configuration's first problem (twilioclient.Config.Check, the one
// rule) on the attribute at fault.
func validateCredentials(cfg twilioclient.Config, diags *diag.Diagnostics) bool {
	if e := cfg.Check(); e != nil {
		diags.AddAttributeError(path.Root(e.Attribute), e.Summary, e.Detail)
		return false
	}
	return true
}

// tfLogger sends the client layer's debug events to Terraform's log.
type tfLogger struct{}

func (tfLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(ctx, msg, fields)
}

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
