package twilioclient

import (
	"context"
	"testing"
	"time"
)

func TestBackoffDelay(t *testing.T) {
	b := Backoff{Min: 100 * time.Millisecond, Max: time.Second}
	for attempt, want := range []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond,
		800 * time.Millisecond, time.Second, time.Second} {
		if got := b.Delay(attempt); got != want {
			t.Errorf("Delay(%d) = %v, want %v", attempt, got, want)
		}
	}
	if got := b.Delay(100); got != time.Second {
		t.Errorf("Delay(100) = %v, want the cap", got)
	}
	j := Backoff{Min: 100 * time.Millisecond, Max: time.Second, Jitter: true}
	for attempt := range 6 {
		if d, full := j.Delay(attempt), b.Delay(attempt); d < full/2 || d > full {
			t.Errorf("jittered Delay(%d) = %v, want within [%v, %v]", attempt, d, full/2, full)
		}
	}
}

// Retry stops as soon as try is satisfied, never waits past the deadline, and stops when ctx ends.
func TestBackoffRetry(t *testing.T) {
	b := Backoff{Min: 10 * time.Millisecond, Max: 20 * time.Millisecond}
	calls := 0
	b.Retry(context.Background(), time.Now().Add(time.Minute), func(attempt int) bool {
		calls++
		return attempt < 2
	})
	if calls != 3 {
		t.Errorf("%d calls, want 3 (two retries, then satisfied)", calls)
	}
	start, calls := time.Now(), 0
	b.Retry(context.Background(), start.Add(100*time.Millisecond), func(int) bool { calls++; return true })
	if el := time.Since(start); el > 500*time.Millisecond || calls < 2 {
		t.Errorf("until the deadline: %d calls in %v, want several, ending near 100ms", calls, el)
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls = 0
	b.Retry(ctx, time.Now().Add(time.Minute), func(int) bool { calls++; cancel(); return true })
	if calls != 1 {
		t.Errorf("after ctx ended: %d calls, want 1", calls)
	}
}

func TestCreatedSince(t *testing.T) {
	since := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	date := func(t time.Time) *string { s := t.Format(time.RFC1123Z); return &s }
	for _, tc := range []struct {
		date *string
		want bool
	}{
		{date(since), true},
		{date(since.Add(-ClockSkew)), true},
		{date(since.Add(-ClockSkew - time.Second)), false},
		{nil, false},
		{new(string), false},
	} {
		if got := CreatedSince(tc.date, since); got != tc.want {
			t.Errorf("CreatedSince(%v) = %v, want %v", tc.date, got, tc.want)
		}
	}
}
