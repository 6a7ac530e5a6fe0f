package twilioclient

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	trusthubv1 "github.com/twilio/twilio-go/rest/trusthub/v1"
)

// Trust Hub v1 (trusthub.twilio.com): end users and supporting documents ("entities"), and the customer
// profiles and trust products ("bundles") that hold them. Like Studio and Serverless it acts on the
// authenticated account only, so every call goes through ForAccount. twilio-go has one type per
// collection; the two entity collections and the two bundle collections have the same shapes, so they
// are mapped to TrustEntity and TrustBundle and chosen by kind.

func (c *Client) trusthub(ctx context.Context) *trusthubv1.ApiService {
	return trusthubv1.NewApiService(c.base(ctx))
}

// TrustEntityKind is an end user or a supporting document.
type TrustEntityKind int

// Trust Hub entity kinds.
const (
	TrustEndUser TrustEntityKind = iota
	TrustSupportingDocument
)

// TrustEntity is a Trust Hub end user (IT…) or supporting document (RD…). Status is a document's (empty for
// an end user); Attributes is the object Twilio holds, as JSON.
type TrustEntity struct {
	Sid, AccountSid, FriendlyName, Type, Status string
	Attributes                                  json.RawMessage
	DateCreated                                 *time.Time
}

// TrustEntityParams are what a create sends (an update sends FriendlyName and Attributes: the type cannot
// change).
type TrustEntityParams struct {
	FriendlyName, Type string
	Attributes         json.RawMessage
}

func attributesJSON(v *interface{}) json.RawMessage {
	if v == nil || *v == nil {
		return json.RawMessage(`{}`)
	}
	raw, err := json.Marshal(*v)
	if err != nil {
		return json.RawMessage(`{}`)
	}
	return raw
}

func endUserEntity(u *trusthubv1.TrusthubV1EndUser) *TrustEntity {
	if u == nil {
		return nil
	}
	return &TrustEntity{Sid: deref(u.Sid), AccountSid: deref(u.AccountSid), FriendlyName: deref(u.FriendlyName),
		Type: deref(u.Type), Attributes: attributesJSON(u.Attributes), DateCreated: u.DateCreated}
}

func documentEntity(d *trusthubv1.TrusthubV1SupportingDocument) *TrustEntity {
	if d == nil {
		return nil
	}
	return &TrustEntity{Sid: deref(d.Sid), AccountSid: deref(d.AccountSid), FriendlyName: deref(d.FriendlyName),
		Type: deref(d.Type), Status: deref(d.Status), Attributes: attributesJSON(d.Attributes), DateCreated: d.DateCreated}
}

// CreateTrustEntity creates an end user or supporting document in accountSID.
func (c *Client) CreateTrustEntity(ctx context.Context, kind TrustEntityKind, accountSID string, p TrustEntityParams) (*TrustEntity, error) {
	return createAs(ctx, c, accountSID, "create the Trust Hub object", func(sub *Client) (*TrustEntity, error) {
		if kind == TrustEndUser {
			params := &trusthubv1.CreateEndUserParams{}
			params.SetFriendlyName(p.FriendlyName).SetType(p.Type).SetAttributes(p.Attributes)
			u, err := sub.trusthub(ctx).CreateEndUser(params)
			return endUserEntity(u), err
		}
		params := &trusthubv1.CreateSupportingDocumentParams{}
		params.SetFriendlyName(p.FriendlyName).SetType(p.Type).SetAttributes(p.Attributes)
		d, err := sub.trusthub(ctx).CreateSupportingDocument(params)
		return documentEntity(d), err
	})
}

// FindTrustEntity fetches an end user or supporting document; ErrNotFound when it is gone.
func (c *Client) FindTrustEntity(ctx context.Context, kind TrustEntityKind, accountSID, sid string) (*TrustEntity, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*TrustEntity, error) {
		if kind == TrustEndUser {
			u, err := sub.trusthub(ctx).FetchEndUser(sid)
			return endUserEntity(u), err
		}
		d, err := sub.trusthub(ctx).FetchSupportingDocument(sid)
		return documentEntity(d), err
	})
}

