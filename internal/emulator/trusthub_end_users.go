package emulator

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
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

var trustEndUserRoutes = []*route{
	{productTrustHub, []string{"v1", "EndUsers"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).listEndUsers, http.MethodPost: (*Emulator).createEndUser}},
	{productTrustHub, []string{"v1", "EndUsers", "{Sid}"}, scopeProduct, false, map[string]handler{
		http.MethodGet: (*Emulator).fetchEndUser, http.MethodPost: (*Emulator).updateEndUser,
		http.MethodDelete: (*Emulator).deleteEndUser}},
}

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

func (e *Emulator) endUserIn(c *call) (*TrustEndUser, *apiError) {
	return findIn(c, e.st.msg.endUsers, c.params["Sid"], func(u *TrustEndUser) bool { return u.AccountSid == c.target.Sid })
}

func (e *Emulator) listEndUsers(c *call) result {
	all := sorted(e.st.msg.endUsers, func(u *TrustEndUser) bool { return u.AccountSid == c.target.Sid })
	return listed(c, listV1, "results", nil, all,
		func(u *TrustEndUser) string { return u.Sid }, func(u *TrustEndUser) any { return renderEndUser(c, u) })
}

func (e *Emulator) createEndUser(c *call) result {
	t := now()
	u := &TrustEndUser{Sid: newSID("IT"), AccountSid: c.target.Sid, stamp: stamp{DateCreated: t, DateUpdated: t}}
	if err := bindTrustTypeAndAttributes(c, trustEndUserTypes, &u.Type, &u.Attributes, true); err != nil {
		return result{err: err}
	}
	u.FriendlyName = c.form.Get("FriendlyName")
	u.seq = e.st.nextSeq()
	e.st.msg.endUsers[u.Sid] = u
	return result{status: http.StatusCreated, body: renderEndUser(c, u)}
}

func (e *Emulator) fetchEndUser(c *call) result {
	u, err := e.endUserIn(c)
	return answer(err, func() any { return renderEndUser(c, u) })
}

// updateEndUser changes FriendlyName and Attributes; the type cannot change (the update takes no Type).
func (e *Emulator) updateEndUser(c *call) result {
	u, err := e.endUserIn(c)
	return revised(u, err, func(next *TrustEndUser) *apiError {
		if err := bindTrustTypeAndAttributes(c, nil, &next.Type, &next.Attributes, false); err != nil {
			return err
		}
		if v, ok := c.form["FriendlyName"]; ok {
			next.FriendlyName = v[0]
		}
		return nil
	}, func() any { return renderEndUser(c, u) })
}

// deleteEndUser deletes an end user, leaving the assignments that name it (assumption trusthub-delete).
func (e *Emulator) deleteEndUser(c *call) result {
	u, err := e.endUserIn(c)
	return gone(err, func() { delete(e.st.msg.endUsers, u.Sid) })
}
