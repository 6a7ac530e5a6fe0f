package emulator

// Campaign is a Messaging v1 US A2P campaign, /v1/Services/{MessagingServiceSid}/Compliance/Usa2p (SID prefix QE).
// Its fields, handlers and routes live in this file.
type Campaign struct {
	Sid        string `json:"sid"`
	AccountSid string `json:"account_sid"`
	// MessagingServiceSid is the service it belongs to, BrandRegistrationSid its approved brand.
	MessagingServiceSid  string `json:"messaging_service_sid"`
	BrandRegistrationSid string `json:"brand_registration_sid"`
	CampaignStatus       string `json:"campaign_status"`
	stamp
}

func (x *Campaign) owner() string   { return x.AccountSid }
func (x *Campaign) clone() Campaign { return *x }
