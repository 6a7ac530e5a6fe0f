package twilioclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	twclient "github.com/twilio/twilio-go/client"
)

// ErrNotFound is returned (wrapped) by finders when Twilio answers 404, or when the object exists but is
// gone for every practical purpose (a closed subaccount). Callers test it with errors.Is.
var ErrNotFound = errors.New("not found")

// Error is an unsuccessful Twilio API response. It keeps Twilio's own code, message and more_info link so
// that diagnostics can point users at Twilio's documentation for the code.
type Error struct {
	Status   int
	Code     int
	Message  string
	MoreInfo string
	// Hint is set by this package for errors whose cause is usually the configuration (rejected
	// credentials, a key used outside its account); it never contains a secret.
	Hint string
	// Repeat marks a rejection of credentials that an earlier error of the same client already explained
	// in full: Terraform shows one error per resource (sorted by position, not by time), and one explanation is
	// enough.
	Repeat bool
}

func (e *Error) Error() string {
	if e.Repeat {
		return fmt.Sprintf("Twilio API error %d (HTTP %d): %s. The same credentials were rejected for another "+
			"resource of this run; one of these errors, which names them, says what to check.", e.Code, e.Status, e.Message)
	}
	msg := fmt.Sprintf("Twilio API error %d (HTTP %d): %s", e.Code, e.Status, e.Message)
	if e.MoreInfo != "" {
		msg += " (" + e.MoreInfo + ")"
	}
	if e.Hint != "" {
		msg += ". " + e.Hint
	}
	return msg
}

// Is makes errors.Is(err, ErrNotFound) true for Twilio 404 answers.
func (e *Error) Is(target error) bool {
	return target == ErrNotFound && e.Status == http.StatusNotFound
}

// IsStatus reports whether err is a Twilio API error with the given HTTP status.
func IsStatus(err error, status int) bool {
	var te *Error
	return errors.As(err, &te) && te.Status == status
}

// CodeAccountClosed is Twilio's answer to a status change of a closed subaccount
// (https://www.twilio.com/docs/errors/21479).
const CodeAccountClosed = 21479

// IsCode reports whether err is a Twilio API error with the given Twilio error code.
func IsCode(err error, code int) bool {
	var te *Error
	return errors.As(err, &te) && te.Code == code
}

// CodeAccountInactive is Twilio's answer for a suspended or closed account, to its own credentials and to
// its parent alike (https://www.twilio.com/docs/errors/20005).
const CodeAccountInactive = 20005

// IsAccountInactive reports whether Twilio refused a request because the account acted as is suspended or
// closed, not because of the credentials. What that means for a resource is the provider's account-state
// policy (internal/provider/account_state.go).
func IsAccountInactive(err error) bool { return IsCode(err, CodeAccountInactive) }

// IsNotFound reports whether err means the object does not exist (any more).
func IsNotFound(err error) bool {
	return errors.Is(err, ErrNotFound)
}

// notFound builds an ErrNotFound-wrapping error for objects that exist in Twilio but must be treated as
// gone, such as closed subaccounts.
func notFound(format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), ErrNotFound)
}

