package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// keyJSON is api.v2010.account.key and iam.v1.get_keys; the secret (only in
// the create response) and the policy (IAM only) are added by embedding.
type keyJSON struct {
	Sid          string  `json:"sid"`
	FriendlyName *string `json:"friendly_name"`
	DateCreated  string  `json:"date_created"`
	DateUpdated  string  `json:"date_updated"`
}

type newKeyJSON struct {
	keyJSON
	Secret string `json:"secret"`
}

type iamKeyJSON struct {
	keyJSON
	Policy json.RawMessage `json:"policy"`
}

type iamNewKeyJSON struct {
	keyJSON
	Secret string          `json:"secret"`
	Policy json.RawMessage `json:"policy"`
}

func renderKey(k *Key) keyJSON {
	return keyJSON{Sid: k.Sid, FriendlyName: nullable(k.FriendlyName),
		DateCreated: fmt2822(k.DateCreated), DateUpdated: fmt2822(k.DateUpdated)}
}

// policyJSON answers null for keys without a policy (json.RawMessage(nil)
// would encode as null too, but be explicit).
func policyJSON(k *Key) json.RawMessage {
	if len(k.Policy) == 0 {
		return json.RawMessage("null")
	}
	return k.Policy
}

func (e *Emulator) addKey(accountSid, name, keyType, region string, policy json.RawMessage) *Key {
	t := now()
	k := &Key{Sid: newSID("SK"), AccountSid: accountSid, FriendlyName: name, KeyType: keyType,
		Policy: policy, Secret: newSecret(), Region: region, stamp: stamp{DateCreated: t, DateUpdated: t}}
	keep(e, e.st.keys, k.Sid, k)
	return k
}

// CreateMainKey creates a Main API key in an account and returns its SID and
// secret. Twilio creates Main keys only in the Console; they may manage
// accounts and API keys like the auth token, but like every key they never
// reach subaccount resources.
func (e *Emulator) CreateMainKey(accountSID, friendlyName string) (sid, secret string, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.st.accounts[accountSID]
	if a == nil || a.Status == StatusClosed {
		return "", "", fmt.Errorf("twilio emulator: no open account %s", accountSID)
	}
	k := e.addKey(accountSID, friendlyName, KeyTypeMain, twilioregion.Default, nil)
	return k.Sid, k.Secret, nil
}

// keyIn finds key sid of an account, or answers 404.
func (e *Emulator) keyIn(c *call, accountSid string) (*Key, *apiError) {
	return findIn(c, e.st.keys, c.params["Sid"], func(k *Key) bool { return k.AccountSid == accountSid })
}

func (e *Emulator) listKeys2010(c *call) result {
	all := sorted(e.st.keys, func(k *Key) bool { return k.AccountSid == c.target.Sid })
	return listed(c, list2010, "keys", nil, all,
		func(k *Key) string { return k.Sid }, func(k *Key) any { return renderKey(k) })
}

func (e *Emulator) createKey2010(c *call) result {
	var name string
	b := binder{form: c.form}
	b.friendlyName(&name, "")
	if b.err != nil {
		return result{err: b.err}
	}
	k := e.addKey(c.target.Sid, name, KeyTypeStandard, regionForHost(c.r.Host), nil)
	return result{status: http.StatusCreated, body: newKeyJSON{renderKey(k), k.Secret}}
}

func (e *Emulator) updateKey2010(c *call) result {
	k, err := e.keyIn(c, c.target.Sid)
	if err != nil {
		return result{err: err}
	}
	b := binder{form: c.form}
	name := k.FriendlyName
	b.friendlyName(&name, "")
	if b.err != nil {
		return result{err: b.err}
	}
	k.FriendlyName, k.DateUpdated = name, touched(k.DateUpdated)
	return result{status: http.StatusOK, body: renderKey(k)}
}

// key2010Kind and keyIAMKind serve an account's API keys through the 2010 API and IAM v1, which show a key
// differently (IAM with its policy); the updates are each API's own (updateKey2010, updateKeyIAM).
var (
	key2010Kind = objectKind[Key, *Key]{find: (*Emulator).accountKey, drop: dropKey,
		render: func(_ *Emulator, _ *call, k *Key) any { return renderKey(k) }}
	keyIAMKind = objectKind[Key, *Key]{find: (*Emulator).accountKey, drop: dropKey,
		render: func(_ *Emulator, _ *call, k *Key) any { return iamKeyJSON{renderKey(k), policyJSON(k)} }}
)

// accountKey finds the key the path names in the target account.
func (e *Emulator) accountKey(c *call) (*Key, *apiError) { return e.keyIn(c, c.target.Sid) }

func dropKey(e *Emulator, k *Key) { delete(e.st.keys, k.Sid) }

