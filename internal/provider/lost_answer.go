package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// What a create does when Twilio's answer is lost (the request was sent; a reset, a 5xx, the create's
// deadline or a Ctrl-C came before the answer): look for what the request may have made, adopt it only on
// evidence that nothing else could have produced, and otherwise fail naming the candidates.

// lostAnswerGrace is how long the lookup after a lost answer may go on once the create's own deadline
// has passed or Terraform asked the provider to stop (Ctrl-C): Terraform waits for operations in flight
// and still saves the state they return, so a short grace turns an orphan into a recorded object.
var lostAnswerGrace = 45 * time.Second

// lookupBackoff paces the lookups while Twilio keeps failing.
var lookupBackoff = twilioclient.Backoff{Min: 500 * time.Millisecond, Max: 5 * time.Second}

// lostCreate describes one create to createAdopting, the one adoption path every create takes (except the
// API key's, whose one-off name proves its own: createAPIKey in resource_api_key.go).
type lostCreate[T any] struct {
	kind    string // the resource type without "twilio_", for messages and the in-flight registry
	scope   string // where the name is unique: an account SID, or account/service
	name    string // what the request names the object by (a name, a number, a key)
	what    string // the object in words, e.g. `an application named "x"`
	summary string // the error summary of this create
	// find lists the objects of scope named name created since the request (twilioclient's …CreatedSince).
	find func(ctx context.Context, since time.Time) ([]T, error)
	// check gives a found object's SID and the first attribute that is not what the request sent.
	check func(*T) candidate
	// failed, when set, handles a create that failed with a clear answer: it may still recover the object
	// (return it), or report the error; by default the error is reported with what may exist.
	failed func(err error, rec *createRecord) *T
	// lostAdvice, when set, is what to do after a lost answer that found nothing to adopt, in place of the
	// usual "import it, or apply again": for a create that must never be repeated (a paid registration).
	lostAdvice string
}

// createAdopting runs create under the in-flight registry. When the answer is lost, it looks for what the
// request made and adopts it only by the rules of adoptionVerdict: exactly one candidate, created since the
// request, every attribute as sent, no same-name create in flight. It returns the object, or nil after
// reporting why there is none.
func createAdopting[T any](ctx context.Context, diags *diag.Diagnostics, c lostCreate[T], create func(context.Context) (*T, error)) *T {
	rec, done := inFlight.begin(c.kind, c.scope, c.name)
	defer done()
	obj, err := create(ctx)
	if err == nil {
		return obj
	}
	if twilioclient.IsAmbiguous(err) {
		found, lookupErr := lookupAfterLostAnswer(ctx, func(ctx context.Context) ([]T, error) { return c.find(ctx, rec.start) })
		cands := make([]candidate, len(found))
		for i := range found {
			cands[i] = c.check(&found[i])
		}
		i, why := adoptionVerdict(rec, cands, c.what)
		if i >= 0 && lookupErr == nil {
			diags.AddWarning("Adopted "+c.what+" after a lost answer",
				fmt.Sprintf("Creating it got no clear answer (%s), but %s has %s %s with everything the request sent, "+
					"created just now by this request; it is now managed by this resource instead of being created "+
					"again.", err, c.scope, c.what, cands[i].sid))
			return &found[i]
		}
		detail := lostAnswerDetail(err, lookupErr, why, c.kind, c.what)
		if c.lostAdvice != "" {
			detail = unrepeatableLostAnswerDetail(err, lookupErr, why, c.what, c.lostAdvice)
		}
		diags.AddError(c.summary, detail)
		return nil
	}
	if c.failed != nil {
		return c.failed(err, rec)
	}
	diags.AddError(c.summary, errorDetail(err)+ambiguousCreateHint(err, c.kind, c.what))
	return nil
}

// differsIf is a candidate that differs in the named attributes when differs is true.
func differsIf(sid string, differs bool, attrs string) candidate {
	if differs {
		return candidate{sid: sid, differs: attrs}
	}
	return candidate{sid: sid}
}

// lookupAfterLostAnswer runs find, a read-only lookup, on a context detached from the create's
// cancellation, again and again while it fails, until the create's deadline or the grace period,
// whichever is later. A lookup is a GET, safe to repeat; giving up after the transport's own retries would
// orphan whatever the create made during a longer outage.
func lookupAfterLostAnswer[T any](ctx context.Context, find func(context.Context) ([]T, error)) ([]T, error) {
	deadline := time.Now().Add(lostAnswerGrace)
	if d, ok := ctx.Deadline(); ok && ctx.Err() == nil && d.After(deadline) {
		deadline = d
	}
	lctx, cancel := context.WithDeadline(context.WithoutCancel(ctx), deadline)
	defer cancel()
	var (
		found []T
		err   error
	)
	lookupBackoff.Retry(lctx, deadline, func(int) bool {
		found, err = find(lctx)
		if twilioclient.IsNotFound(err) {
			found, err = nil, nil
		}
		return err != nil && lookupRetryable(err)
	})
	if err != nil {
		return nil, err
	}
	return found, nil
}

// lookupRetryable: server errors and lost answers pass; a refusal (401, 403, 400) will not change by
// waiting.
func lookupRetryable(err error) bool {
	var te *twilioclient.Error
	if errors.As(err, &te) {
		return te.Status >= 500 || te.Status == 429
	}
	return true
}

