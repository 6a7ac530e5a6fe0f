package emulator

import (
	"fmt"
	"net/http"
)

// Test controls for the A2P tests, not Twilio behaviour: the customer profile, trust product and Messaging
// Service a brand and a campaign need, made directly in the store as Twilio's Console and reviewers would
// leave them. The Trust Hub and Messaging Service handlers have their own files; these controls let the
// A2P tests run without them.

// SeedApprovedTrustBundles adds a twilio-approved secondary customer profile and A2P trust product to
// account (the main account when empty) and returns their SIDs.
func (e *Emulator) SeedApprovedTrustBundles(account string) (customerProfile, trustProduct string, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	account, err = e.seedAccount(account)
	if err != nil {
		return "", "", err
	}
	return e.seedTrustBundle(account, PolicySecondaryCustomerProfile, TrustApproved),
		e.seedTrustBundle(account, PolicyA2PTrustProduct, TrustApproved), nil
}

// SeedCustomerProfile adds a secondary customer profile in the given Trust Hub status ("draft",
// "in-review", "twilio-rejected"…) to account (the main account when empty) and returns its SID.
func (e *Emulator) SeedCustomerProfile(account, status string) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	account, err := e.seedAccount(account)
	if err != nil {
		return "", err
	}
	return e.seedTrustBundle(account, PolicySecondaryCustomerProfile, status), nil
}

// seedAccount is the account a test control acts on: account, or the main account when empty. The caller
// holds e.mu.
func (e *Emulator) seedAccount(account string) (string, error) {
	if account == "" {
		account = e.mainSID
	}
	if e.st.accounts[account] == nil {
		return "", fmt.Errorf("twilio emulator: no account %s", account)
	}
	return account, nil
}

func (e *Emulator) seedTrustBundle(account, policy, status string) string {
	t := now()
	b := &TrustBundle{Sid: newSID("BU"), AccountSid: account, PolicySid: policy, Status: status,
		Kind: trustPolicyBySid(policy).kind, stamp: stamp{DateCreated: t, DateUpdated: t}}
	keep(e, e.st.msg.trustBundles, b.Sid, b)
	return b.Sid
}

// SeedMessagingService adds a Messaging Service named name to account (the main account when empty) and
// returns its SID.
func (e *Emulator) SeedMessagingService(account, name string) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	account, err := e.seedAccount(account)
	if err != nil {
		return "", err
	}
	s := newMessagingService(account)
	s.FriendlyName = name
	keep(e, e.st.msg.services, s.Sid, s)
	return s.Sid, nil
}

// DeleteBrandInConsole removes a brand as the Console's "Delete Brand" does (Twilio's troubleshooting guide:
// "If you use the Console, delete the failed Brand and submit a new Brand",
// https://www.twilio.com/docs/api/errors/30702); the API has no DELETE.
func (e *Emulator) DeleteBrandInConsole(sid string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.st.msg.brands[sid] == nil {
		return fmt.Errorf("twilio emulator: no brand %s", sid)
	}
	delete(e.st.msg.brands, sid)
	return nil
}

// serveA2PControl answers the A2P test controls, reporting whether name was one:
//   - POST /_emulator/a2p/trust-bundles {"account_sid": "AC…"} makes an approved customer profile and trust
//     product (SeedApprovedTrustBundles) and answers {"customer_profile_bundle_sid", "a2p_profile_bundle_sid"};
//   - POST /_emulator/a2p/messaging-services {"account_sid", "friendly_name"} makes a Messaging Service
//     (SeedMessagingService) and answers {"sid"}.
func (e *Emulator) serveA2PControl(w http.ResponseWriter, r *http.Request, name string) bool {
	if r.Method != http.MethodPost {
		return false
	}
	var body struct {
		AccountSid   string `json:"account_sid"`
		FriendlyName string `json:"friendly_name"`
	}
	switch name {
	case "a2p/trust-bundles":
		if !decodeControl(w, r, &body) {
			return true
		}
		profile, product, err := e.SeedApprovedTrustBundles(body.AccountSid)
		if err != nil {
			controlError(w, http.StatusBadRequest, err.Error())
			return true
		}
		writeJSON(w, http.StatusCreated, map[string]string{"customer_profile_bundle_sid": profile, "a2p_profile_bundle_sid": product})
	case "a2p/messaging-services":
		if !decodeControl(w, r, &body) {
			return true
		}
		sid, err := e.SeedMessagingService(body.AccountSid, body.FriendlyName)
		if err != nil {
			controlError(w, http.StatusBadRequest, err.Error())
			return true
		}
		writeJSON(w, http.StatusCreated, map[string]string{"sid": sid})
	default:
		return false
	}
	return true
}
