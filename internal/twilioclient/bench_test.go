package twilioclient

import (
	"context"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// BenchmarkFindApplication is one refresh of a TwiML app through the whole client layer (per-call
// twilio-go set-up, the shared transport with its concurrency slot, JSON decoding, error mapping) against
// an in-process emulator on loopback with no latency. A regression in per-request set-up, such as a new
// HTTP client or connection per call, shows up in its time and allocations.
func BenchmarkFindApplication(b *testing.B) {
	e := emulator.New(emulator.Options{})
	srv, err := emulator.Start("127.0.0.1:0", e)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = srv.Close() })
	sid, token := e.MainAccount()
	c, err := New(Config{AccountSID: sid, AuthToken: token, BaseURL: srv.URL})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	params := &CreateApplicationParams{}
	params.SetFriendlyName("bench").SetVoiceUrl("https://voice.example.com/twiml")
	app, err := c.CreateApplication(ctx, sid, params)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.FindApplication(ctx, sid, *app.Sid); err != nil {
			b.Fatal(err)
		}
	}
}