// iamAccount checks the AccountSid parameter of /v1/Keys: on a product host
// a request acts on the authenticated account only, so even the parent's
// auth token cannot manage a subaccount's keys there.
//
// ASSUMPTION(product-host-own-credentials): Twilio documents the parent's
// reach into subaccounts for the 2010 API only. The emulator refuses the
// parent's credentials on iam and studio; the provider always uses the
// subaccount's own credentials there, which work under either rule.
func (e *Emulator) iamAccount(c *call) *apiError {
	sid := c.form.Get("AccountSid")
	switch {
	case sid == "":
		return missingParam("AccountSid")
	case !sids.Valid("AC", sid):
		return badRequest(codeInvalidParameter, "AccountSid must be an Account SID, not %q", sid)
	case sid != c.target.Sid:
		return forbidden("AccountSid %s is not the authenticated account %s; on iam.twilio.com use the "+
			"credentials of the account that owns the keys (its auth token or a Main key made in it)", sid, c.target.Sid)
	}
	return nil
}

// parsePolicy validates a restricted key's policy: a JSON object such as
// {"allow":["/twilio/messaging/messages/read"]}.
func parsePolicy(raw string) (json.RawMessage, *apiError) {
	invalid := func(why string) *apiError {
		return badRequest(codeInvalidParameter, "Invalid Policy: %s", why)
	}
	var v struct {
		Allow []string `json:"allow"`
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		var s string
		if json.Unmarshal([]byte(raw), &s) == nil {
			return nil, invalid("it is a JSON string, not an object (was it JSON-encoded twice?)")
		}
		return nil, invalid(`it must be a JSON object like {"allow":["/twilio/..."]}: ` + err.Error())
	}
	if len(v.Allow) == 0 {
		return nil, invalid(`"allow" must list at least one permission`)
	}
	for _, perm := range v.Allow {
		if !strings.HasPrefix(perm, "/") {
			return nil, invalid("permission " + perm + ` must be a path such as "/twilio/messaging/messages/read"`)
		}
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, []byte(raw)); err != nil {
		return nil, invalid(err.Error())
	}
	return buf.Bytes(), nil
}

func (e *Emulator) createKeyIAM(c *call) result {
	if err := e.iamAccount(c); err != nil {
		return result{err: err}
	}
	var name, keyType string
	b := binder{form: c.form}
	b.friendlyName(&name, "")
	b.enum("KeyType", &keyType, KeyTypeRestricted)
	if b.err != nil {
		return result{err: b.err}
	}
	raw, hasPolicy := c.form.Get("Policy"), c.form.Has("Policy")
	var policy json.RawMessage
	switch {
	case keyType == KeyTypeRestricted && !hasPolicy:
		return result{err: badRequest(codeInvalidParameter, "Policy is required when KeyType is restricted")}
	case keyType == KeyTypeRestricted:
		var err *apiError
		if policy, err = parsePolicy(raw); err != nil {
			return result{err: err}
		}
	case hasPolicy:
		return result{err: badRequest(codeInvalidParameter, "Policy is only allowed when KeyType is restricted")}
	default:
		keyType = KeyTypeStandard
	}
	k := e.addKey(c.target.Sid, name, keyType, regionForHost(c.r.Host), policy)
	return result{status: http.StatusCreated, body: iamNewKeyJSON{renderKey(k), k.Secret, policyJSON(k)}}
}

func (e *Emulator) listKeysIAM(c *call) result {
	if err := e.iamAccount(c); err != nil {
		return result{err: err}
	}
	all := sorted(e.st.keys, func(k *Key) bool { return k.AccountSid == c.target.Sid })
	f := filters{{"AccountSid", c.target.Sid}}
	return listed(c, listV1, "keys", f, all,
		func(k *Key) string { return k.Sid }, func(k *Key) any { return renderKey(k) })
}

func (e *Emulator) updateKeyIAM(c *call) result {
	k, err := e.keyIn(c, c.target.Sid)
	if err != nil {
		return result{err: err}
	}
	name, policy := k.FriendlyName, k.Policy
	b := binder{form: c.form}
	b.friendlyName(&name, "")
	if b.err != nil {
		return result{err: b.err}
	}
	if c.form.Has("Policy") {
		if k.KeyType != KeyTypeRestricted {
			return result{err: badRequest(codeInvalidParameter, "Policy can only be set on restricted keys; %s is a %s key", k.Sid, k.KeyType)}
		}
		if policy, err = parsePolicy(c.form.Get("Policy")); err != nil {
			return result{err: err}
		}
	}
	k.FriendlyName, k.Policy, k.DateUpdated = name, policy, touched(k.DateUpdated)
	return result{status: http.StatusOK, body: iamKeyJSON{renderKey(k), policyJSON(k)}}
}
