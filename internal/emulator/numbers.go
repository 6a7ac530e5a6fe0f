package emulator

import (
	"net/http"
	"net/url"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

// numberJSON is api.v2010.account.incoming_phone_number.
type numberJSON struct {
	AccountSid             string            `json:"account_sid"`
	AddressSid             *string           `json:"address_sid"`
	AddressRequirements    string            `json:"address_requirements"`
	APIVersion             string            `json:"api_version"`
	Beta                   bool              `json:"beta"`
	Capabilities           Capabilities      `json:"capabilities"`
	DateCreated            string            `json:"date_created"`
	DateUpdated            string            `json:"date_updated"`
	FriendlyName           string            `json:"friendly_name"`
	IdentitySid            *string           `json:"identity_sid"`
	PhoneNumber            string            `json:"phone_number"`
	Origin                 string            `json:"origin"`
	Sid                    string            `json:"sid"`
	SmsApplicationSid      string            `json:"sms_application_sid"`
	SmsFallbackMethod      string            `json:"sms_fallback_method"`
	SmsFallbackURL         *string           `json:"sms_fallback_url"`
	SmsMethod              string            `json:"sms_method"`
	SmsURL                 *string           `json:"sms_url"`
	StatusCallback         *string           `json:"status_callback"`
	StatusCallbackMethod   string            `json:"status_callback_method"`
	TrunkSid               *string           `json:"trunk_sid"`
	URI                    string            `json:"uri"`
	VoiceReceiveMode       string            `json:"voice_receive_mode"`
	VoiceApplicationSid    string            `json:"voice_application_sid"`
	VoiceCallerIDLookup    bool              `json:"voice_caller_id_lookup"`
	VoiceFallbackMethod    string            `json:"voice_fallback_method"`
	VoiceFallbackURL       *string           `json:"voice_fallback_url"`
	VoiceMethod            string            `json:"voice_method"`
	VoiceURL               *string           `json:"voice_url"`
	EmergencyStatus        string            `json:"emergency_status"`
	EmergencyAddressSid    *string           `json:"emergency_address_sid"`
	EmergencyAddressStatus string            `json:"emergency_address_status"`
	BundleSid              *string           `json:"bundle_sid"`
	Status                 string            `json:"status"`
	SubresourceURIs        map[string]string `json:"subresource_uris"`
}

func renderNumber(n *IncomingNumber) any {
	uri := apiPrefix + "Accounts/" + n.AccountSid + "/IncomingPhoneNumbers/" + n.Sid
	emergencyAddress := n.EmergencyAddressStatus
	if emergencyAddress == "" {
		emergencyAddress = emergencyUnregistered
	}
	return numberJSON{
		AccountSid: n.AccountSid, AddressSid: nullable(n.AddressSid), AddressRequirements: addressRequirement(n.PhoneNumber),
		APIVersion: n.APIVersion, Capabilities: n.Capabilities,
		DateCreated: fmt2822(n.DateCreated), DateUpdated: fmt2822(n.DateUpdated),
		FriendlyName: n.FriendlyName, IdentitySid: nullable(n.IdentitySid), PhoneNumber: n.PhoneNumber,
		Origin: "twilio", Sid: n.Sid,
		SmsApplicationSid: n.SmsApplicationSid, SmsFallbackMethod: n.SmsFallbackMethod,
		SmsFallbackURL: nullable(n.SmsFallbackURL), SmsMethod: n.SmsMethod, SmsURL: nullable(n.SmsURL),
		StatusCallback: nullable(n.StatusCallback), StatusCallbackMethod: n.StatusCallbackMethod,
		TrunkSid: nullable(n.TrunkSid), URI: uri + ".json", VoiceReceiveMode: n.VoiceReceiveMode,
		VoiceApplicationSid: n.VoiceApplicationSid, VoiceCallerIDLookup: n.VoiceCallerIDLookup,
		VoiceFallbackMethod: n.VoiceFallbackMethod, VoiceFallbackURL: nullable(n.VoiceFallbackURL),
		VoiceMethod: n.VoiceMethod, VoiceURL: nullable(n.VoiceURL),
		EmergencyStatus: n.EmergencyStatus, EmergencyAddressSid: nullable(n.EmergencyAddressSid),
		EmergencyAddressStatus: emergencyAddress, BundleSid: nullable(n.BundleSid), Status: "in-use",
		SubresourceURIs: map[string]string{"assigned_add_ons": uri + "/AssignedAddOns.json"},
	}
}

// bindNumber applies the parameters that create and update share.
func bindNumber(b *binder, n *IncomingNumber) {
	b.enum("ApiVersion", &n.APIVersion, "2010-04-01", "2008-08-01")
	b.friendlyName(&n.FriendlyName, displayName(n.PhoneNumber))
	b.sid("SmsApplicationSid", "AP", &n.SmsApplicationSid)
	b.method("SmsFallbackMethod", &n.SmsFallbackMethod)
	b.url("SmsFallbackUrl", &n.SmsFallbackURL)
	b.method("SmsMethod", &n.SmsMethod)
	b.url("SmsUrl", &n.SmsURL)
	b.url("StatusCallback", &n.StatusCallback)
	b.method("StatusCallbackMethod", &n.StatusCallbackMethod)
	b.sid("VoiceApplicationSid", "AP", &n.VoiceApplicationSid)
	b.boolean("VoiceCallerIdLookup", &n.VoiceCallerIDLookup)
	b.method("VoiceFallbackMethod", &n.VoiceFallbackMethod)
	b.url("VoiceFallbackUrl", &n.VoiceFallbackURL)
	b.method("VoiceMethod", &n.VoiceMethod)
	b.url("VoiceUrl", &n.VoiceURL)
	// A client's EmergencyStatus is ignored since 2021-10-06: "Attempting to set the EmergencyStatus to
	// Active or Inactive will be ignored" (https://www.twilio.com/changelog/changes-to-the-emergency-calling-api);
	// it is still one of the two values the spec allows.
	var ignoredEmergencyStatus string
	b.enum("EmergencyStatus", &ignoredEmergencyStatus, "Active", "Inactive")
	b.sid("EmergencyAddressSid", "AD", &n.EmergencyAddressSid)
	b.sid("TrunkSid", "TK", &n.TrunkSid)
	b.sid("IdentitySid", "RI", &n.IdentitySid)
	b.sid("AddressSid", "AD", &n.AddressSid)
	b.enum("VoiceReceiveMode", &n.VoiceReceiveMode, "voice", "fax")
	b.sid("BundleSid", "BU", &n.BundleSid)
}

// checkApps verifies that the application SIDs a request sets name
// applications of the account that owns the number.
func (e *Emulator) checkApps(n *IncomingNumber, form url.Values) *apiError {
	for name, sid := range map[string]string{"VoiceApplicationSid": n.VoiceApplicationSid, "SmsApplicationSid": n.SmsApplicationSid} {
		if a := e.st.apps[sid]; form.Has(name) && sid != "" && (a == nil || a.AccountSid != n.AccountSid) {
			return badRequest(codeInvalidAppSid, "%s %s is not an application of account %s", name, sid, n.AccountSid)
		}
	}
	return nil
}

func (e *Emulator) numberIn(c *call) (*IncomingNumber, *apiError) {
	n, err := findIn(c, e.st.numbers, c.params["Sid"], func(n *IncomingNumber) bool { return n.AccountSid == c.target.Sid })
	if err == nil {
		e.settleEmergency(n)
	}
	return n, err
}

func (e *Emulator) listNumbers(c *call) result {
	pg, err := parsePage(c.form)
	if err != nil {
		return result{err: err}
	}
	number, name := c.form.Get("PhoneNumber"), c.form.Get("FriendlyName")
	all := sorted(e.st.numbers, func(n *IncomingNumber) bool {
		e.settleEmergency(n)
		return n.AccountSid == c.target.Sid && containsPattern(n.PhoneNumber, number) &&
			(name == "" || n.FriendlyName == name)
	})
	p := paginate(all, func(n *IncomingNumber) string { return n.Sid }, pg)
	f := filters{{"FriendlyName", name}, {"Beta", c.form.Get("Beta")}, {"PhoneNumber", number}, {"Origin", c.form.Get("Origin")}}
	return result{status: http.StatusOK, body: list2010(c, "incoming_phone_numbers", f, pg, p, renderNumber)}
}

// pickNumber chooses the number a purchase asks for: PhoneNumber if given,
// else the first free number of AreaCode.
func (e *Emulator) pickNumber(c *call) (string, *apiError) {
	if c.form.Has("PhoneNumber") {
		number := c.form.Get("PhoneNumber")
		switch {
		case !isE164(number) || number == magicInvalid:
			return "", badRequest(codeInvalidPhone, "PhoneNumber %q is invalid; use E.164 such as +14155550100", number)
		case number == magicUnavailable || !inStock(number) || e.owned(number):
			// https://www.twilio.com/docs/errors/21422: Twilio does not own the number, or it is
			// reserved for (here: owned by) another account.
			return "", badRequest(codeNumberUnavailable, "PhoneNumber requested is not available: %s", number)
		}
		return number, nil
	}
	areaCode := c.form.Get("AreaCode")
	switch {
	case areaCode == "":
		return "", missingParam("PhoneNumber or AreaCode")
	case !areaCodePattern.MatchString(areaCode):
		return "", badRequest(codeInvalidAreaCode, "AreaCode %q is invalid; use a 3-digit US or Canadian area code", areaCode)
	}
	nums, _ := candidates("US", "Local", areaCode)
	for _, n := range nums {
		if !e.owned(n) {
			return n, nil
		}
	}
	return "", badRequest(codeNoNumbersInArea, "No phone numbers found in area code %s", areaCode)
}

func (e *Emulator) createNumber(c *call) result {
	number, err := e.pickNumber(c)
	if err != nil {
		return result{err: err}
	}
	t := now()
	// Twilio defaults every webhook method to POST.
	n := &IncomingNumber{
		Sid: newSID("PN"), AccountSid: c.target.Sid, PhoneNumber: number, FriendlyName: displayName(number),
		APIVersion: "2010-04-01", Capabilities: capabilitiesOf(number),
		VoiceMethod: "POST", VoiceFallbackMethod: "POST", StatusCallbackMethod: "POST",
		SmsMethod: "POST", SmsFallbackMethod: "POST", VoiceReceiveMode: "voice", EmergencyStatus: "Inactive",
		EmergencyAddressStatus: emergencyUnregistered, stamp: stamp{DateCreated: t, DateUpdated: t},
	}
	b := binder{form: c.form}
	bindNumber(&b, n)
	if b.err != nil {
		return result{err: b.err}
	}
	if err := e.checkApps(n, c.form); err != nil {
		return result{err: err}
	}
	if err := e.checkNumberBundle(n, c.form, true); err != nil {
		return result{err: err}
	}
	if err := e.checkNumberAddresses(n, c.form, true, false); err != nil {
		return result{err: err}
	}
	if err := e.changeEmergency(nil, n); err != nil {
		return result{err: err}
	}
	return created(e, e.st.numbers, n.Sid, n, func() any { return renderNumber(n) })
}

// numberKind fetches an account's numbers; updateNumber and deleteNumber have rules of their own.
var numberKind = objectKind[IncomingNumber, *IncomingNumber]{
	find:   (*Emulator).numberIn,
	render: func(_ *Emulator, _ *call, n *IncomingNumber) any { return renderNumber(n) },
}

// updateNumber updates a number and, when AccountSid names another account of
// the same family, moves it there in place: same SID and number, new owner.
func (e *Emulator) updateNumber(c *call) result {
	n, err := e.numberIn(c)
	if err != nil {
		return result{err: err}
	}
	next := *n
	if dest := c.form.Get("AccountSid"); c.form.Has("AccountSid") && dest != n.AccountSid {
		if err := e.checkTransfer(c, n, dest); err != nil {
			return result{err: err}
		}
		// Applications and trunks belong to the old account, so a moved
		// number cannot keep pointing at them; the same request may name
		// resources of the new account.
		// ASSUMPTION(move-clears-references): Twilio does not document what
		// a move does to them. The provider moves first and then sets every
		// reference the configuration changes in the new account, so its
		// result is the same whether Twilio clears or keeps them.
		next.AccountSid = dest
		if !e.alternative(AltMoveKeepsReferences) {
			next.VoiceApplicationSid, next.SmsApplicationSid, next.TrunkSid = "", "", ""
			// Addresses are the old account's too (an address "can be used for any phone numbers
			// purchased on that account", https://www.twilio.com/docs/usage/api/address).
			next.AddressSid, next.EmergencyAddressSid, next.EmergencyStatus = "", "", "Inactive"
		}
		// The bundle is the old account's too: a regulated number moves only with a bundle of the account
		// "that will be receiving the phone number" (checkNumberBundle, numbers_move.go).
		next.BundleSid = ""
	}
	b := binder{form: c.form}
	bindNumber(&b, &next)
	if b.err != nil {
		return result{err: b.err}
	}
	if err := e.checkApps(&next, c.form); err != nil {
		return result{err: err}
	}
	moving := next.AccountSid != n.AccountSid
	if err := e.checkNumberBundle(&next, c.form, moving); err != nil {
		return result{err: moveError(err, moving)}
	}
	if err := e.checkNumberAddresses(&next, c.form, false, moving); err != nil {
		return result{err: moveError(err, moving)}
	}
	if err := e.changeEmergency(n, &next); err != nil {
		return result{err: err}
	}
	next.DateUpdated = touched(n.DateUpdated)
	*n = next
	return result{status: http.StatusOK, body: renderNumber(n)}
}

// checkTransfer allows moving a number only within one account family (a
// main account and its subaccounts), to an active account, by the parent
// (https://www.twilio.com/docs/iam/api/subaccounts#exchanging-numbers and
// the error pages cited below).
func (e *Emulator) checkTransfer(c *call, n *IncomingNumber, destSid string) *apiError {
	if !sids.Valid("AC", destSid) {
		return badRequest(codeInvalidParameter, "AccountSid must be an Account SID, not %q", destSid)
	}
	p := c.p
	// https://www.twilio.com/docs/errors/21474: "The API user can not be a subaccount, must be a
	// parent account to transfer phone numbers between parent and child accounts."
	if !p.account.IsMain() {
		return badRequest(codeTransferNotParent, "API User must be the parent account to transfer phone numbers: "+
			"%s is a subaccount; use the credentials of its parent account", p.account.Sid)
	}
	// ASSUMPTION(move-with-key): Twilio does not say whether a parent's API key may transfer numbers. The emulator
	// refuses keys (403/20003, as for every key outside its own account); the provider moves numbers
	// with whatever credentials it has and its hint for 20003 names the auth token, so either answer
	// ends in a clear error or a move.
	if p.key != nil {
		return forbidden("Transferring %s to %s needs credentials that reach both accounts: "+
			"use the main account's auth token", n.PhoneNumber, destSid)
	}
	src, dest := e.st.accounts[n.AccountSid], e.st.accounts[destSid]
	// https://www.twilio.com/docs/errors/21473: the destination "is neither parent nor child of the
	// originating Account owner". A main account is its own owner, so two accounts are of one family
	// exactly when their owners are the same. An unknown SID is no relative either.
	if dest == nil || dest.OwnerAccountSid != src.OwnerAccountSid {
		return badRequest(codeTransferUnrelated, "AccountSid %s you are transferring to is not related to %s, "+
			"the owner of %s; numbers move only between a main account and its subaccounts", destSid, n.AccountSid, n.PhoneNumber)
	}
	// https://www.twilio.com/docs/errors/21472: "The AccountSid you specified is not an active Twilio Account."
	if dest.Status != StatusActive {
		return badRequest(codeTransferInactive, "Account is not active: %s is %s; a phone number can only be "+
			"transferred to an active account", destSid, dest.Status)
	}
	return nil
}

// deleteNumber releases the number.
//
// ASSUMPTION(release-returns): the number returns to the inventory at once;
// Twilio may never sell it again. The provider never relies on buying a
// released number back.
func (e *Emulator) deleteNumber(c *call) result {
	n, err := e.numberIn(c)
	if err != nil {
		return result{err: err}
	}
	if err := e.checkRelease(n); err != nil {
		return result{err: err}
	}
	delete(e.st.numbers, n.Sid)
	return result{status: http.StatusNoContent}
}
