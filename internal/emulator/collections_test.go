package emulator

import (
	"net/url"
	"testing"
	"time"
)

// A refused update changes nothing, not even the parameters bound before the one that was refused.
func TestRevisedRefusedUpdateKeepsObject(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	base := accountPath(h.main.user, "/Applications")
	sid := h.must(h.post(h.main, base+".json", url.Values{"FriendlyName": {"before"}}), 201).str("sid")
	// FriendlyName is bound before VoiceUrl, which is refused.
	h.must(h.post(h.main, base+"/"+sid+".json", url.Values{"FriendlyName": {"after"}, "VoiceUrl": {"not a url"}}), 400)
	if got := h.must(h.get(h.main, base+"/"+sid+".json", nil), 200).str("friendly_name"); got != "before" {
		t.Errorf("friendly_name after a refused update = %q, want %q", got, "before")
	}
}

// An object whose date_updated is unset (a Studio flow before its first update) is dated from its creation,
// so the first update is never dated at or before the creation, even in the same second.
func TestTouchDatesFirstUpdateFromCreation(t *testing.T) {
	t.Parallel()
	created := now().Add(time.Hour)
	s := stamp{DateCreated: created}
	s.touch()
	if want := created.Add(time.Second); !s.DateUpdated.Equal(want) {
		t.Errorf("date_updated = %v, want %v (one second after date_created)", s.DateUpdated, want)
	}
}
