package emulator

import (
	"slices"
	"time"
)

// stamp is what every stored object carries: when it was made and last changed, and its place in
// creation order, which is the order Twilio's lists answer in (oldest first) and the order of a
// Snapshot.
type stamp struct {
	DateCreated time.Time `json:"date_created"`
	DateUpdated time.Time `json:"date_updated"`
	seq         int64
}

func (s *stamp) order() int64 { return s.seq }

// ordered is a stored object with a place in creation order.
type ordered interface{ order() int64 }

// sorted returns the map's values in creation order, filtered by keep (nil keeps all).
func sorted[P ordered](m map[string]P, keep func(P) bool) []P {
	out := make([]P, 0, len(m))
	for _, v := range m {
		if keep == nil || keep(v) {
			out = append(out, v)
		}
	}
	slices.SortFunc(out, func(a, b P) int { return int(a.order() - b.order()) })
	return out
}
