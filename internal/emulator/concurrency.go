package emulator

import (
	"net/http"
	"strings"
)

// Twilio refuses REST API requests beyond an account's allowed concurrency with 429 and code 20429, and
// such a request "is never processed and is always safe to retry"
// (https://www.twilio.com/docs/api/errors/20429). Twilio does not publish the number, nor whether a main
// account and its subaccounts share it.
//
// ASSUMPTION(rest-concurrency-limit): the limit is a count of requests in flight per account whose
// credentials made them (an API key counts for its account), so a fleet of subaccounts managed with the
// main account's credentials shares the main account's limit; DefaultConcurrencyLimit is the number, and
// the emulator enforces it only when Options.ConcurrencyLimit is set. The provider retries every 429
// with backoff whatever the number and the scope, so they change how long a fleet takes, never what it
// makes.

// DefaultConcurrencyLimit is the per-account limit of concurrent REST API requests the fleet benchmark
// enforces: Twilio's default as reported by Twilio's support pages at the time, not on its API docs.
const DefaultConcurrencyLimit = 100

// credentialAccount is the account whose credentials made the request, or "" without credentials (they are
// refused later anyway). Callers hold e.mu.
func (e *Emulator) credentialAccount(r *http.Request) string {
	user, _, ok := r.BasicAuth()
	switch {
	case !ok:
		return ""
	case strings.HasPrefix(user, "SK"):
		if k := e.st.keys[user]; k != nil {
			return k.AccountSid
		}
		return ""
	default:
		return user
	}
}

// admit counts a request against its credentials' account and reports whether it is within the limit;
// a refused request is not counted. Callers hold e.mu and call release for every admitted request.
func (e *Emulator) admit(cred string) bool {
	if e.concurrencyLimit <= 0 || cred == "" {
		return true
	}
	if e.credInFlight[cred] >= e.concurrencyLimit {
		e.throttled++
		return false
	}
	e.credInFlight[cred]++
	return true
}

// release undoes admit. Callers hold e.mu.
func (e *Emulator) release(cred string) {
	if e.concurrencyLimit <= 0 || cred == "" {
		return
	}
	e.credInFlight[cred]--
	if e.credInFlight[cred] <= 0 {
		delete(e.credInFlight, cred)
	}
}

// Throttled returns how many requests the concurrency limit refused since the emulator started.
func (e *Emulator) Throttled() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.throttled
}

// Served returns how many Twilio API requests the emulator has answered since it started, refusals
// included; unlike the request log it has no bound.
func (e *Emulator) Served() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.served
}

func tooManyRequests() *apiError {
	return newError(http.StatusTooManyRequests, codeTooManyRequests,
		"Too Many Requests: the account is sending too many concurrent REST API requests")
}
