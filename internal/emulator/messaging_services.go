package emulator

// MessagingService is a Messaging v1 Messaging Service (SID prefix MG).
// Its fields, handlers and routes live in this file.
type MessagingService struct {
	Sid          string `json:"sid"`
	AccountSid   string `json:"account_sid"`
	FriendlyName string `json:"friendly_name"`
	stamp
}

func (x *MessagingService) owner() string           { return x.AccountSid }
func (x *MessagingService) clone() MessagingService { return *x }
