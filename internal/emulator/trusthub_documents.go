package emulator

import (
	"encoding/json"
	"time"
)

// Trust Hub v1 supporting documents (https://www.twilio.com/docs/trust-hub/trusthub-rest-api/supporting-documents):
// the evidence a customer profile carries, such as its business address (type customer_profile_address,
// attributes {"address_sids": "AD…"}: the ISV onboarding guide's step 1.6/1.7,
// https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api).

// SupportingDocument is a Trust Hub v1 supporting document (SID prefix RD).
type SupportingDocument struct {
	Sid          string          `json:"sid"`
	AccountSid   string          `json:"account_sid"`
	FriendlyName string          `json:"friendly_name"`
	Type         string          `json:"type"`
	Attributes   json.RawMessage `json:"attributes"`
	Status       string          `json:"status"`
	stamp
}

func (x *SupportingDocument) owner() string { return x.AccountSid }
func (x *SupportingDocument) clone() SupportingDocument {
	c := *x
	c.Attributes = copyRaw(x.Attributes)
	return c
}

// supportingDocumentTypes are the document types the emulator knows: the A2P customer profile's address,
// and the business registration and identity documents Trust Hub lists
// (https://www.twilio.com/docs/trust-hub/trusthub-rest-api/supporting-document-types).
var supportingDocumentTypes = []string{
	"customer_profile_address", "business_registration", "government_issued_document", "utility_bill",
}

// ASSUMPTION(trusthub-document-status): Twilio documents a supporting document's statuses (DRAFT,
// PENDING_REVIEW, REJECTED, APPROVED, EXPIRED, PROVISIONALLY_APPROVED: supporting_document_enum_status in
// twilio_trusthub_v1.json) but not which one a new document has. The emulator answers DRAFT, and a
// document's own status never moves (its bundle's review decides). The provider only reports `status`,
// never plans on it, so any value is right; test: TestAccTrustHubSupportingDocument_basic.
const documentDraft = "DRAFT"

// supportingDocuments are the account's supporting documents.
var supportingDocuments = trustEntityKind[SupportingDocument, *SupportingDocument]{
	collection: "SupportingDocuments", types: supportingDocumentTypes,
	store: func(e *Emulator) map[string]*SupportingDocument { return e.st.msg.documents },
	make: func(account string, t time.Time) *SupportingDocument {
		return &SupportingDocument{Sid: newSID("RD"), AccountSid: account, Status: documentDraft,
			stamp: stamp{DateCreated: t, DateUpdated: t}}
	},
	render: renderSupportingDocument,
}

func (x *SupportingDocument) entity() (string, *string, *json.RawMessage, *string) {
	return x.Sid, &x.Type, &x.Attributes, &x.FriendlyName
}

var supportingDocumentRoutes = supportingDocuments.routes()

func init() { routes = append(routes, supportingDocumentRoutes...) }

type supportingDocumentJSON struct {
	Sid          string          `json:"sid"`
	AccountSid   string          `json:"account_sid"`
	FriendlyName string          `json:"friendly_name"`
	MimeType     *string         `json:"mime_type"`
	Status       string          `json:"status"`
	Type         string          `json:"type"`
	Attributes   json.RawMessage `json:"attributes"`
	v1Meta
}

func renderSupportingDocument(c *call, d *SupportingDocument) any {
	return supportingDocumentJSON{Sid: d.Sid, AccountSid: d.AccountSid, FriendlyName: d.FriendlyName,
		Status: d.Status, Type: d.Type, Attributes: d.Attributes,
		v1Meta: d.metaAt(c.base + "/v1/SupportingDocuments/" + d.Sid)}
}
