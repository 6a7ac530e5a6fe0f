package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

// Regulatory compliance (Numbers v2, numbers.twilio.com): regulations, bundles and bundle clones, and the
// purchase rule they enforce on incoming numbers.
//
// Twilio reviews a submitted bundle by hand; nothing in its API approves one. The emulator's test control
// [Emulator.ReviewBundle] (POST /_emulator/bundles/{sid}/review) stands in for that review: it is not
// Twilio behaviour.

// Bundle statuses (https://www.twilio.com/docs/phone-numbers/regulatory/api/bundles#bundle-statuses).
const (
	BundleDraft                 = "draft"
	BundlePendingReview         = "pending-review"
	BundleInReview              = "in-review"
	BundleRejected              = "twilio-rejected"
	BundleApproved              = "twilio-approved"
	BundleProvisionallyApproved = "provisionally-approved"
)

// Bundle is a regulatory bundle of one account. Empty strings mean "not set"; a zero ValidUntil is null.
type Bundle struct {
	Sid            string    `json:"sid"`
	AccountSid     string    `json:"account_sid"`
	RegulationSid  string    `json:"regulation_sid"`
	FriendlyName   string    `json:"friendly_name"`
	Email          string    `json:"email"`
	StatusCallback string    `json:"status_callback"`
	Status         string    `json:"status"`
	ValidUntil     time.Time `json:"valid_until"`
	IsTest         bool      `json:"is_test"`
	stamp
}

// regulation is what a country's government requires for a number type and end-user type. A regulation
// is "unique per IsoCountry, NumberType, and EndUserType"
// (https://www.twilio.com/docs/phone-numbers/regulatory/getting-started/create-new-bundle-public-rest-apis).
type regulation struct {
	sid, friendlyName, isoCountry string
	// numberTypes are the number types the regulation covers; the first is the one it reports.
	numberTypes []string
	endUserType string
}

func (r *regulation) numberType() string { return r.numberTypes[0] }

// covers reports whether the regulation applies to numberType, Twilio's word for it ("national" is
// "local", "tollfree" is "toll-free").
func (r *regulation) covers(numberType string) bool {
	numberType = strings.ToLower(numberType)
	switch numberType {
	case "national":
		numberType = "local"
	case "tollfree":
		numberType = "toll-free"
	}
	return slices.Contains(r.numberTypes, numberType)
}

// regulations are the emulator's: the United Kingdom's, the only regulated country it stocks. Twilio
// describes four UK use cases, "Local/National PN" and "Mobile/Toll Free", each for individuals and
// businesses (https://www.twilio.com/docs/phone-numbers/regulatory/reading-regulations-for-the-uk-bundle),
// so a mobile bundle serves toll-free numbers and "national" finds the local regulation ("this value could
// also be national and would return identical regulation values", same page).
var regulations = []regulation{
	{"RN00000000000000000000000000000001", "United Kingdom: Local/National - Individual", "GB", []string{"local"}, "individual"},
	{"RN00000000000000000000000000000002", "United Kingdom: Local/National - Business", "GB", []string{"local"}, "business"},
	{"RN00000000000000000000000000000003", "United Kingdom: Mobile/Toll-Free - Individual", "GB", []string{"mobile", "toll-free"}, "individual"},
	{"RN00000000000000000000000000000004", "United Kingdom: Mobile/Toll-Free - Business", "GB", []string{"mobile", "toll-free"}, "business"},
}

func regulationBySid(sid string) *regulation {
	for i := range regulations {
		if strings.EqualFold(regulations[i].sid, sid) {
			return &regulations[i]
		}
	}
	return nil
}

// regulationFor is the regulation an IsoCountry, NumberType and EndUserType name, or nil.
func regulationFor(country, numberType, endUserType string) *regulation {
	for i := range regulations {
		r := &regulations[i]
		if strings.EqualFold(r.isoCountry, country) && r.covers(numberType) && r.endUserType == endUserType {
			return r
		}
	}
	return nil
}

