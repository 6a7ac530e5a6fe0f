package emulator

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
)

// Short codes in a Messaging Service's pool (https://www.twilio.com/docs/messaging/api/shortcode-resource).
// Twilio provisions a short code to an account after an application, never through the API, so the
// emulator's stand-in is test control (AddShortCode, POST /_emulator/short-codes). An account's short code
// is a MessagingSender with prefix SC: ServiceSid is empty while no pool holds it, since its SID is also
// its pool member's.
var messagingShortCodeRoutes = serviceShortCodes.routes()

func init() { routes = append(routes, messagingShortCodeRoutes...) }

// shortCodeDigits: US short codes are 5 or 6 digits (https://www.twilio.com/docs/glossary/what-is-a-short-code).
var shortCodeDigits = regexp.MustCompile(`^[0-9]{5,6}$`)

// AddShortCode gives account a short code (5 or 6 digits) and returns its SID, as Twilio does after
// provisioning one.
func (e *Emulator) AddShortCode(account, code string) (string, error) {
	if !shortCodeDigits.MatchString(code) {
		return "", fmt.Errorf("twilio emulator: short code %q is not 5 or 6 digits", code)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if a := e.st.accounts[account]; a == nil {
		return "", fmt.Errorf("twilio emulator: no account %s", account)
	}
	t := now()
	m := &MessagingSender{Sid: newSID("SC"), AccountSid: account, ShortCode: code, stamp: stamp{DateCreated: t, DateUpdated: t}}
	keep(e, e.st.msg.senders, m.Sid, m)
	return m.Sid, nil
}

type serviceShortCodeJSON struct {
	Sid          string   `json:"sid"`
	AccountSid   string   `json:"account_sid"`
	ServiceSid   string   `json:"service_sid"`
	ShortCode    string   `json:"short_code"`
	CountryCode  string   `json:"country_code"`
	Capabilities []string `json:"capabilities"`
	v1Meta
}

// serviceShortCodes are the account's short codes in pools; one taken out stays in the account, in no pool.
var serviceShortCodes = poolKind{prefix: "SC", collection: "ShortCodes", listKey: "short_codes",
	render: renderServiceShortCode, add: (*Emulator).addServiceShortCode,
	remove: func(_ *Emulator, m *MessagingSender) { m.ServiceSid = "" }}

func renderServiceShortCode(_ *Emulator, c *call, m *MessagingSender) any {
	return serviceShortCodeJSON{
		Sid: m.Sid, AccountSid: m.AccountSid, ServiceSid: m.ServiceSid, ShortCode: m.ShortCode, CountryCode: "US",
		Capabilities: []string{"SMS", "MMS"},
		v1Meta:       m.metaAt(c.base + "/v1/Services/" + m.ServiceSid + "/ShortCodes/" + m.Sid),
	}
}

// addServiceShortCode puts one of the account's short codes in the pool: 21421 for a SID that is not one
// ("an invalid Phone Number SID or Short Code SID", https://www.twilio.com/docs/api/errors/21421), 21712 for
// one another service holds ("Phone Number or Short Code is associated with another Messaging Service",
// https://www.twilio.com/docs/api/errors/21712); a re-add answers 200 as for numbers (assumption
// messaging-sender-readd).
func (e *Emulator) addServiceShortCode(c *call, s *MessagingService) result {
	sid := c.form.Get("ShortCodeSid")
	if sid == "" {
		return result{err: missingParam("ShortCodeSid")}
	}
	m := e.st.msg.senders[sid]
	if m == nil || !strings.HasPrefix(sid, "SC") || m.AccountSid != c.target.Sid {
		return result{err: badRequest(codeInvalidPhone, "Short Code SID %s is not a short code of account %s", sid, c.target.Sid)}
	}
	switch {
	case m.ServiceSid == s.Sid && !e.alternative(AltSenderReaddRefused):
		return result{status: http.StatusOK, body: renderServiceShortCode(e, c, m)}
	case m.ServiceSid != "":
		return result{err: badRequest(codeSenderInOtherService, "Phone Number or Short Code is associated with another Messaging Service")}
	}
	m.ServiceSid = s.Sid
	m.DateCreated, m.DateUpdated = now(), now()
	return result{status: http.StatusCreated, body: renderServiceShortCode(e, c, m)}
}
