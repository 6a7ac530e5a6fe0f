package emulator

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// Toll-free verifications, Messaging v1 /v1/Tollfree/Verifications
// (https://www.twilio.com/docs/messaging/api/tollfree-verification-resource): the business details behind a
// toll-free number that sends texts, reviewed before the number may send at full volume.

// Toll-free verification statuses, Twilio's spelling (tollfree_verification_enum_status).
const (
	TollfreePendingReview = "PENDING_REVIEW"
	TollfreeInReview      = "IN_REVIEW"
	TollfreeApproved      = "TWILIO_APPROVED"
	TollfreeRejected      = "TWILIO_REJECTED"
)

// tollfreeEditWindow: "a rejected verification isn't corrected and resubmitted within the seven-day edit
// window" (https://www.twilio.com/docs/api/errors/30824).
const tollfreeEditWindow = 7 * 24 * time.Hour

var tollfreeOptInTypes = []string{"VERBAL", "WEB_FORM", "PAPER_FORM", "VIA_TEXT", "MOBILE_QR_CODE", "IMPORT", "IMPORT_PLEASE_REPLACE"}

// TollfreeVerification is a Messaging v1 toll-free verification (SID prefix HH).
type TollfreeVerification struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	// TollfreePhoneNumberSid is the verified number; Fields holds the business details as sent (form names).
	TollfreePhoneNumberSid string              `json:"tollfree_phone_number_sid"`
	CustomerProfileSid     string              `json:"customer_profile_sid"`
	ExternalReferenceID    string              `json:"external_reference_id"`
	Fields                 map[string]string   `json:"fields"`
	Lists                  map[string][]string `json:"lists"`
	Status                 string              `json:"status"`
	RejectionReason        string              `json:"rejection_reason"`
	RejectedAt             time.Time           `json:"rejected_at"`
	review                 *review
	stamp
}

func (x *TollfreeVerification) owner() string { return x.AccountSid }
func (x *TollfreeVerification) clone() TollfreeVerification {
	c := *x
	c.Fields = map[string]string{}
	for k, v := range x.Fields {
		c.Fields[k] = v
	}
	c.Lists = map[string][]string{}
	for k, v := range x.Lists {
		c.Lists[k] = slices.Clone(v)
	}
	return c
}

// tollfreeStrings and tollfreeLists are the business details the create and the update take; the JSON
// name of each is its snake_case form.
var (
	tollfreeStrings = map[string]string{
		"BusinessName": "business_name", "BusinessWebsite": "business_website", "NotificationEmail": "notification_email",
		"UseCaseSummary": "use_case_summary", "ProductionMessageSample": "production_message_sample",
		"OptInType": "opt_in_type", "MessageVolume": "message_volume", "BusinessStreetAddress": "business_street_address",
		"BusinessStreetAddress2": "business_street_address2", "BusinessCity": "business_city",
		"BusinessStateProvinceRegion": "business_state_province_region", "BusinessPostalCode": "business_postal_code",
		"BusinessCountry": "business_country", "AdditionalInformation": "additional_information",
		"BusinessContactFirstName": "business_contact_first_name", "BusinessContactLastName": "business_contact_last_name",
		"BusinessContactEmail": "business_contact_email", "BusinessContactPhone": "business_contact_phone",
	}
	tollfreeLists = map[string]string{"UseCaseCategories": "use_case_categories", "OptInImageUrls": "opt_in_image_urls"}
)

var tollfreeRoutes = []*route{
	{productMessaging, []string{"v1", "Tollfree", "Verifications"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listTollfree, http.MethodPost: (*Emulator).createTollfree}},
	{productMessaging, []string{"v1", "Tollfree", "Verifications", "{Sid}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: tollfreeKind.fetch, http.MethodPost: (*Emulator).updateTollfree,
		http.MethodDelete: tollfreeKind.delete}},
}

func init() { routes = append(routes, tollfreeRoutes...) }