// numberRegulation says which country and number type regulate a number, and whether buying it needs a
// bundle. "Provisioning new phone numbers with identity regulations through the Twilio
// /IncomingPhoneNumbers API now requires an approved BundleSid ... most phone numbers outside the US and
// Canada" (https://www.twilio.com/en-us/changelog/regulated-number-bundle-provisioning-requirement); UK
// numbers of every type have regulations (the UK page above). The emulator stocks no other regulated
// country.
func numberRegulation(number string) (country, numberType string, regulated bool) {
	switch {
	case strings.HasPrefix(number, "+44808"):
		return "GB", "toll-free", true
	case strings.HasPrefix(number, "+447"):
		return "GB", "mobile", true
	case strings.HasPrefix(number, "+44"):
		return "GB", "local", true
	}
	return "", "", false
}

// checkNumberBundle enforces the bundle rule on a number being bought or updated: a regulated number
// needs a bundle, and a bundle sent with a number must be "a compliant BundleSID that is valid for the
// phone number" (approved, of the number's account, for its country and type), or the request fails
// with 21649 (https://www.twilio.com/en-us/changelog/regulated-number-bundle-provisioning-requirement,
// https://www.twilio.com/docs/errors/21649).
//
// ASSUMPTION(provisional-bundle): Twilio documents "an approved BundleSid" without saying whether a
// provisionally-approved bundle counts. The emulator accepts only twilio-approved. The provider refuses at
// plan time only the statuses that are surely not approved and lets Twilio judge provisionally-approved,
// so it never blocks a purchase Twilio would allow; test: TestAccIncomingNumber_bundleNotApproved.
//
// ASSUMPTION(bundle-clear): Twilio does not say whether a regulated number's bundle can be removed. The
// emulator refuses (21649), as the number would no longer be compliant. The provider sends the removal
// like any other cleared reference and reports Twilio's answer, keeping the bundle in the state on
// refusal; test: TestAccIncomingNumber_bundleClearRefused.
func (e *Emulator) checkNumberBundle(n *IncomingNumber, form map[string][]string, creating bool) *apiError {
	_, sent := form["BundleSid"]
	if !creating && !sent {
		return nil
	}
	country, numberType, regulated := numberRegulation(n.PhoneNumber)
	if n.BundleSid == "" {
		if regulated {
			return badRequest(codeBundleRequired, "Phone Number Requires a Bundle: %s is a regulated %s %s number; "+
				"pass the BundleSid of a twilio-approved regulatory bundle of account %s for %s %s numbers",
				n.PhoneNumber, country, numberType, n.AccountSid, country, numberType)
		}
		return nil
	}
	b := e.st.bundles[n.BundleSid]
	e.expireBundle(b)
	switch {
	case b == nil || b.AccountSid != n.AccountSid:
		return badRequest(codeBundleRequired, "Bundle %s is not a bundle of account %s: a number takes a bundle of "+
			"its own account (clone a bundle into a subaccount with the Bundle Clones API)", n.BundleSid, n.AccountSid)
	case b.Status != BundleApproved:
		return badRequest(codeBundleRequired, "Bundle %s status is not twilio-approved (it is %s)", b.Sid, b.Status)
	}
	r := regulationBySid(b.RegulationSid)
	if r == nil || !regulated || !strings.EqualFold(r.isoCountry, country) || !r.covers(numberType) {
		want := "an unregulated number"
		if regulated {
			want = country + " " + numberType + " numbers"
		}
		have := "no regulation"
		if r != nil {
			have = r.isoCountry + " " + strings.Join(r.numberTypes, "/") + " numbers"
		}
		return badRequest(codeBundleRequired, "Bundle %s is not valid for %s: it is for %s, the number needs %s",
			b.Sid, n.PhoneNumber, have, want)
	}
	return nil
}

// bundleJSON is numbers.v2.regulatory_compliance.bundle.
type bundleJSON struct {
	Sid string `json:"sid"`
	bundleFields
	Links map[string]string `json:"links"`
}

// bundleFields are what a bundle and a clone's answer (numbers.v2.bundle_clone) hold alike after their SID.
type bundleFields struct {
	AccountSid     string  `json:"account_sid"`
	RegulationSid  *string `json:"regulation_sid"`
	FriendlyName   string  `json:"friendly_name"`
	Status         string  `json:"status"`
	ValidUntil     *string `json:"valid_until"`
	Email          string  `json:"email"`
	StatusCallback *string `json:"status_callback"`
	v1Meta
}

