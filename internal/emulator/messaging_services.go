package emulator

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Messaging v1 Services (https://www.twilio.com/docs/messaging/api/service-resource): a tenant's Messaging
// Service, whose sender pool lives in messaging_senders.go. Every route acts on the authenticated account
// only, like Studio and Serverless (product hosts need the account's own credentials; see authorize).
var messagingServiceRoutes = []*route{
	{productMessaging, []string{"v1", "Services"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listMessagingServices, http.MethodPost: (*Emulator).createMessagingService}},
	{productMessaging, []string{"v1", "Services", "{Sid}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: messagingServiceKind.fetch, http.MethodPost: messagingServiceKind.update,
		http.MethodDelete: messagingServiceKind.delete}},
}

func init() { routes = append(routes, messagingServiceRoutes...) }

// Twilio's documented limits and values for a Messaging Service, from its OpenAPI description
// (twilio_messaging_v1.json, CreateService): FriendlyName "can be up to 64 characters long";
// ValidityPeriod "an integer from 1 to 36,000. Default value is 36,000" (also error 90007,
// https://www.twilio.com/docs/api/errors/90007); Usecase one of notifications, marketing, verification,
// discussion, poll, undeclared (error 21713, https://www.twilio.com/docs/api/errors/21713);
// ScanMessageContent one of inherit, enable, disable.
const (
	maxValidityPeriod       = 36000
	codeInvalidValidity     = 90007
	codeInvalidUsecase      = 21713
	defaultMessagingUsecase = "undeclared"
)

var (
	messagingUsecases = []string{"notifications", "marketing", "verification", "discussion", "poll", "undeclared"}
	scanMessageValues = []string{"inherit", "enable", "disable"}
)

// MessagingService is a Messaging v1 Messaging Service (SID prefix MG).
type MessagingService struct {
	Sid                       string `json:"sid"`
	AccountSid                string `json:"account_sid"`
	FriendlyName              string `json:"friendly_name"`
	InboundRequestURL         string `json:"inbound_request_url"`
	InboundMethod             string `json:"inbound_method"`
	FallbackURL               string `json:"fallback_url"`
	FallbackMethod            string `json:"fallback_method"`
	StatusCallback            string `json:"status_callback"`
	StickySender              bool   `json:"sticky_sender"`
	MmsConverter              bool   `json:"mms_converter"`
	SmartEncoding             bool   `json:"smart_encoding"`
	ScanMessageContent        string `json:"scan_message_content"`
	FallbackToLongCode        bool   `json:"fallback_to_long_code"`
	AreaCodeGeomatch          bool   `json:"area_code_geomatch"`
	ValidityPeriod            int    `json:"validity_period"`
	SynchronousValidation     bool   `json:"synchronous_validation"`
	Usecase                   string `json:"usecase"`
	UseInboundWebhookOnNumber bool   `json:"use_inbound_webhook_on_number"`
	stamp
}

func (x *MessagingService) owner() string           { return x.AccountSid }
func (x *MessagingService) clone() MessagingService { return *x }

// newMessagingService is a service with Twilio's defaults: InboundMethod POST and ValidityPeriod 36,000
// (documented in the OpenAPI description).
//
// ASSUMPTION(messaging-service-defaults): Twilio documents no default for the flags (sticky sender, MMS
// converter, smart encoding, area code geomatch, fallback to long code, synchronous validation,
// use-inbound-webhook-on-number), FallbackMethod, ScanMessageContent or Usecase; the emulator picks sticky
// sender, MMS converter, smart encoding and area code geomatch on, the others off, POST, inherit and
// undeclared. The provider sends every setting on every create and update, so the state holds what it
// sent whatever Twilio's defaults are; test: TestMessagingServices, TestAccMessagingService_basic.
func newMessagingService(account string) *MessagingService {
	t := now()
	return &MessagingService{
		Sid: newSID("MG"), AccountSid: account, InboundMethod: "POST", FallbackMethod: "POST",
		StickySender: true, MmsConverter: true, SmartEncoding: true, AreaCodeGeomatch: true,
		ScanMessageContent: "inherit", ValidityPeriod: maxValidityPeriod, Usecase: defaultMessagingUsecase,
		stamp: stamp{DateCreated: t, DateUpdated: t},
	}
}

type messagingServiceJSON struct {
	Sid                       string  `json:"sid"`
	AccountSid                string  `json:"account_sid"`
	FriendlyName              string  `json:"friendly_name"`
	InboundRequestURL         *string `json:"inbound_request_url"`
	InboundMethod             string  `json:"inbound_method"`
	FallbackURL               *string `json:"fallback_url"`
	FallbackMethod            string  `json:"fallback_method"`
	StatusCallback            *string `json:"status_callback"`
	StickySender              bool    `json:"sticky_sender"`
	MmsConverter              bool    `json:"mms_converter"`
	SmartEncoding             bool    `json:"smart_encoding"`
	ScanMessageContent        string  `json:"scan_message_content"`
	FallbackToLongCode        bool    `json:"fallback_to_long_code"`
	AreaCodeGeomatch          bool    `json:"area_code_geomatch"`
	SynchronousValidation     bool    `json:"synchronous_validation"`
	ValidityPeriod            int     `json:"validity_period"`
	Usecase                   string  `json:"usecase"`
	UsAppToPersonRegistered   bool    `json:"us_app_to_person_registered"`
	UseInboundWebhookOnNumber bool    `json:"use_inbound_webhook_on_number"`
	v1Meta
	Links map[string]string `json:"links"`
}

// nullIfEmpty renders an unset URL as null, as Twilio does ("When this property is null, receiving
// inbound messages is disabled").
func nullIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (e *Emulator) renderMessagingService(c *call, s *MessagingService) any {
	url := c.base + "/v1/Services/" + s.Sid
	registered := false
	for _, q := range e.st.msg.campaigns {
		registered = registered || q.MessagingServiceSid == s.Sid
	}
	return messagingServiceJSON{
		Sid: s.Sid, AccountSid: s.AccountSid, FriendlyName: s.FriendlyName,
		InboundRequestURL: nullIfEmpty(s.InboundRequestURL), InboundMethod: s.InboundMethod,
		FallbackURL: nullIfEmpty(s.FallbackURL), FallbackMethod: s.FallbackMethod,
		StatusCallback: nullIfEmpty(s.StatusCallback), StickySender: s.StickySender, MmsConverter: s.MmsConverter,
		SmartEncoding: s.SmartEncoding, ScanMessageContent: s.ScanMessageContent,
		FallbackToLongCode: s.FallbackToLongCode, AreaCodeGeomatch: s.AreaCodeGeomatch,
		SynchronousValidation: s.SynchronousValidation, ValidityPeriod: s.ValidityPeriod, Usecase: s.Usecase,
		UsAppToPersonRegistered: registered, UseInboundWebhookOnNumber: s.UseInboundWebhookOnNumber,
		v1Meta: s.metaAt(url),
		Links: map[string]string{
			"phone_numbers": url + "/PhoneNumbers", "short_codes": url + "/ShortCodes",
			"alpha_senders": url + "/AlphaSenders", "messages": url + "/Messages",
			"us_app_to_person": url + "/Compliance/Usa2p", "us_app_to_person_usecases": url + "/Compliance/Usa2p/Usecases",
			"channel_senders": url + "/ChannelSenders", "destination_alpha_senders": url + "/DestinationAlphaSenders",
		},
	}
}

// messagingServiceIn finds the service the path names (param "Sid" or "ServiceSid") in the calling account.
func (e *Emulator) messagingServiceIn(c *call, param string) (*MessagingService, *apiError) {
	return findIn(c, e.st.msg.services, c.params[param], func(s *MessagingService) bool { return s.AccountSid == c.target.Sid })
}

// bindMessagingService applies every setting the request carries.
func bindMessagingService(c *call, s *MessagingService) *apiError {
	b := binder{form: c.form}
	b.str("FriendlyName", &s.FriendlyName)
	b.url("InboundRequestUrl", &s.InboundRequestURL)
	b.method("InboundMethod", &s.InboundMethod)
	b.url("FallbackUrl", &s.FallbackURL)
	b.method("FallbackMethod", &s.FallbackMethod)
	b.url("StatusCallback", &s.StatusCallback)
	b.boolean("StickySender", &s.StickySender)
	b.boolean("MmsConverter", &s.MmsConverter)
	b.boolean("SmartEncoding", &s.SmartEncoding)
	b.enum("ScanMessageContent", &s.ScanMessageContent, scanMessageValues...)
	b.boolean("FallbackToLongCode", &s.FallbackToLongCode)
	b.boolean("AreaCodeGeomatch", &s.AreaCodeGeomatch)
	b.boolean("SynchronousValidation", &s.SynchronousValidation)
	b.boolean("UseInboundWebhookOnNumber", &s.UseInboundWebhookOnNumber)
	if b.err != nil {
		return b.err
	}
	if utf8.RuneCountInString(s.FriendlyName) > maxFriendlyName {
		return badRequest(codeInvalidFriendly, "FriendlyName must be at most %d characters long", maxFriendlyName)
	}
	if v, ok := c.form["ValidityPeriod"]; ok && len(v) > 0 {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 1 || n > maxValidityPeriod {
			return badRequest(codeInvalidValidity, "Validity period can only be set to integers between 1 and %d seconds, not %q",
				maxValidityPeriod, v[0])
		}
		s.ValidityPeriod = n
	}
	if v, ok := c.form["Usecase"]; ok && len(v) > 0 {
		valid := false
		for _, u := range messagingUsecases {
			valid = valid || v[0] == u
		}
		if !valid {
			return badRequest(codeInvalidUsecase, "The Messaging Service use case %q is not valid: use one of "+
				"discussion, marketing, notifications, poll, undeclared or verification", v[0])
		}
		s.Usecase = v[0]
	}
	return nil
}

func (e *Emulator) listMessagingServices(c *call) result {
	all := sorted(e.st.msg.services, func(s *MessagingService) bool { return s.AccountSid == c.target.Sid })
	return listed(c, listV1, "services", nil, all,
		func(s *MessagingService) string { return s.Sid }, func(s *MessagingService) any { return e.renderMessagingService(c, s) })
}

// createMessagingService needs FriendlyName; Twilio allows any number of services of one name.
func (e *Emulator) createMessagingService(c *call) result {
	if c.form.Get("FriendlyName") == "" {
		return result{err: missingParam("FriendlyName")}
	}
	s := newMessagingService(c.target.Sid)
	if err := bindMessagingService(c, s); err != nil {
		return result{err: err}
	}
	return created(e, e.st.msg.services, s.Sid, s, func() any { return e.renderMessagingService(c, s) })
}

// messagingServiceKind serves an account's Messaging Services. A deleted service empties its sender pool.
//
// ASSUMPTION(messaging-service-delete-senders): Twilio documents neither what becomes of a deleted
// service's senders nor of its campaign; it documents that "Removing a Twilio number from a Messaging
// Service will not remove the number from your account" (https://www.twilio.com/docs/api/errors/21712).
// The emulator keeps the numbers in the account and frees them for another service. The provider destroys
// the pool members before their service (they reference it), and a member whose service is gone reads as
// gone, so Terraform plans to add it again to the new service; should Twilio keep a number bound to a
// deleted service, the add fails with 21712 and the error names that service; test:
// TestMessagingServices, TestAccMessagingServicePhoneNumber_disappears.
var messagingServiceKind = objectKind[MessagingService, *MessagingService]{
	find:   func(e *Emulator, c *call) (*MessagingService, *apiError) { return e.messagingServiceIn(c, "Sid") },
	render: func(e *Emulator, c *call, s *MessagingService) any { return e.renderMessagingService(c, s) },
	edit: func(_ *Emulator, c *call, _, next *MessagingService) *apiError {
		if err := bindMessagingService(c, next); err != nil {
			return err
		}
		if next.FriendlyName == "" {
			return badRequest(codeInvalidParameter, "FriendlyName cannot be empty")
		}
		return nil
	},
	drop: func(e *Emulator, s *MessagingService) {
		for sid, m := range e.st.msg.senders {
			switch {
			case m.ServiceSid != s.Sid:
			case strings.HasPrefix(sid, "SC"):
				m.ServiceSid = "" // the account keeps its short code
			default:
				delete(e.st.msg.senders, sid)
			}
		}
		delete(e.st.msg.services, s.Sid)
	},
}
