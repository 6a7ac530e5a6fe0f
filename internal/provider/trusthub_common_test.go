package provider

import (
	"encoding/json"
	"strings"
	"testing"
)

// Twilio does not document the shape of a rejection's `errors` (assumption trusthub-rejection-errors) nor
// every field of an evaluation's results: whatever the shape, the reason reaches the user, and passed
// requirements are left out.
func TestTrustFailures(t *testing.T) {
	for name, tc := range map[string]struct {
		entries []string
		want    []string
		not     []string
	}{
		"evaluation results": {
			entries: []string{`{"requirement_friendly_name":"Business Address","passed":false,"failure_reason":"A Business Address is missing."}`,
				`{"requirement_friendly_name":"Business Information","passed":true}`},
			want: []string{"Business Address: A Business Address is missing."},
			not:  []string{"Business Information"},
		},
		"rejection with a message":     {entries: []string{`{"code":22215,"message":"EIN does not match"}`}, want: []string{"EIN does not match"}},
		"rejection with a description": {entries: []string{`{"description":"Website unreachable"}`}, want: []string{"Website unreachable"}},
		"unknown object":               {entries: []string{`{"code":22216}`}, want: []string{`{"code":22216}`}},
		"bare string":                  {entries: []string{`"Business name mismatch"`}, want: []string{`"Business name mismatch"`}},
		"nothing":                      {want: []string{"Twilio gave no reason"}},
	} {
		t.Run(name, func(t *testing.T) {
			var raw []json.RawMessage
			for _, e := range tc.entries {
				raw = append(raw, json.RawMessage(e))
			}
			got := trustFailures(raw)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("trustFailures = %q, want it to quote %q", got, w)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("trustFailures = %q quotes the passed requirement %q", got, n)
				}
			}
		})
	}
}

// Twilio refuses edits to a bundle in review or approved (60711); drafts and rejected bundles are edited.
func TestTrustBundleEditable(t *testing.T) {
	for status, want := range map[string]bool{"draft": true, "twilio-rejected": true, "pending-review": false,
		"in-review": false, "twilio-approved": false} {
		if got := trustBundleEditable(status); got != want {
			t.Errorf("trustBundleEditable(%q) = %v, want %v", status, got, want)
		}
	}
}
