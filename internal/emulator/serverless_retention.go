package emulator

import (
	"net/http"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/serverlessruntime"
)

// Serverless retention and upload sizes.
//
// "The following entities are retained for up to 7 days and then deleted: Functions that have no Function
// Versions. Assets that have no Asset Versions. Function versions or Asset Versions that aren't part of a
// build or of an active deployment" (https://www.twilio.com/docs/serverless/api, Retention policy). The
// emulator deletes them when its retention clock, moved by the test control AdvanceClock, passes 7 days
// after their creation; Twilio deletes "up to" 7 days after, so a client must expect them gone any time
// after. Builds are kept: the page names no retention for them.

// retentionPeriod is the documented "up to 7 days".
const retentionPeriod = 7 * 24 * time.Hour

// ASSUMPTION(asset-size-limits): issue 23 reports the Functions & Assets pages as limiting public and
// protected Assets to 25 MB and private ones to 10 MB; the copy of the pages available to the project does
// not show the limits section, nor Twilio's answer to a larger upload. The emulator refuses a larger version
// with 400/20001 (never storing a truncated prefix); the sizes live in internal/serverlessruntime, which
// the provider's plan check reads too. The provider refuses an asset whose `source` or `content` is larger
// at plan time and reports Twilio's answer otherwise; test: TestAccServerlessAsset_tooLarge.
func maxVersionBytes(asset bool, visibility string) int64 {
	return serverlessruntime.MaxVersionBytes(asset, visibility)
}

// AdvanceClock moves the emulator's Serverless retention clock forward by d and deletes what Twilio's
// retention policy would have deleted by then. It is a test control, not Twilio behaviour (EMULATOR.md).
func (e *Emulator) AdvanceClock(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if d > 0 {
		e.elapsed += d
	}
	e.applyRetention()
}

// retentionNow is the wall clock moved by AdvanceClock.
func (e *Emulator) retentionNow() time.Time { return now().Add(e.elapsed) }

// applyRetention deletes versions no build holds and code objects without versions, once older than the
// retention period. Versions a build holds stay: a deployed build's, or any build's, since the page keeps
// versions "part of a build".
func (e *Emulator) applyRetention() {
	cs := &e.st.sv.code
	cutoff := e.retentionNow().Add(-retentionPeriod)
	for sid, v := range cs.versions {
		if !v.DateCreated.After(cutoff) && !e.versionInBuild(sid) {
			delete(cs.versions, sid)
		}
	}
	for sid, f := range cs.code {
		if f.DateCreated.After(cutoff) {
			continue
		}
		has := false
		for _, v := range cs.versions {
			has = has || v.CodeSid == sid
		}
		if !has {
			delete(cs.code, sid)
		}
	}
}

// serveClock is the control endpoint POST /_emulator/clock {"advance_seconds": n}.
func (e *Emulator) serveClock(w http.ResponseWriter, r *http.Request) {
	var body struct {
		AdvanceSeconds int64 `json:"advance_seconds"`
	}
	if !decodeControl(w, r, &body) {
		return
	}
	e.AdvanceClock(time.Duration(body.AdvanceSeconds) * time.Second)
	w.WriteHeader(http.StatusNoContent)
}