func bundleFieldsOf(b *Bundle, url string) bundleFields {
	return bundleFields{
		AccountSid: b.AccountSid, RegulationSid: nullable(b.RegulationSid), FriendlyName: b.FriendlyName,
		Status: b.Status, ValidUntil: fmtISO(b.ValidUntil), Email: b.Email, StatusCallback: nullable(b.StatusCallback),
		v1Meta: b.metaAt(url),
	}
}

const bundlesPath = "/v2/RegulatoryCompliance/Bundles"

func renderBundle(c *call, b *Bundle) any {
	url := c.base + bundlesPath + "/" + b.Sid
	return bundleJSON{
		Sid: b.Sid, bundleFields: bundleFieldsOf(b, url),
		Links: map[string]string{
			"evaluations": url + "/Evaluations", "item_assignments": url + "/ItemAssignments", "bundle_copies": url + "/Copies",
		},
	}
}

// regulationJSON is numbers.v2.regulatory_compliance.regulation.
type regulationJSON struct {
	Sid          string         `json:"sid"`
	FriendlyName string         `json:"friendly_name"`
	IsoCountry   string         `json:"iso_country"`
	NumberType   string         `json:"number_type"`
	EndUserType  string         `json:"end_user_type"`
	Requirements map[string]any `json:"requirements"`
	URL          string         `json:"url"`
}

func renderRegulation(c *call, r *regulation) any {
	return regulationJSON{
		Sid: r.sid, FriendlyName: r.friendlyName, IsoCountry: r.isoCountry, NumberType: r.numberType(),
		EndUserType: r.endUserType, Requirements: map[string]any{"end_user": []any{}, "supporting_document": []any{}},
		URL: c.base + "/v2/RegulatoryCompliance/Regulations/" + r.sid,
	}
}

func (e *Emulator) fetchRegulation(c *call) result {
	r := regulationBySid(c.params["Sid"])
	if r == nil {
		return result{err: notFound(c.path)}
	}
	return result{status: http.StatusOK, body: renderRegulation(c, r)}
}

func (e *Emulator) listRegulations(c *call) result {
	pg, err := parsePage(c.form)
	if err != nil {
		return result{err: err}
	}
	country, numberType, endUser := c.form.Get("IsoCountry"), c.form.Get("NumberType"), c.form.Get("EndUserType")
	var all []*regulation
	for i := range regulations {
		r := &regulations[i]
		if (country == "" || strings.EqualFold(r.isoCountry, country)) &&
			(numberType == "" || r.covers(numberType)) && (endUser == "" || r.endUserType == endUser) {
			all = append(all, r)
		}
	}
	f := filters{{"EndUserType", endUser}, {"IsoCountry", country}, {"NumberType", numberType}}
	p := paginate(all, func(r *regulation) string { return r.sid }, pg)
	return result{status: http.StatusOK, body: listV1(c, "results", f, pg, p, func(r *regulation) any { return renderRegulation(c, r) })}
}

// bundleIn finds a bundle of the authenticated account: on numbers.twilio.com a request acts on its own
// account only, so another account's bundle is not found.
func (e *Emulator) bundleIn(c *call, sid string) (*Bundle, *apiError) {
	b, err := findIn(c, e.st.bundles, sid, func(b *Bundle) bool { return b.AccountSid == c.target.Sid })
	if err == nil {
		e.expireBundle(b)
	}
	return b, err
}

func (e *Emulator) createBundle(c *call) result {
	t := now()
	b := &Bundle{Sid: newSID("BU"), AccountSid: c.target.Sid, Status: BundleDraft, stamp: stamp{DateCreated: t, DateUpdated: t}}
	for _, name := range []string{"FriendlyName", "Email"} {
		if strings.TrimSpace(c.form.Get(name)) == "" {
			return result{err: missingParam(name)}
		}
	}
	bind := binder{form: c.form}
	bind.str("FriendlyName", &b.FriendlyName)
	bind.str("Email", &b.Email)
	bind.url("StatusCallback", &b.StatusCallback)
	bind.boolean("IsTest", &b.IsTest)
	var country, numberType, endUser string
	bind.str("IsoCountry", &country)
	bind.str("NumberType", &numberType)
	bind.enum("EndUserType", &endUser, "individual", "business")
	if bind.err != nil {
		return result{err: bind.err}
	}
	switch sid := c.form.Get("RegulationSid"); {
	case sid != "":
		r := regulationBySid(sid)
		if r == nil {
			return result{err: badRequest(codeInvalidParameter, "RegulationSid %s is not a regulation", sid)}
		}
		b.RegulationSid = r.sid
	case country != "" || numberType != "" || endUser != "":
		// https://www.twilio.com/docs/errors/22200: "An invalid End-User Type or Number Type is included
		// in the request to create a Bundle."
		r := regulationFor(country, numberType, endUser)
		if r == nil {
			return result{err: badRequest(codeBundleInvalidType, "Invalid End-User Type or Number Type: no regulation "+
				"for IsoCountry %q, NumberType %q and EndUserType %q", country, numberType, endUser)}
		}
		b.RegulationSid = r.sid
	}
	return created(e, e.st.bundles, b.Sid, b, func() any { return renderBundle(c, b) })
}