// UpdateTrustEntity changes an end user's or document's name and attributes.
func (c *Client) UpdateTrustEntity(ctx context.Context, kind TrustEntityKind, accountSID, sid string, p TrustEntityParams) (*TrustEntity, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*TrustEntity, error) {
		if kind == TrustEndUser {
			params := &trusthubv1.UpdateEndUserParams{}
			params.SetFriendlyName(p.FriendlyName).SetAttributes(p.Attributes)
			u, err := sub.trusthub(ctx).UpdateEndUser(sid, params)
			return endUserEntity(u), err
		}
		params := &trusthubv1.UpdateSupportingDocumentParams{}
		params.SetFriendlyName(p.FriendlyName).SetAttributes(p.Attributes)
		d, err := sub.trusthub(ctx).UpdateSupportingDocument(sid, params)
		return documentEntity(d), err
	})
}

// DeleteTrustEntity deletes an end user or supporting document.
func (c *Client) DeleteTrustEntity(ctx context.Context, kind TrustEntityKind, accountSID, sid string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error {
		if kind == TrustEndUser {
			return sub.trusthub(ctx).DeleteEndUser(sid)
		}
		return sub.trusthub(ctx).DeleteSupportingDocument(sid)
	})
}

// ListTrustEntities lists an account's end users or supporting documents, 1,000 per page.
func (c *Client) ListTrustEntities(ctx context.Context, kind TrustEntityKind, accountSID string) ([]TrustEntity, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) ([]TrustEntity, error) {
		if kind == TrustEndUser {
			all, err := sub.trusthub(ctx).ListEndUser(paged[trusthubv1.ListEndUserParams]())
			return converted(all, err, endUserEntity)
		}
		all, err := sub.trusthub(ctx).ListSupportingDocument(paged[trusthubv1.ListSupportingDocumentParams]())
		return converted(all, err, documentEntity)
	})
}

// FindTrustEntitiesCreatedSince lists the end users or documents named friendlyName created in accountSID
// since the given time: what a create whose answer was lost may have made.
func (c *Client) FindTrustEntitiesCreatedSince(ctx context.Context, kind TrustEntityKind, accountSID, friendlyName string, since time.Time) ([]TrustEntity, error) {
	all, err := c.ListTrustEntities(ctx, kind, accountSID)
	return matching(all, err, func(e TrustEntity) bool {
		return e.FriendlyName == friendlyName && CreatedAfter(e.DateCreated, since)
	})
}

// TrustBundleKind is a customer profile or a trust product.
type TrustBundleKind int

// Trust Hub bundle kinds.
const (
	TrustCustomerProfile TrustBundleKind = iota
	TrustProduct
)

// CodeTrustNotEditable is Twilio's refusal to edit a bundle in review or approved: "Once a Customer Profile
// is in review or approved, you cannot edit it" (https://www.twilio.com/docs/api/errors/60711).
const CodeTrustNotEditable = 60711

// Trust Hub bundle statuses (customer_profile_enum_status, trust_product_enum_status).
const (
	TrustStatusDraft         = "draft"
	TrustStatusPendingReview = "pending-review"
	TrustStatusInReview      = "in-review"
	TrustStatusRejected      = "twilio-rejected"
	TrustStatusApproved      = "twilio-approved"
)

// TrustBundle is a customer profile or trust product (BU…). Errors are what Twilio gives with a
// rejection, each as JSON.
type TrustBundle struct {
	Sid, AccountSid, PolicySid, FriendlyName, Status, Email, StatusCallback string
	ValidUntil, DateCreated                                                 *time.Time
	Errors                                                                  []json.RawMessage
}

// TrustBundleParams are a bundle's settable fields.
type TrustBundleParams struct {
	FriendlyName, Email, PolicySid, StatusCallback string
}

