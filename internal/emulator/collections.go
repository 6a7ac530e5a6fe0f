package emulator

import (
	"net/http"
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

func (s *stamp) stampOf() *stamp { return s }

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

// envelope wraps one page of a list in an API's list shape: list2010 or listV1.
type envelope[T any] func(c *call, key string, f filters, pg pageReq, p pageOf[T], render func(*T) any) map[string]any

// listed answers a list request: it reads the paging parameters, cuts the requested page out of all
// (already filtered and in list order; sid names an item in page tokens) and wraps it in the API's
// envelope under key, echoing the filters in the page URLs.
func listed[T any](c *call, wrap envelope[T], key string, f filters, all []*T, sid func(*T) string,
	render func(*T) any) result {
	pg, err := parsePage(c.form)
	if err != nil {
		return result{err: err}
	}
	return result{status: http.StatusOK, body: wrap(c, key, f, pg, paginate(all, sid, pg), render)}
}

// created is a create's answer: v, which the handler made, is kept in m under sid and the answer is 201 with
// body().
func created[P interface{ stampOf() *stamp }](e *Emulator, m map[string]P, sid string, v P, body func() any) result {
	keep(e, m, sid, v)
	return result{status: http.StatusCreated, body: body()}
}

// keep stores v, new in the store (made by a create or a test control), in m under sid, last in creation
// order.
func keep[P interface{ stampOf() *stamp }](e *Emulator, m map[string]P, sid string, v P) {
	v.stampOf().seq = e.st.nextSeq()
	m[sid] = v
}

// answer is a fetch or update's answer: 200 with body() once the handler found its object, or the error
// (usually 404) that kept it from finding it.
func answer(err *apiError, body func() any) result {
	if err != nil {
		return result{err: err}
	}
	return result{status: http.StatusOK, body: body()}
}

// gone is a delete's answer: 204 once drop has removed the object the handler found, or the error
// (usually 404) that kept it from finding it.
func gone(err *apiError, drop func()) result {
	if err != nil {
		return result{err: err}
	}
	drop()
	return result{status: http.StatusNoContent}
}

// touch moves date_updated on after a change (see touched). A Studio flow's date_updated is null until its
// first update, so then the change is dated from its creation.
func (s *stamp) touch() {
	last := s.DateUpdated
	if last.IsZero() {
		last = s.DateCreated
	}
	s.DateUpdated = touched(last)
}

// revised is an update's answer. edit changes a copy of the object the handler found; only when it
// succeeds does the copy replace the object, with date_updated moved on, and the answer is 200 with
// body(). A failed update leaves the object as it was.
func revised[T any, P interface {
	*T
	touch()
}](v P, err *apiError, edit func(next P) *apiError, body func() any) result {
	if err != nil {
		return result{err: err}
	}
	next := *v
	if err := edit(&next); err != nil {
		return result{err: err}
	}
	P(&next).touch()
	*v = next
	return result{status: http.StatusOK, body: body()}
}

// findIn finds the object m holds under sid if it belongs where the request's path says (in reports that:
// the target account, the service, the function), or answers 404 for the path: another account's object
// is not found either.
func findIn[T any](c *call, m map[string]*T, sid string, in func(*T) bool) (*T, *apiError) {
	v := m[sid]
	if v == nil || !in(v) {
		return nil, notFound(c.path)
	}
	return v, nil
}

// v1Meta is how every resource of the v1 and v2 APIs (Serverless, Numbers) ends: its ISO 8601 dates, null
// while unset, and its absolute URL.
type v1Meta struct {
	DateCreated *string `json:"date_created"`
	DateUpdated *string `json:"date_updated"`
	URL         string  `json:"url"`
}

// metaAt is the v1Meta of an object whose URL is url.
func (s *stamp) metaAt(url string) v1Meta {
	return v1Meta{DateCreated: fmtISO(s.DateCreated), DateUpdated: fmtISO(s.DateUpdated), URL: url}
}
