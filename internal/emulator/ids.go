package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"time"
)

const (
	rfc2822 = "Mon, 02 Jan 2006 15:04:05 -0700" // 2010 API and IAM v1 dates, always +0000
	iso8601 = "2006-01-02T15:04:05Z"            // Studio v2 dates
)

// newSID returns prefix + 32 random lowercase hex digits, Twilio's SID shape.
func newSID(prefix string) string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return prefix + hex.EncodeToString(b[:])
}

const alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// newSecret returns 32 alphanumeric characters: auth tokens and key secrets.
// twilio-go refuses non-alphanumeric credentials before sending them.
func newSecret() string {
	var b [32]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	for i := range b {
		b[i] = alphanumerics[int(b[i])%len(alphanumerics)]
	}
	return string(b[:])
}

// now is the emulator's clock: UTC, truncated to the second like Twilio's
// dates.
func now() time.Time { return time.Now().UTC().Truncate(time.Second) }

// touched returns the new date_updated of a resource last updated at prev.
// Twilio's dates have one-second resolution, so an update in the same second
// as the previous write would not show; the emulator moves the date forward
// by a second then, so that clients can rely on date_updated changing.
func touched(prev time.Time) time.Time {
	t := now()
	if !t.After(prev) {
		t = prev.Add(time.Second)
	}
	return t
}

func fmt2822(t time.Time) string { return t.UTC().Format(rfc2822) }

func fmtISO(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(iso8601)
	return &s
}

// nullable maps "" to JSON null.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