func rawList(list *[]interface{}) []json.RawMessage {
	if list == nil {
		return nil
	}
	out := make([]json.RawMessage, 0, len(*list))
	for _, v := range *list {
		raw, err := json.Marshal(v)
		if err != nil {
			raw = json.RawMessage(fmt.Sprintf("%q", fmt.Sprint(v)))
		}
		out = append(out, raw)
	}
	return out
}

func profileBundle(p *trusthubv1.TrusthubV1CustomerProfile) *TrustBundle {
	if p == nil {
		return nil
	}
	return &TrustBundle{Sid: deref(p.Sid), AccountSid: deref(p.AccountSid), PolicySid: deref(p.PolicySid),
		FriendlyName: deref(p.FriendlyName), Status: deref(p.Status), Email: deref(p.Email),
		StatusCallback: deref(p.StatusCallback), ValidUntil: p.ValidUntil, DateCreated: p.DateCreated, Errors: rawList(p.Errors)}
}

func productBundle(p *trusthubv1.TrusthubV1TrustProduct) *TrustBundle {
	if p == nil {
		return nil
	}
	return &TrustBundle{Sid: deref(p.Sid), AccountSid: deref(p.AccountSid), PolicySid: deref(p.PolicySid),
		FriendlyName: deref(p.FriendlyName), Status: deref(p.Status), Email: deref(p.Email),
		StatusCallback: deref(p.StatusCallback), ValidUntil: p.ValidUntil, DateCreated: p.DateCreated, Errors: rawList(p.Errors)}
}

// CreateTrustBundle creates a draft customer profile or trust product in accountSID.
func (c *Client) CreateTrustBundle(ctx context.Context, kind TrustBundleKind, accountSID string, p TrustBundleParams) (*TrustBundle, error) {
	return createAs(ctx, c, accountSID, "create the Trust Hub bundle", func(sub *Client) (*TrustBundle, error) {
		if kind == TrustCustomerProfile {
			params := &trusthubv1.CreateCustomerProfileParams{}
			params.SetFriendlyName(p.FriendlyName).SetEmail(p.Email).SetPolicySid(p.PolicySid)
			if p.StatusCallback != "" {
				params.SetStatusCallback(p.StatusCallback)
			}
			b, err := sub.trusthub(ctx).CreateCustomerProfile(params)
			return profileBundle(b), err
		}
		params := &trusthubv1.CreateTrustProductParams{}
		params.SetFriendlyName(p.FriendlyName).SetEmail(p.Email).SetPolicySid(p.PolicySid)
		if p.StatusCallback != "" {
			params.SetStatusCallback(p.StatusCallback)
		}
		b, err := sub.trusthub(ctx).CreateTrustProduct(params)
		return productBundle(b), err
	})
}

// FindTrustBundle fetches a customer profile or trust product; ErrNotFound when it is gone.
func (c *Client) FindTrustBundle(ctx context.Context, kind TrustBundleKind, accountSID, sid string) (*TrustBundle, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*TrustBundle, error) {
		if kind == TrustCustomerProfile {
			b, err := sub.trusthub(ctx).FetchCustomerProfile(sid)
			return profileBundle(b), err
		}
		b, err := sub.trusthub(ctx).FetchTrustProduct(sid)
		return productBundle(b), err
	})
}

// UpdateTrustBundle changes a bundle's name, email and status callback (an empty callback clears it), or,
// with status set, only submits it (status "pending-review").
func (c *Client) UpdateTrustBundle(ctx context.Context, kind TrustBundleKind, accountSID, sid string, p *TrustBundleParams, status string) (*TrustBundle, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*TrustBundle, error) {
		if kind == TrustCustomerProfile {
			params := &trusthubv1.UpdateCustomerProfileParams{}
			if p != nil {
				params.SetFriendlyName(p.FriendlyName).SetEmail(p.Email).SetStatusCallback(p.StatusCallback)
			}
			if status != "" {
				params.SetStatus(status)
			}
			b, err := sub.trusthub(ctx).UpdateCustomerProfile(sid, params)
			return profileBundle(b), err
		}
		params := &trusthubv1.UpdateTrustProductParams{}
		if p != nil {
			params.SetFriendlyName(p.FriendlyName).SetEmail(p.Email).SetStatusCallback(p.StatusCallback)
		}
		if status != "" {
			params.SetStatus(status)
		}
		b, err := sub.trusthub(ctx).UpdateTrustProduct(sid, params)
		return productBundle(b), err
	})
}

