package emulator

// MessagingSender is a member of a Messaging Service's sender pool: a phone number (PN), an alpha sender (AI) or a short code (SC).
// Its fields, handlers and routes live in this file.
type MessagingSender struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	// ServiceSid is the Messaging Service whose pool holds it.
	ServiceSid string `json:"service_sid"`
	stamp
}

func (x *MessagingSender) owner() string          { return x.AccountSid }
func (x *MessagingSender) clone() MessagingSender { return *x }
