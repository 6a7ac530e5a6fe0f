package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Trust Hub v1 customer profiles and trust products (https://www.twilio.com/docs/trust-hub/trusthub-rest-api):
// "bundles" whose contents (entity assignments of end users, supporting documents and customer profiles)
// a policy judges (evaluations) before they are submitted for Twilio's review. Both have SID prefix BU and
// the same subresources, so one set of handlers serves both collections; the policy tells them apart.
//
// Statuses (customer_profile_enum_status, trust_product_enum_status): a bundle is created as draft;
// Status=pending-review submits it, which starts a review under the test control of reviews.go
// (ReviewCustomerProfile, ReviewTrustProduct); the first read after submission shows it in-review; the
// review's verdict, on a later read, moves it to twilio-approved or to twilio-rejected with the reason in
// `errors`. EMULATOR.md describes the moves.

// Trust Hub policies of the A2P 10DLC ISV flow ("A2P 10DLC - Standard and Low-Volume Standard Brand
// Onboarding Guide for ISVs", https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api:
// step 1.2 creates the secondary customer profile with PolicySid RNdfbf3fae0e1107f8aded0e7cead80bf5, step
// 2.1 the A2P trust product with PolicySid RNb0d4771c2c98518d916a3d4cd70a8f8b).
const (
	PolicySecondaryCustomerProfile = "RNdfbf3fae0e1107f8aded0e7cead80bf5"
	PolicyA2PTrustProduct          = "RNb0d4771c2c98518d916a3d4cd70a8f8b"
)

// Trust bundle statuses.
const (
	TrustDraft         = "draft"
	TrustPendingReview = "pending-review"
	TrustInReview      = "in-review"
	TrustRejected      = "twilio-rejected"
	TrustApproved      = "twilio-approved"
)

// codeTrustNotEditable: "Once a Customer Profile is in review or approved, you cannot edit it"
// (https://www.twilio.com/docs/api/errors/60711, "Business status does not allow updates").
const codeTrustNotEditable = 60711

// trustRequirement is one thing a policy requires: an end user or supporting document of a type, or a
// customer profile.
type trustRequirement struct {
	name, friendlyName string
	objectType         string // an end-user or document type, or "customer_profile"
}

// trustPolicy is a policy the emulator evaluates: its bundle kind (a review kind) and requirements. The
// requirements are those the ISV guide assigns (steps 1.3-1.7 for the profile: business information,
// authorized representative 1, the address document; step 2.2-2.4 for the trust product: the A2P
// messaging profile information and the secondary customer profile).
//
// ASSUMPTION(secondary-profile-primary): the guide also assigns the ISV's primary customer profile to the
// secondary one (step 1.8), without saying whether an evaluation fails without it. The emulator does not
// require it (it holds no primary profile) and accepts the assignment of any customer profile of the
// account. The provider assigns exactly the configured entity_sids, so it works whichever way Twilio
// judges; test: TestAccTrustHubCustomerProfile_basic assigns none.
type trustPolicy struct {
	sid, kind, friendlyName string
	requirements            []trustRequirement
}

var trustPolicies = []trustPolicy{
	{PolicySecondaryCustomerProfile, ReviewCustomerProfile, "Secondary Customer Profile of type Business", []trustRequirement{
		{"business_information", "Business Information", "customer_profile_business_information"},
		{"authorized_representative_1", "Authorized Representative 1", "authorized_representative_1"},
		{"business_address", "Business Address", "customer_profile_address"},
	}},
	{PolicyA2PTrustProduct, ReviewTrustProduct, "A2P Messaging Profile", []trustRequirement{
		{"a2p_messaging_profile_information", "A2P Messaging Profile Information", "us_a2p_messaging_profile_information"},
		{"customer_profile", "Secondary Customer Profile", "customer_profile"},
	}},
}

func trustPolicyBySid(sid string) *trustPolicy {
	for i := range trustPolicies {
		if trustPolicies[i].sid == sid {
			return &trustPolicies[i]
		}
	}
	return nil
}

// TrustBundle is a Trust Hub v1 customer profile or trust product (SID prefix BU for both).
type TrustBundle struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	// Kind is ReviewCustomerProfile or ReviewTrustProduct: which collection the bundle is in.
	Kind string `json:"kind"`
	// PolicySid says what the bundle is: Twilio's secondary customer profile policy or the A2P
	// messaging profile policy (a trust product). Status is Twilio's spelling (customer_profile_enum_status: draft … twilio-approved).
	PolicySid      string            `json:"policy_sid"`
	Status         string            `json:"status"`
	FriendlyName   string            `json:"friendly_name"`
	Email          string            `json:"email"`
	StatusCallback string            `json:"status_callback"`
	Errors         []map[string]any  `json:"errors"`
	Assignments    []TrustAssignment `json:"assignments"`
	Evaluations    []TrustEvaluation `json:"evaluations"`
	review         *review
	stamp
}

