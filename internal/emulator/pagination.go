package emulator

import (
	"net/url"
	"strconv"
	"strings"
)

const (
	defaultPageSize = 50
	maxPageSize     = 1000
)

// pageReq is a list request's paging: PageSize, Page and PageToken.
//
// ASSUMPTION(page-tokens): Twilio's page tokens are opaque and it does not
// document what paging does while items are deleted. The emulator's are "PA" or "PB" followed
// by the SID after (or before) which the page starts, so that a client paging
// through a list while items are deleted neither skips nor repeats items.
type pageReq struct {
	size   int
	number int
	token  string
}

func parsePage(form url.Values) (pageReq, *apiError) {
	pg := pageReq{size: defaultPageSize, token: form.Get("PageToken")}
	if v := form.Get("PageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return pg, badRequest(codeInvalidParameter, "PageSize must be a positive integer, not %q", v)
		}
		if n > maxPageSize {
			// Twilio refuses rather than caps: https://www.twilio.com/docs/errors/20007.
			return pg, badRequest(codePageSizeTooLarge, "Page size too large: PageSize %d is above the maximum of %d", n, maxPageSize)
		}
		pg.size = n
	}
	if v := form.Get("Page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return pg, badRequest(codeInvalidParameter, "Page must be a non-negative integer, not %q", v)
		}
		pg.number = n
	}
	return pg, nil
}

// pageOf is one page of a list.
type pageOf[T any] struct {
	items   []*T
	start   int
	hasNext bool
	first   string // SID of the first item, for the previous page's token
	last    string // SID of the last item, for the next page's token
}

// paginate cuts one page out of all (in list order).
func paginate[T any](all []*T, sid func(*T) string, pg pageReq) pageOf[T] {
	start := pg.number * pg.size
	indexOf := func(s string) int {
		for i, v := range all {
			if sid(v) == s {
				return i
			}
		}
		return -1
	}
	switch {
	case strings.HasPrefix(pg.token, "PA"):
		if i := indexOf(pg.token[2:]); i >= 0 {
			start = i + 1
		}
	case strings.HasPrefix(pg.token, "PB"):
		if i := indexOf(pg.token[2:]); i >= 0 {
			start = max(0, i-pg.size)
		}
	}
	start = min(start, len(all))
	end := min(start+pg.size, len(all))
	p := pageOf[T]{items: all[start:end], start: start, hasNext: end < len(all)}
	if len(p.items) > 0 {
		p.first, p.last = sid(p.items[0]), sid(p.items[len(p.items)-1])
	}
	return p
}

// filters are a list request's filter parameters, in the order Twilio echoes
// them in page URIs.
type filters [][2]string

func (f filters) query(size, page int, token string) string {
	var b strings.Builder
	for _, kv := range f {
		if kv[1] == "" {
			continue
		}
		b.WriteString(url.QueryEscape(kv[0]) + "=" + url.QueryEscape(kv[1]) + "&")
	}
	b.WriteString("PageSize=" + strconv.Itoa(size) + "&Page=" + strconv.Itoa(page))
	if token != "" {
		b.WriteString("&PageToken=" + url.QueryEscape(token))
	}
	return b.String()
}

// pageLinks are the current, first, previous and next page addresses.
type pageLinks struct {
	url, first  string
	prev, next  *string
	start, end  int
	size, index int
}

func links[T any](prefix string, f filters, pg pageReq, p pageOf[T]) pageLinks {
	l := pageLinks{
		url:   prefix + "?" + f.query(pg.size, pg.number, pg.token),
		first: prefix + "?" + f.query(pg.size, 0, ""),
		start: p.start,
		end:   p.start + max(len(p.items)-1, 0),
		size:  pg.size,
		index: pg.number,
	}
	if p.hasNext {
		s := prefix + "?" + f.query(pg.size, pg.number+1, "PA"+p.last)
		l.next = &s
	}
	if pg.number > 0 && p.first != "" {
		s := prefix + "?" + f.query(pg.size, pg.number-1, "PB"+p.first)
		l.prev = &s
	}
	return l
}

// list2010 is the 2010 API's list envelope; key names the item array.
func list2010[T any](c *call, key string, f filters, pg pageReq, p pageOf[T], render func(*T) any) map[string]any {
	l := links(c.path, f, pg, p)
	items := make([]any, 0, len(p.items))
	for _, it := range p.items {
		items = append(items, render(it))
	}
	return map[string]any{
		key:                 items,
		"uri":               l.url,
		"first_page_uri":    l.first,
		"previous_page_uri": l.prev,
		"next_page_uri":     l.next,
		"page":              l.index,
		"page_size":         l.size,
		"start":             l.start,
		"end":               l.end,
	}
}

// listV1 is the envelope of the v1/v2 APIs (IAM, Studio): a meta object with
// absolute URLs.
func listV1[T any](c *call, key string, f filters, pg pageReq, p pageOf[T], render func(*T) any) map[string]any {
	l := links(c.base+c.path, f, pg, p)
	items := make([]any, 0, len(p.items))
	for _, it := range p.items {
		items = append(items, render(it))
	}
	return map[string]any{
		key: items,
		"meta": map[string]any{
			"page":              l.index,
			"page_size":         l.size,
			"first_page_url":    l.first,
			"previous_page_url": l.prev,
			"url":               l.url,
			"next_page_url":     l.next,
			"key":               key,
		},
	}
}