// bundleKind fetches an account's regulatory bundles; updateBundle and deleteBundle have rules of their own.
var bundleKind = objectKind[Bundle, *Bundle]{
	find:   func(e *Emulator, c *call) (*Bundle, *apiError) { return e.bundleIn(c, c.params["Sid"]) },
	render: func(_ *Emulator, c *call, b *Bundle) any { return renderBundle(c, b) },
}

// listBundles filters as Twilio's list does; IsoCountry and NumberType are the bundle's regulation's.
func (e *Emulator) listBundles(c *call) result {
	pg, err := parsePage(c.form)
	if err != nil {
		return result{err: err}
	}
	q := c.form
	status, name, regSid := q.Get("Status"), q.Get("FriendlyName"), q.Get("RegulationSid")
	country, numberType, hasValid := q.Get("IsoCountry"), q.Get("NumberType"), q.Get("HasValidUntilDate")
	all := sorted(e.st.bundles, func(b *Bundle) bool {
		e.expireBundle(b)
		if b.AccountSid != c.target.Sid || status != "" && b.Status != status || name != "" && b.FriendlyName != name ||
			regSid != "" && !strings.EqualFold(b.RegulationSid, regSid) ||
			hasValid != "" && (hasValid == "true") == b.ValidUntil.IsZero() {
			return false
		}
		r := regulationBySid(b.RegulationSid)
		if country != "" && (r == nil || !strings.EqualFold(r.isoCountry, country)) {
			return false
		}
		return numberType == "" || r != nil && r.covers(numberType)
	})
	f := filters{{"Status", status}, {"FriendlyName", name}, {"RegulationSid", regSid}, {"IsoCountry", country},
		{"NumberType", numberType}, {"HasValidUntilDate", hasValid}}
	p := paginate(all, func(b *Bundle) string { return b.Sid }, pg)
	return result{status: http.StatusOK, body: listV1(c, "results", f, pg, p, func(b *Bundle) any { return renderBundle(c, b) })}
}

// updateBundle renames a bundle or submits it for review (Status=pending-review). A status and other
// properties in one request answer 22204 (https://www.twilio.com/docs/errors/22204: "Bundle status and
// properties cannot be updated in the same request").
//
// ASSUMPTION(bundle-status-by-review): Twilio's reviewers, not its API, approve and reject bundles; it
// does not document the answer to a client setting another status than pending-review (or draft). The
// emulator refuses with 20001. The provider never sets a bundle's status; test: TestBundleLifecycle.
func (e *Emulator) updateBundle(c *call) result {
	b, err := e.bundleIn(c, c.params["Sid"])
	if err != nil {
		return result{err: err}
	}
	next := *b
	if status, ok := c.form["Status"]; ok {
		for _, other := range []string{"FriendlyName", "Email", "StatusCallback"} {
			if c.form.Has(other) {
				return result{err: badRequest(codeBundleStatusAndProps, "Bundle status and properties cannot be updated "+
					"in the same request: send Status without %s", other)}
			}
		}
		switch s := strings.Join(status, ""); {
		case s == BundlePendingReview && (b.Status == BundleDraft || b.Status == BundleRejected):
			next.Status = BundlePendingReview
			// "Indicates that Bundle is a Test Bundle and will be Auto-Rejected" (IsTest, Numbers v2 OpenAPI
			// description).
			if b.IsTest {
				next.Status = BundleRejected
			}
		case s == BundleDraft && b.Status == BundlePendingReview:
			next.Status = BundleDraft
		case s == b.Status:
		default:
			return result{err: badRequest(codeInvalidParameter, "Status cannot change from %s to %q through the API: "+
				"submit a draft with pending-review; Twilio's reviewers approve or reject it", b.Status, s)}
		}
	}
	bind := binder{form: c.form}
	bind.str("FriendlyName", &next.FriendlyName)
	bind.str("Email", &next.Email)
	bind.url("StatusCallback", &next.StatusCallback)
	if bind.err != nil {
		return result{err: bind.err}
	}
	next.DateUpdated = touched(b.DateUpdated)
	*b = next
	return result{status: http.StatusOK, body: renderBundle(c, b)}
}