// TrustAssignment is an entity assignment (SID prefix BV): an object in a bundle.
type TrustAssignment struct {
	Sid         string    `json:"sid"`
	ObjectSid   string    `json:"object_sid"`
	DateCreated time.Time `json:"date_created"`
}

// TrustEvaluation is an evaluation (SID prefix EL) of a bundle against its policy.
type TrustEvaluation struct {
	Sid         string           `json:"sid"`
	PolicySid   string           `json:"policy_sid"`
	Status      string           `json:"status"`
	Results     []map[string]any `json:"results"`
	DateCreated time.Time        `json:"date_created"`
}

func (x *TrustBundle) owner() string { return x.AccountSid }
func (x *TrustBundle) clone() TrustBundle {
	c := *x
	c.Errors = slices.Clone(x.Errors)
	c.Assignments = slices.Clone(x.Assignments)
	c.Evaluations = slices.Clone(x.Evaluations)
	c.review = nil
	return c
}

// trustCollection is one of the two bundle collections.
type trustCollection struct {
	kind, name, param, field string
}

var (
	customerProfiles = trustCollection{ReviewCustomerProfile, "CustomerProfiles", "CustomerProfileSid", "customer_profile_sid"}
	trustProducts    = trustCollection{ReviewTrustProduct, "TrustProducts", "TrustProductSid", "trust_product_sid"}
)

func trustBundleRoutes(tc trustCollection) []*route {
	h := func(f func(*Emulator, *call, trustCollection) result) handler {
		return func(e *Emulator, c *call) result { return f(e, c, tc) }
	}
	return []*route{
		{productTrustHub, []string{"v1", tc.name}, scopeProduct, false, map[string]handler{
			http.MethodGet: h((*Emulator).listTrustBundles), http.MethodPost: h((*Emulator).createTrustBundle)}},
		{productTrustHub, []string{"v1", tc.name, "{Sid}"}, scopeProduct, false, map[string]handler{
			http.MethodGet: h((*Emulator).fetchTrustBundle), http.MethodPost: h((*Emulator).updateTrustBundle),
			http.MethodDelete: h((*Emulator).deleteTrustBundle)}},
		{productTrustHub, []string{"v1", tc.name, "{" + tc.param + "}", "EntityAssignments"}, scopeProduct, false, map[string]handler{
			http.MethodGet: h((*Emulator).listTrustAssignments), http.MethodPost: h((*Emulator).createTrustAssignment)}},
		{productTrustHub, []string{"v1", tc.name, "{" + tc.param + "}", "EntityAssignments", "{Sid}"}, scopeProduct, false, map[string]handler{
			http.MethodGet: h((*Emulator).fetchTrustAssignment), http.MethodDelete: h((*Emulator).deleteTrustAssignment)}},
		{productTrustHub, []string{"v1", tc.name, "{" + tc.param + "}", "Evaluations"}, scopeProduct, false, map[string]handler{
			http.MethodGet: h((*Emulator).listTrustEvaluations), http.MethodPost: h((*Emulator).createTrustEvaluation)}},
		{productTrustHub, []string{"v1", tc.name, "{" + tc.param + "}", "Evaluations", "{Sid}"}, scopeProduct, false, map[string]handler{
			http.MethodGet: h((*Emulator).fetchTrustEvaluation)}},
	}
}

