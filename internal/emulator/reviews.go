package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Twilio's reviewers, not its API, decide customer profiles, trust products, brand registrations,
// campaigns and toll-free verifications; reviews take from minutes to weeks ("A2P 10DLC - Standard and
// Low-Volume Standard Brand Onboarding Guide for ISVs"). The emulator plays them with one test control
// for every kind: a review policy, set per kind ([Emulator.SetReviewPolicy], POST
// /_emulator/reviews/{kind}), is captured when an object is submitted and settles it once its delay has
// passed, the next time anything reads it. Without a policy a submission waits, as on Twilio, until a
// test sets one. This is test control, not Twilio behaviour.

// Review kinds.
const (
	ReviewCustomerProfile = "customer-profile"
	ReviewTrustProduct    = "trust-product"
	ReviewBrand           = "brand"
	ReviewCampaign        = "campaign"
	ReviewTollfree        = "tollfree-verification"
)

var reviewKinds = []string{ReviewCustomerProfile, ReviewTrustProduct, ReviewBrand, ReviewCampaign, ReviewTollfree}

// Review outcomes.
const (
	ReviewHold    = "hold"
	ReviewApprove = "approve"
	ReviewReject  = "reject"
)

// ReviewPolicy is how the reviewers answer a kind's next submissions: Outcome after After, with Reason
// as the rejection's reason (Twilio's failure reason, or its rejection reason).
type ReviewPolicy struct {
	Outcome string        `json:"outcome"`
	Reason  string        `json:"reason,omitempty"`
	After   time.Duration `json:"-"`
	AfterMS int64         `json:"after_ms,omitempty"`
}

// SetReviewPolicy sets how the reviewers answer kind's submissions from now on. Objects already
// submitted keep the policy they were submitted under; a held one takes the new policy.
func (e *Emulator) SetReviewPolicy(kind string, p ReviewPolicy) error {
	if !slices.Contains(reviewKinds, kind) {
		return fmt.Errorf("no review kind %q; one of %s", kind, strings.Join(reviewKinds, ", "))
	}
	if p.Outcome == "" {
		p.Outcome = ReviewHold
	}
	if !slices.Contains([]string{ReviewHold, ReviewApprove, ReviewReject}, p.Outcome) {
		return fmt.Errorf("no review outcome %q; one of hold, approve, reject", p.Outcome)
	}
	if p.Outcome == ReviewReject && p.Reason == "" {
		return fmt.Errorf("a rejection needs a reason")
	}
	if p.After == 0 {
		p.After = time.Duration(p.AfterMS) * time.Millisecond
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.reviewPolicies == nil {
		e.reviewPolicies = map[string]ReviewPolicy{}
	}
	e.reviewPolicies[kind] = p
	return nil
}

// review is one submission's pending review. Callers hold the emulator's lock.
type review struct {
	kind      string
	submitted time.Time
	policy    ReviewPolicy
}

// submitForReview starts a review of kind under the current policy.
func (e *Emulator) submitForReview(kind string) *review {
	return &review{kind: kind, submitted: time.Now(), policy: e.reviewPolicies[kind]}
}

// verdict is the review's answer by now: decided is false while it waits; otherwise approved says
// which way, and reason is the rejection's. A held review takes the kind's current policy, with its
// delay counted from now.
func (e *Emulator) verdict(r *review) (decided, approved bool, reason string) {
	if r == nil {
		return false, false, ""
	}
	if r.policy.Outcome == ReviewHold || r.policy.Outcome == "" {
		p, ok := e.reviewPolicies[r.kind]
		if !ok || p.Outcome == ReviewHold {
			return false, false, ""
		}
		r.policy, r.submitted = p, time.Now()
	}
	if time.Since(r.submitted) < r.policy.After {
		return false, false, ""
	}
	return true, r.policy.Outcome == ReviewApprove, r.policy.Reason
}

// serveReviewControl answers POST /_emulator/reviews/{kind} with a ReviewPolicy body.
func (e *Emulator) serveReviewControl(w http.ResponseWriter, r *http.Request, kind string) {
	var p ReviewPolicy
	if !decodeControl(w, r, &p) {
		return
	}
	if err := e.SetReviewPolicy(kind, p); err != nil {
		controlError(w, http.StatusBadRequest, err.Error())
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
