package emulator

// SupportingDocument is a Trust Hub v1 supporting document (SID prefix RD).
// Its fields, handlers and routes live in this file.
type SupportingDocument struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	stamp
}

func (x *SupportingDocument) owner() string             { return x.AccountSid }
func (x *SupportingDocument) clone() SupportingDocument { return *x }