// wrapError converts twilio-go's error types into *Error and adds configuration hints. Anything that is
// not an API answer (connection failures, decode errors) is returned unchanged.
func (c *Client) wrapError(err error) error {
	if err == nil {
		return nil
	}
	var rest *twclient.TwilioRestError
	var restV1 *twclient.RestErrorV1
	var out *Error
	switch {
	case errors.As(err, &rest):
		out = &Error{Status: rest.Status, Code: rest.Code, Message: rest.Message, MoreInfo: rest.MoreInfo}
	case errors.As(err, &restV1):
		out = &Error{Status: restV1.HttpStatusCode, Code: restV1.Code, Message: restV1.Message}
	default:
		// NOTE: net/http wraps transport failures in a *url.Error naming the URL twilio-go built
		// (https://api.twilio.com/...), not the address dialled; the TransportError inside names the latter.
		var te *TransportError
		if errors.As(err, &te) {
			return te
		}
		return err
	}
	switch {
	case codeHints[out.Code] != "":
		out.Hint = codeHints[out.Code]
	case out.Code == CodeAccountInactive:
		// NOTE: Twilio answers 401 for the credentials of a suspended or closed account too; the
		// credentials are right, the account is not usable.
		out.Hint = "The account is suspended or closed; reactivate it (status = \"active\") before managing its resources"
	case out.Status == http.StatusUnauthorized && c.rejected.Swap(true):
		// NOTE: every resource of a plan meets the same rejection; the first error explains it.
		out.Hint, out.Repeat = c.credentialHint(), true
	case out.Status == http.StatusUnauthorized && c.cfg.APIKeySID != "":
		// NOTE: Twilio has been seen answering 401 (not 403) when a main account's API key reaches for a
		// subaccount's resources, and a restricted key outside its policy is "unauthorized" too: the
		// key may be right and used where it cannot go, so name both causes.
		out.Hint = c.credentialHint() + ". If the key is right, it was used outside its scope: " + keyScopeHint
	case out.Status == http.StatusUnauthorized:
		out.Hint = c.credentialHint()
	case out.Code == 21222 || out.Code == 21224:
		// NOTE: twilio-go refuses non-alphanumeric credentials before sending anything; say which ones.
		out.Hint = "The configured credentials contain characters Twilio never issues; " + c.credentialVars()
	case out.Status == http.StatusForbidden && c.cfg.APIKeySID != "":
		// NOTE: Twilio answers 403 to an API key for two different reasons; name both, since the answer
		// does not say which.
		out.Hint = "The provider authenticates with API key " + c.cfg.APIKeySID + ": " + keyScopeHint
	}
	return out
}

// keyScopeHint names the places an API key cannot go.
const keyScopeHint = "standard and restricted API keys cannot manage accounts or API keys, a restricted key " +
	"reaches only what its policy allows, and a main account's keys cannot manage its subaccounts' resources; " +
	"use the account's auth token, or a key of the subaccount"

// codeHints say what to do about Twilio errors whose cause is a configuration the provider cannot check
// at plan time. Each code's meaning is Twilio's, from https://www.twilio.com/docs/errors/<code>.
var codeHints = map[int]string{
	20007: "Twilio pages hold at most 1000 items; ask for a smaller page",
	21422: "Twilio does not offer this number, or another account holds it; pick one that the " +
		"twilio_available_phone_numbers data source lists, or buy by area_code",
	21451: "area_code must be a North American area code: any US or Canadian one for local numbers, or " +
		"800, 888, 877 or 866 for toll-free numbers",
	21472: "The account the number would move to is suspended or closed; numbers move only to an active " +
		"account (reactivate a suspended subaccount with status = \"active\")",
	21473: "A number moves only between a main account and its subaccounts (or between two subaccounts of " +
		"one parent); account_sid names an account outside that family",
	21474: "Only the parent account can move numbers between its subaccounts; configure the provider with " +
		"the main account's SID and auth token for this change",
	21477: "The status of a main account cannot be changed through the API, only a subaccount's",
	21479: "The subaccount is closed, and Twilio never reopens or changes a closed account; remove it from " +
		"the configuration, or create a new subaccount",
	// 20409 is Twilio's conflict; Serverless answers it (status 409) to a taken unique name, domain suffix
	// or variable key.
	20409: "The name is already taken: a Serverless service's unique_name must be unique in its account, an " +
		"environment's unique_name and domain_suffix in its service, a variable's key in its environment; pick " +
		"another, or import the existing object",
	21648: "A number still uses this regulatory bundle; give its numbers another twilio-approved bundle, or " +
		"release them, before deleting it",
	21649: bundleHint,
	21650: bundleHint,
	21613: "Local regulations require an address on file in the account that receives this number; add one " +
		"to that account in Twilio before buying or moving the number there",
	21615: "This number needs an address in its own country (address_requirements = \"local\"); set " +
		"address_sid to a twilio_address of the number's account with that iso_country",
	21628: "Twilio could not validate the address; check street, city, region and postal_code for typos or " +
		"try another format (abbreviations such as \"St\" often help)",
	21629: "Twilio found a close match for the address and suggests it in the message; put the suggested " +
		"form in the configuration",
	21631: "This number needs an address on file (see address_requirements of twilio_available_phone_numbers); " +
		"set address_sid to a twilio_address of the number's account",
}

// bundleHint explains Twilio's refusals of a number's bundle. Twilio documents 21649 for a regulated number
// bought without "a compliant BundleSID that is valid for the phone number"
// (https://www.twilio.com/en-us/changelog/regulated-number-bundle-provisioning-requirement); 21650 is
// treated alike, since its page could not be checked.
const bundleHint = "This number's country and type require a twilio-approved regulatory bundle of the " +
	"account that owns the number, approved for that country and number type: set bundle_sid (the " +
	"twilio_regulatory_bundle data source finds one; twilio_bundle_clone copies the main account's into a " +
	"subaccount)"

