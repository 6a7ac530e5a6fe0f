package provider

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

func TestCreatedRecently(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		date types.String
		want bool
	}{
		{"RFC 2822 a minute ago", types.StringValue("Fri, 01 May 2026 11:59:00 +0000"), true},
		{"RFC 2822 an hour ago", types.StringValue("Fri, 01 May 2026 11:00:00 +0000"), false},
		{"RFC 3339 (Studio) a minute ago", types.StringValue("2026-05-01T11:59:00Z"), true},
		{"RFC 3339 just outside the window", types.StringValue(now.Add(-staleReadWindow - time.Second).Format(time.RFC3339)), false},
		{"in the future (clock skew)", types.StringValue("2026-05-01T12:00:30Z"), true},
		{"null (an import)", types.StringNull(), false},
		{"unknown", types.StringUnknown(), false},
		{"unreadable", types.StringValue("yesterday"), false},
	}
	// The documentation states the window and the budget in words.
	if staleReadWindow != 5*time.Minute || staleReadWindowText != "5 minutes" || staleReadBudget != 10*time.Second || staleReadBudgetText != "10 seconds" {
		t.Error("staleReadWindowText and staleReadBudgetText must say staleReadWindow and staleReadBudget")
	}
	for _, tt := range tests {
		if got := createdRecently(tt.date, now); got != tt.want {
			t.Errorf("%s: createdRecently(%s) = %v, want %v", tt.name, tt.date, got, tt.want)
		}
	}
}

func TestReadAllowingLag(t *testing.T) {
	t.Parallel()
	notFound := &twilioclient.Error{Status: 404, Code: 20404}
	recent := types.StringValue(time.Now().UTC().Format(time.RFC3339))
	old := types.StringValue(time.Now().Add(-time.Hour).UTC().Format(time.RFC3339))
	script := func(errs ...error) (func() (int, error), *int) {
		calls := 0
		return func() (int, error) {
			calls++
			if calls <= len(errs) {
				return 0, errs[calls-1]
			}
			return 42, nil
		}, &calls
	}
	tests := []struct {
		name      string
		date      types.String
		errs      []error
		wantCalls int
		wantErr   bool
	}{
		{"recent: 404 twice, then found", recent, []error{notFound, notFound}, 3, false},
		{"old: 404 believed at once", old, []error{notFound}, 1, true},
		{"recent: other errors are not retried here", recent, []error{&twilioclient.Error{Status: 500}}, 1, true},
		{"recent: closed subaccount (not found without 404) is not retried", recent,
			[]error{errors.Join(errors.New("closed"), twilioclient.ErrNotFound)}, 1, true},
		{"found at once", recent, nil, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fetch, calls := script(tt.errs...)
			v, err := readAllowingLag(context.Background(), tt.date, fetch)
			if *calls != tt.wantCalls || (err != nil) != tt.wantErr || (err == nil && v != 42) {
				t.Errorf("calls %d (want %d), value %d, err %v", *calls, tt.wantCalls, v, err)
			}
		})
	}
	t.Run("cancelled", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := readAllowingLag(ctx, recent, func() (int, error) { return 0, notFound })
		if !twilioclient.IsNotFound(err) || time.Since(start) > time.Second {
			t.Errorf("a cancelled Read must stop retrying and keep the 404: %v after %s", err, time.Since(start))
		}
	})
}
