package emulator

// BrandRegistration is a Messaging v1 A2P brand registration (SID prefix BN).
// Its fields, handlers and routes live in this file.
type BrandRegistration struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	// CustomerProfileBundleSid and A2PProfileBundleSid are the approved customer profile and A2P trust
	// product (TrustBundle) it was registered from; Status is Twilio's spelling (brand_registrations_enum_status: PENDING, APPROVED, FAILED…).
	CustomerProfileBundleSid string `json:"customer_profile_bundle_sid"`
	A2PProfileBundleSid      string `json:"a2p_profile_bundle_sid"`
	Status                   string `json:"status"`
	stamp
}

func (x *BrandRegistration) owner() string            { return x.AccountSid }
func (x *BrandRegistration) clone() BrandRegistration { return *x }