// DeleteTrustBundle deletes a customer profile or trust product.
func (c *Client) DeleteTrustBundle(ctx context.Context, kind TrustBundleKind, accountSID, sid string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error {
		if kind == TrustCustomerProfile {
			return sub.trusthub(ctx).DeleteCustomerProfile(sid)
		}
		return sub.trusthub(ctx).DeleteTrustProduct(sid)
	})
}

// ListTrustBundles lists an account's customer profiles or trust products, 1,000 per page.
func (c *Client) ListTrustBundles(ctx context.Context, kind TrustBundleKind, accountSID string) ([]TrustBundle, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) ([]TrustBundle, error) {
		if kind == TrustCustomerProfile {
			all, err := sub.trusthub(ctx).ListCustomerProfile(paged[trusthubv1.ListCustomerProfileParams]())
			return converted(all, err, profileBundle)
		}
		all, err := sub.trusthub(ctx).ListTrustProduct(paged[trusthubv1.ListTrustProductParams]())
		return converted(all, err, productBundle)
	})
}

// FindTrustBundlesCreatedSince lists the bundles named friendlyName created in accountSID since the given
// time.
func (c *Client) FindTrustBundlesCreatedSince(ctx context.Context, kind TrustBundleKind, accountSID, friendlyName string, since time.Time) ([]TrustBundle, error) {
	all, err := c.ListTrustBundles(ctx, kind, accountSID)
	return matching(all, err, func(b TrustBundle) bool {
		return b.FriendlyName == friendlyName && CreatedAfter(b.DateCreated, since)
	})
}

// TrustAssignment is an entity assignment (BV…): ObjectSid is in the bundle.
type TrustAssignment struct {
	Sid, ObjectSid string
}

// ListTrustAssignments lists what a bundle holds; ErrNotFound when the bundle is gone.
func (c *Client) ListTrustAssignments(ctx context.Context, kind TrustBundleKind, accountSID, bundleSID string) ([]TrustAssignment, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) ([]TrustAssignment, error) {
		var out []TrustAssignment
		if kind == TrustCustomerProfile {
			params := paged[trusthubv1.ListCustomerProfileEntityAssignmentParams]()
			all, err := sub.trusthub(ctx).ListCustomerProfileEntityAssignment(bundleSID, params)
			for _, a := range all {
				out = append(out, TrustAssignment{Sid: deref(a.Sid), ObjectSid: deref(a.ObjectSid)})
			}
			return out, err
		}
		params := paged[trusthubv1.ListTrustProductEntityAssignmentParams]()
		all, err := sub.trusthub(ctx).ListTrustProductEntityAssignment(bundleSID, params)
		for _, a := range all {
			out = append(out, TrustAssignment{Sid: deref(a.Sid), ObjectSid: deref(a.ObjectSid)})
		}
		return out, err
	})
}

// AssignTrustObject puts objectSID (an end user, a supporting document or a customer profile) into a
// bundle.
func (c *Client) AssignTrustObject(ctx context.Context, kind TrustBundleKind, accountSID, bundleSID, objectSID string) error {
	_, err := asAccount(ctx, c, accountSID, func(sub *Client) (struct{}, error) {
		if kind == TrustCustomerProfile {
			params := &trusthubv1.CreateCustomerProfileEntityAssignmentParams{}
			params.SetObjectSid(objectSID)
			_, err := sub.trusthub(ctx).CreateCustomerProfileEntityAssignment(bundleSID, params)
			return struct{}{}, err
		}
		params := &trusthubv1.CreateTrustProductEntityAssignmentParams{}
		params.SetObjectSid(objectSID)
		_, err := sub.trusthub(ctx).CreateTrustProductEntityAssignment(bundleSID, params)
		return struct{}{}, err
	})
	return err
}

