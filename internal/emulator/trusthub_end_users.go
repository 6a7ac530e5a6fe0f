package emulator

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Trust Hub v1 end users (https://www.twilio.com/docs/trust-hub/trusthub-rest-api/end-users): the people
// and businesses a customer profile or trust product describes. Like every Trust Hub route, they act on
// the authenticated account only (a product host; a parent's auth token reaches a subaccount's through
// the subaccount's own credentials, as for Studio).

// TrustEndUser is a Trust Hub v1 end user (SID prefix IT).
type TrustEndUser struct {
	Sid          string          `json:"sid"`
	AccountSid   string          `json:"account_sid"`
	FriendlyName string          `json:"friendly_name"`
	Type         string          `json:"type"`
	Attributes   json.RawMessage `json:"attributes"`
	stamp
}

func (x *TrustEndUser) owner() string { return x.AccountSid }
func (x *TrustEndUser) clone() TrustEndUser {
	c := *x
	c.Attributes = copyRaw(x.Attributes)
	return c
}

// trustEndUserTypes are the end-user types the A2P 10DLC policies name: the secondary customer profile's
// business information and authorized representatives, and the A2P messaging profile information
// ("A2P 10DLC - Standard and Low-Volume Standard Brand Onboarding Guide for ISVs",
// https://www.twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api, steps 1.3-1.5 and 2.2),
// plus the regulatory bundles' individual and business (Trust Hub's EndUserTypes list:
// https://www.twilio.com/docs/trust-hub/trusthub-rest-api/end-user-types).
var trustEndUserTypes = []string{
	"customer_profile_business_information", "authorized_representative_1", "authorized_representative_2",
	"us_a2p_messaging_profile_information", "individual", "business",
}

// Trust Hub's types and attributes: the type is one of Twilio's listed types ("The type of end user",
// refused otherwise) and the attributes a JSON object of that type's fields.
//
// ASSUMPTION(trusthub-unknown-type): Twilio lists the types (EndUserTypes, SupportingDocumentTypes) but
// not the answer to an unlisted one. The emulator answers 400/20001 naming the type. The provider refuses
// no type at plan time (Twilio adds types), so it passes Twilio's answer on whatever it is; test:
// TestConformanceTrustHub.
func bindTrustTypeAndAttributes(c *call, types []string, typ *string, attrs *json.RawMessage, creating bool) *apiError {
	if creating {
		for _, name := range []string{"FriendlyName", "Type"} {
			if c.form.Get(name) == "" {
				return missingParam(name)
			}
		}
		*typ = c.form.Get("Type")
		if !slices.Contains(types, *typ) {
			return badRequest(codeInvalidParameter, "Type %q is not a Trust Hub type: one of %s", *typ, strings.Join(types, ", "))
		}
	}
	if v, ok := c.form["FriendlyName"]; ok && v[0] == "" {
		return badRequest(codeInvalidParameter, "FriendlyName cannot be empty")
	}
	if v, ok := c.form["Attributes"]; ok {
		var obj map[string]any
		if err := json.Unmarshal([]byte(v[0]), &obj); err != nil || obj == nil {
			return badRequest(codeInvalidParameter, "Attributes must be a JSON object")
		}
		*attrs = json.RawMessage(v[0])
	} else if creating {
		*attrs = json.RawMessage(`{}`)
	}
	return nil
}

// trustEntity is a stored Trust Hub object that is a type and its attributes (P is a pointer to T).
type trustEntity[T any] interface {
	*T
	ordered
	touch()
	stampOf() *stamp
	owner() string
	// entity gives its SID, and its type, attributes and friendly name to bind.
	entity() (sid string, typ *string, attrs *json.RawMessage, name *string)
}

// trustEntityKind serves one collection of Trust Hub objects that are a type and its attributes (end users,
// supporting documents) in the calling account: each is listed, created, fetched, updated (FriendlyName
// and Attributes; the type cannot change) and deleted the same way, by bindTrustTypeAndAttributes.
type trustEntityKind[T any, P trustEntity[T]] struct {
	collection string   // under /v1: "EndUsers"
	types      []string // the types a create may name
	store      func(e *Emulator) map[string]P
	make       func(account string, t time.Time) P // a new one: its SID, account, first status and stamps
	render     func(c *call, x P) any
}

func (k trustEntityKind[T, P]) routes() []*route {
	// An update changes FriendlyName and Attributes; a delete leaves the assignments that name the object
	// (assumption trusthub-delete).
	object := objectKind[T, P]{
		find:   k.in,
		render: func(_ *Emulator, c *call, x P) any { return k.render(c, x) },
		edit: func(_ *Emulator, c *call, _, next P) *apiError {
			_, typ, attrs, name := next.entity()
			if err := bindTrustTypeAndAttributes(c, nil, typ, attrs, false); err != nil {
				return err
			}
			if v, ok := c.form["FriendlyName"]; ok {
				*name = v[0]
			}
			return nil
		},
		drop: func(e *Emulator, x P) { sid, _, _, _ := x.entity(); delete(k.store(e), sid) },
	}
	return []*route{
		{productTrustHub, []string{"v1", k.collection}, scopeProduct, false, map[string]handler{
			http.MethodGet: k.list, http.MethodPost: k.create}},
		{productTrustHub, []string{"v1", k.collection, "{Sid}"}, scopeProduct, false, map[string]handler{
			http.MethodGet: object.fetch, http.MethodPost: object.update, http.MethodDelete: object.delete}},
	}
}

// in finds the object the path names in the calling account.
func (k trustEntityKind[T, P]) in(e *Emulator, c *call) (P, *apiError) {
	x := k.store(e)[c.params["Sid"]]
	if x == nil || x.owner() != c.target.Sid {
		return nil, notFound(c.path)
	}
	return x, nil
}

func (k trustEntityKind[T, P]) list(e *Emulator, c *call) result {
	all := []*T{}
	for _, x := range sorted(k.store(e), func(x P) bool { return x.owner() == c.target.Sid }) {
		all = append(all, x)
	}
	return listed(c, listV1, "results", nil, all,
		func(x *T) string { sid, _, _, _ := P(x).entity(); return sid }, func(x *T) any { return k.render(c, x) })
}

func (k trustEntityKind[T, P]) create(e *Emulator, c *call) result {
	x := k.make(c.target.Sid, now())
	sid, typ, attrs, name := x.entity()
	if err := bindTrustTypeAndAttributes(c, k.types, typ, attrs, true); err != nil {
		return result{err: err}
	}
	*name = c.form.Get("FriendlyName")
	return created(e, k.store(e), sid, x, func() any { return k.render(c, x) })
}

// trustEndUsers are the account's end users.
var trustEndUsers = trustEntityKind[TrustEndUser, *TrustEndUser]{
	collection: "EndUsers", types: trustEndUserTypes,
	store: func(e *Emulator) map[string]*TrustEndUser { return e.st.msg.endUsers },
	make: func(account string, t time.Time) *TrustEndUser {
		return &TrustEndUser{Sid: newSID("IT"), AccountSid: account, stamp: stamp{DateCreated: t, DateUpdated: t}}
	},
	render: renderEndUser,
}

func (x *TrustEndUser) entity() (string, *string, *json.RawMessage, *string) {
	return x.Sid, &x.Type, &x.Attributes, &x.FriendlyName
}

var trustEndUserRoutes = trustEndUsers.routes()

func init() { routes = append(routes, trustEndUserRoutes...) }

type endUserJSON struct {
	Sid          string          `json:"sid"`
	AccountSid   string          `json:"account_sid"`
	FriendlyName string          `json:"friendly_name"`
	Type         string          `json:"type"`
	Attributes   json.RawMessage `json:"attributes"`
	v1Meta
}

func renderEndUser(c *call, u *TrustEndUser) any {
	return endUserJSON{Sid: u.Sid, AccountSid: u.AccountSid, FriendlyName: u.FriendlyName, Type: u.Type,
		Attributes: u.Attributes, v1Meta: u.metaAt(c.base + "/v1/EndUsers/" + u.Sid)}
}
