package emulator

import (
	"net/http"
)

// productAccounts is accounts.twilio.com (Accounts v1): the auth token rotation endpoints.
const productAccounts = "accounts"

// The auth token endpoints take no account SID: they act on the account whose credentials made the request
// ("The SID of the Account that the secondary Auth Token was created for",
// https://www.twilio.com/docs/iam/api/secondary_authtoken). A parent's credentials therefore rotate the
// parent's token; a subaccount's token is rotated with the subaccount's own credentials.
//
// ASSUMPTION(auth-token-callers): Twilio does not say which credentials may call these endpoints; its
// examples use the account SID and auth token. The emulator treats them like the accounts and keys
// endpoints (the auth token or a Main key; standard and restricted keys get 403/20003). The provider
// always calls them with the subaccount's own auth token, which it reads through the parent; test:
// TestAuthTokenRotation.

type secondaryTokenJSON struct {
	AccountSid         string  `json:"account_sid"`
	DateCreated        *string `json:"date_created"`
	DateUpdated        *string `json:"date_updated"`
	SecondaryAuthToken string  `json:"secondary_auth_token"`
	URL                string  `json:"url"`
}

type promotedTokenJSON struct {
	AccountSid  string  `json:"account_sid"`
	AuthToken   string  `json:"auth_token"`
	DateCreated *string `json:"date_created"`
	DateUpdated *string `json:"date_updated"`
	URL         string  `json:"url"`
}

// createSecondaryToken makes the account's secondary auth token, which authenticates like the primary
// ("The generated secondary Auth Token that can be used to authenticate future API requests",
// https://www.twilio.com/docs/iam/api/secondary_authtoken).
//
// ASSUMPTION(secondary-recreate): Twilio does not say what a second create does while a secondary token
// exists. The emulator replaces it with a new one (AltSecondaryExistsRefused refuses instead). The rotation
// action promotes the secondary from its own create's answer, so either way it never promotes a token
// someone else made; test: TestAuthTokenRotation.
func (e *Emulator) createSecondaryToken(c *call) result {
	a := c.target
	if a.SecondaryAuthToken != "" && e.alternative(AltSecondaryExistsRefused) {
		return result{err: badRequest(codeInvalidParameter,
			"Account %s already has a secondary auth token; delete it or promote it first", a.Sid)}
	}
	t := now()
	a.SecondaryAuthToken = newSecret()
	a.secondaryCreated = t
	return result{status: http.StatusCreated, body: secondaryTokenJSON{
		AccountSid: a.Sid, DateCreated: fmtISO(t), DateUpdated: fmtISO(t),
		SecondaryAuthToken: a.SecondaryAuthToken, URL: c.base + "/v1/AuthTokens/Secondary",
	}}
}

// deleteSecondaryToken discards the secondary token: it no longer authenticates.
//
// ASSUMPTION(secondary-delete-none): Twilio does not document deleting when there is no secondary token;
// the emulator answers 404/20404. The rotation action never deletes a secondary token; test:
// TestAuthTokenRotation.
func (e *Emulator) deleteSecondaryToken(c *call) result {
	a := c.target
	if a.SecondaryAuthToken == "" {
		return result{err: notFound(c.path)}
	}
	a.SecondaryAuthToken = ""
	return result{status: http.StatusNoContent}
}

// promoteSecondaryToken makes the secondary token the primary one: "After promoting the new token, all
// requests to Twilio using your old primary Auth Token will result in an error"
// (https://www.twilio.com/docs/iam/api/authtoken).
//
// ASSUMPTION(promote-without-secondary): Twilio does not document a promote without a secondary token;
// the emulator answers 400/20001 and changes nothing. The rotation action promotes only right after its
// own create succeeded; test: TestAuthTokenRotation.
func (e *Emulator) promoteSecondaryToken(c *call) result {
	a := c.target
	if a.SecondaryAuthToken == "" {
		return result{err: badRequest(codeInvalidParameter,
			"Account %s has no secondary auth token to promote; create one first", a.Sid)}
	}
	created := a.secondaryCreated
	a.AuthToken, a.SecondaryAuthToken = a.SecondaryAuthToken, ""
	t := now()
	a.DateUpdated = touched(a.DateUpdated)
	return result{status: http.StatusOK, body: promotedTokenJSON{
		AccountSid: a.Sid, AuthToken: a.AuthToken, DateCreated: fmtISO(created), DateUpdated: fmtISO(t),
		URL: c.base + "/v1/AuthTokens/Promote",
	}}
}