func init() {
	routes = append(routes, trustBundleRoutes(customerProfiles)...)
	routes = append(routes, trustBundleRoutes(trustProducts)...)
}

// settleTrustBundle moves a submitted bundle through its review: pending-review shows as in-review from
// the first read, and the review's verdict ends it. Every read of a bundle (here, and other kinds'
// checks through trustBundleStatus) settles it first.
//
// ASSUMPTION(trusthub-in-review): Twilio lists pending-review and in-review but not when one becomes the
// other. The emulator moves a submission to in-review at its first read. The provider waits on both alike;
// test: TestAccTrustHubCustomerProfile_drift (a create that times out in review).
//
// ASSUMPTION(trusthub-rejection-errors): Twilio describes `errors` as "the error codes associated with the
// rejection" (twilio_trusthub_v1.json) without their shape. The emulator gives one object with the
// reviewer's reason as `message`. The provider quotes each entry's failure_reason, message or description,
// or the whole entry as JSON, so Twilio's reason reaches the user whatever the shape; test:
// TestAccTrustHubCustomerProfile_rejected.
func (e *Emulator) settleTrustBundle(b *TrustBundle) {
	if b == nil || b.review == nil {
		return
	}
	decided, approved, reason := e.verdict(b.review)
	switch {
	case !decided:
		if b.Status == TrustPendingReview {
			b.Status = TrustInReview
		}
		return
	case approved:
		b.Status = TrustApproved
	default:
		b.Status = TrustRejected
		b.Errors = []map[string]any{{"message": reason}}
	}
	b.review = nil
	b.touch()
}

// trustBundleStatus is the status of the bundle sid of account, settled; "" when there is none. For the
// other kinds' rules (a brand needs an approved customer profile and trust product).
func (e *Emulator) trustBundleStatus(account, sid string) string {
	b := e.st.msg.trustBundles[sid]
	if b == nil || b.AccountSid != account {
		return ""
	}
	e.settleTrustBundle(b)
	return b.Status
}

type trustBundleJSON struct {
	Sid            string           `json:"sid"`
	AccountSid     string           `json:"account_sid"`
	PolicySid      string           `json:"policy_sid"`
	FriendlyName   string           `json:"friendly_name"`
	Status         string           `json:"status"`
	ValidUntil     *string          `json:"valid_until"`
	Email          string           `json:"email"`
	StatusCallback *string          `json:"status_callback"`
	Errors         []map[string]any `json:"errors"`
	v1Meta
	Links map[string]string `json:"links"`
}

func renderTrustBundle(c *call, tc trustCollection, b *TrustBundle) any {
	url := c.base + "/v1/" + tc.name + "/" + b.Sid
	return trustBundleJSON{Sid: b.Sid, AccountSid: b.AccountSid, PolicySid: b.PolicySid, FriendlyName: b.FriendlyName,
		Status: b.Status, Email: b.Email, StatusCallback: nullable(b.StatusCallback), Errors: b.Errors,
		v1Meta: b.metaAt(url),
		Links: map[string]string{
			tc.field[:len(tc.field)-4] + "s_entity_assignments":          url + "/EntityAssignments",
			tc.field[:len(tc.field)-4] + "s_evaluations":                 url + "/Evaluations",
			tc.field[:len(tc.field)-4] + "s_channel_endpoint_assignment": url + "/ChannelEndpointAssignments",
		}}
}

// trustBundleIn finds the bundle a path names, in the calling account and the route's collection.
func (e *Emulator) trustBundleIn(c *call, tc trustCollection, param string) (*TrustBundle, *apiError) {
	b, err := findIn(c, e.st.msg.trustBundles, c.params[param], func(b *TrustBundle) bool {
		return b.AccountSid == c.target.Sid && b.Kind == tc.kind
	})
	e.settleTrustBundle(b)
	return b, err
}