// detached is a context for the calls that must finish after a create succeeded or was adopted (recording
// a name, revoking a key we made) even when the create's own context has ended.
func detached(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), lostAnswerGrace)
}

// inFlight records the creates this provider process is running or ran recently, by kind, account and
// name. A lost answer is only resolved by adoption when no other create of the same name overlapped it:
// a for_each sibling with the same name could otherwise be taken for ours (and its object would end up
// in two resources, or be released by the wrong one).
var inFlight = &createRegistry{}

type createRegistry struct {
	mu      sync.Mutex
	records []*createRecord
}

type createRecord struct {
	key        string
	start, end time.Time
}

// keep is how long a finished create still counts: far longer than any lookup window.
const keep = 30 * time.Minute

// begin records a create of kind named name in account; call done when its outcome (adopted or not) is
// settled.
func (r *createRegistry) begin(kind, account, name string) (rec *createRecord, done func()) {
	rec = &createRecord{key: kind + "\x00" + account + "\x00" + name, start: time.Now()}
	r.mu.Lock()
	defer r.mu.Unlock()
	kept := r.records[:0]
	for _, o := range r.records {
		if o.end.IsZero() || time.Since(o.end) < keep {
			kept = append(kept, o)
		}
	}
	r.records = append(kept, rec)
	return rec, func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		rec.end = time.Now()
	}
}

// overlapping counts the other creates of the same kind, account and name that ran while rec's object
// could have been made, allowing for clock skew: any of them could have made a candidate rec finds.
func (r *createRegistry) overlapping(rec *createRecord) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, o := range r.records {
		if o != rec && o.key == rec.key && (o.end.IsZero() || o.end.After(rec.start.Add(-2*twilioclient.ClockSkew))) {
			n++
		}
	}
	return n
}

// candidate is an object a lookup after a lost answer found: created since the request, with the name
// the request sent.
type candidate struct {
	sid string
	// differs names the first attribute whose value is not what the create sent; empty when all match.
	differs string
}

// adoptionVerdict decides which candidate, if any, the lost create made. It adopts only the one candidate
// that carries every attribute the create sent, when no other create of that name ran in this process at
// the same time; otherwise it explains why nothing was adopted (empty when nothing was found).
func adoptionVerdict(rec *createRecord, cands []candidate, what string) (adopt int, why string) {
	sids := make([]string, len(cands))
	for i, c := range cands {
		sids[i] = c.sid
	}
	switch {
	case len(cands) == 0:
		return -1, ""
	case inFlight.overlapping(rec) > 0:
		return -1, fmt.Sprintf("Found %s created since the request (%s), but another create of %s ran in this "+
			"apply at the same time, so which one this request made cannot be told; nothing was adopted.",
			plural(len(cands), what), strings.Join(sids, ", "), what)
	case len(cands) > 1:
		return -1, fmt.Sprintf("Found %s created since the request (%s), so which one this request made cannot "+
			"be told; nothing was adopted.", plural(len(cands), what), strings.Join(sids, ", "))
	case cands[0].differs != "":
		return -1, fmt.Sprintf("Found %s (%s) created since the request, but its %s is not what this request "+
			"sent, so someone else may have made it; nothing was adopted.", what, sids[0], cands[0].differs)
	}
	return 0, ""
}

func plural(n int, what string) string {
	if n == 1 {
		return what
	}
	return fmt.Sprintf("%d candidates for %s", n, what)
}

// lostAnswerDetail is the end of the error after a lost answer that was not resolved: what the lookup
// found and what to do.
func lostAnswerDetail(err, lookupErr error, why, kind, what string) string {
	switch {
	case lookupErr != nil:
		return fmt.Sprintf("%s\n\nThe request was sent but its answer was lost, and looking for what it made kept "+
			"failing (%s). Twilio may have created %s: look for it in the Twilio Console or API; if it exists, "+
			"import it (see the twilio_%s documentation) instead of applying again.", errorDetail(err),
			errorDetail(lookupErr), what, kind)
	case why != "":
		return fmt.Sprintf("%s\n\nThe request was sent but its answer was lost. %s Import the one this resource "+
			"should manage (see the twilio_%s documentation), or delete what nobody uses, then apply again.",
			errorDetail(err), why, kind)
	}
	return fmt.Sprintf("%s\n\nThe request was sent but its answer was lost; a lookup found no %s created since, "+
		"so it was most likely not created and applying again is safe. If one shows up later in the Twilio "+
		"Console, import it instead.", errorDetail(err), what)
}

// unrepeatableLostAnswerDetail is lostAnswerDetail for a create that must not be repeated: whatever the
// lookup found (nothing yet, several candidates, or an error), it never says that applying again is safe.
func unrepeatableLostAnswerDetail(err, lookupErr error, why, what, advice string) string {
	found := fmt.Sprintf("A lookup for %s found nothing created since, but Twilio may list it late.", what)
	switch {
	case lookupErr != nil:
		found = fmt.Sprintf("Looking for what it made kept failing (%s).", errorDetail(lookupErr))
	case why != "":
		found = why
	}
	return fmt.Sprintf("%s\n\nThe request was sent but its answer was lost. %s %s", errorDetail(err), found, advice)
}
