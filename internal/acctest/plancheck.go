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

// ExpectOnlyChanges checks that the plan changes exactly the given resource addresses (each with some
// action) and leaves every other resource as it is: the promise that a Console edit is planned as exactly
// that edit, with nothing else replaced or updated along the way.
func ExpectOnlyChanges(addrs ...string) plancheck.PlanCheck {
	return onlyChanges{want: addrs}
}

type onlyChanges struct{ want []string }

func (c onlyChanges) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	var got []string
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Change != nil && !rc.Change.Actions.NoOp() && !rc.Change.Actions.Read() {
			got = append(got, fmt.Sprintf("%s (%v)", rc.Address, rc.Change.Actions))
		}
	}
	sort.Strings(got)
	var missing []string
	for _, a := range c.want {
		if !slices.ContainsFunc(got, func(g string) bool { return len(g) > len(a) && g[:len(a)+1] == a+" " }) {
			missing = append(missing, a)
		}
	}
	if len(missing) > 0 || len(got) != len(c.want) {
		resp.Error = fmt.Errorf("expected the plan to change exactly %v, it changes %v", c.want, got)
	}
}
