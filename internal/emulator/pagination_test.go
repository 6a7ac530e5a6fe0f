package emulator

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// pageSids returns the SIDs of a list page's items.
func pageSids(r reply, key string) []string {
	var out []string
	for _, it := range r.list(key) {
		out = append(out, it.(map[string]any)["sid"].(string))
	}
	return out
}

func TestPagination2010(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	path := accountPath(m.user, "/Applications.json")
	var want []string
	for range 7 {
		want = append(want, h.must(h.post(m, path, url.Values{"FriendlyName": {"same"}}), 201).str("sid"))
	}

	r := h.must(h.get(m, path, url.Values{"PageSize": {"3"}, "FriendlyName": {"same"}}), 200)
	if r.str("first_page_uri") != path+"?FriendlyName=same&PageSize=3&Page=0" || r.body["previous_page_uri"] != nil ||
		r.body["page"] != float64(0) || r.body["page_size"] != float64(3) || r.body["start"] != float64(0) || r.body["end"] != float64(2) {
		t.Fatalf("first page = %v", r.body)
	}
	var got []string
	pages := 0
	for {
		pages++
		got = append(got, pageSids(r, "applications")...)
		next, ok := r.body["next_page_uri"].(string)
		if !ok {
			break
		}
		if !strings.Contains(next, "FriendlyName=same") {
			t.Errorf("next_page_uri %q lost the filter", next)
		}
		r = h.must(h.get(m, next, nil), 200)
	}
	if pages != 3 || strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("paged %d pages %v, want 3 pages %v", pages, got, want)
	}
	if r.body["start"] != float64(6) || r.body["end"] != float64(6) {
		t.Errorf("last page start/end = %v/%v", r.body["start"], r.body["end"])
	}
	prev := h.must(h.get(m, r.str("previous_page_uri"), nil), 200)
	if strings.Join(pageSids(prev, "applications"), ",") != strings.Join(want[3:6], ",") {
		t.Errorf("previous page = %v", pageSids(prev, "applications"))
	}

	// Deleting an item already seen does not make the next page skip one.
	first := h.must(h.get(m, path, url.Values{"PageSize": {"3"}}), 200)
	h.must(h.del(m, accountPath(m.user, "/Applications/"+want[0]+".json")), 204)
	second := h.must(h.get(m, first.str("next_page_uri"), nil), 200)
	if strings.Join(pageSids(second, "applications"), ",") != strings.Join(want[3:6], ",") {
		t.Errorf("page after a deletion = %v, want %v", pageSids(second, "applications"), want[3:6])
	}

	tests := []struct {
		name  string
		query url.Values
		count int
	}{
		{"default page size", nil, 6},
		{"largest page size", url.Values{"PageSize": {"1000"}}, 6},
		{"page past the end", url.Values{"PageSize": {"3"}, "Page": {"9"}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n := len(h.must(h.get(m, path, tt.query), 200).list("applications")); n != tt.count {
				t.Errorf("%d items, want %d", n, tt.count)
			}
		})
	}
	wantError(t, h.get(m, path, url.Values{"PageSize": {"0"}}), 400, 20001, "PageSize")
	// Twilio refuses a page size above 1000 rather than capping it (https://www.twilio.com/docs/errors/20007).
	wantError(t, h.get(m, path, url.Values{"PageSize": {"1001"}}), 400, 20007, "1000")
	wantError(t, h.get(m, path, url.Values{"Page": {"x"}}), 400, 20001, "Page")
}

func TestPaginationV1(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	m := h.main
	for range 5 {
		h.must(h.do(m, http.MethodPost, "studio.twilio.com", "/v2/Flows", flowForm("f", "draft")), 201)
	}
	r := h.must(h.do(m, http.MethodGet, "studio.twilio.com", "/v2/Flows", url.Values{"PageSize": {"2"}}), 200)
	total := 0
	for {
		total += len(r.list("flows"))
		meta := r.body["meta"].(map[string]any)
		if meta["key"] != "flows" || meta["page_size"] != float64(2) ||
			!strings.HasPrefix(meta["first_page_url"].(string), "https://studio.twilio.com/v2/Flows?PageSize=2&Page=0") {
			t.Fatalf("meta = %v", meta)
		}
		next, ok := meta["next_page_url"].(string)
		if !ok {
			break
		}
		u, err := url.Parse(next)
		if err != nil || u.Host != "studio.twilio.com" {
			t.Fatalf("next_page_url %q", next)
		}
		r = h.must(h.do(m, http.MethodGet, "studio.twilio.com", u.Path+"?"+u.RawQuery, nil), 200)
	}
	if total != 5 {
		t.Errorf("paged through %d flows, want 5", total)
	}
}
