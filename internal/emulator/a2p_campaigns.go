package emulator

import (
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"
)

// US A2P campaigns, Messaging v1 /v1/Services/{MessagingServiceSid}/Compliance/Usa2p
// (https://www.twilio.com/docs/messaging/api/usapptoperson-resource): a campaign is registered for an
// approved brand on an existing Messaging Service, then reviewed. The use cases list (/Usecases) is not
// modelled: the provider does not call it.

// Campaign statuses, Twilio's spelling (the campaign_status of the ISV guide: IN_PROGRESS, VERIFIED, FAILED).
const (
	CampaignInProgress = "IN_PROGRESS"
	CampaignVerified   = "VERIFIED"
	CampaignFailed     = "FAILED"
)

// Campaign error codes (https://www.twilio.com/docs/api/errors/<code>).
const (
	codeServiceNotFound  = 21701 // "The Messaging Service does not exist"
	codeBrandNotApproved = 21717 // the brand "is not registered or ... not valid for the given use case"
	codeCampaignUsecase  = 21720 // "A2P Use Case is Invalid"
	codeCampaignMissing  = 21727 // "Campaign registration failed due to missing parameter(s)"
	codeCampaignLength   = 21728 // "... due to length validation failures"
)

// Limits of the spec's descriptions (CreateUsAppToPerson): Description "Min length: 40 characters. Max
// length: 4096"; MessageSamples "min two and max five", each "Min length ... 20 chars. Max length ... 1024";
// MessageFlow "Min length: 40 characters. Max length: 2048".
const (
	campaignDescriptionMin = 40
	campaignDescriptionMax = 4096
	campaignFlowMin        = 40
	campaignFlowMax        = 2048
	campaignSamplesMin     = 2
	campaignSamplesMax     = 5
	campaignSampleMin      = 20
	campaignSampleMax      = 1024
	// OptInMessage, OptOutMessage and HelpMessage take "20 character minimum. 320 character maximum" (the spec).
	campaignReplyMin = 20
	campaignReplyMax = 320
)

// campaignUsecases are the A2P use cases of Twilio's campaign docs
// (https://www.twilio.com/docs/messaging/compliance/a2p-10dlc#standard-campaign-use-cases), upper case as
// error 21720 requires.
var campaignUsecases = []string{
	"2FA", "ACCOUNT_NOTIFICATION", "CUSTOMER_CARE", "DELIVERY_NOTIFICATION", "FRAUD_ALERT", "HIGHER_EDUCATION",
	"LOW_VOLUME", "MARKETING", "MIXED", "POLLING_VOTING", "PUBLIC_SERVICE_ANNOUNCEMENT", "SECURITY_ALERT",
	"SOLE_PROPRIETOR", "AGENTS_FRANCHISES", "CHARITY", "EMERGENCY", "K12_EDUCATION", "POLITICAL", "PROXY",
	"SOCIAL", "SWEEPSTAKE", "CARRIER_EXEMPT", "UCAAS_LOW", "UCAAS_HIGH",
}

// Campaign is a Messaging v1 US A2P campaign, /v1/Services/{MessagingServiceSid}/Compliance/Usa2p (SID prefix QE).
type Campaign struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	// MessagingServiceSid is the service it belongs to, BrandRegistrationSid its approved brand.
	MessagingServiceSid  string   `json:"messaging_service_sid"`
	BrandRegistrationSid string   `json:"brand_registration_sid"`
	CampaignStatus       string   `json:"campaign_status"`
	CampaignID           string   `json:"campaign_id"`
	Usecase              string   `json:"us_app_to_person_usecase"`
	Description          string   `json:"description"`
	MessageFlow          string   `json:"message_flow"`
	MessageSamples       []string `json:"message_samples"`
	HasEmbeddedLinks     bool     `json:"has_embedded_links"`
	HasEmbeddedPhone     bool     `json:"has_embedded_phone"`
	SubscriberOptIn      bool     `json:"subscriber_opt_in"`
	AgeGated             bool     `json:"age_gated"`
	DirectLending        bool     `json:"direct_lending"`
	OptInMessage         string   `json:"opt_in_message"`
	OptOutMessage        string   `json:"opt_out_message"`
	HelpMessage          string   `json:"help_message"`
	OptInKeywords        []string `json:"opt_in_keywords"`
	OptOutKeywords       []string `json:"opt_out_keywords"`
	HelpKeywords         []string `json:"help_keywords"`
	Mock                 bool     `json:"mock"`
	FailureReason        string   `json:"failure_reason"`
	review               *review
	stamp
}

