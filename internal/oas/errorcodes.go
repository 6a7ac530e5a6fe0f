package oas

import "strings"

// Twilio's specs describe no error responses, so the codes an operation may answer with come from
// Twilio's error dictionary (https://www.twilio.com/docs/errors/<code>) and the resources' pages. An
// error answer whose code is in neither list below is a response violation: an emulator that invents a
// code, or answers one where Twilio documents another, fails the conformance check.

// everyOperationCodes may answer any request.
var everyOperationCodes = []int{
	20001, // invalid or missing parameter
	20003, // authentication failed or permission denied
	20004, // method not allowed
	20005, // account not active
	20404, // not found
	20429, // too many requests
	20500, // internal error
	20503, // service unavailable
}

// listCodes may answer any list (an operation whose ID starts with List).
var listCodes = []int{
	20007, // page size too large (https://www.twilio.com/docs/errors/20007)
}

// urlFieldCodes answer resources with webhook URLs and methods.
var urlFieldCodes = []int{21402, 21403} // invalid URL, invalid method

// operationCodes are the codes documented for one operation, keyed by spec-qualified operation ID.
var operationCodes = map[string][]int{
	"api_v2010.CreateAccount": {20002},
	// 21475 invalid Status, 21476 parent suspended, 21477 main account's status, 21478 suspended by
	// Twilio, 21479 closed (https://www.twilio.com/docs/errors/2147x).
	"api_v2010.UpdateAccount":     {20002, 21475, 21476, 21477, 21478, 21479},
	"api_v2010.CreateApplication": append([]int{20002}, urlFieldCodes...),
	"api_v2010.UpdateApplication": append([]int{20002}, urlFieldCodes...),
	"api_v2010.CreateNewKey":      {20002},
	"api_v2010.UpdateKey":         {20002},
	// 21218 invalid application SID, 21421 invalid number, 21422 number not available, 21451 invalid
	// area code, 21452 no numbers in the area code, 21613 certification required, 21615 a local address
	// is required, 21631 an address is required (https://www.twilio.com/docs/errors/<code>); 21649: a
	// regulated number needs a compliant bundle
	// (https://www.twilio.com/en-us/changelog/regulated-number-bundle-provisioning-requirement).
	"api_v2010.CreateIncomingPhoneNumber": append([]int{20002, 21218, 21421, 21422, 21451, 21452, 21613, 21615, 21631, 21649}, urlFieldCodes...),
	// 21472/21473/21474 number moves (https://www.twilio.com/docs/iam/api/subaccounts#exchanging-numbers),
	// 21613/21615/21631/21649 the destination, the new address or bundle does not meet the number's requirements.
	"api_v2010.UpdateIncomingPhoneNumber": append([]int{20002, 21218, 21472, 21473, 21474, 21613, 21615, 21631, 21649}, urlFieldCodes...),
	// 21628 address validation error, 21629 validation suggests another address
	// (https://www.twilio.com/docs/usage/api/address).
	"api_v2010.CreateAddress": {20002, 21628, 21629},
	"api_v2010.UpdateAddress": {20002, 21628, 21629, 21630},
	// Usage triggers: a FriendlyName over 64 characters, an invalid callback URL or method.
	"api_v2010.CreateUsageTrigger":               append([]int{20002}, urlFieldCodes...),
	"api_v2010.UpdateUsageTrigger":               append([]int{20002}, urlFieldCodes...),
	"api_v2010.ListAvailablePhoneNumberLocal":    {21451, 21452},
	"api_v2010.ListAvailablePhoneNumberTollFree": {21451, 21452},
	"api_v2010.ListAvailablePhoneNumberMobile":   {21452},
	"iam_v1.CreateNewKey":                        {20002},
	"iam_v1.UpdateKey":                           {20002},
	// 81022 flow definition validation failed (https://www.twilio.com/docs/errors/81022).
	// A2P 10DLC campaigns (https://www.twilio.com/docs/api/errors/<code>): 21701 the Messaging Service does
	// not exist, 21717 the brand is not registered (APPROVED), 21720 invalid use case, 21727 a required
	// parameter is missing, 21728 a length limit is not met.
	"messaging_v1.CreateUsAppToPerson": {21701, 21717, 21720, 21727, 21728},
	"messaging_v1.UpdateUsAppToPerson": {21727, 21728},
	"messaging_v1.ListUsAppToPerson":   {21701},

	"studio_v2.CreateFlow": {81022},
	"studio_v2.UpdateFlow": {81022},
	// 20409 conflict: a taken service unique name, environment unique name or domain suffix, or variable
	// key (https://www.twilio.com/docs/studio/rest-api/v2/execution shows 20409 with a 409; see the
	// serverless-conflict assumption in internal/emulator/FIDELITY.md).
	"serverless_v1.CreateService":     {20409},
	"serverless_v1.CreateEnvironment": {20409},
	"serverless_v1.CreateVariable":    {20409},
	"serverless_v1.UpdateVariable":    {20409},
	// 82007 Unsupported Runtime (https://www.twilio.com/docs/errors/82007).
	"serverless_v1.CreateBuild": {82007},
	// Regulatory bundles: 22200 invalid end-user or number type, 22204 status and properties in one
	// update, 21648 a bundle a number uses (https://www.twilio.com/docs/errors/<code>).
	"numbers_v2.CreateBundle": {22200},
	"numbers_v2.UpdateBundle": {22204},
	"numbers_v2.DeleteBundle": {21648},
	// Messaging Services: 20002 a FriendlyName over 64 characters, 90007 a validity period outside 1..36,000
	// (https://www.twilio.com/docs/api/errors/90007), 21713 an unknown use case
	// (https://www.twilio.com/docs/api/errors/21713); a pool member: 21421 an invalid Phone Number SID
	// (https://www.twilio.com/docs/api/errors/21421), 21712 a number in another Messaging Service
	// (https://www.twilio.com/docs/api/errors/21712).
	"messaging_v1.CreateService":     append([]int{20002, 90007, 21713}, urlFieldCodes...),
	"messaging_v1.UpdateService":     append([]int{20002, 90007, 21713}, urlFieldCodes...),
	"messaging_v1.CreatePhoneNumber": {21421, 21712},
	"messaging_v1.CreateShortCode":   {21421, 21712},
	// Trust Hub bundles: 60711 "Once a Customer Profile is in review or approved, you cannot edit it"
	// (https://www.twilio.com/docs/api/errors/60711): updates and entity assignments of a bundle in review.
	"trusthub_v1.UpdateCustomerProfile":                 {60711},
	"trusthub_v1.CreateCustomerProfileEntityAssignment": {60711},
	"trusthub_v1.DeleteCustomerProfileEntityAssignment": {60711},
	"trusthub_v1.UpdateTrustProduct":                    {60711},
	"trusthub_v1.CreateTrustProductEntityAssignment":    {60711},
	"trusthub_v1.DeleteTrustProductEntityAssignment":    {60711},
}

// documentedCode reports whether Twilio documents code as an answer of operation ("" when no operation
// matched: only the codes of every operation then).
func documentedCode(operation string, code int) bool {
	lists := [][]int{everyOperationCodes, operationCodes[operation]}
	if i := strings.IndexByte(operation, '.'); i >= 0 && strings.HasPrefix(operation[i+1:], "List") {
		lists = append(lists, listCodes)
	}
	for _, l := range lists {
		for _, c := range l {
			if c == code {
				return true
			}
		}
	}
	return false
}
