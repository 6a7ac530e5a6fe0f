package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// A2P 10DLC brand registrations, Messaging v1 /v1/a2p/BrandRegistrations
// (https://www.twilio.com/docs/messaging/api/brand-registration-resource): a brand is registered from an
// approved secondary customer profile and an approved A2P trust product, then reviewed by The Campaign
// Registry (TCR) and Twilio. Twilio has no DELETE for a brand and charges a fee per registration. Secondary
// vetting (/Vettings) and the sole-proprietor OTP (/SmsOtp) are not modelled: the provider does not call them.

// Brand statuses, Twilio's spelling (brand_registrations_enum_status).
const (
	BrandPending  = "PENDING"
	BrandApproved = "APPROVED"
	BrandFailed   = "FAILED"
)

// brandTypes are the brand types Twilio documents ("A2P 10DLC Brand Registration",
// https://www.twilio.com/docs/trust-hub/registrations/a2p-10dlc-brand: sole proprietor, low-volume standard
// and standard brands).
//
// ASSUMPTION(a2p-brand-type-lvs): the API's own description of BrandType names only STANDARD and
// SOLE_PROPRIETOR; the emulator also takes LOW_VOLUME_STANDARD, the third type Twilio's brand page lists.
// The provider is safe either way: a refused brand type fails the create before anything is registered
// (a 400 makes no brand and costs nothing), and the error quotes Twilio's message.
var brandTypes = []string{"STANDARD", "LOW_VOLUME_STANDARD", "SOLE_PROPRIETOR"}

// BrandRegistration is a Messaging v1 A2P brand registration (SID prefix BN).
type BrandRegistration struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	// CustomerProfileBundleSid and A2PProfileBundleSid are the approved customer profile and A2P trust
	// product (TrustBundle) it was registered from; Status is Twilio's spelling (brand_registrations_enum_status: PENDING, APPROVED, FAILED…).
	CustomerProfileBundleSid string `json:"customer_profile_bundle_sid"`
	A2PProfileBundleSid      string `json:"a2p_profile_bundle_sid"`
	Status                   string `json:"status"`
	BrandType                string `json:"brand_type"`
	Mock                     bool   `json:"mock"`
	SkipAutomaticSecVet      bool   `json:"skip_automatic_sec_vet"`
	// TcrID, IdentityStatus and BrandScore come with an approval; FailureReason with a rejection.
	TcrID          string `json:"tcr_id"`
	IdentityStatus string `json:"identity_status"`
	BrandScore     int    `json:"brand_score"`
	FailureReason  string `json:"failure_reason"`
	review         *review
	stamp
}

func (x *BrandRegistration) owner() string            { return x.AccountSid }
func (x *BrandRegistration) clone() BrandRegistration { return *x }