func (e *Emulator) listTrustBundles(c *call, tc trustCollection) result {
	all := sorted(e.st.msg.trustBundles, func(b *TrustBundle) bool { return b.AccountSid == c.target.Sid && b.Kind == tc.kind })
	var f filters
	for _, name := range []string{"Status", "FriendlyName", "PolicySid"} {
		if v := c.form.Get(name); v != "" {
			f = append(f, [2]string{name, v})
		}
	}
	kept := all[:0]
	for _, b := range all {
		e.settleTrustBundle(b)
		ok := true
		for _, kv := range f {
			switch kv[0] {
			case "Status":
				ok = ok && b.Status == kv[1]
			case "FriendlyName":
				ok = ok && b.FriendlyName == kv[1]
			case "PolicySid":
				ok = ok && b.PolicySid == kv[1]
			}
		}
		if ok {
			kept = append(kept, b)
		}
	}
	return listed(c, listV1, "results", f, kept,
		func(b *TrustBundle) string { return b.Sid }, func(b *TrustBundle) any { return renderTrustBundle(c, tc, b) })
}

// createTrustBundle makes a draft. FriendlyName, Email and PolicySid are required (the spec).
//
// ASSUMPTION(trusthub-policy-kind): Twilio documents which policy each bundle takes (the ISV guide) but
// not the answer to another policy, or one it does not have. The emulator answers 400/20001. The provider
// checks the SID's shape at plan time and names Twilio's two A2P policies in the docs; any other answer is
// passed on with nothing made; test: TestConformanceTrustHub.
func (e *Emulator) createTrustBundle(c *call, tc trustCollection) result {
	for _, name := range []string{"FriendlyName", "Email", "PolicySid"} {
		if c.form.Get(name) == "" {
			return result{err: missingParam(name)}
		}
	}
	p := trustPolicyBySid(c.form.Get("PolicySid"))
	if p == nil || p.kind != tc.kind {
		return result{err: badRequest(codeInvalidParameter, "PolicySid %s is not a policy of %s", c.form.Get("PolicySid"), tc.name)}
	}
	t := now()
	b := &TrustBundle{Sid: newSID("BU"), AccountSid: c.target.Sid, Kind: tc.kind, PolicySid: p.sid, Status: TrustDraft,
		FriendlyName: c.form.Get("FriendlyName"), Email: c.form.Get("Email"), stamp: stamp{DateCreated: t, DateUpdated: t}}
	if err := bindTrustBundle(c, b); err != nil {
		return result{err: err}
	}
	return created(e, e.st.msg.trustBundles, b.Sid, b, func() any { return renderTrustBundle(c, tc, b) })
}

func bindTrustBundle(c *call, b *TrustBundle) *apiError {
	bd := binder{form: c.form}
	bd.str("FriendlyName", &b.FriendlyName)
	bd.str("Email", &b.Email)
	bd.url("StatusCallback", &b.StatusCallback)
	return bd.err
}

func (e *Emulator) fetchTrustBundle(c *call, tc trustCollection) result {
	b, err := e.trustBundleIn(c, tc, "Sid")
	return answer(err, func() any { return renderTrustBundle(c, tc, b) })
}

// editable refuses changes to a bundle in review or approved (60711).
func (x *TrustBundle) editable() *apiError {
	switch x.Status {
	case TrustPendingReview, TrustInReview, TrustApproved:
		return badRequest(codeTrustNotEditable, "Business status does not allow updates: %s is %s; a bundle in "+
			"review or approved cannot be edited", x.Sid, x.Status)
	}
	return nil
}

