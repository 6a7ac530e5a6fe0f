package twilioclient

import (
	"reflect"
	"testing"
)

func TestRegistrationProblems(t *testing.T) {
	for _, tc := range []struct {
		name    string
		entries []map[string]any
		want    []string
	}{
		{"none", nil, []string{}},
		{"description and code", []map[string]any{{"code": float64(30792), "description": "General error"}},
			[]string{"General error (error 30792)"}},
		{"description only", []map[string]any{{"description": "EIN mismatch"}}, []string{"EIN mismatch"}},
		// An entry of another shape is kept whole rather than dropped: it may be the only reason given.
		{"other shape", []map[string]any{{"reason": "TAX_ID"}}, []string{`{"reason":"TAX_ID"}`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := RegistrationProblems(tc.entries); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBrandProblemsKeepsNonObjects(t *testing.T) {
	errs := []any{"a plain string", map[string]any{"description": "x"}}
	got := BrandProblems(&BrandRegistration{Errors: &errs})
	if want := []string{`{"entry":"a plain string"}`, "x"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
