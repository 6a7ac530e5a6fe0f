// Package twilioregion is the one home of what Twilio documents about processing regions, edge locations
// and the REST API host names they make. The client layer uses it to build hosts and refuse bad settings;
// the emulator uses it to route and to refuse what Twilio refuses. It imports nothing of the project.
//
// Sources:
//   - https://www.twilio.com/docs/global-infrastructure/api-domain-migration-guide and the changelog entry
//     https://www.twilio.com/en-us/changelog/deprecation-of-region-specific-twilio-api-domain-patterns:
//     api.{ie1,au1,br1,de1,jp1,sg1,us2}.twilio.com stopped working on 2026-04-28; api.us1.twilio.com stays
//     valid; hosts with a city segment (api.dublin.ie1.twilio.com) are unaffected; Twilio processes data in
//     the US, Ireland or Australia only.
//   - https://www.twilio.com/docs/global-infrastructure/edge-locations/legacy-regions: the legacy IDs and
//     the edge each became (au1 sydney, br1 sao-paulo, ie1 dublin, de1 frankfurt, jp1 tokyo, sg1 singapore,
//     us1 ashburn, us2 umatilla).
//   - https://www.twilio.com/docs/global-infrastructure/edge-locations: the public edge IDs, and the private
//     Interconnect edge IDs for customers with Interconnect connections;
//     https://www.twilio.com/docs/interconnect/configure-your-application lists those (ashburn-ix, san-jose-ix,
//     sao-paulo-ix, london-ix, frankfurt-ix, singapore-ix, tokyo-ix, sydney-ix) with the REST host example
//     api.ashburn-ix.us1.twilio.com.
//   - osaka: no Twilio page available here lists it; it is accepted as an assumption (osaka-edge in
//     internal/emulator/FIDELITY.md): refusing a valid edge would block its users, while an edge Twilio
//     does not serve fails on the first request, before anything is created.
//   - https://www.twilio.com/docs/global-infrastructure/regional-product-and-feature-availability and the
//     per-product pages named in products below: which products a processing region offers.
//   - https://www.twilio.com/docs/global-infrastructure/using-the-twilio-rest-api-in-a-non-us-region: the
//     host format {product}.{edge}.{region}.twilio.com; hosts without edge and region go to US1.
//   - https://www.twilio.com/docs/global-infrastructure/manage-regional-api-credentials: an auth token or
//     API key is valid only in the region it was created in.
package twilioregion

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Default is the region Twilio processes a request in when the host names none.
const Default = "us1"

// defaultEdges maps each processing region to the edge location in its own country, the edge Twilio's
// documentation pairs it with (api.dublin.ie1.twilio.com, api.sydney.au1.twilio.com).
var defaultEdges = map[string]string{
	"us1": "ashburn",
	"ie1": "dublin",
	"au1": "sydney",
}

// legacyRegions are the retired region-style IDs that were edge selectors, not processing regions: a
// request to api.jp1.twilio.com was processed in US1. Each maps to the edge it became.
var legacyRegions = map[string]string{
	"br1": "sao-paulo",
	"de1": "frankfurt",
	"jp1": "tokyo",
	"sg1": "singapore",
	"us2": "umatilla",
}

// edges are the public edge location IDs, then the private Interconnect ones, then osaka (see the package
// comment).
var edges = []string{"ashburn", "dublin", "frankfurt", "roaming", "sao-paulo", "singapore", "sydney", "tokyo", "umatilla",
	"ashburn-ix", "frankfurt-ix", "london-ix", "san-jose-ix", "sao-paulo-ix", "singapore-ix", "sydney-ix", "tokyo-ix",
	"osaka"}

// Regions lists the processing regions, sorted.
func Regions() []string { return sortedKeys(defaultEdges) }

// Edges lists the edge location IDs: public, Interconnect (-ix), osaka.
func Edges() []string { return slices.Clone(edges) }

// Products whose regional availability Twilio documents apart from its core REST API.
const (
	ProductServerless = "serverless" // Functions and Assets (serverless and serverless-upload hosts)
	ProductStudio     = "studio"
)

// Offering is how Twilio offers a product in a processing region.
type Offering struct {
	// Stage is "GA", "public beta" or "" (not offered).
	Stage string
	// Source is the Twilio page that says so.
	Source string
}

const (
	availabilityPage = "https://www.twilio.com/docs/global-infrastructure/regional-product-and-feature-availability"
	functionsRegions = "https://www.twilio.com/docs/global-infrastructure/regional-support-functions-assets"
	studioIE1        = "https://www.twilio.com/docs/global-infrastructure/studio-with-twilio-regions"
)

