package twilioclient

import (
	"context"
	"math/rand/v2"
	"time"
)

// The two timing rules every retry and every "created since" test follows, in one place: how long to wait
// between attempts (Backoff), and how far Twilio's clock may be from ours (ClockSkew).

// ClockSkew widens "created since" windows: Twilio dates have one-second resolution and its clock is not
// ours. The provider's overlap test for same-name creates uses it too.
const ClockSkew = 5 * time.Second

// CreatedSince reports whether a Twilio 2010 date (RFC 2822) is at or after since, allowing for skew.
func CreatedSince(date *string, since time.Time) bool {
	if date == nil {
		return false
	}
	t, err := time.Parse(time.RFC1123Z, *date)
	return err == nil && CreatedAfter(&t, since)
}

// CreatedAfter is CreatedSince for the products that return parsed times (IAM, Studio, Serverless,
// Numbers).
func CreatedAfter(t *time.Time, since time.Time) bool {
	return t != nil && !t.Before(since.Add(-ClockSkew))
}

// Backoff paces the attempts of a retry loop: exponential from Min, capped at Max, with full jitter when
// Jitter is set (spreading retries keeps a bulk apply from hammering Twilio in lockstep after a burst).
type Backoff struct {
	Min, Max time.Duration
	Jitter   bool
}

// Delay is the wait after the given attempt (0 for the first).
func (b Backoff) Delay(attempt int) time.Duration {
	d := b.Min << min(attempt, 16)
	if d <= 0 || d > b.Max {
		d = b.Max
	}
	if b.Jitter {
		return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
	}
	return d
}

// Retry calls try at once and again, after Delay, while it asks to (it returns true), until the deadline
// passes or ctx ends. A wait never runs past the deadline.
func (b Backoff) Retry(ctx context.Context, deadline time.Time, try func(attempt int) (again bool)) {
	for attempt := 0; try(attempt); attempt++ {
		left := time.Until(deadline)
		if left <= 0 || ctx.Err() != nil {
			return
		}
		t := time.NewTimer(min(b.Delay(attempt), left))
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}
