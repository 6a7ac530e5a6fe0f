package emulator

// BrandRegistration is a Messaging v1 A2P brand registration (SID prefix BN).
// Its fields, handlers and routes live in this file.
type BrandRegistration struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	stamp
}

func (x *BrandRegistration) owner() string            { return x.AccountSid }
func (x *BrandRegistration) clone() BrandRegistration { return *x }