// updateTrustBundle changes FriendlyName, Email and StatusCallback of an editable bundle, or submits it
// (Status=pending-review, the only status a client may set). Only a compliant bundle is submitted: the
// guide evaluates before it submits ("1.10 Evaluate … 1.11 Submit"), and a noncompliant one cannot pass.
//
// ASSUMPTION(trusthub-submit-noncompliant): Twilio does not document the answer to submitting a
// noncompliant bundle. The emulator answers 400/20001 with the failed requirements. The provider never
// submits without a compliant evaluation of its own first, so it does not depend on the answer; test:
// TestAccTrustHubCustomerProfile_noncompliant.
func (e *Emulator) updateTrustBundle(c *call, tc trustCollection) result {
	b, err := e.trustBundleIn(c, tc, "Sid")
	return revised(b, err, func(next *TrustBundle) *apiError {
		status, submitting := c.form["Status"]
		if err := next.editable(); err != nil && len(c.form) > 0 {
			return err
		}
		if err := bindTrustBundle(c, next); err != nil {
			return err
		}
		if next.FriendlyName == "" || next.Email == "" {
			return badRequest(codeInvalidParameter, "FriendlyName and Email cannot be empty")
		}
		if !submitting {
			return nil
		}
		if status[0] != TrustPendingReview {
			return badRequest(codeInvalidParameter, "Status can only be set to %s", TrustPendingReview)
		}
		if ev := e.evaluate(next); ev.Status != "compliant" {
			return badRequest(codeInvalidParameter, "%s is not compliant with policy %s and cannot be submitted: %s",
				next.Sid, next.PolicySid, failedRequirements(ev))
		}
		next.Status, next.Errors = TrustPendingReview, nil
		next.review = e.submitForReview(tc.kind)
		return nil
	}, func() any { return renderTrustBundle(c, tc, b) })
}

// deleteTrustBundle deletes a bundle in any status.
//
// ASSUMPTION(trusthub-delete): Twilio documents DELETE for customer profiles and trust products without
// saying whether a bundle in review, or approved and used by a brand registration, can be deleted. The
// emulator deletes any; its assignments go with it. The provider's docs say destroying an approved
// profile may break the brand that uses it, and a refusal is passed on with the bundle kept in the state;
// test: TestAccTrustHubCustomerProfile_basic (destroy of an approved profile).
func (e *Emulator) deleteTrustBundle(c *call, tc trustCollection) result {
	b, err := e.trustBundleIn(c, tc, "Sid")
	return gone(err, func() { delete(e.st.msg.trustBundles, b.Sid) })
}

// trustObjectKind is what an assigned SID is in the account: an end-user or document type, or
// "customer_profile"; "" when the account has no such object. A customer profile may also be the parent
// account's: Twilio's ISV guide registers each customer in its own subaccount, with the subaccount's
// credentials, and attaches the ISV's primary customer profile, which lives in the parent account, to the
// customer's secondary profile
// (https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api, "Use the correct Account
// SID" and step 1 of the secondary customer profile).
func (e *Emulator) trustObjectKind(account, sid string) (typ string, status string) {
	if u := e.st.msg.endUsers[sid]; u != nil && u.AccountSid == account {
		return u.Type, ""
	}
	if d := e.st.msg.documents[sid]; d != nil && d.AccountSid == account {
		return d.Type, ""
	}
	if b := e.st.msg.trustBundles[sid]; b != nil && b.Kind == ReviewCustomerProfile {
		owner := account
		if a := e.st.accounts[account]; a != nil && b.AccountSid == a.OwnerAccountSid {
			owner = a.OwnerAccountSid
		}
		if status := e.trustBundleStatus(owner, sid); status != "" {
			return "customer_profile", status
		}
	}
	return "", ""
}

type trustAssignmentJSON map[string]any

func renderTrustAssignment(c *call, tc trustCollection, b *TrustBundle, a *TrustAssignment) any {
	return trustAssignmentJSON{
		"sid": a.Sid, tc.field: b.Sid, "account_sid": b.AccountSid, "object_sid": a.ObjectSid,
		"date_created": fmtISO(a.DateCreated), "url": c.base + "/v1/" + tc.name + "/" + b.Sid + "/EntityAssignments/" + a.Sid,
	}
}