var brandRoutes = []*route{
	{productMessaging, []string{"v1", "a2p", "BrandRegistrations"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listBrands, http.MethodPost: (*Emulator).createBrand}},
	{productMessaging, []string{"v1", "a2p", "BrandRegistrations", "{Sid}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: brandKind.fetch, http.MethodPost: (*Emulator).updateBrand}},
}

func init() { routes = append(routes, brandRoutes...) }

type brandJSON struct {
	Sid                      string            `json:"sid"`
	AccountSid               string            `json:"account_sid"`
	CustomerProfileBundleSid string            `json:"customer_profile_bundle_sid"`
	A2PProfileBundleSid      string            `json:"a2p_profile_bundle_sid"`
	BrandType                string            `json:"brand_type"`
	Status                   string            `json:"status"`
	TcrID                    *string           `json:"tcr_id"`
	FailureReason            *string           `json:"failure_reason"`
	Errors                   []map[string]any  `json:"errors"`
	BrandScore               *int              `json:"brand_score"`
	BrandFeedback            []string          `json:"brand_feedback"`
	IdentityStatus           string            `json:"identity_status"`
	Russell3000              bool              `json:"russell_3000"`
	GovernmentEntity         bool              `json:"government_entity"`
	TaxExemptStatus          *string           `json:"tax_exempt_status"`
	SkipAutomaticSecVet      bool              `json:"skip_automatic_sec_vet"`
	Mock                     bool              `json:"mock"`
	Links                    map[string]string `json:"links"`
	v1Meta
}

// renderBrand settles the brand's review first: every read shows the reviewers' latest word.
func (e *Emulator) renderBrand(c *call, b *BrandRegistration) any {
	e.settleBrand(b)
	url := c.base + "/v1/a2p/BrandRegistrations/" + b.Sid
	out := brandJSON{
		Sid: b.Sid, AccountSid: b.AccountSid, CustomerProfileBundleSid: b.CustomerProfileBundleSid,
		A2PProfileBundleSid: b.A2PProfileBundleSid, BrandType: b.BrandType, Status: b.Status,
		TcrID: nullable(b.TcrID), FailureReason: nullable(b.FailureReason), Errors: []map[string]any{},
		IdentityStatus: b.IdentityStatus, SkipAutomaticSecVet: b.SkipAutomaticSecVet, Mock: b.Mock,
		Links:  map[string]string{"brand_vettings": url + "/Vettings", "brand_registration_otps": url + "/SmsOtp"},
		v1Meta: b.metaAt(url),
	}
	if b.BrandScore > 0 {
		score := b.BrandScore
		out.BrandScore = &score
	}
	// ASSUMPTION(a2p-brand-errors-shape): the spec types errors as a list of objects without their fields;
	// the emulator gives each a code and a description, as Twilio's brand-failure event does
	// (https://www.twilio.com/docs/events/event-types/a2p/brand-registration). The provider reads the
	// deprecated failure_reason first and keeps any other shape whole, so it quotes the reason either way.
	if b.FailureReason != "" {
		out.Errors = []map[string]any{{"code": codeBrandFailed, "description": b.FailureReason}}
	}
	return out
}

// codeBrandFailed is the general brand registration failure (https://www.twilio.com/docs/api/errors/30792),
// quoted in a rejected brand's errors.
const codeBrandFailed = 30792

// settleBrand moves a pending brand to the reviewers' verdict, once there is one.
func (e *Emulator) settleBrand(b *BrandRegistration) {
	if b.Status != BrandPending {
		return
	}
	decided, approved, reason := e.verdict(b.review)
	if !decided {
		return
	}
	b.touch()
	if approved {
		b.Status, b.IdentityStatus, b.TcrID = BrandApproved, "VERIFIED", "B"+strings.ToUpper(newSID("")[:6])
		if !b.SkipAutomaticSecVet && b.BrandType != "SOLE_PROPRIETOR" {
			// Automatic secondary vetting gives a score (the spec's brand_score).
			b.BrandScore = 75
		}
		return
	}
	b.Status, b.FailureReason = BrandFailed, reason
}

// brandIn finds the calling account's brand the path names.
func (e *Emulator) brandIn(c *call) (*BrandRegistration, *apiError) {
	return findIn(c, e.st.msg.brands, c.params["Sid"], func(b *BrandRegistration) bool { return b.AccountSid == c.target.Sid })
}

func (e *Emulator) listBrands(c *call) result {
	all := sorted(e.st.msg.brands, func(b *BrandRegistration) bool { return b.AccountSid == c.target.Sid })
	return listed(c, listV1, "data", nil, all,
		func(b *BrandRegistration) string { return b.Sid }, func(b *BrandRegistration) any { return e.renderBrand(c, b) })
}

// brandKind fetches an account's brand registrations; updateBrand (a resubmission) has rules of its own.
var brandKind = objectKind[BrandRegistration, *BrandRegistration]{
	find:   (*Emulator).brandIn,
	render: func(e *Emulator, c *call, b *BrandRegistration) any { return e.renderBrand(c, b) },
}

// createBrand registers a brand from the account's approved customer profile and A2P trust product.
//
// A brand needs a twilio-approved secondary customer profile and A2P trust product of the same account
// ("A2P 10DLC - Standard and Low-Volume Standard Brand Onboarding Guide for ISVs",
// https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api: the brand is created
// once both are approved).
//
// ASSUMPTION(a2p-brand-bundle-refusal): Twilio does not document the answer to a brand whose bundles are
// missing or not approved; the emulator answers 400 with the generic invalid-parameter code 20001. The
// provider treats any 4xx of the create as "nothing registered" and reports it, which is right under any
// code: a refused request makes no brand.
func (e *Emulator) createBrand(c *call) result {
	for _, name := range []string{"CustomerProfileBundleSid", "A2PProfileBundleSid"} {
		if c.form.Get(name) == "" {
			return result{err: missingParam(name)}
		}
	}
	t := now()
	b := &BrandRegistration{Sid: newSID("BN"), AccountSid: c.target.Sid, Status: BrandPending, BrandType: "STANDARD",
		// SELF_DECLARED until TCR verifies the brand (the spec's example of a new brand).
		IdentityStatus: "SELF_DECLARED",
		stamp:          stamp{DateCreated: t, DateUpdated: t}}
	bind := binder{form: c.form}
	bind.sid("CustomerProfileBundleSid", "BU", &b.CustomerProfileBundleSid)
	bind.sid("A2PProfileBundleSid", "BU", &b.A2PProfileBundleSid)
	bind.enum("BrandType", &b.BrandType, brandTypes...)
	bind.boolean("Mock", &b.Mock)
	bind.boolean("SkipAutomaticSecVet", &b.SkipAutomaticSecVet)
	if bind.err != nil {
		return result{err: bind.err}
	}
	for _, ref := range []struct{ param, sid string }{
		{"CustomerProfileBundleSid", b.CustomerProfileBundleSid}, {"A2PProfileBundleSid", b.A2PProfileBundleSid},
	} {
		if err := e.approvedTrustBundle(c, ref.param, ref.sid); err != nil {
			return result{err: err}
		}
	}
	b.review = e.submitForReview(ReviewBrand)
	return created(e, e.st.msg.brands, b.Sid, b, func() any { return e.renderBrand(c, b) })
}

// approvedTrustBundle refuses a customer profile or trust product that is not the calling account's, or
// not twilio-approved.
func (e *Emulator) approvedTrustBundle(c *call, param, sid string) *apiError {
	// trustBundleStatus settles a review whose verdict is due before the status is judged.
	switch status := e.trustBundleStatus(c.target.Sid, sid); status {
	case "":
		return badRequest(codeInvalidParameter, "%s %s is not a customer profile or trust product of account %s", param, sid, c.target.Sid)
	case TrustApproved:
		return nil
	default:
		return badRequest(codeInvalidParameter, "%s %s is %s; a brand needs it twilio-approved", param, sid, status)
	}
}

// updateBrand resubmits a FAILED brand for review once its bundles are fixed: Twilio's update takes no
// parameters (UpdateBrandRegistrations) and its troubleshooting guide resubmits a failed brand this way
// (https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/troubleshooting-a2p-brands).
//
// ASSUMPTION(a2p-brand-resubmit-refusal): Twilio does not document the answer to resubmitting a brand that
// has not failed; the emulator answers 400 (20001). The provider never resubmits a brand.
func (e *Emulator) updateBrand(c *call) result {
	b, err := e.brandIn(c)
	if err != nil {
		return result{err: err}
	}
	e.settleBrand(b)
	if b.Status != BrandFailed {
		return result{err: badRequest(codeInvalidParameter, "Brand %s is %s; only a FAILED brand can be resubmitted", b.Sid, b.Status)}
	}
	b.Status, b.FailureReason, b.review = BrandPending, "", e.submitForReview(ReviewBrand)
	b.touch()
	// 202: the resubmission is accepted for review (the spec's only answer).
	return result{status: http.StatusAccepted, body: e.renderBrand(c, b)}
}

// String describes the brand for test failures.
func (x *BrandRegistration) String() string {
	return fmt.Sprintf("brand %s (%s, %s)", x.Sid, x.BrandType, x.Status)
}