// products maps a product to the processing regions that offer it. The availability page lists what each
// non-US region offers: IE1 Functions and Assets (and, per Studio's own page, Studio as a public beta, API
// included); AU1 Programmable Voice and Elastic SIP Trunking only, with Functions and Assets "Upcoming" on
// their regional support page. "Regions operate in isolation": a product a region does not list does not
// work there.
var products = map[string]map[string]Offering{
	ProductServerless: {
		"us1": {"GA", functionsRegions},
		"ie1": {"GA", "https://www.twilio.com/docs/global-infrastructure/functions-and-assets-with-twilio-regions"},
	},
	ProductStudio: {
		"us1": {"GA", availabilityPage},
		"ie1": {"public beta", studioIE1},
	},
}

// Offered reports how Twilio offers product in region ("" for Twilio's default host means us1). Products
// without a regional restriction documented here (the 2010 API, IAM, Numbers) are offered everywhere.
func Offered(product, region string) (Offering, bool) {
	if region == "" {
		region = Default
	}
	regions, restricted := products[product]
	if !restricted {
		return Offering{Stage: "GA"}, true
	}
	o, ok := regions[region]
	return o, ok
}

// ProductError is nil when Twilio offers product in region, else an error naming both, the regions that
// offer it and the source.
func ProductError(product, region string) error {
	if _, ok := Offered(product, region); ok {
		return nil
	}
	name := map[string]string{ProductServerless: "Functions and Assets (Serverless)", ProductStudio: "Studio"}[product]
	return fmt.Errorf("%s is not offered in the %s region: Twilio offers it in %s only (%s)", name, region,
		strings.Join(sortedKeys(products[product]), ", "), availabilityPage)
}

// DefaultEdge is the edge used for a processing region when none is configured.
func DefaultEdge(region string) string { return defaultEdges[region] }

// IsRegion reports whether region is a processing region.
func IsRegion(region string) bool {
	_, ok := defaultEdges[region]
	return ok
}

// IsEdge reports whether edge is a public edge location ID.
func IsEdge(edge string) bool { return slices.Contains(edges, edge) }

// Resolve turns a configured region and edge into the pair a host is built from. Both empty means
// Twilio's default host (api.twilio.com: US1). A region without an edge gets its default edge, so the
// retired api.{region}.twilio.com pattern is never built; an edge without a region means US1, as in
// Twilio's SDKs. Unknown or retired values are an error that says what to use instead.
func Resolve(region, edge string) (string, string, error) {
	if region == "" && edge == "" {
		return "", "", nil
	}
	if region != "" && !IsRegion(region) {
		if became, ok := legacyRegions[region]; ok {
			return "", "", fmt.Errorf("region %q is a retired edge ID, not a processing region: Twilio processed "+
				"api.%s.twilio.com requests in us1 and stopped answering that host on 2026-04-28. Remove region to "+
				"use us1 (the %q edge is chosen automatically for REST requests), or choose a processing region "+
				"(%s) with credentials made in that region", region, region, became, strings.Join(Regions(), ", "))
		}
		return "", "", fmt.Errorf("region %q is not a Twilio processing region; choose one of %s", region,
			strings.Join(Regions(), ", "))
	}
	if edge != "" && !IsEdge(edge) {
		hint := ""
		if became, ok := legacyRegions[edge]; ok {
			hint = fmt.Sprintf(" (the legacy ID %q is now the edge %q)", edge, became)
		} else if became, ok := defaultEdges[edge]; ok {
			hint = fmt.Sprintf(" (%q is a region; its edge is %q)", edge, became)
		}
		return "", "", fmt.Errorf("edge %q is not a Twilio edge location%s; choose one of %s", edge, hint,
			strings.Join(edges, ", "))
	}
	if region == "" {
		region = Default
	}
	if edge == "" {
		edge = defaultEdges[region]
	}
	return region, edge, nil
}

// Host is the REST API host of product ("api", "iam", "studio") for a resolved region and edge.
func Host(product, region, edge string) string {
	if region == "" && edge == "" {
		return product + ".twilio.com"
	}
	return product + "." + edge + "." + region + ".twilio.com"
}

// ParseHost reads a Twilio REST API host. It returns the product and the region that processes the
// request, ok false for hosts that are not Twilio's, and retired true for the api.{region}.twilio.com
// pattern Twilio no longer answers (api.us1.twilio.com excepted: it stays valid).
func ParseHost(host string) (product, region string, ok, retired bool) {
	host = strings.ToLower(host)
	rest, found := strings.CutSuffix(host, ".twilio.com")
	if !found || rest == "" {
		return "", "", false, false
	}
	parts := strings.Split(rest, ".")
	switch len(parts) {
	case 1:
		return parts[0], Default, true, false
	case 2:
		if parts[1] == Default {
			return parts[0], Default, true, false
		}
		if IsRegion(parts[1]) || legacyRegions[parts[1]] != "" {
			return parts[0], "", true, true
		}
	case 3:
		if IsEdge(parts[1]) && IsRegion(parts[2]) {
			return parts[0], parts[2], true, false
		}
	}
	return "", "", false, false
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
