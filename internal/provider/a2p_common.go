package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// What the US A2P 10DLC registrations share (twilio_a2p_brand_registration, twilio_a2p_campaign): a create
// that waits, within timeouts.create, for Twilio's and The Campaign Registry's review. Reviews take from
// minutes to weeks ("A2P 10DLC - Standard and Low-Volume Standard Brand Onboarding Guide for ISVs").

// reviewPoll paces the status checks while a registration waits for its review.
var reviewPoll = twilioclient.Backoff{Min: time.Second, Max: 30 * time.Second}

// reviewOutcome is how a wait for a review ended.
type reviewOutcome int

const (
	reviewApproved reviewOutcome = iota
	reviewRejected
	// reviewPending: timeouts.create ran out (or Terraform was interrupted) before the verdict.
	reviewPending
)

// awaitReview fetches the registration until its status is approved or rejected, or ctx ends. It returns
// the latest registration seen (start when no fetch succeeded) and, for a pending one, the last fetch
// error if any. It never gives up the registration: whatever happens, the caller has something to store.
func awaitReview[T any](ctx context.Context, start *T, status func(*T) string, approved, rejected string,
	fetch func(context.Context) (*T, error)) (*T, reviewOutcome, error) {
	latest := start
	var lastErr error
	outcome := reviewPending
	settled := func() bool {
		switch status(latest) {
		case approved:
			outcome = reviewApproved
		case rejected:
			outcome = reviewRejected
		default:
			return false
		}
		return true
	}
	if settled() {
		return latest, outcome, nil
	}
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(defaultTimeout)
	}
	// The first attempt is the one already made (start); every later one is a fetch after a pause.
	reviewPoll.Retry(ctx, deadline, func(attempt int) bool {
		if attempt == 0 {
			return true
		}
		got, err := fetch(ctx)
		if err != nil {
			lastErr = err
			return !twilioclient.IsNotFound(err)
		}
		latest, lastErr = got, nil
		return !settled()
	})
	return latest, outcome, lastErr
}

// reviewPendingWarning is what a create reports when timeouts.create ended before the review did: the
// registration exists and is kept, and the next refresh shows how the review went.
func reviewPendingWarning(diags *diag.Diagnostics, what, sid, status, timeoutHint string, lastErr error) {
	detail := fmt.Sprintf("%s %s was submitted and is kept in the state, but its review had not ended when the "+
		"create's timeout ran out (status %s). Reviews take from minutes to weeks. Nothing is submitted again: "+
		"the next refresh (terraform plan or apply) shows the review's progress. %s", what, sid, status, timeoutHint)
	if lastErr != nil {
		detail += " The last status check failed: " + errorDetail(lastErr)
	}
	diags.AddWarning(fmt.Sprintf("%s %s still in review", what, sid), detail)
}

// problemList is a registration's errors as a list of strings for the state.
func problemList(problems []string) types.List {
	vals := make([]attr.Value, len(problems))
	for i, p := range problems {
		vals[i] = types.StringValue(p)
	}
	return types.ListValueMust(types.StringType, vals)
}

// rejectionReason quotes a rejected registration's reasons: Twilio's failure reason and its errors, or a
// pointer to the Console when Twilio gave none.
func rejectionReason(failureReason string, problems []string) string {
	var reasons []string
	if failureReason != "" {
		reasons = append(reasons, failureReason)
	}
	for _, p := range problems {
		if !strings.Contains(failureReason, p) && (failureReason == "" || !strings.HasPrefix(p, failureReason)) {
			reasons = append(reasons, p)
		}
	}
	if len(reasons) == 0 {
		return "Twilio gave no reason; see the registration in the Twilio Console."
	}
	return "Twilio's reason: " + strings.Join(reasons, "; ")
}

// planned is one attribute's prior and planned values.
type planned struct {
	attr         string
	prior, value attr.Value
}

// refuseChanges is the plan-time rule of a registration that must never be submitted again silently: every
// attribute the plan would change is refused on that attribute, with what to do instead.
func refuseChanges(diags *diag.Diagnostics, changes []planned, detail func(attr, from, to string) string) {
	for _, c := range changes {
		if c.value.Equal(c.prior) {
			continue
		}
		to := "a value known only after apply"
		if !c.value.IsUnknown() {
			to = c.value.String()
		}
		diags.AddAttributeError(path.Root(c.attr), fmt.Sprintf("%s cannot change", c.attr), detail(c.attr, c.prior.String(), to))
	}
}

// readBeforeCharge runs a read that a charged create must have answered first (is there a brand of these
// bundles, a campaign on this service?), trying again through errors until the create's deadline: an
// outage then delays the registration instead of failing it, and nothing is registered without the answer.
func readBeforeCharge[T any](ctx context.Context, read func(context.Context) (T, error)) (T, error) {
	var (
		v   T
		err error
	)
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(time.Minute)
	}
	lookupBackoff.Retry(ctx, deadline, func(int) bool {
		v, err = read(ctx)
		return err != nil && !twilioclient.IsNotFound(err)
	})
	return v, err
}
