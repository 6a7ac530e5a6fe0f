package emulator

import (
	"net"
	"net/http"
	"strings"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// Products, named after their Twilio hosts.
const (
	productAPI    = "api"
	productIAM    = "iam"
	productStudio = "studio"
	// productNumbers is numbers.twilio.com: regulatory compliance (Numbers v2).
	productNumbers = "numbers"
)

// scope says which account a route acts on and who may call it.
type scope int

const (
	// scopeAccounts is /Accounts.json: the caller's account family.
	scopeAccounts scope = iota
	// scopeAccount is /Accounts/{AccountSid}.json: the account itself.
	scopeAccount
	// scopeAccountChild is /Accounts/{AccountSid}/...: that account's resources.
	scopeAccountChild
	// scopeProduct is a product host (iam, studio): the authenticated account.
	scopeProduct
)

type handler func(e *Emulator, c *call) result

type route struct {
	product string
	segs    []string // "{Name}" captures a segment
	scope   scope
	admin   bool // needs the auth token or a Main key (accounts and API keys)
	methods map[string]handler
}

var routes = []*route{
	{productAPI, []string{"Accounts"}, scopeAccounts, true, map[string]handler{
		http.MethodGet: (*Emulator).listAccounts, http.MethodPost: (*Emulator).createAccount}},
	{productAPI, []string{"Accounts", "{AccountSid}"}, scopeAccount, true, map[string]handler{
		http.MethodGet: (*Emulator).fetchAccount, http.MethodPost: (*Emulator).updateAccount}},
	{productAPI, []string{"Accounts", "{AccountSid}", "Keys"}, scopeAccountChild, true, map[string]handler{
		http.MethodGet: (*Emulator).listKeys2010, http.MethodPost: (*Emulator).createKey2010}},
	{productAPI, []string{"Accounts", "{AccountSid}", "Keys", "{Sid}"}, scopeAccountChild, true, map[string]handler{
		http.MethodGet: key2010Kind.fetch, http.MethodPost: (*Emulator).updateKey2010,
		http.MethodDelete: key2010Kind.delete}},
	{productAPI, []string{"Accounts", "{AccountSid}", "Applications"}, scopeAccountChild, false, map[string]handler{
		http.MethodGet: (*Emulator).listApplications, http.MethodPost: (*Emulator).createApplication}},
	{productAPI, []string{"Accounts", "{AccountSid}", "Applications", "{Sid}"}, scopeAccountChild, false, map[string]handler{
		http.MethodGet: applicationKind.fetch, http.MethodPost: applicationKind.update,
		http.MethodDelete: applicationKind.delete}},
	{productAPI, []string{"Accounts", "{AccountSid}", "IncomingPhoneNumbers"}, scopeAccountChild, false, map[string]handler{
		http.MethodGet: (*Emulator).listNumbers, http.MethodPost: (*Emulator).createNumber}},
	{productAPI, []string{"Accounts", "{AccountSid}", "IncomingPhoneNumbers", "{Sid}"}, scopeAccountChild, false, map[string]handler{
		http.MethodGet: numberKind.fetch, http.MethodPost: (*Emulator).updateNumber,
		http.MethodDelete: (*Emulator).deleteNumber}},
	{productAPI, []string{"Accounts", "{AccountSid}", "Addresses"}, scopeAccountChild, false, map[string]handler{
		http.MethodGet: (*Emulator).listAddresses, http.MethodPost: (*Emulator).createAddress}},
	{productAPI, []string{"Accounts", "{AccountSid}", "Addresses", "{Sid}"}, scopeAccountChild, false, map[string]handler{
		http.MethodGet: addressKind.fetch, http.MethodPost: addressKind.update,
		http.MethodDelete: addressKind.delete}},
	{productAPI, []string{"Accounts", "{AccountSid}", "AvailablePhoneNumbers", "{CountryCode}", "{Type}"}, scopeAccountChild, false, map[string]handler{
		http.MethodGet: (*Emulator).listAvailable}},
	{productAPI, []string{"Accounts", "{AccountSid}", "Usage", "Triggers"}, scopeAccountChild, false, map[string]handler{
		http.MethodGet: (*Emulator).listUsageTriggers, http.MethodPost: (*Emulator).createUsageTrigger}},
	{productAPI, []string{"Accounts", "{AccountSid}", "Usage", "Triggers", "{Sid}"}, scopeAccountChild, false, map[string]handler{
		http.MethodGet: usageTriggerKind.fetch, http.MethodPost: usageTriggerKind.update,
		http.MethodDelete: usageTriggerKind.delete}},
	{productAccounts, []string{"v1", "AuthTokens", "Secondary"}, scopeProduct, true, map[string]handler{
		http.MethodPost: (*Emulator).createSecondaryToken, http.MethodDelete: (*Emulator).deleteSecondaryToken}},
	{productAccounts, []string{"v1", "AuthTokens", "Promote"}, scopeProduct, true, map[string]handler{
		http.MethodPost: (*Emulator).promoteSecondaryToken}},
	{productVoice, []string{"v1", "Settings"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).fetchDialingSettings, http.MethodPost: (*Emulator).updateDialingSettings}},
	{productVoice, []string{"v1", "DialingPermissions", "Countries"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listDialingCountries}},
	{productVoice, []string{"v1", "DialingPermissions", "Countries", "{IsoCode}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).fetchDialingCountry}},
	{productVoice, []string{"v1", "DialingPermissions", "BulkCountryUpdates"}, scopeProduct, false, map[string]handler{
		http.MethodPost: (*Emulator).createDialingBulkUpdate}},
	{productIAM, []string{"v1", "Keys"}, scopeProduct, true, map[string]handler{
		http.MethodGet: (*Emulator).listKeysIAM, http.MethodPost: (*Emulator).createKeyIAM}},
	{productIAM, []string{"v1", "Keys", "{Sid}"}, scopeProduct, true, map[string]handler{
		http.MethodGet: keyIAMKind.fetch, http.MethodPost: (*Emulator).updateKeyIAM,
		http.MethodDelete: keyIAMKind.delete}},
	{productStudio, []string{"v2", "Flows"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listFlows, http.MethodPost: (*Emulator).createFlow}},
	{productStudio, []string{"v2", "Flows", "{Sid}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: flowKind.fetch, http.MethodPost: flowKind.update,
		http.MethodDelete: flowKind.delete}},
	{productNumbers, []string{"v2", "RegulatoryCompliance", "Bundles"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listBundles, http.MethodPost: (*Emulator).createBundle}},
	{productNumbers, []string{"v2", "RegulatoryCompliance", "Bundles", "{Sid}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: bundleKind.fetch, http.MethodPost: (*Emulator).updateBundle,
		http.MethodDelete: (*Emulator).deleteBundle}},
	{productNumbers, []string{"v2", "RegulatoryCompliance", "Bundles", "{BundleSid}", "Clones"}, scopeProduct, false, map[string]handler{
		http.MethodPost: (*Emulator).createBundleClone}},
	{productNumbers, []string{"v2", "RegulatoryCompliance", "Regulations"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listRegulations}},
	{productNumbers, []string{"v2", "RegulatoryCompliance", "Regulations", "{Sid}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).fetchRegulation}},
}

const apiPrefix = "/2010-04-01/"

// productForHost names the Twilio product a Host header addresses, or ""
// for any other host (such as 127.0.0.1:8718), which routes by path alone.
// Regional hosts ({product}.{edge}.{region}.twilio.com) name their product too.
func productForHost(host string) string {
	product, _, ok, _ := twilioregion.ParseHost(hostOnly(host))
	if !ok {
		return ""
	}
	return product
}

// regionForHost is the processing region a Host header selects: us1 for
// Twilio's default hosts and for any non-Twilio host.
//
// ASSUMPTION(osaka-edge): no Twilio page available to the project lists an osaka edge; it is reported valid,
// so twilioregion accepts it and the emulator routes it like any edge. A provider configured with an edge
// Twilio does not serve fails on its first request, before anything is created; test:
// TestAccRegion_interconnectEdge.
func regionForHost(host string) string {
	if _, region, ok, retired := twilioregion.ParseHost(hostOnly(host)); ok && !retired {
		return region
	}
	return twilioregion.Default
}

func hostOnly(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		return h
	}
	return host
}

// hostError refuses hosts Twilio does not serve: the api.{region}.twilio.com
// pattern it retired on 2026-04-28 (api.us1.twilio.com stays valid; see
// internal/twilioregion for the sources), and products a processing region
// does not offer.
//
// ASSUMPTION(retired-host-answer): Twilio documents only that the retired hosts "won't accept
// requests anymore", not what a client sees (a DNS failure or an HTTP
// error). The emulator answers 404 with a message naming the cause; the
// provider never builds such a host, whichever it is.
func hostError(r *http.Request, product string) *apiError {
	h := hostOnly(r.Host)
	if _, _, ok, retired := twilioregion.ParseHost(h); ok && retired {
		return newError(http.StatusNotFound, codeNotFound, "The host %s was retired on 2026-04-28; use "+
			"{product}.twilio.com, or {product}.{edge}.{region}.twilio.com for regional processing", h)
	}
	// "Regions operate in isolation. If your application relies on Twilio products or features that aren't
	// available in your target Region, those products and features won't work in that Region"
	// (https://www.twilio.com/docs/global-infrastructure/regional-product-and-feature-availability):
	// twilioregion.Offered holds which region offers Functions and Assets and Studio, with the sources.
	//
	// ASSUMPTION(product-region-answer): Twilio documents that such a product does not work, not what a
	// client sees (a host that does not resolve, or an HTTP error); the emulator answers 404/20404 naming
	// the product and the region. The provider refuses such resources at plan time and never sends the
	// request; test: TestAccRegion_productNotOffered.
	var regional string
	switch product {
	case productStudio:
		regional = twilioregion.ProductStudio
	case productServerless, productServerlessUpload:
		regional = twilioregion.ProductServerless
	}
	if err := twilioregion.ProductError(regional, regionForHost(r.Host)); regional != "" && err != nil {
		return newError(http.StatusNotFound, codeNotFound, "%s", err.Error())
	}
	return nil
}

// productForPath names the product a path belongs to and returns the path's
// segments (without the 2010 API's version prefix and .json suffix).
func productForPath(path string) (string, []string) {
	if rest, ok := strings.CutPrefix(path, apiPrefix); ok {
		rest, ok = strings.CutSuffix(rest, ".json")
		if !ok {
			return "", nil
		}
		return productAPI, strings.Split(rest, "/")
	}
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	switch {
	case len(segs) >= 2 && segs[0] == "v1" && segs[1] == "Keys":
		return productIAM, segs
	case len(segs) >= 2 && segs[0] == "v2" && segs[1] == "Flows":
		return productStudio, segs
	case len(segs) >= 2 && segs[0] == "v1" && segs[1] == "Services":
		return productServerless, segs
	case len(segs) >= 2 && segs[0] == "v2" && segs[1] == "RegulatoryCompliance":
		return productNumbers, segs
	case len(segs) >= 2 && segs[0] == "v1" && (segs[1] == "Settings" || segs[1] == "DialingPermissions"):
		return productVoice, segs
	case len(segs) >= 2 && segs[0] == "v1" && segs[1] == "AuthTokens":
		return productAccounts, segs
	case len(segs) >= 2 && segs[0] == "v1" && (segs[1] == "a2p" || segs[1] == "Tollfree"):
		return productMessaging, segs
	case len(segs) >= 2 && segs[0] == "v1" && trustHubCollections[segs[1]]:
		return productTrustHub, segs
	}
	return "", nil
}

// match finds the route for a request. A path of another product than the
// Host names is not found, as on Twilio.
func match(r *http.Request) (*route, map[string]string, *apiError) {
	path := r.URL.Path
	product, segs := productForPath(path)
	if product == "" {
		return nil, nil, notFound(path)
	}
	switch hp := productForHost(r.Host); {
	case hp == productServerlessUpload && product == productServerless:
		// The upload host shares the Serverless API's paths but only takes version uploads.
		product = productServerlessUpload
	case hp == productMessaging && product == productServerless:
		// Messaging v1 and Serverless v1 both have /v1/Services; only the host tells them apart. Without a
		// Twilio host the path means Serverless, as before Messaging existed here.
		product = productMessaging
	case hp == "" && product == productServerless && r.Method == http.MethodPost && segs[len(segs)-1] == "Versions":
		// Without a Twilio host (a client talking to the emulator's address), a version upload can only
		// mean the upload host: serverless.twilio.com has no POST there.
		product = productServerlessUpload
	case hp != "" && hp != product:
		return nil, nil, notFound(path)
	}
	if err := hostError(r, product); err != nil {
		return nil, nil, err
	}
	for _, rt := range routes {
		if rt.product != product || len(rt.segs) != len(segs) {
			continue
		}
		params := map[string]string{}
		ok := true
		for i, s := range rt.segs {
			switch {
			case strings.HasPrefix(s, "{"):
				if segs[i] == "" {
					ok = false
				}
				params[strings.Trim(s, "{}")] = segs[i]
			case s != segs[i]:
				ok = false
			}
			if !ok {
				break
			}
		}
		if !ok {
			continue
		}
		if _, allowed := rt.methods[r.Method]; !allowed {
			return nil, nil, newError(http.StatusMethodNotAllowed, codeMethodNotAllowed, "Method not allowed")
		}
		return rt, params, nil
	}
	return nil, nil, notFound(path)
}

// baseURL is the scheme and host that absolute URLs in v1/v2 responses use:
// Twilio's own host when the request addressed it (twilio-go then follows
// next_page_url through its transport), the emulator's address otherwise.
func baseURL(r *http.Request, product string) string {
	if productForHost(r.Host) != "" {
		return "https://" + strings.ToLower(r.Host)
	}
	if r.Host == "" {
		return "https://" + product + ".twilio.com"
	}
	return "http://" + r.Host
}