func (e *Emulator) renderTollfree(c *call, v *TollfreeVerification) any {
	e.settleTollfree(v)
	url := c.base + "/v1/Tollfree/Verifications/" + v.Sid
	out := map[string]any{
		"sid": v.Sid, "account_sid": v.AccountSid, "tollfree_phone_number_sid": v.TollfreePhoneNumberSid,
		"customer_profile_sid": nullable(v.CustomerProfileSid), "trust_product_sid": nil, "regulated_item_sid": nil,
		"external_reference_id": nullable(v.ExternalReferenceID), "status": v.Status,
		"rejection_reason": nullable(v.RejectionReason), "rejection_reasons": nil, "error_code": nil,
		"edit_allowed": nil, "edit_expiration": nil, "resource_links": map[string]any{}, "url": url,
		"date_created": fmtISO(v.DateCreated), "date_updated": fmtISO(v.DateUpdated),
	}
	for form, name := range tollfreeStrings {
		out[name] = nullable(v.Fields[form])
	}
	for form, name := range tollfreeLists {
		out[name] = orEmpty(v.Lists[form])
	}
	if v.Status == TollfreeRejected {
		until := v.RejectedAt.Add(tollfreeEditWindow)
		out["edit_allowed"], out["edit_expiration"] = time.Now().Before(until), fmtISO(until)
		out["error_code"] = codeTollfreeRejected
	}
	return out
}

// codeTollfreeRejected is a toll-free verification rejection's error code
// (https://www.twilio.com/docs/api/errors/30824 is one of the family; the emulator gives every rejection this one).
const codeTollfreeRejected = 30824

// settleTollfree moves a submitted verification to IN_REVIEW when it is first read, then to the reviewers'
// verdict.
func (e *Emulator) settleTollfree(v *TollfreeVerification) {
	if v.Status != TollfreePendingReview && v.Status != TollfreeInReview {
		return
	}
	decided, approved, reason := e.verdict(v.review)
	switch {
	case !decided:
		if v.Status == TollfreePendingReview {
			v.Status = TollfreeInReview
			v.touch()
		}
	case approved:
		v.Status = TollfreeApproved
		v.touch()
	default:
		v.Status, v.RejectionReason, v.RejectedAt = TollfreeRejected, reason, now()
		v.touch()
	}
}

func (e *Emulator) tollfreeIn(c *call) (*TollfreeVerification, *apiError) {
	return findIn(c, e.st.msg.tollfree, c.params["Sid"], func(v *TollfreeVerification) bool { return v.AccountSid == c.target.Sid })
}

func (e *Emulator) listTollfree(c *call) result {
	pn := c.form.Get("TollfreePhoneNumberSid")
	all := sorted(e.st.msg.tollfree, func(v *TollfreeVerification) bool {
		return v.AccountSid == c.target.Sid && (pn == "" || v.TollfreePhoneNumberSid == pn)
	})
	var f filters
	if pn != "" {
		f = filters{{"TollfreePhoneNumberSid", pn}}
	}
	return listed(c, listV1, "verifications", f, all,
		func(v *TollfreeVerification) string { return v.Sid }, func(v *TollfreeVerification) any { return e.renderTollfree(c, v) })
}

// bindTollfree applies the business details of a create or an update.
func bindTollfree(c *call, v *TollfreeVerification) *apiError {
	for form := range tollfreeStrings {
		if c.form.Has(form) {
			v.Fields[form] = c.form.Get(form)
		}
	}
	for form := range tollfreeLists {
		if c.form.Has(form) {
			v.Lists[form] = slices.Clone(c.form[form])
		}
	}
	if t := v.Fields["OptInType"]; t != "" && !slices.Contains(tollfreeOptInTypes, t) {
		return badRequest(codeInvalidParameter, "OptInType %q is not one of the opt-in types", t)
	}
	return nil
}

