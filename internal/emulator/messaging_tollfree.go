package emulator

// TollfreeVerification is a Messaging v1 toll-free verification (SID prefix HH).
// Its fields, handlers and routes live in this file.
type TollfreeVerification struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	stamp
}

func (x *TollfreeVerification) owner() string               { return x.AccountSid }
func (x *TollfreeVerification) clone() TollfreeVerification { return *x }
