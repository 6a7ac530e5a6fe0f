// Package serverlessruntime is the one home of the Node.js runtimes Twilio Functions & Assets builds on,
// with the dates Twilio made each available and stopped building it. The provider validates a build's
// runtime with it at plan time and the emulator refuses what Twilio refuses with it; it imports nothing of
// the project, so both may use it.
//
// Sources:
//   - https://www.twilio.com/docs/runtime/runtime-node-upgrade (Functions and Assets Node.js v18 Upgrade):
//     after February 1st, 2024 changes must be deployed on Node.js v18, so node16 and every older runtime
//     were refused from that date.
//   - https://www.twilio.com/en-us/changelog/node-js-v18-support-ending-for-twilio-functions-and-assets
//     (2025-05-29): from November 10, 2025 "Deployments using Node.js v18 after this date will fail";
//     https://www.twilio.com/docs/runtime/twilio-functions-nodejs-v10-upgrade (the Node.js v22 upgrade page):
//     after that date changes "will need to be deployed on Node.js v20 or v22", and a new service uses v22.
//   - https://www.twilio.com/en-us/changelog/node-js-v24-is-now-available-for-twilio-functions (2026-07-08):
//     node24 is a build runtime; "Node.js v22 remains the current default".
//   - https://www.twilio.com/docs/errors/82007 (Unsupported Runtime): the answer to a build with a runtime
//     Twilio no longer supports, or without one when the service's last successful build used such a runtime.
//
// Twilio's Serverless OpenAPI description (build_enum_runtime) still lists node8 to node22 and not node24;
// the changelog is newer than the description.
package serverlessruntime

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Default is the runtime Twilio builds with when a build names none and the service has no earlier
// successful build (the node24 changelog: "Node.js v22 remains the current default").
const Default = "node22"

// Runtime is one Node.js runtime of Twilio Functions & Assets.
type Runtime struct {
	// ID is the value of a build's Runtime parameter (node22).
	ID string
	// Available is the first day Twilio builds with it; zero for runtimes older than the sources.
	Available time.Time
	// Retired is the first day Twilio refuses to build with it; zero while it is supported.
	Retired time.Time
	// Source is the Twilio page that dates the runtime.
	Source string
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

const (
	node18Upgrade = "https://www.twilio.com/docs/runtime/runtime-node-upgrade"
	node18Ending  = "https://www.twilio.com/en-us/changelog/node-js-v18-support-ending-for-twilio-functions-and-assets"
	node22Upgrade = "https://www.twilio.com/docs/runtime/twilio-functions-nodejs-v10-upgrade"
	node24Added   = "https://www.twilio.com/en-us/changelog/node-js-v24-is-now-available-for-twilio-functions"
)

// all lists every runtime Twilio's description or changelog names, oldest first.
var all = []Runtime{
	{ID: "node8", Retired: day("2024-02-01"), Source: node18Upgrade},
	{ID: "node10", Retired: day("2024-02-01"), Source: node18Upgrade},
	{ID: "node12", Retired: day("2024-02-01"), Source: node18Upgrade},
	{ID: "node14", Retired: day("2024-02-01"), Source: node18Upgrade},
	{ID: "node16", Retired: day("2024-02-01"), Source: node18Upgrade},
	{ID: "node18", Retired: day("2025-11-10"), Source: node18Ending},
	{ID: "node20", Source: node22Upgrade},
	{ID: "node22", Source: node22Upgrade},
	{ID: "node24", Available: day("2026-07-08"), Source: node24Added},
}

// All returns every known runtime, oldest first, retired ones included.
func All() []Runtime { return slices.Clone(all) }

// Lookup finds a runtime by its ID.
func Lookup(id string) (Runtime, bool) {
	i := slices.IndexFunc(all, func(r Runtime) bool { return r.ID == id })
	if i < 0 {
		return Runtime{}, false
	}
	return all[i], true
}

// Usable reports whether Twilio builds with r on the given day.
func (r Runtime) Usable(at time.Time) bool {
	return !at.Before(r.Available) && (r.Retired.IsZero() || at.Before(r.Retired))
}

// Supported lists the IDs of the runtimes Twilio builds with on the given day, oldest first.
func Supported(at time.Time) []string {
	var out []string
	for _, r := range all {
		if r.Usable(at) {
			out = append(out, r.ID)
		}
	}
	return out
}

// Check returns nil when Twilio builds with runtime id on the given day, otherwise an error that says why
// (retired on a date, not yet available, unknown) and which runtime to use instead.
func Check(id string, at time.Time) error {
	r, ok := Lookup(id)
	use := fmt.Sprintf("use %s (Twilio's default) or one of %s", Default, strings.Join(Supported(at), ", "))
	switch {
	case !ok:
		return fmt.Errorf("%q is not a Twilio Functions runtime; %s", id, use)
	case !r.Retired.IsZero() && !at.Before(r.Retired):
		return fmt.Errorf("%s is retired: Twilio stopped building it on %s (%s); %s", id, r.Retired.Format(time.DateOnly), r.Source, use)
	case at.Before(r.Available):
		return fmt.Errorf("%s is not available yet: Twilio builds it from %s (%s); %s", id, r.Available.Format(time.DateOnly), r.Source, use)
	}
	return nil
}