// createTollfree submits a verification of a US or Canadian toll-free number the account owns (toll-free
// verification is for US and Canadian toll-free numbers:
// https://www.twilio.com/docs/messaging/compliance/toll-free/api-onboarding). The spec's required fields
// are checked by the conformance middleware's description; a missing one answers 400 (20001).
//
// ASSUMPTION(tollfree-number-refusal): Twilio does not document the answer to a verification of a number
// that is not the account's or not toll-free; the emulator answers 400 (20001). The provider stores nothing
// on a refused create.
func (e *Emulator) createTollfree(c *call) result {
	for _, name := range []string{"BusinessName", "BusinessWebsite", "NotificationEmail", "UseCaseCategories", "UseCaseSummary",
		"ProductionMessageSample", "OptInImageUrls", "OptInType", "MessageVolume", "TollfreePhoneNumberSid"} {
		if c.form.Get(name) == "" {
			return result{err: missingParam(name)}
		}
	}
	pn := c.form.Get("TollfreePhoneNumberSid")
	if n := e.st.numbers[pn]; n == nil || n.AccountSid != c.target.Sid || !isTollFree(n.PhoneNumber) || !strings.HasPrefix(n.PhoneNumber, "+1") {
		return result{err: badRequest(codeInvalidParameter, "TollfreePhoneNumberSid %s is not a toll-free number of account %s", pn, c.target.Sid)}
	}
	t := now()
	v := &TollfreeVerification{Sid: newSID("HH"), AccountSid: c.target.Sid, TollfreePhoneNumberSid: pn,
		CustomerProfileSid: c.form.Get("CustomerProfileSid"), ExternalReferenceID: c.form.Get("ExternalReferenceId"),
		Fields: map[string]string{}, Lists: map[string][]string{}, Status: TollfreePendingReview,
		stamp: stamp{DateCreated: t, DateUpdated: t}}
	if err := bindTollfree(c, v); err != nil {
		return result{err: err}
	}
	v.review = e.submitForReview(ReviewTollfree)
	return created(e, e.st.msg.tollfree, v.Sid, v, func() any { return e.renderTollfree(c, v) })
}

// updateTollfree edits a rejected verification within its seven-day edit window and resubmits it
// (https://www.twilio.com/docs/api/errors/30824: "update and resubmit the rejected verification within
// seven days").
//
// ASSUMPTION(tollfree-edit-rejected-only): Twilio documents edits of rejected verifications only; the
// emulator refuses any other edit with 400 (20001). The provider reports the refusal with what to do
// (replace the verification), and its update is correct under either outcome.
func (e *Emulator) updateTollfree(c *call) result {
	v, err := e.tollfreeIn(c)
	if err != nil {
		return result{err: err}
	}
	e.settleTollfree(v)
	if v.Status != TollfreeRejected || time.Now().After(v.RejectedAt.Add(tollfreeEditWindow)) {
		return result{err: badRequest(codeInvalidParameter, "Verification %s is %s; only a rejected verification can be edited, within seven days", v.Sid, v.Status)}
	}
	next := v.clone()
	if err := bindTollfree(c, &next); err != nil {
		return result{err: err}
	}
	*v = next
	v.Status, v.RejectionReason, v.review = TollfreePendingReview, "", e.submitForReview(ReviewTollfree)
	v.touch()
	return result{status: http.StatusAccepted, body: e.renderTollfree(c, v)}
}

// tollfreeKind serves an account's toll-free verifications; a delete withdraws one (the spec's
// DeleteTollfreeVerification). Only a rejected verification can be edited (updateTollfree).
var tollfreeKind = objectKind[TollfreeVerification, *TollfreeVerification]{
	find:   (*Emulator).tollfreeIn,
	render: func(e *Emulator, c *call, v *TollfreeVerification) any { return e.renderTollfree(c, v) },
	drop:   func(e *Emulator, v *TollfreeVerification) { delete(e.st.msg.tollfree, v.Sid) },
}
