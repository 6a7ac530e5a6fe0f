package emulator

// TrustBundle is a Trust Hub v1 customer profile or trust product (SID prefix BU for both).
// Its fields, handlers and routes live in this file.
type TrustBundle struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	stamp
}

func (x *TrustBundle) owner() string      { return x.AccountSid }
func (x *TrustBundle) clone() TrustBundle { return *x }
