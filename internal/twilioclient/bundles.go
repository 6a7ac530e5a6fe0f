package twilioclient

import (
	"context"
	"fmt"
	"strings"
	"time"

	numbersv2 "github.com/twilio/twilio-go/rest/numbers/v2"
)

// Regulatory bundles (Numbers v2, numbers.twilio.com). Like Studio and IAM, that host acts on the
// authenticated account only, so a subaccount's bundles are read and deleted with its own credentials
// (ForAccount).

// Bundle statuses (https://www.twilio.com/docs/phone-numbers/regulatory/api/bundles#bundle-statuses).
const (
	BundleStatusDraft                 = "draft"
	BundleStatusPendingReview         = "pending-review"
	BundleStatusInReview              = "in-review"
	BundleStatusRejected              = "twilio-rejected"
	BundleStatusApproved              = "twilio-approved"
	BundleStatusProvisionallyApproved = "provisionally-approved"
)

// Bundle is a regulatory bundle with what its regulation says: the country, number type and end-user type
// it was approved for (a bundle's own answer does not carry them). The regulation fields are "" for a
// bundle without a regulation.
type Bundle struct {
	SID, AccountSID, RegulationSID, FriendlyName, Status, Email, StatusCallback string
	// ValidUntil is when an approved bundle stops being valid; nil when it has no end.
	ValidUntil               *time.Time
	DateCreated, DateUpdated *time.Time
	IsoCountry               string
	NumberType               string
	EndUserType              string
}

func (c *Client) numbers(ctx context.Context) *numbersv2.ApiService {
	return numbersv2.NewApiService(c.base(ctx))
}

func bundleOf(b *numbersv2.NumbersV2Bundle) Bundle {
	return Bundle{
		SID: deref(b.Sid), AccountSID: deref(b.AccountSid), RegulationSID: deref(b.RegulationSid),
		FriendlyName: deref(b.FriendlyName), Status: deref(b.Status), Email: deref(b.Email),
		StatusCallback: deref(b.StatusCallback), ValidUntil: b.ValidUntil, DateCreated: b.DateCreated,
		DateUpdated: b.DateUpdated,
	}
}

// regulations fills in the regulation fields of bundles, fetching each distinct regulation once.
func (c *Client) regulations(ctx context.Context, bundles []Bundle) error {
	seen := map[string]*numbersv2.NumbersV2Regulation{}
	for i := range bundles {
		sid := bundles[i].RegulationSID
		if sid == "" {
			continue
		}
		r, ok := seen[sid]
		if !ok {
			var err error
			r, err = c.numbers(ctx).FetchRegulation(sid, nil)
			if err != nil {
				return fmt.Errorf("reading regulation %s of bundle %s: %w", sid, bundles[i].SID, c.wrapError(err))
			}
			seen[sid] = r
		}
		bundles[i].IsoCountry = strings.ToUpper(deref(r.IsoCountry))
		bundles[i].NumberType = deref(r.NumberType)
		bundles[i].EndUserType = deref(r.EndUserType)
	}
	return nil
}

// FindBundle fetches a bundle of accountSID and its regulation; ErrNotFound when the account has no such
// bundle (another account's bundle is not found either).
func (c *Client) FindBundle(ctx context.Context, accountSID, sid string) (*Bundle, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	b, err := sub.numbers(ctx).FetchBundle(sid)
	return sub.withRegulation(ctx, b, err)
}

// withRegulation is the Bundle of a fetch or update's answer b (or its error, wrapped), with its regulation's
// details read as regulations does.
func (c *Client) withRegulation(ctx context.Context, b *numbersv2.NumbersV2Bundle, err error) (*Bundle, error) {
	if err != nil {
		return nil, c.wrapError(err)
	}
	out := []Bundle{bundleOf(b)}
	if err := c.regulations(ctx, out); err != nil {
		return nil, err
	}
	return &out[0], nil
}

