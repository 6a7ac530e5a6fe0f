package provider

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// campaignReplacedBy must name exactly the attributes whose schema replaces the campaign: the skip_destroy
// guard relies on it, because the framework does not tell a resource's ModifyPlan what its attributes'
// plan modifiers decided.
func TestCampaignReplacedByMatchesSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var sch resource.SchemaResponse
	(&a2pCampaignResource{}).Schema(ctx, resource.SchemaRequest{}, &sch)
	var want []string
	for name, a := range sch.Schema.Attributes {
		var descs []string
		switch a := a.(type) {
		case schema.StringAttribute:
			for _, m := range a.PlanModifiers {
				descs = append(descs, m.Description(ctx))
			}
		case schema.ListAttribute:
			for _, m := range a.PlanModifiers {
				descs = append(descs, m.Description(ctx))
			}
		case schema.BoolAttribute:
			for _, m := range a.PlanModifiers {
				descs = append(descs, m.Description(ctx))
			}
		}
		if slices.ContainsFunc(descs, func(d string) bool { return strings.Contains(d, "destroy and recreate") }) {
			want = append(want, name)
		}
	}
	// A plan whose every value is unknown differs from an empty state in every attribute.
	var plan a2pCampaignModel
	var unknown func(v reflect.Value)
	unknown = func(v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).Anonymous {
				// The embedded accountObjectFields: its own fields are the model's.
				unknown(v.Field(i))
				continue
			}
			switch v.Field(i).Interface().(type) {
			case types.String:
				v.Field(i).Set(reflect.ValueOf(types.StringUnknown()))
			case types.Bool:
				v.Field(i).Set(reflect.ValueOf(types.BoolUnknown()))
			case types.List:
				v.Field(i).Set(reflect.ValueOf(types.ListUnknown(types.StringType)))
			}
		}
	}
	unknown(reflect.ValueOf(&plan).Elem())
	got := campaignReplacedBy(&plan, &a2pCampaignModel{})
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("campaignReplacedBy compares %v; the schema replaces the campaign on %v", got, want)
	}
}