func (e *Emulator) listTrustAssignments(c *call, tc trustCollection) result {
	b, err := e.trustBundleIn(c, tc, tc.param)
	if err != nil {
		return result{err: err}
	}
	all := make([]*TrustAssignment, len(b.Assignments))
	for i := range b.Assignments {
		all[i] = &b.Assignments[i]
	}
	return listed(c, listV1, "results", nil, all,
		func(a *TrustAssignment) string { return a.Sid }, func(a *TrustAssignment) any { return renderTrustAssignment(c, tc, b, a) })
}

// createTrustAssignment puts an end user, a supporting document or a customer profile of the account into
// an editable bundle.
//
// ASSUMPTION(trusthub-assign-unknown): Twilio does not document the answer to assigning an object the
// account does not have, or one already assigned. The emulator answers 400/20001 to both. The provider
// assigns only what the bundle lacks, and a SID of another account is its configuration's mistake, passed
// on; test: TestConformanceTrustHub.
func (e *Emulator) createTrustAssignment(c *call, tc trustCollection) result {
	b, err := e.trustBundleIn(c, tc, tc.param)
	if err != nil {
		return result{err: err}
	}
	obj := c.form.Get("ObjectSid")
	if obj == "" {
		return result{err: missingParam("ObjectSid")}
	}
	if err := b.editable(); err != nil {
		return result{err: err}
	}
	if typ, _ := e.trustObjectKind(b.AccountSid, obj); typ == "" || obj == b.Sid {
		return result{err: badRequest(codeInvalidParameter, "ObjectSid %s is no end user, supporting document or "+
			"customer profile of account %s", obj, b.AccountSid)}
	}
	if slices.ContainsFunc(b.Assignments, func(a TrustAssignment) bool { return a.ObjectSid == obj }) {
		return result{err: badRequest(codeInvalidParameter, "%s is already assigned to %s", obj, b.Sid)}
	}
	b.Assignments = append(b.Assignments, TrustAssignment{Sid: newSID("BV"), ObjectSid: obj, DateCreated: now()})
	b.touch()
	return result{status: http.StatusCreated, body: renderTrustAssignment(c, tc, b, &b.Assignments[len(b.Assignments)-1])}
}

func (e *Emulator) trustAssignmentIn(c *call, tc trustCollection) (*TrustBundle, int, *apiError) {
	b, err := e.trustBundleIn(c, tc, tc.param)
	if err != nil {
		return nil, -1, err
	}
	i := slices.IndexFunc(b.Assignments, func(a TrustAssignment) bool { return a.Sid == c.params["Sid"] })
	if i < 0 {
		return nil, -1, notFound(c.path)
	}
	return b, i, nil
}

func (e *Emulator) fetchTrustAssignment(c *call, tc trustCollection) result {
	b, i, err := e.trustAssignmentIn(c, tc)
	return answer(err, func() any { return renderTrustAssignment(c, tc, b, &b.Assignments[i]) })
}

func (e *Emulator) deleteTrustAssignment(c *call, tc trustCollection) result {
	b, i, err := e.trustAssignmentIn(c, tc)
	if err == nil {
		err = b.editable()
	}
	return gone(err, func() {
		b.Assignments = slices.Delete(b.Assignments, i, i+1)
		b.touch()
	})
}