// BundleFilter narrows ListBundles the way Twilio's list does; empty fields do not filter.
type BundleFilter struct {
	FriendlyName string
	Status       string
	IsoCountry   string
	NumberType   string
}

// ListBundles lists the bundles of accountSID, with their regulations, following pages to the end.
func (c *Client) ListBundles(ctx context.Context, accountSID string, f BundleFilter) ([]Bundle, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	params := paged[numbersv2.ListBundleParams]()
	for _, p := range []struct {
		v   string
		set func(string) *numbersv2.ListBundleParams
	}{
		{f.FriendlyName, params.SetFriendlyName}, {f.Status, params.SetStatus},
		{f.IsoCountry, params.SetIsoCountry}, {f.NumberType, params.SetNumberType},
	} {
		if p.v != "" {
			p.set(p.v)
		}
	}
	list, err := sub.numbers(ctx).ListBundle(params)
	if err != nil {
		return nil, sub.wrapError(err)
	}
	out := make([]Bundle, 0, len(list))
	for i := range list {
		// NOTE: Twilio documents FriendlyName as a filter without saying whether it matches exactly; insist.
		if f.FriendlyName == "" || deref(list[i].FriendlyName) == f.FriendlyName {
			out = append(out, bundleOf(&list[i]))
		}
	}
	if err := sub.regulations(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// CloneBundle copies a twilio-approved bundle of sourceAccountSID into targetAccountSID, where it is
// twilio-approved at once (https://www.twilio.com/docs/phone-numbers/regulatory/api/clones-resource). The
// answer carries no regulation details; read the clone with FindBundle for those.
func (c *Client) CloneBundle(ctx context.Context, sourceAccountSID, bundleSID, targetAccountSID, friendlyName string) (*Bundle, error) {
	sub, err := c.ForAccount(ctx, sourceAccountSID)
	if err != nil {
		return nil, notSent(fmt.Errorf("obtaining the credentials of account %s to clone its bundle: %w", sourceAccountSID, err))
	}
	params := &numbersv2.CreateBundleCloneParams{}
	params.SetTargetAccountSid(targetAccountSID)
	if friendlyName != "" {
		params.SetFriendlyName(friendlyName)
	}
	cl, err := sub.numbers(ctx).CreateBundleClone(bundleSID, params)
	if err != nil {
		return nil, sub.wrapError(err)
	}
	return &Bundle{
		SID: deref(cl.BundleSid), AccountSID: deref(cl.AccountSid), RegulationSID: deref(cl.RegulationSid),
		FriendlyName: deref(cl.FriendlyName), Status: deref(cl.Status), Email: deref(cl.Email),
		StatusCallback: deref(cl.StatusCallback), ValidUntil: cl.ValidUntil, DateCreated: cl.DateCreated,
		DateUpdated: cl.DateUpdated,
	}, nil
}

// DeleteBundle deletes a bundle of accountSID. Twilio refuses while a number uses it (21648).
func (c *Client) DeleteBundle(ctx context.Context, accountSID, sid string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error { return sub.numbers(ctx).DeleteBundle(sid) })
}

// RenameBundle changes a bundle's friendly name in accountSID.
func (c *Client) RenameBundle(ctx context.Context, accountSID, sid, friendlyName string) (*Bundle, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	params := &numbersv2.UpdateBundleParams{}
	params.SetFriendlyName(friendlyName)
	b, err := sub.numbers(ctx).UpdateBundle(sid, params)
	return sub.withRegulation(ctx, b, err)
}

// FindBundlesCreatedSince lists the bundles of accountSID named friendlyName created since the given time:
// what a clone whose answer was lost may have made. The caller decides which, if any, is its own.
func (c *Client) FindBundlesCreatedSince(ctx context.Context, accountSID, friendlyName string, since time.Time) ([]Bundle, error) {
	list, err := c.ListBundles(ctx, accountSID, BundleFilter{FriendlyName: friendlyName})
	return matching(list, err, func(b Bundle) bool { return CreatedAfter(b.DateCreated, since) })
}
