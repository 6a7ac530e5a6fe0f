package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
)

// Restricted API keys reach only what their policy allows: "API calls made with a Restricted API Key
// will only allow access to selected permissions. Calls made to resources that are not part of the
// selected permissions will be unauthorized"
// (https://www.twilio.com/docs/iam/api-keys/restricted-api-keys and Twilio's changelog). A policy is
// {"allow": ["/twilio/<product>/<resource>/<action>", ...]}, the form of Twilio's IAM v1 examples
// ("/twilio/messaging/messages/read"); "<resource>/*" allows every action on a resource.
//
// ASSUMPTION(permission-names): Twilio publishes its permission names as downloadable lists that are not in this
// repository's sources. The Studio names follow the documented form (/twilio/studio/flows/read, ...);
// the names of the 2010 API's applications and phone numbers and of Serverless below are the emulator's
// guesses in the same form. The provider never builds a policy from these names (a user writes it) and its error for a
// refused call names the key and its policy as the likely cause, so a wrong guess here changes only
// which emulator calls a test's restricted key may make.
var routePermissions = map[string]string{
	"Accounts/{AccountSid}/Applications":                               "/twilio/voice/applications",
	"Accounts/{AccountSid}/IncomingPhoneNumbers":                       "/twilio/phone-numbers/incoming-phone-numbers",
	"Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/{Type}": "/twilio/phone-numbers/available-phone-numbers",
	"v2/Flows":                              "/twilio/studio/flows",
	"v1/Services":                           "/twilio/serverless/services",
	"v1/Services/{ServiceSid}/Environments": "/twilio/serverless/environments",
	"v1/Services/{ServiceSid}/Environments/{EnvironmentSid}/Variables": "/twilio/serverless/variables",
	"v2/RegulatoryCompliance/Bundles":                                  "/twilio/numbers/regulatory-compliance/bundles",
	"v2/RegulatoryCompliance/Bundles/{BundleSid}/Clones":               "/twilio/numbers/regulatory-compliance/bundle-clones",
	"v2/RegulatoryCompliance/Regulations":                              "/twilio/numbers/regulatory-compliance/regulations",
}

// permission is the policy entry a call of rt needs, such as "/twilio/studio/flows/create"; "" when
// no restricted key may make the call (accounts and keys need the auth token or a Main key).
func permission(rt *route, method string) string {
	segs := rt.segs
	instance := strings.HasPrefix(segs[len(segs)-1], "{") && segs[len(segs)-1] != "{Type}"
	if instance {
		segs = segs[:len(segs)-1]
	}
	resource := routePermissions[strings.Join(segs, "/")]
	if resource == "" {
		return ""
	}
	var action string
	switch {
	case method == http.MethodGet && instance:
		action = "read"
	case method == http.MethodGet:
		action = "list"
	case method == http.MethodPost && instance:
		action = "update"
	case method == http.MethodPost:
		action = "create"
	case method == http.MethodDelete:
		action = "delete"
	}
	return resource + "/" + action
}

// policyAllows reports whether a restricted key's policy allows perm.
func policyAllows(policy json.RawMessage, perm string) bool {
	if perm == "" {
		return false
	}
	var p struct {
		Allow []string `json:"allow"`
	}
	if json.Unmarshal(policy, &p) != nil {
		return false
	}
	wildcard := perm[:strings.LastIndex(perm, "/")] + "/*"
	for _, a := range p.Allow {
		if a == perm || a == wildcard {
			return true
		}
	}
	return false
}

// checkPolicy refuses a restricted key's call outside its policy. Twilio calls such calls
// "unauthorized", so the answer is 401/20003.
//
// ASSUMPTION(policy-status): Twilio does not document the status of that answer (401 or 403). The provider's hint for
// an API key's 20003 names the key's scope and policy under either status (twilioclient's
// TestErrorHints covers both).
func checkPolicy(p principal, rt *route, method string) *apiError {
	if p.key == nil || p.key.KeyType != KeyTypeRestricted {
		return nil
	}
	perm := permission(rt, method)
	if policyAllows(p.key.Policy, perm) {
		return nil
	}
	return newError(http.StatusUnauthorized, codeAuthenticate,
		"API key %s is restricted and its policy does not allow %s", p.key.Sid, perm)
}
