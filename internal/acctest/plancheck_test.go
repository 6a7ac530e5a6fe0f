package acctest

import (
	"context"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

func TestExpectOnlyChanges(t *testing.T) {
	t.Parallel()
	change := func(addr string, a tfjson.Action) *tfjson.ResourceChange {
		return &tfjson.ResourceChange{Address: addr, Change: &tfjson.Change{Actions: tfjson.Actions{a}}}
	}
	for _, tc := range []struct {
		name    string
		changes []*tfjson.ResourceChange
		ok      bool
	}{
		{"exactly the one", []*tfjson.ResourceChange{change("a.x[1]", tfjson.ActionCreate), change("a.x[0]", tfjson.ActionNoop)}, true},
		{"a prefix is not the address", []*tfjson.ResourceChange{change("a.x[10]", tfjson.ActionCreate)}, false},
		{"another change too", []*tfjson.ResourceChange{change("a.x[1]", tfjson.ActionCreate), change("b.y", tfjson.ActionUpdate)}, false},
		{"nothing planned", []*tfjson.ResourceChange{change("a.x[1]", tfjson.ActionNoop)}, false},
	} {
		resp := &plancheck.CheckPlanResponse{}
		ExpectOnlyChanges("a.x[1]").CheckPlan(context.Background(), plancheck.CheckPlanRequest{Plan: &tfjson.Plan{ResourceChanges: tc.changes}}, resp)
		if (resp.Error == nil) != tc.ok {
			t.Errorf("%s: error %v, want ok %v", tc.name, resp.Error, tc.ok)
		}
	}
}
