package emulator

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// A stale read answers GETs with Twilio's 404 naming the path, as many times as asked, and never
// disturbs a write: the object exists all along.
func TestStaleReadFault(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	app := h.must(h.post(h.main, accountPath(h.main.user, "/Applications.json"), url.Values{"FriendlyName": {"a"}}), 201)
	path := accountPath(h.main.user, "/Applications/"+app.str("sid")+".json")
	h.e.AddFault(Fault{Kind: FaultStaleRead, Path: app.str("sid"), Times: 2})
	h.must(h.post(h.main, path, url.Values{"FriendlyName": {"b"}}), 200) // a write is not a read
	for i := range 2 {
		r := h.get(h.main, path, nil)
		wantError(t, r, 404, 20404, "")
		if !strings.Contains(r.str("message"), path) {
			t.Errorf("read %d: message %q does not name the path", i, r.str("message"))
		}
	}
	if got := h.must(h.get(h.main, path, nil), 200).str("friendly_name"); got != "b" {
		t.Errorf("after the stale reads: friendly_name %q, want b", got)
	}
	log := h.e.Requests()
	if len(log) != 5 || log[2].Fault != FaultStaleRead || log[1].Fault != "" || log[4].Fault != "" {
		t.Errorf("request log = %+v", log)
	}
}

func TestBackdate(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	app := h.must(h.post(h.main, accountPath(h.main.user, "/Applications.json"), nil), 201)
	before, err := time.Parse(time.RFC1123Z, app.str("date_created"))
	if err != nil {
		t.Fatal(err)
	}
	if err := h.e.Backdate(app.str("sid"), time.Hour); err != nil {
		t.Fatal(err)
	}
	got := h.must(h.get(h.main, accountPath(h.main.user, "/Applications/"+app.str("sid")+".json"), nil), 200)
	if after, _ := time.Parse(time.RFC1123Z, got.str("date_created")); !after.Equal(before.Add(-time.Hour)) {
		t.Errorf("date_created %s, want an hour before %s", got.str("date_created"), app.str("date_created"))
	}
	if err := h.e.Backdate("AP"+strings.Repeat("0", 32), time.Hour); err == nil {
		t.Error("backdating an unknown SID succeeded")
	}
}
