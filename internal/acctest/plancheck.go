package acctest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"

	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// ExpectChangedAttributes checks that the planned change to addr touches exactly the given top-level
// attributes: the drift promise that a Console edit shows up as that attribute and nothing else.
// Attributes computed by Twilio on every write (date_updated) are ignored.
func ExpectChangedAttributes(addr string, attrs ...string) plancheck.PlanCheck {
	return changedAttributes{addr: addr, want: attrs}
}

type changedAttributes struct {
	addr string
	want []string
}

// ignoredOnUpdate are computed attributes Twilio refreshes on every write; they are unknown in any update
// plan by design, not drift.
var ignoredOnUpdate = []string{"date_updated"}

func (c changedAttributes) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.addr {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		unknown, _ := rc.Change.AfterUnknown.(map[string]any)
		var got []string
		for name := range unionKeys(before, after, unknown) {
			if slices.Contains(ignoredOnUpdate, name) {
				continue
			}
			if u, ok := unknown[name].(bool); ok && u {
				got = append(got, name)
				continue
			}
			if !reflect.DeepEqual(before[name], after[name]) {
				got = append(got, name)
			}
		}
		sort.Strings(got)
		want := slices.Clone(c.want)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			resp.Error = fmt.Errorf("%s: expected the plan to change exactly %v, it changes %v", c.addr, want, got)
		}
		return
	}
	resp.Error = fmt.Errorf("%s: not in the plan", c.addr)
}

func unionKeys(maps ...map[string]any) map[string]bool {
	out := map[string]bool{}
	for _, m := range maps {
		for k := range m {
			out[k] = true
		}
	}
	return out
}