// evaluate judges the bundle's assignments against its policy: each requirement passes when an assigned
// object of its type exists.
//
// ASSUMPTION(a2p-profile-approved): the guide assigns the secondary customer profile to the trust
// product after submitting the profile, without saying whether the profile must already be approved for
// the trust product to be compliant. The emulator requires twilio-approved; with the alternative
// AltTrustProfileSubmitted any submitted profile (pending-review, in-review) passes. The provider makes a
// trust product only after its profile's create (which waits for the approval) ended, so it is right
// either way; test: TestAccTrustHubTrustProduct_basic under both.
func (e *Emulator) evaluate(b *TrustBundle) TrustEvaluation {
	ev := TrustEvaluation{Sid: newSID("EL"), PolicySid: b.PolicySid, Status: "compliant", DateCreated: now()}
	p := trustPolicyBySid(b.PolicySid)
	for _, req := range p.requirements {
		passed, why := false, fmt.Sprintf("A %s is missing. Please add one to the bundle.", req.friendlyName)
		for _, a := range b.Assignments {
			typ, status := e.trustObjectKind(b.AccountSid, a.ObjectSid)
			if typ != req.objectType {
				continue
			}
			submitted := status == TrustPendingReview || status == TrustInReview
			if typ == "customer_profile" && status != TrustApproved && (!e.alternative(AltTrustProfileSubmitted) || !submitted) {
				why = fmt.Sprintf("Customer profile %s is %s; it must be twilio-approved.", a.ObjectSid, status)
				continue
			}
			passed, why = true, ""
			break
		}
		r := map[string]any{"requirement_name": req.name, "requirement_friendly_name": req.friendlyName,
			"object_type": req.objectType, "passed": passed, "valid": []any{}, "invalid": []any{}}
		if !passed {
			r["failure_reason"] = why
			ev.Status = "noncompliant"
		}
		ev.Results = append(ev.Results, r)
	}
	return ev
}

// failedRequirements says what an evaluation found missing.
func failedRequirements(ev TrustEvaluation) string {
	var out []string
	for _, r := range ev.Results {
		if passed, _ := r["passed"].(bool); !passed {
			out = append(out, fmt.Sprint(r["failure_reason"]))
		}
	}
	return strings.Join(out, " ")
}

func renderTrustEvaluation(c *call, tc trustCollection, b *TrustBundle, ev *TrustEvaluation) any {
	results := ev.Results
	if results == nil {
		results = []map[string]any{}
	}
	return map[string]any{
		"sid": ev.Sid, "account_sid": b.AccountSid, "policy_sid": ev.PolicySid, tc.field: b.Sid, "status": ev.Status,
		"results": results, "date_created": fmtISO(ev.DateCreated),
		"url": c.base + "/v1/" + tc.name + "/" + b.Sid + "/Evaluations/" + ev.Sid,
	}
}

// createTrustEvaluation evaluates the bundle as it is now and keeps the evaluation.
func (e *Emulator) createTrustEvaluation(c *call, tc trustCollection) result {
	b, err := e.trustBundleIn(c, tc, tc.param)
	if err != nil {
		return result{err: err}
	}
	policy := c.form.Get("PolicySid")
	if policy == "" {
		return result{err: missingParam("PolicySid")}
	}
	if policy != b.PolicySid {
		return result{err: badRequest(codeInvalidParameter, "PolicySid %s is not the policy of %s (%s)", policy, b.Sid, b.PolicySid)}
	}
	ev := e.evaluate(b)
	b.Evaluations = append(b.Evaluations, ev)
	return result{status: http.StatusCreated, body: renderTrustEvaluation(c, tc, b, &ev)}
}

func (e *Emulator) listTrustEvaluations(c *call, tc trustCollection) result {
	b, err := e.trustBundleIn(c, tc, tc.param)
	if err != nil {
		return result{err: err}
	}
	all := make([]*TrustEvaluation, len(b.Evaluations))
	for i := range b.Evaluations {
		all[i] = &b.Evaluations[i]
	}
	return listed(c, listV1, "results", nil, all,
		func(ev *TrustEvaluation) string { return ev.Sid }, func(ev *TrustEvaluation) any { return renderTrustEvaluation(c, tc, b, ev) })
}

func (e *Emulator) fetchTrustEvaluation(c *call, tc trustCollection) result {
	b, err := e.trustBundleIn(c, tc, tc.param)
	if err != nil {
		return result{err: err}
	}
	i := slices.IndexFunc(b.Evaluations, func(ev TrustEvaluation) bool { return ev.Sid == c.params["Sid"] })
	if i < 0 {
		return result{err: notFound(c.path)}
	}
	return answer(nil, func() any { return renderTrustEvaluation(c, tc, b, &b.Evaluations[i]) })
}
