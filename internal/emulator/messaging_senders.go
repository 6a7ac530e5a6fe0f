package emulator

import (
	"net/http"
	"regexp"
	"strings"
)

// A Messaging Service's sender pool (https://www.twilio.com/docs/messaging/api/phonenumber-resource,
// https://www.twilio.com/docs/messaging/api/alphasender-resource): phone numbers of the account and
// alphanumeric sender IDs; short codes live in messaging_short_codes.go.
var messagingSenderRoutes = append(servicePhoneNumbers.routes(), alphaSenders.routes()...)

func init() { routes = append(routes, messagingSenderRoutes...) }

const (
	// codeSenderInOtherService: "A Twilio phone number or short code can only be associated with one
	// Messaging Service at a time" (https://www.twilio.com/docs/api/errors/21712).
	codeSenderInOtherService = 21712
	maxAlphaSender           = 11
)

// alphaSenderChars are the characters Twilio allows in an alpha sender: "Can be up to 11 characters long.
// Valid characters are A-Z, a-z, 0-9, space, hyphen -, plus +, underscore _ and ampersand &. This value
// cannot contain only numbers" (twilio_messaging_v1.json, CreateAlphaSender).
var (
	alphaSenderChars  = regexp.MustCompile(`^[A-Za-z0-9 +_&-]{1,11}$`)
	alphaSenderDigits = regexp.MustCompile(`^[0-9]+$`)
)

// MessagingSender is a member of a Messaging Service's sender pool: a phone number (PN, the SID of the
// account's incoming number), an alpha sender (AI) or a short code (SC; see messaging_short_codes.go).
type MessagingSender struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	// ServiceSid is the Messaging Service whose pool holds it.
	ServiceSid string `json:"service_sid"`
	// AlphaSender is an alpha sender's text, ShortCode a short code's digits ("" for other kinds).
	AlphaSender string `json:"alpha_sender,omitempty"`
	ShortCode   string `json:"short_code,omitempty"`
	stamp
}

func (x *MessagingSender) owner() string          { return x.AccountSid }
func (x *MessagingSender) clone() MessagingSender { return *x }

// senderNumber is the incoming number a phone number member stands for, nil when the number has left the
// account.
//
// ASSUMPTION(messaging-sender-released): Twilio documents nothing about a pool member whose number is
// released or moved to another account; the emulator drops it from the pool (a released number cannot
// send). The provider reads such a member as gone and plans to add it again, which then fails on the
// number, naming it; should Twilio keep the member, the provider reads it as present and nothing
// changes; test: TestMessagingServices.
func (e *Emulator) senderNumber(m *MessagingSender) *IncomingNumber {
	if n := e.st.numbers[m.Sid]; n != nil && n.AccountSid == m.AccountSid {
		return n
	}
	return nil
}

type servicePhoneNumberJSON struct {
	Sid          string   `json:"sid"`
	AccountSid   string   `json:"account_sid"`
	ServiceSid   string   `json:"service_sid"`
	PhoneNumber  string   `json:"phone_number"`
	CountryCode  string   `json:"country_code"`
	Capabilities []string `json:"capabilities"`
	v1Meta
}

func renderServicePhoneNumber(e *Emulator, c *call, m *MessagingSender) any {
	n := e.senderNumber(m)
	caps := []string{}
	for _, c := range []struct {
		on   bool
		name string
	}{{n.Capabilities.Voice, "Voice"}, {n.Capabilities.SMS, "SMS"}, {n.Capabilities.MMS, "MMS"}} {
		if c.on {
			caps = append(caps, c.name)
		}
	}
	return servicePhoneNumberJSON{
		Sid: m.Sid, AccountSid: m.AccountSid, ServiceSid: m.ServiceSid, PhoneNumber: n.PhoneNumber,
		CountryCode: countryOf(n.PhoneNumber), Capabilities: caps,
		v1Meta: m.metaAt(c.base + "/v1/Services/" + m.ServiceSid + "/PhoneNumbers/" + m.Sid),
	}
}