// deleteBundle deletes a bundle no number uses: "The Regulatory Bundle cannot be deleted due to an active
// number assignment" (https://www.twilio.com/docs/errors/21648).
//
// ASSUMPTION(bundle-delete): Twilio documents only that refusal. The emulator deletes a bundle in any
// other case; a third-party article says only drafts can be deleted, which SetAlternative(AltBundleDeleteRefused)
// models (400/20001 for a bundle that is not a draft). The provider's destroy of a bundle clone reports
// either refusal with what to do (skip_destroy) and never drops an undeleted clone silently; test:
// TestAccBundleClone_deleteRefused.
func (e *Emulator) deleteBundle(c *call) result {
	b, err := e.bundleIn(c, c.params["Sid"])
	if err != nil {
		return result{err: err}
	}
	for _, n := range e.st.numbers {
		if n.BundleSid == b.Sid {
			return result{err: badRequest(codeBundleInUse, "The Regulatory Bundle cannot be deleted due to an active "+
				"number assignment: %s uses %s; assign its numbers another twilio-approved bundle first", n.PhoneNumber, b.Sid)}
		}
	}
	if e.alternative(AltBundleDeleteRefused) && b.Status != BundleDraft {
		return result{err: badRequest(codeInvalidParameter, "Bundle %s is %s; only a draft bundle can be deleted", b.Sid, b.Status)}
	}
	delete(e.st.bundles, b.Sid)
	return result{status: http.StatusNoContent}
}

// bundleCloneJSON is numbers.v2.bundle_clone: bundle_sid is the new bundle's.
type bundleCloneJSON struct {
	BundleSid string `json:"bundle_sid"`
	bundleFields
}

// createBundleClone copies a twilio-approved bundle of the authenticated account into another account of
// its organization: "The resource creates a copy of a twilio-approved regulatory bundle against another
// account within the same organization. The new regulatory bundle is automatically set to the
// twilio-approved status" (https://www.twilio.com/docs/phone-numbers/regulatory/api/clones-resource), or
// draft with MoveToDraft=true (the parameter's description in the Numbers v2 OpenAPI description).
//
// ASSUMPTION(clone-refusals): Twilio does not document its answer to a source bundle that is not
// twilio-approved, or a target outside the organization (the emulator takes an organization to be one
// account family). The emulator refuses both with 400/20001 and clones nothing. The provider checks the
// source's status at plan time when it is known and reports Twilio's answer otherwise; test:
// TestAccBundleClone_sourceNotApproved.
func (e *Emulator) createBundleClone(c *call) result {
	src, err := e.bundleIn(c, c.params["BundleSid"])
	if err != nil {
		return result{err: err}
	}
	targetSid := c.form.Get("TargetAccountSid")
	if targetSid == "" {
		return result{err: missingParam("TargetAccountSid")}
	}
	if !sids.Valid("AC", targetSid) {
		return result{err: badRequest(codeInvalidParameter, "TargetAccountSid must be an Account SID, not %q", targetSid)}
	}
	moveToDraft := false
	name := src.FriendlyName
	bind := binder{form: c.form}
	bind.boolean("MoveToDraft", &moveToDraft)
	bind.str("FriendlyName", &name)
	if bind.err != nil {
		return result{err: bind.err}
	}
	target := e.st.accounts[targetSid]
	switch {
	case src.Status != BundleApproved:
		return result{err: badRequest(codeInvalidParameter, "Bundle %s is %s: only a twilio-approved bundle can be cloned",
			src.Sid, src.Status)}
	case target == nil || target.OwnerAccountSid != c.target.OwnerAccountSid:
		return result{err: badRequest(codeInvalidParameter, "TargetAccountSid %s is not an account of the organization of %s",
			targetSid, c.target.Sid)}
	case target.Status != StatusActive:
		return result{err: badRequest(codeInvalidParameter, "TargetAccountSid %s is %s, not active", targetSid, target.Status)}
	}
	t := now()
	b := &Bundle{
		Sid: newSID("BU"), AccountSid: target.Sid, RegulationSid: src.RegulationSid, FriendlyName: name,
		Email: src.Email, StatusCallback: src.StatusCallback, Status: BundleApproved, ValidUntil: src.ValidUntil,
		stamp: stamp{DateCreated: t, DateUpdated: t},
	}
	if moveToDraft {
		b.Status = BundleDraft
	}
	keep(e, e.st.bundles, b.Sid, b)
	return result{status: http.StatusCreated, body: bundleCloneJSON{
		// As in Twilio's example answer, the URL names the new bundle's Clones collection.
		BundleSid: b.Sid, bundleFields: bundleFieldsOf(b, c.base+bundlesPath+"/"+b.Sid+"/Clones"),
	}}
}

