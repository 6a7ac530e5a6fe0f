package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// Twilio error codes the emulator answers with. Each one links to
// https://www.twilio.com/docs/errors/<code>.
const (
	codeInvalidParameter  = 20001 // generic invalid or missing parameter (Studio/IAM wording)
	codeInvalidFriendly   = 20002 // FriendlyName longer than 64 characters
	codeAuthenticate      = 20003 // bad credentials (401) or permission denied (403)
	codeMethodNotAllowed  = 20004
	codeAccountNotActive  = 20005 // suspended or closed account's own credentials
	codeNotFound          = 20404
	codeTooManyRequests   = 20429
	codeInternal          = 20500
	codeUnavailable       = 20503
	codeInvalidURL        = 21402
	codeInvalidMethod     = 21403
	codeInvalidAppSid     = 21218
	codeInvalidPhone      = 21421
	codeNumberUnavailable = 21422
	codeInvalidAreaCode   = 21451
	codeNoNumbersInArea   = 21452
	codePageSizeTooLarge  = 20007 // https://www.twilio.com/docs/errors/20007: "The maximum page size is 1000"
	// Number moves (https://www.twilio.com/docs/iam/api/subaccounts#exchanging-numbers).
	codeTransferInactive  = 21472 // https://www.twilio.com/docs/errors/21472: destination not active
	codeTransferUnrelated = 21473 // https://www.twilio.com/docs/errors/21473: neither parent nor child
	codeTransferNotParent = 21474 // https://www.twilio.com/docs/errors/21474: the API user must be the parent
	// Account status changes.
	codeStatusInvalid       = 21475 // https://www.twilio.com/docs/errors/21475: not active, suspended or closed
	codeStatusParentAccount = 21477 // https://www.twilio.com/docs/errors/21477: parent accounts' status cannot change
	codeStatusClosed        = 21479 // https://www.twilio.com/docs/errors/21479: closed "can not be re-opened"
	// Studio: https://www.twilio.com/docs/errors/81022 "Flow definition validation failed", with the
	// failures in the error's details.
	codeFlowInvalid = 81022
	// Regulatory bundles.
	codeBundleInUse          = 21648 // https://www.twilio.com/docs/errors/21648: deleting a bundle a number uses
	codeBundleRequired       = 21649 // https://www.twilio.com/docs/errors/21649: no compliant bundle for the number
	codeBundleInvalidType    = 22200 // https://www.twilio.com/docs/errors/22200: invalid end-user or number type
	codeBundleStatusAndProps = 22204 // https://www.twilio.com/docs/errors/22204: status and properties together
	// Addresses and the numbers that need them.
	codeAddressInvalid       = 21628 // https://www.twilio.com/docs/errors/21628: "Address Validation Error"
	codeAddressSuggested     = 21629 // https://www.twilio.com/docs/errors/21629: "Address Validation Error - Check Suggested Address"
	codeLocalAddressRequired = 21615 // https://www.twilio.com/docs/errors/21615: "Phone Number Requires a Local Address"
	codeAddressRequired      = 21631 // https://www.twilio.com/docs/errors/21631: "Phone Number Requires an Address"
)

// apiError is a Twilio error response; handlers return it to abort a request.
type apiError struct {
	Status  int
	Code    int
	Message string
	Details map[string]any
}

func (e *apiError) Error() string {
	return fmt.Sprintf("twilio emulator: %d (%d) %s", e.Status, e.Code, e.Message)
}

func newError(status, code int, format string, args ...any) *apiError {
	return &apiError{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

func badRequest(code int, format string, args ...any) *apiError {
	return newError(http.StatusBadRequest, code, format, args...)
}

// notFound mirrors Twilio's 404 body, which names the requested path.
func notFound(path string) *apiError {
	return newError(http.StatusNotFound, codeNotFound, "The requested resource %s was not found", path)
}

func forbidden(format string, args ...any) *apiError {
	return newError(http.StatusForbidden, codeAuthenticate, format, args...)
}

func missingParam(name string) *apiError {
	return badRequest(codeInvalidParameter, "Missing required parameter %s in the post body", name)
}

// errorBody is Twilio's error JSON. "details" only appears when there are any,
// as on Twilio.
type errorBody struct {
	Code     int            `json:"code"`
	Message  string         `json:"message"`
	MoreInfo string         `json:"more_info"`
	Status   int            `json:"status"`
	Details  map[string]any `json:"details,omitempty"`
}

func moreInfo(code int) string {
	return "https://www.twilio.com/docs/errors/" + strconv.Itoa(code)
}

func writeError(w http.ResponseWriter, e *apiError) {
	if e.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Basic realm="Twilio API"`)
	}
	writeJSON(w, e.Status, errorBody{
		Code:     e.Code,
		Message:  e.Message,
		MoreInfo: moreInfo(e.Code),
		Status:   e.Status,
		Details:  e.Details,
	})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	if body == nil {
		w.WriteHeader(status)
		return
	}
	buf, err := json.Marshal(body)
	if err != nil {
		http.Error(w, "twilio emulator: encoding response: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(buf)))
	w.WriteHeader(status)
	_, _ = w.Write(buf)
}