// poolMembers lists the service's members of one kind (SID prefix) in creation order.
func (e *Emulator) poolMembers(s *MessagingService, prefix string) []*MessagingSender {
	return sorted(e.st.msg.senders, func(m *MessagingSender) bool {
		return m.ServiceSid == s.Sid && strings.HasPrefix(m.Sid, prefix) && (prefix != "PN" || e.senderNumber(m) != nil)
	})
}

// poolKind is one kind of pool member as Twilio serves it under /v1/Services/{ServiceSid}/<collection>:
// listed, added, fetched and removed the same way for every kind but for what an add checks, how a member
// renders and what a removal leaves behind.
type poolKind struct {
	prefix, collection, listKey string // "PN", "PhoneNumbers", "phone_numbers"
	render                      func(e *Emulator, c *call, m *MessagingSender) any
	add                         func(e *Emulator, c *call, s *MessagingService) result
	remove                      func(e *Emulator, m *MessagingSender)
}

func (k poolKind) routes() []*route {
	member := objectKind[MessagingSender, *MessagingSender]{
		find:   func(e *Emulator, c *call) (*MessagingSender, *apiError) { return e.memberIn(c, k.prefix) },
		render: k.render, drop: k.remove,
	}
	return []*route{
		{productMessaging, []string{"v1", "Services", "{ServiceSid}", k.collection}, scopeProduct, false, map[string]handler{
			http.MethodGet: k.list, http.MethodPost: k.create}},
		{productMessaging, []string{"v1", "Services", "{ServiceSid}", k.collection, "{Sid}"}, scopeProduct, false, map[string]handler{
			http.MethodGet: member.fetch, http.MethodDelete: member.delete}},
	}
}

func (k poolKind) list(e *Emulator, c *call) result {
	s, err := e.messagingServiceIn(c, "ServiceSid")
	if err != nil {
		return result{err: err}
	}
	return listed(c, listV1, k.listKey, nil, e.poolMembers(s, k.prefix),
		func(m *MessagingSender) string { return m.Sid }, func(m *MessagingSender) any { return k.render(e, c, m) })
}

func (k poolKind) create(e *Emulator, c *call) result {
	s, err := e.messagingServiceIn(c, "ServiceSid")
	if err != nil {
		return result{err: err}
	}
	return k.add(e, c, s)
}

// dropMember removes a member that is nothing outside its pool (a number stays in the account as an
// incoming number, an alpha sender is gone).
func dropMember(e *Emulator, m *MessagingSender) { delete(e.st.msg.senders, m.Sid) }

// servicePhoneNumbers are the account's numbers in pools; a number taken out stays in the account.
var servicePhoneNumbers = poolKind{prefix: "PN", collection: "PhoneNumbers", listKey: "phone_numbers",
	render: renderServicePhoneNumber, add: (*Emulator).addServicePhoneNumber, remove: dropMember}

// addServicePhoneNumber puts one of the account's numbers in the pool. A number of another account, or no
// number, is refused with 21421 ("You tried to add an invalid Phone Number SID or Short Code SID to a
// Messaging Service", https://www.twilio.com/docs/api/errors/21421); a number in another service with 21712.
//
// ASSUMPTION(messaging-sender-readd): adding a number to the service that already holds it answers 200
// with the member: Twilio's OpenAPI description lists a 200 answer besides 201 for CreatePhoneNumber, and
// warning 80104 reads "PhoneNumber has already been added to Service"
// (https://www.twilio.com/docs/api/errors/80104). The provider accepts the member either way, and on a
// 21712 first checks whether the number is already in its own service and adopts it if so; test:
// TestMessagingServices, TestAccMessagingServicePhoneNumber_inOtherService.
func (e *Emulator) addServicePhoneNumber(c *call, s *MessagingService) result {
	sid := c.form.Get("PhoneNumberSid")
	if sid == "" {
		return result{err: missingParam("PhoneNumberSid")}
	}
	n := e.st.numbers[sid]
	if n == nil || n.AccountSid != c.target.Sid {
		return result{err: badRequest(codeInvalidPhone, "Phone Number SID %s is not a phone number of account %s", sid, c.target.Sid)}
	}
	if m := e.st.msg.senders[sid]; m != nil && e.senderNumber(m) != nil {
		if m.ServiceSid != s.Sid || e.alternative(AltSenderReaddRefused) {
			return result{err: badRequest(codeSenderInOtherService, "Phone Number or Short Code is associated with another Messaging Service")}
		}
		return result{status: http.StatusOK, body: renderServicePhoneNumber(e, c, m)}
	}
	t := now()
	m := &MessagingSender{Sid: sid, AccountSid: c.target.Sid, ServiceSid: s.Sid, stamp: stamp{DateCreated: t, DateUpdated: t}}
	return created(e, e.st.msg.senders, sid, m, func() any { return renderServicePhoneNumber(e, c, m) })
}

