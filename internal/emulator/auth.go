package emulator

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// principal is who a request authenticated as. A key acts as its own
// account; key is nil for an account's auth token.
type principal struct {
	user    string
	account *Account
	key     *Key
}

// admin reports whether the credentials may manage accounts and API keys.
// Twilio reserves those endpoints to the auth token and Main keys: a
// Standard or Restricted key gets 20003 there.
func (e *Emulator) admin(p principal) bool {
	return p.key == nil || p.key.KeyType == KeyTypeMain || e.lenientKeys
}

// Messages for the 403/20003 answers, which say what to use instead.
const (
	msgMainKeyOnSubaccount = "API keys of the main account cannot manage subaccount resources; " +
		"use the auth token or a key of the subaccount"
	msgSubaccountScope = "Subaccount credentials cannot access the parent account or other subaccounts; " +
		"use the credentials of the account that owns the resource"
	msgKeyNotAdmin = "Standard and restricted API keys cannot manage accounts or API keys; " +
		"use the account's auth token or a Main API key"
)

func unauthorized() *apiError {
	return newError(http.StatusUnauthorized, codeAuthenticate, "Authenticate")
}

// authenticate checks HTTP Basic credentials: AccountSid:AuthToken or
// KeySid:KeySecret. Callers hold e.mu.
func (e *Emulator) authenticate(r *http.Request) (principal, *apiError) {
	user, pass, ok := r.BasicAuth()
	if !ok || user == "" {
		return principal{}, unauthorized()
	}
	p := principal{user: user}
	// Credentials are valid only in the region they were made in; a US1 token
	// sent to api.dublin.ie1.twilio.com fails authentication.
	region := regionForHost(r.Host)
	switch {
	case strings.HasPrefix(user, "AC"):
		a := e.st.accounts[user]
		if a == nil || (!equalSecret(a.authTokenIn(region), pass) && !a.secondaryMatches(region, pass)) {
			return principal{}, unauthorized()
		}
		p.account = a
	case strings.HasPrefix(user, "SK"):
		k := e.st.keys[user]
		if k == nil || !equalSecret(k.Secret, pass) || keyRegion(k) != region {
			return principal{}, unauthorized()
		}
		p.key, p.account = k, e.st.accounts[k.AccountSid]
		if p.account == nil {
			return principal{}, unauthorized()
		}
	default:
		return principal{}, unauthorized()
	}
	// NOTE: Twilio blocks every request made with the credentials of a
	// suspended or closed account (error 20005, "Account not active"); the
	// parent can still read a closed subaccount and reactivate a suspended one.
	if p.account.Status != StatusActive {
		return principal{}, newError(http.StatusUnauthorized, codeAccountNotActive,
			"Account not active: %s is %s", p.account.Sid, p.account.Status)
	}
	return p, nil
}

// secondaryMatches reports whether pass is the account's secondary auth token, which "can be used to
// authenticate future API requests" (https://www.twilio.com/docs/iam/api/secondary_authtoken).
func (a *Account) secondaryMatches(region, pass string) bool {
	return a.SecondaryAuthToken != "" && (region == "" || region == twilioregion.Default) && equalSecret(a.SecondaryAuthToken, pass)
}

func equalSecret(want, got string) bool {
	return subtle.ConstantTimeCompare([]byte(want), []byte(got)) == 1
}

// authorize decides whether c.p may call rt and sets c.target, the account
// the request acts on. Callers hold e.mu.
//
// Twilio's rules: an account's auth token reaches the account and, on the
// 2010 API only, its subaccounts; a subaccount never reaches its parent or a
// sibling; an API key reaches only its own account, so a main account's key
// is denied on subaccount resources (Twilio documents all of these as
// 20003).
//
// ASSUMPTION(scope-status): Twilio has been seen answering 401 as well as 403
// to a main account's key on a subaccount's resources. The emulator answers
// 403; the provider's error names the key's scope under either status.
func (e *Emulator) authorize(c *call, rt *route) *apiError {
	p := c.p
	if rt.admin && !e.admin(p) {
		return forbidden(msgKeyNotAdmin)
	}
	if !rt.admin {
		// Accounts and keys are the admin check's business (LenientKeys relaxes only that).
		if err := checkPolicy(p, rt, c.r.Method); err != nil {
			return err
		}
	}
	switch rt.scope {
	case scopeAccounts, scopeProduct:
		c.target = p.account
		return nil
	}
	target := e.st.accounts[c.params["AccountSid"]]
	if target == nil {
		return notFound(c.path)
	}
	c.target = target
	own := p.account.Sid == target.Sid
	parent := target.OwnerAccountSid == p.account.Sid && !own
	switch {
	case own:
	case parent && p.key == nil:
	case parent && rt.scope == scopeAccount:
		// Main keys may read and update subaccounts themselves (Twilio lets
		// them manage subaccounts), just not the subaccounts' resources.
	case parent:
		return forbidden(msgMainKeyOnSubaccount)
	default:
		return forbidden(msgSubaccountScope)
	}
	if rt.scope == scopeAccountChild && target.Status == StatusClosed {
		// A closed account's resources are gone; only the account itself
		// stays readable for 30 days.
		// ASSUMPTION(closed-children): Twilio documents that closing releases
		// the numbers and shuts the account down, not what its resources then
		// answer. The emulator answers 404; the provider removes a resource
		// on 404 and keeps its state (with a warning) on 20005, so neither
		// answer destroys anything or blocks a plan.
		return notFound(c.path)
	}
	return nil
}

// actingAccount is the account a request acts on, for the request log and
// the in-flight counters; it is "" when that is unknown (bad credentials).
// Callers hold e.mu.
func (e *Emulator) actingAccount(r *http.Request, params map[string]string) string {
	if sid := params["AccountSid"]; sid != "" {
		return sid
	}
	p, err := e.authenticate(r)
	if err != nil {
		return ""
	}
	return p.account.Sid
}

func keyRegion(k *Key) string {
	if k.Region == "" {
		return twilioregion.Default
	}
	return k.Region
}
