package serverlessruntime

import (
	"strings"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		id, at string
		want   []string // substrings of the error; nil when the runtime is usable
	}{
		{"node22", "2026-12-06", nil},
		{"node20", "2026-12-06", nil},
		{"node24", "2026-12-06", nil},
		{"node24", "2026-07-08", nil},
		{"node24", "2026-07-07", []string{"not available yet", "2026-07-08", "use node22"}},
		{"node18", "2025-11-09", nil},
		{"node18", "2025-11-10", []string{"node18 is retired", "2025-11-10", "use node22", "one of node20, node22"}},
		{"node18", "2026-12-06", []string{"retired", "one of node20, node22, node24"}},
		{"node16", "2024-01-31", nil},
		{"node16", "2024-02-01", []string{"retired", "2024-02-01"}},
		{"node8", "2026-12-06", []string{"retired", "2024-02-01"}},
		{"node26", "2026-12-06", []string{`"node26" is not a Twilio Functions runtime`, "use node22"}},
	} {
		at, _ := time.Parse(time.DateOnly, tc.at)
		err := Check(tc.id, at)
		if tc.want == nil {
			if err != nil {
				t.Errorf("Check(%s, %s) = %v, want nil", tc.id, tc.at, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("Check(%s, %s) = nil, want an error", tc.id, tc.at)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Check(%s, %s) = %q, want it to mention %q", tc.id, tc.at, err, w)
			}
		}
	}
}

// TestDefaultIsSupported: the default must be a runtime Twilio builds with today, and every runtime cites
// a Twilio page.
func TestDefaultIsSupported(t *testing.T) {
	t.Parallel()
	if err := Check(Default, time.Now()); err != nil {
		t.Fatal(err)
	}
	for _, r := range All() {
		if !strings.HasPrefix(r.Source, "https://www.twilio.com/") {
			t.Errorf("%s: source %q is not a Twilio page", r.ID, r.Source)
		}
	}
}
