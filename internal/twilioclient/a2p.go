package twilioclient

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	messagingv1 "github.com/twilio/twilio-go/rest/messaging/v1"
)

// US A2P 10DLC registrations (Messaging v1): brand registrations and campaigns. Like every product host,
// Messaging only takes an account's own credentials, so each call acts as the owning account (ForAccount).

// BrandRegistration is an A2P 10DLC brand registration.
type BrandRegistration = messagingv1.MessagingV1BrandRegistrations

// CreateBrandRegistrationParams are the fields of a new brand registration.
type CreateBrandRegistrationParams = messagingv1.CreateBrandRegistrationsParams

// Campaign is a US A2P campaign of a Messaging Service.
type Campaign = messagingv1.MessagingV1UsAppToPersonResponse

// CreateCampaignParams are the fields of a new campaign.
type CreateCampaignParams = messagingv1.CreateUsAppToPersonParams

// UpdateCampaignParams are the fields Twilio lets a campaign change.
type UpdateCampaignParams = messagingv1.UpdateUsAppToPersonParams

// Brand and campaign statuses the provider acts on (Twilio's spellings).
const (
	BrandStatusApproved    = "APPROVED"
	BrandStatusFailed      = "FAILED"
	CampaignStatusVerified = "VERIFIED"
	CampaignStatusFailed   = "FAILED"
)

// CreateBrandRegistration registers a brand in accountSID. Twilio charges a fee for every registration:
// callers must never repeat it after an unclear answer (see FindBrandRegistrationsCreatedSince).
func (c *Client) CreateBrandRegistration(ctx context.Context, accountSID string, params *CreateBrandRegistrationParams) (*BrandRegistration, error) {
	return createAs(ctx, c, accountSID, "register the brand", func(sub *Client) (*BrandRegistration, error) {
		return sub.messaging(ctx).CreateBrandRegistrations(params)
	})
}

// FindBrandRegistration fetches a brand registration; ErrNotFound when it is gone.
func (c *Client) FindBrandRegistration(ctx context.Context, accountSID, sid string) (*BrandRegistration, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*BrandRegistration, error) {
		return sub.messaging(ctx).FetchBrandRegistrations(sid)
	})
}

// ListBrandRegistrations lists the brand registrations of accountSID.
func (c *Client) ListBrandRegistrations(ctx context.Context, accountSID string) ([]BrandRegistration, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) ([]BrandRegistration, error) {
		return sub.messaging(ctx).ListBrandRegistrations(paged[messagingv1.ListBrandRegistrationsParams]())
	})
}

// FindBrandRegistrationsCreatedSince lists the brands of accountSID registered from the customer profile
// and trust product given, created since the given time: what a registration whose answer was lost may
// have made. A brand is known by its two bundles; the caller decides which candidate, if any, is its own.
func (c *Client) FindBrandRegistrationsCreatedSince(ctx context.Context, accountSID, customerProfile, trustProduct string, since time.Time) ([]BrandRegistration, error) {
	brands, err := c.ListBrandRegistrations(ctx, accountSID)
	return matching(brands, err, func(b BrandRegistration) bool {
		return deref(b.CustomerProfileBundleSid) == customerProfile && deref(b.A2pProfileBundleSid) == trustProduct &&
			CreatedAfter(b.DateCreated, since)
	})
}

// CreateCampaign registers a US A2P campaign on a Messaging Service of accountSID.
func (c *Client) CreateCampaign(ctx context.Context, accountSID, serviceSID string, params *CreateCampaignParams) (*Campaign, error) {
	return createAs(ctx, c, accountSID, "register the campaign", func(sub *Client) (*Campaign, error) {
		return sub.messaging(ctx).CreateUsAppToPerson(serviceSID, params)
	})
}

// FindCampaign fetches a campaign; ErrNotFound when it (or its Messaging Service) is gone.
func (c *Client) FindCampaign(ctx context.Context, accountSID, serviceSID, sid string) (*Campaign, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*Campaign, error) {
		return sub.messaging(ctx).FetchUsAppToPerson(serviceSID, sid, nil)
	})
}

// ListCampaigns lists the campaigns of a Messaging Service (at most one, as Twilio registers them).
func (c *Client) ListCampaigns(ctx context.Context, accountSID, serviceSID string) ([]Campaign, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) ([]Campaign, error) {
		return sub.messaging(ctx).ListUsAppToPerson(serviceSID, paged[messagingv1.ListUsAppToPersonParams]())
	})
}

// FindCampaignsCreatedSince lists the campaigns of a Messaging Service created since the given time: a
// service carries one campaign, so any such campaign is what a lost create may have made.
func (c *Client) FindCampaignsCreatedSince(ctx context.Context, accountSID, serviceSID string, since time.Time) ([]Campaign, error) {
	all, err := c.ListCampaigns(ctx, accountSID, serviceSID)
	return matching(all, err, func(k Campaign) bool { return CreatedAfter(k.DateCreated, since) })
}

// UpdateCampaign changes what Twilio lets a campaign change.
func (c *Client) UpdateCampaign(ctx context.Context, accountSID, serviceSID, sid string, params *UpdateCampaignParams) (*Campaign, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*Campaign, error) {
		return sub.messaging(ctx).UpdateUsAppToPerson(serviceSID, sid, params)
	})
}

// DeleteCampaign deletes a campaign.
func (c *Client) DeleteCampaign(ctx context.Context, accountSID, serviceSID, sid string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error { return sub.messaging(ctx).DeleteUsAppToPerson(serviceSID, sid) })
}

// RegistrationProblems turns a brand's or campaign's errors, which twilio-go leaves untyped, into
// sentences: an entry's description (with its code when there is one), or the whole entry as JSON.
func RegistrationProblems(entries []map[string]any) []string {
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		desc, ok := e["description"].(string)
		if !ok || desc == "" {
			raw, err := json.Marshal(e)
			if err != nil {
				raw = []byte(fmt.Sprint(e))
			}
			out = append(out, string(raw))
			continue
		}
		if code, ok := e["code"].(float64); ok {
			desc = fmt.Sprintf("%s (error %d)", desc, int(code))
		}
		out = append(out, desc)
	}
	return out
}

// BrandProblems converts a brand's errors (a list of untyped JSON) for RegistrationProblems.
func BrandProblems(b *BrandRegistration) []string {
	if b == nil || b.Errors == nil {
		return nil
	}
	var entries []map[string]any
	for _, item := range *b.Errors {
		if m, ok := item.(map[string]any); ok {
			entries = append(entries, m)
		} else {
			entries = append(entries, map[string]any{"entry": item})
		}
	}
	return RegistrationProblems(entries)
}
