package emulator

// TrustBundle is a Trust Hub v1 customer profile or trust product (SID prefix BU for both).
// Its fields, handlers and routes live in this file.
type TrustBundle struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	// PolicySid says what the bundle is: Twilio's secondary customer profile policy or the A2P
	// messaging profile policy (a trust product). Status is Twilio's spelling (customer_profile_enum_status: draft … twilio-approved).
	PolicySid string `json:"policy_sid"`
	Status    string `json:"status"`
	stamp
}

func (x *TrustBundle) owner() string      { return x.AccountSid }
func (x *TrustBundle) clone() TrustBundle { return *x }
