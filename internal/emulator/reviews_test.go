package emulator

import (
	"testing"
	"time"
)

func TestReviewPolicy(t *testing.T) {
	t.Parallel()
	e := New(Options{})
	verdict := func(r *review) (bool, bool, string) {
		e.mu.Lock()
		defer e.mu.Unlock()
		return e.verdict(r)
	}
	if err := e.SetReviewPolicy("nonsense", ReviewPolicy{Outcome: ReviewApprove}); err == nil {
		t.Error("an unknown kind was accepted")
	}
	if err := e.SetReviewPolicy(ReviewBrand, ReviewPolicy{Outcome: ReviewReject}); err == nil {
		t.Error("a rejection without a reason was accepted")
	}

	e.mu.Lock()
	held := e.submitForReview(ReviewBrand)
	e.mu.Unlock()
	if decided, _, _ := verdict(held); decided {
		t.Fatal("a submission without a policy was decided; Twilio's reviewers take their time")
	}

	if err := e.SetReviewPolicy(ReviewBrand, ReviewPolicy{Outcome: ReviewReject, Reason: "TCR: website unreachable"}); err != nil {
		t.Fatal(err)
	}
	decided, approved, reason := verdict(held)
	if !decided || approved || reason != "TCR: website unreachable" {
		t.Errorf("a held submission under a new rejecting policy: decided %v approved %v reason %q", decided, approved, reason)
	}

	if err := e.SetReviewPolicy(ReviewCampaign, ReviewPolicy{Outcome: ReviewApprove, After: time.Hour}); err != nil {
		t.Fatal(err)
	}
	e.mu.Lock()
	later := e.submitForReview(ReviewCampaign)
	e.mu.Unlock()
	if decided, _, _ := verdict(later); decided {
		t.Error("a review was decided before its delay passed")
	}
	later.submitted = later.submitted.Add(-2 * time.Hour)
	if decided, approved, _ := verdict(later); !decided || !approved {
		t.Errorf("a review past its delay: decided %v approved %v, want an approval", decided, approved)
	}
}