func (x *Campaign) owner() string { return x.AccountSid }
func (x *Campaign) clone() Campaign {
	c := *x
	c.MessageSamples = slices.Clone(x.MessageSamples)
	c.OptInKeywords, c.OptOutKeywords, c.HelpKeywords = slices.Clone(x.OptInKeywords), slices.Clone(x.OptOutKeywords), slices.Clone(x.HelpKeywords)
	return c
}

var campaignRoutes = []*route{
	{productMessaging, []string{"v1", "Services", "{MessagingServiceSid}", "Compliance", "Usa2p"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listCampaigns, http.MethodPost: (*Emulator).createCampaign}},
	{productMessaging, []string{"v1", "Services", "{MessagingServiceSid}", "Compliance", "Usa2p", "{Sid}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: campaignKind.fetch, http.MethodPost: campaignKind.update,
		http.MethodDelete: campaignKind.delete}},
}

func init() { routes = append(routes, campaignRoutes...) }

type campaignJSON struct {
	Sid                    string           `json:"sid"`
	AccountSid             string           `json:"account_sid"`
	BrandRegistrationSid   string           `json:"brand_registration_sid"`
	MessagingServiceSid    string           `json:"messaging_service_sid"`
	Description            string           `json:"description"`
	MessageSamples         []string         `json:"message_samples"`
	UsAppToPersonUsecase   string           `json:"us_app_to_person_usecase"`
	HasEmbeddedLinks       bool             `json:"has_embedded_links"`
	HasEmbeddedPhone       bool             `json:"has_embedded_phone"`
	SubscriberOptIn        bool             `json:"subscriber_opt_in"`
	AgeGated               bool             `json:"age_gated"`
	DirectLending          bool             `json:"direct_lending"`
	CampaignStatus         string           `json:"campaign_status"`
	CampaignID             *string          `json:"campaign_id"`
	IsExternallyRegistered bool             `json:"is_externally_registered"`
	RateLimits             map[string]any   `json:"rate_limits"`
	MessageFlow            string           `json:"message_flow"`
	OptInMessage           *string          `json:"opt_in_message"`
	OptOutMessage          *string          `json:"opt_out_message"`
	HelpMessage            *string          `json:"help_message"`
	OptInKeywords          []string         `json:"opt_in_keywords"`
	OptOutKeywords         []string         `json:"opt_out_keywords"`
	HelpKeywords           []string         `json:"help_keywords"`
	Mock                   bool             `json:"mock"`
	Errors                 []map[string]any `json:"errors"`
	v1Meta
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// renderCampaign settles the campaign's review first, like renderBrand.
func (e *Emulator) renderCampaign(c *call, k *Campaign) any {
	e.settleCampaign(k)
	url := c.base + "/v1/Services/" + k.MessagingServiceSid + "/Compliance/Usa2p/" + k.Sid
	out := campaignJSON{
		Sid: k.Sid, AccountSid: k.AccountSid, BrandRegistrationSid: k.BrandRegistrationSid,
		MessagingServiceSid: k.MessagingServiceSid, Description: k.Description, MessageSamples: orEmpty(k.MessageSamples),
		UsAppToPersonUsecase: k.Usecase, HasEmbeddedLinks: k.HasEmbeddedLinks, HasEmbeddedPhone: k.HasEmbeddedPhone,
		SubscriberOptIn: k.SubscriberOptIn, AgeGated: k.AgeGated, DirectLending: k.DirectLending,
		CampaignStatus: k.CampaignStatus, CampaignID: nullable(k.CampaignID), RateLimits: map[string]any{},
		MessageFlow: k.MessageFlow, OptInMessage: nullable(k.OptInMessage), OptOutMessage: nullable(k.OptOutMessage),
		HelpMessage: nullable(k.HelpMessage), OptInKeywords: orEmpty(k.OptInKeywords),
		OptOutKeywords: orEmpty(k.OptOutKeywords), HelpKeywords: orEmpty(k.HelpKeywords), Mock: k.Mock,
		Errors: []map[string]any{}, v1Meta: k.metaAt(url),
	}
	// ASSUMPTION(a2p-brand-errors-shape) holds for a campaign's errors too.
	if k.FailureReason != "" {
		out.Errors = []map[string]any{{"code": codeCampaignRejected, "description": k.FailureReason}}
	}
	return out
}

// codeCampaignRejected is the campaign use case rejection (https://www.twilio.com/docs/api/errors/30900),
// quoted in a rejected campaign's errors.
const codeCampaignRejected = 30900

func (e *Emulator) settleCampaign(k *Campaign) {
	if k.CampaignStatus != CampaignInProgress {
		return
	}
	decided, approved, reason := e.verdict(k.review)
	if !decided {
		return
	}
	k.touch()
	if approved {
		k.CampaignStatus, k.CampaignID = CampaignVerified, "C"+strings.ToUpper(newSID("")[:6])
		return
	}
	k.CampaignStatus, k.FailureReason = CampaignFailed, reason
}

// campaignService finds the calling account's Messaging Service the path names (error 21701 otherwise).
func (e *Emulator) campaignService(c *call) *apiError {
	s := e.st.msg.services[c.params["MessagingServiceSid"]]
	if s == nil || s.AccountSid != c.target.Sid {
		return newError(http.StatusNotFound, codeServiceNotFound, "The Messaging Service %s does not exist in account %s",
			c.params["MessagingServiceSid"], c.target.Sid)
	}
	return nil
}

func (e *Emulator) campaignIn(c *call) (*Campaign, *apiError) {
	return findIn(c, e.st.msg.campaigns, c.params["Sid"], func(k *Campaign) bool {
		return k.AccountSid == c.target.Sid && k.MessagingServiceSid == c.params["MessagingServiceSid"]
	})
}

func (e *Emulator) listCampaigns(c *call) result {
	if err := e.campaignService(c); err != nil {
		return result{err: err}
	}
	all := sorted(e.st.msg.campaigns, func(k *Campaign) bool {
		return k.AccountSid == c.target.Sid && k.MessagingServiceSid == c.params["MessagingServiceSid"]
	})
	return listed(c, listV1, "compliance", nil, all,
		func(k *Campaign) string { return k.Sid }, func(k *Campaign) any { return e.renderCampaign(c, k) })
}

// bindCampaignEditable binds what both the create and the update take and checks the documented limits.
func bindCampaignEditable(c *call, k *Campaign) *apiError {
	b := binder{form: c.form}
	b.str("Description", &k.Description)
	b.str("MessageFlow", &k.MessageFlow)
	b.boolean("HasEmbeddedLinks", &k.HasEmbeddedLinks)
	b.boolean("HasEmbeddedPhone", &k.HasEmbeddedPhone)
	b.boolean("AgeGated", &k.AgeGated)
	b.boolean("DirectLending", &k.DirectLending)
	if b.err != nil {
		return b.err
	}
	if c.form.Has("MessageSamples") {
		k.MessageSamples = slices.Clone(c.form["MessageSamples"])
	}
	switch n := utf8.RuneCountInString(k.Description); {
	case n < campaignDescriptionMin || n > campaignDescriptionMax:
		return badRequest(codeCampaignLength, "Description must be %d to %d characters long, not %d",
			campaignDescriptionMin, campaignDescriptionMax, n)
	}
	switch n := utf8.RuneCountInString(k.MessageFlow); {
	case n < campaignFlowMin || n > campaignFlowMax:
		return badRequest(codeCampaignLength, "MessageFlow must be %d to %d characters long, not %d", campaignFlowMin, campaignFlowMax, n)
	}
	if n := len(k.MessageSamples); n < campaignSamplesMin || n > campaignSamplesMax {
		return badRequest(codeCampaignLength, "MessageSamples must hold %d to %d samples, not %d", campaignSamplesMin, campaignSamplesMax, n)
	}
	for i, s := range k.MessageSamples {
		if n := utf8.RuneCountInString(s); n < campaignSampleMin || n > campaignSampleMax {
			return badRequest(codeCampaignLength, "MessageSamples[%d] must be %d to %d characters long, not %d",
				i, campaignSampleMin, campaignSampleMax, n)
		}
	}
	return nil
}

// createCampaign registers a campaign on the path's Messaging Service for an APPROVED brand of the account
// (error 21717 otherwise: "wait for it to be in an APPROVED status before moving forward").
//
// ASSUMPTION(a2p-campaign-per-service): a Messaging Service carries one US A2P campaign (Twilio's ISV
// guide creates one campaign per service, and the campaign's URL hangs under the service), but Twilio
// documents no error code for a second one; the emulator answers 400 with 20001. The provider is safe
// under any answer: a refused create registers nothing and reports Twilio's message.
func (e *Emulator) createCampaign(c *call) result {
	if err := e.campaignService(c); err != nil {
		return result{err: err}
	}
	for _, name := range []string{"BrandRegistrationSid", "Description", "MessageFlow", "MessageSamples",
		"UsAppToPersonUsecase", "HasEmbeddedLinks", "HasEmbeddedPhone"} {
		if !c.form.Has(name) {
			return result{err: badRequest(codeCampaignMissing, "Campaign registration needs %s", name)}
		}
	}
	t := now()
	k := &Campaign{Sid: newSID("QE"), AccountSid: c.target.Sid, MessagingServiceSid: c.params["MessagingServiceSid"],
		CampaignStatus: CampaignInProgress, stamp: stamp{DateCreated: t, DateUpdated: t}}
	if err := bindCampaignEditable(c, k); err != nil {
		return result{err: err}
	}
	b := binder{form: c.form}
	b.sid("BrandRegistrationSid", "BN", &k.BrandRegistrationSid)
	b.str("UsAppToPersonUsecase", &k.Usecase)
	b.boolean("SubscriberOptIn", &k.SubscriberOptIn)
	b.str("OptInMessage", &k.OptInMessage)
	b.str("OptOutMessage", &k.OptOutMessage)
	b.str("HelpMessage", &k.HelpMessage)
	if b.err != nil {
		return result{err: b.err}
	}
	k.OptInKeywords, k.OptOutKeywords, k.HelpKeywords = c.form["OptInKeywords"], c.form["OptOutKeywords"], c.form["HelpKeywords"]
	for name, v := range map[string]string{"OptInMessage": k.OptInMessage, "OptOutMessage": k.OptOutMessage, "HelpMessage": k.HelpMessage} {
		if n := utf8.RuneCountInString(v); v != "" && (n < campaignReplyMin || n > campaignReplyMax) {
			return result{err: badRequest(codeCampaignLength, "%s must be %d to %d characters long, not %d", name, campaignReplyMin, campaignReplyMax, n)}
		}
	}
	if !slices.Contains(campaignUsecases, k.Usecase) {
		return result{err: badRequest(codeCampaignUsecase, "UsAppToPersonUsecase %q is not an A2P use case", k.Usecase)}
	}
	brand := e.st.msg.brands[k.BrandRegistrationSid]
	if brand != nil {
		e.settleBrand(brand)
	}
	if brand == nil || brand.AccountSid != c.target.Sid || brand.Status != BrandApproved {
		status := "not a brand of this account"
		if brand != nil && brand.AccountSid == c.target.Sid {
			status = brand.Status
		}
		return result{err: badRequest(codeBrandNotApproved, "Brand registration %s is %s; a campaign needs an APPROVED brand",
			k.BrandRegistrationSid, status)}
	}
	k.Mock = brand.Mock
	for _, other := range e.st.msg.campaigns {
		if other.MessagingServiceSid == k.MessagingServiceSid {
			return result{err: badRequest(codeInvalidParameter, "Messaging Service %s already has the US A2P campaign %s",
				k.MessagingServiceSid, other.Sid)}
		}
	}
	k.review = e.submitForReview(ReviewCampaign)
	return created(e, e.st.msg.campaigns, k.Sid, k, func() any { return e.renderCampaign(c, k) })
}

// campaignKind serves a Messaging Service's campaigns. An update changes what Twilio's update takes
// (UpdateUsAppToPerson: HasEmbeddedLinks, HasEmbeddedPhone, MessageSamples, MessageFlow, Description,
// AgeGated, DirectLending, all required).
var campaignKind = objectKind[Campaign, *Campaign]{
	find:   (*Emulator).campaignIn,
	render: func(e *Emulator, c *call, k *Campaign) any { return e.renderCampaign(c, k) },
	edit: func(_ *Emulator, c *call, _, next *Campaign) *apiError {
		for _, name := range []string{"HasEmbeddedLinks", "HasEmbeddedPhone", "MessageSamples", "MessageFlow",
			"Description", "AgeGated", "DirectLending"} {
			if !c.form.Has(name) {
				return badRequest(codeCampaignMissing, "A campaign update needs %s", name)
			}
		}
		return bindCampaignEditable(c, next)
	},
	drop: func(e *Emulator, k *Campaign) { delete(e.st.msg.campaigns, k.Sid) },
}