// BundleOptions describe a bundle made by [Emulator.NewBundle].
type BundleOptions struct {
	// AccountSid owns the bundle; empty means the main account.
	AccountSid   string
	FriendlyName string
	// IsoCountry, NumberType and EndUserType pick its regulation (e.g. GB, local, business).
	IsoCountry, NumberType, EndUserType string
	// Status is the bundle's status; empty means twilio-approved.
	Status string
	// ValidUntil is the end of an approved bundle's validity (bundles_expiry.go); zero means none.
	ValidUntil time.Time
}

// NewBundle adds a bundle as the Console and Twilio's reviewers would leave it, for tests that need an
// approved (or rejected, or pending) bundle without a review. It is test control, not Twilio behaviour.
func (e *Emulator) NewBundle(o BundleOptions) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if o.AccountSid == "" {
		o.AccountSid = e.mainSID
	}
	if e.st.accounts[o.AccountSid] == nil {
		return "", fmt.Errorf("no account %s", o.AccountSid)
	}
	r := regulationFor(o.IsoCountry, o.NumberType, o.EndUserType)
	if r == nil {
		return "", fmt.Errorf("no regulation for %s %s %s", o.IsoCountry, o.NumberType, o.EndUserType)
	}
	if o.Status == "" {
		o.Status = BundleApproved
	}
	if !reviewable[o.Status] && o.Status != BundleDraft && o.Status != BundlePendingReview {
		return "", fmt.Errorf("unknown bundle status %q", o.Status)
	}
	t := now()
	b := &Bundle{
		Sid: newSID("BU"), AccountSid: o.AccountSid, RegulationSid: r.sid, FriendlyName: o.FriendlyName,
		Email: "compliance@example.com", Status: o.Status, stamp: stamp{DateCreated: t, DateUpdated: t},
		ValidUntil: o.ValidUntil.UTC().Truncate(time.Second),
	}
	keep(e, e.st.bundles, b.Sid, b)
	return b.Sid, nil
}

// reviewable are the statuses a review gives.
var reviewable = map[string]bool{BundleInReview: true, BundleApproved: true, BundleRejected: true, BundleProvisionallyApproved: true}

// ReviewBundle plays Twilio's reviewers: it moves a submitted bundle to in-review, twilio-approved,
// provisionally-approved or twilio-rejected, with an optional valid_until. It is test control, not
// Twilio behaviour; POST /_emulator/bundles/{sid}/review does the same for the standalone emulator.
func (e *Emulator) ReviewBundle(sid, status string, validUntil time.Time) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	b := e.st.bundles[sid]
	switch {
	case b == nil:
		return fmt.Errorf("no bundle %s", sid)
	case !reviewable[status]:
		return fmt.Errorf("a review gives in-review, twilio-approved, provisionally-approved or twilio-rejected, not %q", status)
	case b.Status == BundleDraft:
		return fmt.Errorf("bundle %s is a draft: submit it (Status=pending-review) before it is reviewed", sid)
	}
	b.Status = status
	b.ValidUntil = validUntil.UTC().Truncate(time.Second)
	b.DateUpdated = touched(b.DateUpdated)
	return nil
}