// memberIn finds the pool member the path names, of the given kind, in the path's service.
func (e *Emulator) memberIn(c *call, prefix string) (*MessagingSender, *apiError) {
	s, err := e.messagingServiceIn(c, "ServiceSid")
	if err != nil {
		return nil, err
	}
	return findIn(c, e.st.msg.senders, c.params["Sid"], func(m *MessagingSender) bool {
		return m.ServiceSid == s.Sid && strings.HasPrefix(m.Sid, prefix) && (prefix != "PN" || e.senderNumber(m) != nil)
	})
}

type alphaSenderJSON struct {
	Sid          string   `json:"sid"`
	AccountSid   string   `json:"account_sid"`
	ServiceSid   string   `json:"service_sid"`
	AlphaSender  string   `json:"alpha_sender"`
	Capabilities []string `json:"capabilities"`
	v1Meta
}

// alphaSenders are the services' alpha senders; one removed is gone.
var alphaSenders = poolKind{prefix: "AI", collection: "AlphaSenders", listKey: "alpha_senders",
	render: renderAlphaSender, add: (*Emulator).addAlphaSender, remove: dropMember}

func renderAlphaSender(_ *Emulator, c *call, m *MessagingSender) any {
	return alphaSenderJSON{
		Sid: m.Sid, AccountSid: m.AccountSid, ServiceSid: m.ServiceSid, AlphaSender: m.AlphaSender,
		Capabilities: []string{"SMS"},
		v1Meta:       m.metaAt(c.base + "/v1/Services/" + m.ServiceSid + "/AlphaSenders/" + m.Sid),
	}
}

// addAlphaSender adds the service's alpha sender: "Each Messaging Services may only have one alpha sender
// associated with it. To change the Alpha Sender ID, you must first delete the current alpha sender before
// adding the new one" (https://www.twilio.com/docs/messaging/api/alphasender-resource).
//
// ASSUMPTION(alpha-sender-errors): Twilio documents the format and the one-per-service rule but not the
// answer to a breach; the emulator answers 400/20001. The provider checks the format at plan time and
// names the service's current alpha sender when an add is refused; test: TestMessagingServices.
func (e *Emulator) addAlphaSender(c *call, s *MessagingService) result {
	alpha := c.form.Get("AlphaSender")
	switch {
	case alpha == "":
		return result{err: missingParam("AlphaSender")}
	case !alphaSenderChars.MatchString(alpha) || alphaSenderDigits.MatchString(alpha):
		return result{err: badRequest(codeInvalidParameter, "AlphaSender %q must be 1 to %d letters, digits, spaces, "+
			"hyphens, plus signs, underscores or ampersands, and not only digits", alpha, maxAlphaSender)}
	}
	if existing := e.poolMembers(s, "AI"); len(existing) > 0 {
		return result{err: badRequest(codeInvalidParameter, "Messaging Service %s already has the alpha sender %q; "+
			"delete it before adding another", s.Sid, existing[0].AlphaSender)}
	}
	t := now()
	m := &MessagingSender{Sid: newSID("AI"), AccountSid: c.target.Sid, ServiceSid: s.Sid, AlphaSender: alpha,
		stamp: stamp{DateCreated: t, DateUpdated: t}}
	return created(e, e.st.msg.senders, m.Sid, m, func() any { return renderAlphaSender(e, c, m) })
}