// credentialHint says which credentials Twilio rejected and where they come from, without the secret.
func (c *Client) credentialHint() string {
	if c.cfg.APIKeySID != "" {
		return fmt.Sprintf("Twilio rejected the API key %s for account %s; %s%s", c.cfg.APIKeySID, c.cfg.AccountSID,
			c.credentialVars(), c.regionHint())
	}
	return fmt.Sprintf("Twilio rejected the auth token of account %s; %s%s", c.cfg.AccountSID, c.credentialVars(), c.regionHint())
}

// regionHint names the region credentials must belong to when region or edge is configured: "any given
// Auth Token or API Key is only valid for the Twilio Region in which it was created"
// (https://www.twilio.com/docs/global-infrastructure/manage-regional-api-credentials), so right credentials
// of another region fail exactly like a wrong token.
func (c *Client) regionHint() string {
	if c.cfg.Region == "" && c.cfg.Edge == "" {
		return ""
	}
	region := c.cfg.Region
	if region == "" {
		region = "us1"
	}
	return fmt.Sprintf(". Requests go to Twilio's %s region (region and edge, or TWILIO_REGION and TWILIO_EDGE), and "+
		"credentials are valid only in the region they were made in: an auth token or API key of US1 is "+
		"rejected in ie1 or au1, and the other way round. Use the %s auth token or an API key made in %s (Console: "+
		"API keys & tokens, with that region selected), or unset region and edge for US1", region, region, region)
}

func (c *Client) credentialVars() string {
	if c.cfg.APIKeySID != "" {
		return "check api_key_sid and api_key_secret (TWILIO_API_KEY and TWILIO_API_SECRET) and account_sid " +
			"(TWILIO_ACCOUNT_SID)"
	}
	return "check account_sid and auth_token (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)"
}

// TransportError is a request that got no answer from Twilio. Sent tells the two cases apart: false means
// nothing reached Twilio (a refused connection, a DNS failure, the deadline or a cancellation before the
// request was written), so even a create may be sent again and nothing needs looking for; true means the
// request went out and the answer was lost (a reset, a timeout while Twilio was working), so Twilio may
// have acted on it.
type TransportError struct {
	Method string
	// URL is the address actually dialled: the emulator's when base_url redirects, not Twilio's.
	URL  string
	Sent bool
	Err  error
}

func (e *TransportError) Error() string {
	if e.Sent {
		return fmt.Sprintf("%s %s was sent, but no answer came back (%s)", e.Method, e.URL, plainCause(e.Err))
	}
	return fmt.Sprintf("%s %s was not sent: nothing reached Twilio (%s)", e.Method, e.URL, plainCause(e.Err))
}

func (e *TransportError) Unwrap() error { return e.Err }

// plainCause says what a deadline or cancellation means to a Terraform user; other causes are shown as
// they are.
func plainCause(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "the operation's time limit ran out: " + err.Error()
	case errors.Is(err, context.Canceled):
		return "the operation was cancelled (Ctrl-C, or Terraform stopping the provider): " + err.Error()
	}
	return err.Error()
}

// NotSentError is a failure before a request could be sent: resolving the credentials it needs, encoding
// its body. Like an unsent TransportError, nothing reached Twilio.
type NotSentError struct {
	Err error
}

func (e *NotSentError) Error() string { return e.Err.Error() + " (so the request itself was not sent)" }

func (e *NotSentError) Unwrap() error { return e.Err }

// notSent marks err as a failure before anything was sent.
func notSent(err error) error {
	if err == nil {
		return nil
	}
	return &NotSentError{Err: err}
}

// IsSent reports whether a failed request may have reached Twilio. Only errors known to come before the
// request was written (an unsent TransportError, a NotSentError) or an answer from Twilio that says it
// did not act (429, 503, a 4xx refusal) are "no"; anything else, an unknown error included, is "maybe".
func IsSent(err error) bool {
	if err == nil {
		return false
	}
	var ns *NotSentError
	if errors.As(err, &ns) {
		return false
	}
	var te *TransportError
	if errors.As(err, &te) {
		return te.Sent
	}
	return true
}