// UnassignTrustObject removes an entity assignment from a bundle.
func (c *Client) UnassignTrustObject(ctx context.Context, kind TrustBundleKind, accountSID, bundleSID, assignmentSID string) error {
	return doAsAccount(ctx, c, accountSID, func(sub *Client) error {
		if kind == TrustCustomerProfile {
			return sub.trusthub(ctx).DeleteCustomerProfileEntityAssignment(bundleSID, assignmentSID)
		}
		return sub.trusthub(ctx).DeleteTrustProductEntityAssignment(bundleSID, assignmentSID)
	})
}

// TrustEvaluation is an evaluation of a bundle against its policy: Status "compliant" or "noncompliant",
// and the results Twilio gives for each requirement, as JSON.
type TrustEvaluation struct {
	Sid, Status string
	Results     []json.RawMessage
	DateCreated *time.Time
}

// EvaluateTrustBundle evaluates a bundle as it is now against policySID.
func (c *Client) EvaluateTrustBundle(ctx context.Context, kind TrustBundleKind, accountSID, bundleSID, policySID string) (*TrustEvaluation, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*TrustEvaluation, error) {
		if kind == TrustCustomerProfile {
			params := &trusthubv1.CreateCustomerProfileEvaluationParams{}
			params.SetPolicySid(policySID)
			ev, err := sub.trusthub(ctx).CreateCustomerProfileEvaluation(bundleSID, params)
			if err != nil {
				return nil, err
			}
			return &TrustEvaluation{Sid: deref(ev.Sid), Status: deref(ev.Status), Results: rawList(ev.Results), DateCreated: ev.DateCreated}, nil
		}
		params := &trusthubv1.CreateTrustProductEvaluationParams{}
		params.SetPolicySid(policySID)
		ev, err := sub.trusthub(ctx).CreateTrustProductEvaluation(bundleSID, params)
		if err != nil {
			return nil, err
		}
		return &TrustEvaluation{Sid: deref(ev.Sid), Status: deref(ev.Status), Results: rawList(ev.Results), DateCreated: ev.DateCreated}, nil
	})
}

// LatestTrustEvaluation is a bundle's most recent evaluation; nil when it has none.
func (c *Client) LatestTrustEvaluation(ctx context.Context, kind TrustBundleKind, accountSID, bundleSID string) (*TrustEvaluation, error) {
	return asAccount(ctx, c, accountSID, func(sub *Client) (*TrustEvaluation, error) {
		var all []TrustEvaluation
		if kind == TrustCustomerProfile {
			params := paged[trusthubv1.ListCustomerProfileEvaluationParams]()
			list, err := sub.trusthub(ctx).ListCustomerProfileEvaluation(bundleSID, params)
			if err != nil {
				return nil, err
			}
			for _, ev := range list {
				all = append(all, TrustEvaluation{Sid: deref(ev.Sid), Status: deref(ev.Status), DateCreated: ev.DateCreated})
			}
		} else {
			params := paged[trusthubv1.ListTrustProductEvaluationParams]()
			list, err := sub.trusthub(ctx).ListTrustProductEvaluation(bundleSID, params)
			if err != nil {
				return nil, err
			}
			for _, ev := range list {
				all = append(all, TrustEvaluation{Sid: deref(ev.Sid), Status: deref(ev.Status), DateCreated: ev.DateCreated})
			}
		}
		var latest *TrustEvaluation
		for i := range all {
			// NOTE: Twilio does not say in which order it lists evaluations; the newest is the latest dated,
			// and of equal dates the later listed.
			if latest == nil || all[i].DateCreated != nil && (latest.DateCreated == nil || !all[i].DateCreated.Before(*latest.DateCreated)) {
				latest = &all[i]
			}
		}
		return latest, nil
	})
}
