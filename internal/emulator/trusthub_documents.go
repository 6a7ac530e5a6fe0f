package emulator

import (
	"encoding/json"
	"net/http"
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

var supportingDocumentRoutes = []*route{
	{productTrustHub, []string{"v1", "SupportingDocuments"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listSupportingDocuments, http.MethodPost: (*Emulator).createSupportingDocument}},
	{productTrustHub, []string{"v1", "SupportingDocuments", "{Sid}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).fetchSupportingDocument, http.MethodPost: (*Emulator).updateSupportingDocument,
		http.MethodDelete: (*Emulator).deleteSupportingDocument}},
}

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

func (e *Emulator) supportingDocumentIn(c *call) (*SupportingDocument, *apiError) {
	return findIn(c, e.st.msg.documents, c.params["Sid"], func(d *SupportingDocument) bool { return d.AccountSid == c.target.Sid })
}

func (e *Emulator) listSupportingDocuments(c *call) result {
	all := sorted(e.st.msg.documents, func(d *SupportingDocument) bool { return d.AccountSid == c.target.Sid })
	return listed(c, listV1, "results", nil, all,
		func(d *SupportingDocument) string { return d.Sid }, func(d *SupportingDocument) any { return renderSupportingDocument(c, d) })
}

func (e *Emulator) createSupportingDocument(c *call) result {
	t := now()
	d := &SupportingDocument{Sid: newSID("RD"), AccountSid: c.target.Sid, Status: documentDraft,
		stamp: stamp{DateCreated: t, DateUpdated: t}}
	if err := bindTrustTypeAndAttributes(c, supportingDocumentTypes, &d.Type, &d.Attributes, true); err != nil {
		return result{err: err}
	}
	d.FriendlyName = c.form.Get("FriendlyName")
	d.seq = e.st.nextSeq()
	e.st.msg.documents[d.Sid] = d
	return result{status: http.StatusCreated, body: renderSupportingDocument(c, d)}
}

func (e *Emulator) fetchSupportingDocument(c *call) result {
	d, err := e.supportingDocumentIn(c)
	return answer(err, func() any { return renderSupportingDocument(c, d) })
}

// updateSupportingDocument changes FriendlyName and Attributes; the type cannot change.
func (e *Emulator) updateSupportingDocument(c *call) result {
	d, err := e.supportingDocumentIn(c)
	return revised(d, err, func(next *SupportingDocument) *apiError {
		if err := bindTrustTypeAndAttributes(c, nil, &next.Type, &next.Attributes, false); err != nil {
			return err
		}
		if v, ok := c.form["FriendlyName"]; ok {
			next.FriendlyName = v[0]
		}
		return nil
	}, func() any { return renderSupportingDocument(c, d) })
}

func (e *Emulator) deleteSupportingDocument(c *call) result {
	d, err := e.supportingDocumentIn(c)
	return gone(err, func() { delete(e.st.msg.documents, d.Sid) })
}
