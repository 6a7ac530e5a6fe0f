package emulator

// TrustEndUser is a Trust Hub v1 end user (SID prefix IT).
// Its fields, handlers and routes live in this file.
type TrustEndUser struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	stamp
}

func (x *TrustEndUser) owner() string       { return x.AccountSid }
func (x *TrustEndUser) clone() TrustEndUser { return *x }
