package emulator

import (
	"encoding/json"
	"maps"
	"slices"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// Account statuses as Twilio spells them.
const (
	StatusActive    = "active"
	StatusSuspended = "suspended"
	StatusClosed    = "closed"
)

// Key types. Twilio only creates Main keys in the Console; the emulator
// creates them through [Emulator.CreateMainKey].
const (
	KeyTypeStandard   = "standard"
	KeyTypeRestricted = "restricted"
	KeyTypeMain       = "main"
)

// Account is a Twilio account as held by the emulator. A main account is its
// own owner; a subaccount's OwnerAccountSid is its parent.
type Account struct {
	Sid             string `json:"sid"`
	OwnerAccountSid string `json:"owner_account_sid"`
	FriendlyName    string `json:"friendly_name"`
	Status          string `json:"status"`
	Type            string `json:"type"`
	AuthToken       string `json:"auth_token"`
	stamp
	// regionTokens are the auth tokens outside US1, made when first needed:
	// "any given Auth token or API key is only valid for the Twilio Region in
	// which it was created" (https://www.twilio.com/docs/global-infrastructure/manage-regional-api-credentials).
	regionTokens map[string]string
	// SecondaryAuthToken authenticates like AuthToken until it is promoted or deleted (authtokens.go); US1
	// only, like AuthToken.
	SecondaryAuthToken string `json:"secondary_auth_token,omitempty"`
	secondaryCreated   time.Time
	// DialingInherit is a subaccount's voice dialing permissions inheritance (dialing.go); Dialing holds the
	// account's own country permissions by ISO code.
	DialingInherit bool                         `json:"dialing_permissions_inheritance"`
	Dialing        map[string]DialingPermission `json:"dialing_permissions,omitempty"`
}

// authTokenIn is the account's auth token in a processing region; AuthToken
// is the US1 one. Callers hold the emulator's lock.
func (a *Account) authTokenIn(region string) string {
	if region == "" || region == twilioregion.Default {
		return a.AuthToken
	}
	if a.regionTokens == nil {
		a.regionTokens = map[string]string{}
	}
	t, ok := a.regionTokens[region]
	if !ok {
		t = newSecret()
		a.regionTokens[region] = t
	}
	return t
}

// IsMain reports whether the account is a main (top-level) account.
func (a Account) IsMain() bool { return a.OwnerAccountSid == a.Sid }

// Key is an API key. Keys created through the 2010 API and IAM v1 are the
// same objects; restricted keys carry a policy.
type Key struct {
	Sid          string          `json:"sid"`
	AccountSid   string          `json:"account_sid"`
	FriendlyName string          `json:"friendly_name"`
	KeyType      string          `json:"key_type"`
	Policy       json.RawMessage `json:"policy,omitempty"`
	Secret       string          `json:"secret"`
	// Region is the processing region the key was made in, the only one it
	// authenticates in; empty means US1.
	Region string `json:"region,omitempty"`
	stamp
}

// Application is a TwiML application. Empty strings mean "not set".
type Application struct {
	Sid                             string `json:"sid"`
	AccountSid                      string `json:"account_sid"`
	FriendlyName                    string `json:"friendly_name"`
	APIVersion                      string `json:"api_version"`
	VoiceURL                        string `json:"voice_url"`
	VoiceMethod                     string `json:"voice_method"`
	VoiceFallbackURL                string `json:"voice_fallback_url"`
	VoiceFallbackMethod             string `json:"voice_fallback_method"`
	StatusCallback                  string `json:"status_callback"`
	StatusCallbackMethod            string `json:"status_callback_method"`
	VoiceCallerIDLookup             bool   `json:"voice_caller_id_lookup"`
	SmsURL                          string `json:"sms_url"`
	SmsMethod                       string `json:"sms_method"`
	SmsFallbackURL                  string `json:"sms_fallback_url"`
	SmsFallbackMethod               string `json:"sms_fallback_method"`
	SmsStatusCallback               string `json:"sms_status_callback"`
	MessageStatusCallback           string `json:"message_status_callback"`
	PublicApplicationConnectEnabled bool   `json:"public_application_connect_enabled"`
	stamp
}

// Capabilities are a phone number's capabilities.
type Capabilities struct {
	Voice bool `json:"voice"`
	SMS   bool `json:"sms"`
	MMS   bool `json:"mms"`
	Fax   bool `json:"fax"`
}

// IncomingNumber is a phone number owned by an account. Empty strings mean
// "not set".
type IncomingNumber struct {
	Sid                  string       `json:"sid"`
	AccountSid           string       `json:"account_sid"`
	PhoneNumber          string       `json:"phone_number"`
	FriendlyName         string       `json:"friendly_name"`
	APIVersion           string       `json:"api_version"`
	Capabilities         Capabilities `json:"capabilities"`
	VoiceURL             string       `json:"voice_url"`
	VoiceMethod          string       `json:"voice_method"`
	VoiceFallbackURL     string       `json:"voice_fallback_url"`
	VoiceFallbackMethod  string       `json:"voice_fallback_method"`
	VoiceCallerIDLookup  bool         `json:"voice_caller_id_lookup"`
	VoiceApplicationSid  string       `json:"voice_application_sid"`
	VoiceReceiveMode     string       `json:"voice_receive_mode"`
	StatusCallback       string       `json:"status_callback"`
	StatusCallbackMethod string       `json:"status_callback_method"`
	SmsURL               string       `json:"sms_url"`
	SmsMethod            string       `json:"sms_method"`
	SmsFallbackURL       string       `json:"sms_fallback_url"`
	SmsFallbackMethod    string       `json:"sms_fallback_method"`
	SmsApplicationSid    string       `json:"sms_application_sid"`
	TrunkSid             string       `json:"trunk_sid"`
	IdentitySid          string       `json:"identity_sid"`
	AddressSid           string       `json:"address_sid"`
	BundleSid            string       `json:"bundle_sid"`
	EmergencyStatus      string       `json:"emergency_status"`
	EmergencyAddressSid  string       `json:"emergency_address_sid"`
	// EmergencyAddressStatus is the registration of the emergency address (numbers_emergency.go);
	// emergencySettles is when a pending one completes.
	EmergencyAddressStatus string `json:"emergency_address_status"`
	stamp
	emergencySettles time.Time
}

// Flow is a Studio v2 flow. DateUpdated is zero until the first update, as
// Twilio answers date_updated null on create.
type Flow struct {
	Sid           string          `json:"sid"`
	AccountSid    string          `json:"account_sid"`
	FriendlyName  string          `json:"friendly_name"`
	Status        string          `json:"status"`
	Definition    json.RawMessage `json:"definition"`
	Revision      int             `json:"revision"`
	CommitMessage string          `json:"commit_message"`
	Valid         bool            `json:"valid"`
	Errors        []FlowProblem   `json:"errors"`
	stamp
}

// FlowProblem is one entry of a flow's errors or warnings.
type FlowProblem struct {
	Message      string `json:"message"`
	PropertyPath string `json:"property_path"`
}

// Snapshot is a deep copy of the emulator's state, ordered by creation.
// Closed accounts stay listed (Twilio keeps them 30 days); their keys,
// applications, flows and Serverless services are gone and their numbers
// were released.
type Snapshot struct {
	Accounts        []Account        `json:"accounts"`
	Keys            []Key            `json:"keys"`
	Applications    []Application    `json:"applications"`
	IncomingNumbers []IncomingNumber `json:"incoming_numbers"`
	Flows           []Flow           `json:"flows"`
	Services        []Service        `json:"services"`
	Environments    []Environment    `json:"environments"`
	Variables       []Variable       `json:"variables"`
	// Serverless code: functions and assets, their versions (content not included), builds, deployments.
	ServerlessCode        []ServerlessCode       `json:"serverless_code"`
	ServerlessVersions    []ServerlessVersion    `json:"serverless_versions"`
	ServerlessBuilds      []ServerlessBuild      `json:"serverless_builds"`
	ServerlessDeployments []ServerlessDeployment `json:"serverless_deployments"`
	Bundles               []Bundle               `json:"bundles"`
	Addresses             []Address              `json:"addresses"`
	UsageTriggers         []UsageTrigger         `json:"usage_triggers"`
	// Messaging v1 and Trust Hub v1 (messaging_store.go).
	MessagingServices     []MessagingService     `json:"messaging_services"`
	MessagingSenders      []MessagingSender      `json:"messaging_senders"`
	TollfreeVerifications []TollfreeVerification `json:"tollfree_verifications"`
	TrustEndUsers         []TrustEndUser         `json:"trust_end_users"`
	SupportingDocuments   []SupportingDocument   `json:"supporting_documents"`
	TrustBundles          []TrustBundle          `json:"trust_bundles"`
	BrandRegistrations    []BrandRegistration    `json:"brand_registrations"`
	Campaigns             []Campaign             `json:"campaigns"`
}

// store is the mutable state; every access holds Emulator.mu.
type store struct {
	seq      int64
	accounts map[string]*Account
	keys     map[string]*Key
	apps     map[string]*Application
	numbers  map[string]*IncomingNumber
	flows    map[string]*Flow
	sv       *serverlessStore
	bundles  map[string]*Bundle
	// addresses are the 2010 API's Addresses (addresses.go).
	addresses map[string]*Address
	// triggers are the 2010 API's usage triggers (usage_triggers.go).
	triggers map[string]*UsageTrigger
	// msg is Messaging v1 and Trust Hub v1 (messaging_store.go).
	msg *messagingStore
}

func newStore() *store {
	return &store{
		accounts:  map[string]*Account{},
		keys:      map[string]*Key{},
		apps:      map[string]*Application{},
		numbers:   map[string]*IncomingNumber{},
		flows:     map[string]*Flow{},
		sv:        newServerlessStore(),
		bundles:   map[string]*Bundle{},
		addresses: map[string]*Address{},
		triggers:  map[string]*UsageTrigger{},
		msg:       newMessagingStore(),
	}
}

func (s *store) nextSeq() int64 {
	s.seq++
	return s.seq
}

func copyRaw(r json.RawMessage) json.RawMessage { return slices.Clone(r) }

// Snapshot returns a deep copy of the state for assertions such as orphan
// checks after a test destroyed its resources.
func (e *Emulator) Snapshot() Snapshot {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := e.st
	var snap Snapshot
	for _, a := range sorted(s.accounts, nil) {
		c := *a
		c.Dialing = maps.Clone(a.Dialing)
		snap.Accounts = append(snap.Accounts, c)
	}
	for _, k := range sorted(s.keys, nil) {
		c := *k
		c.Policy = copyRaw(k.Policy)
		snap.Keys = append(snap.Keys, c)
	}
	for _, a := range sorted(s.apps, nil) {
		snap.Applications = append(snap.Applications, *a)
	}
	for _, n := range sorted(s.numbers, nil) {
		snap.IncomingNumbers = append(snap.IncomingNumbers, *n)
	}
	for _, f := range sorted(s.flows, nil) {
		c := *f
		c.Definition = copyRaw(f.Definition)
		c.Errors = slices.Clone(f.Errors)
		snap.Flows = append(snap.Flows, c)
	}
	s.sv.snapshot(&snap)
	s.sv.code.snapshot(&snap)
	for _, b := range sorted(s.bundles, nil) {
		snap.Bundles = append(snap.Bundles, *b)
	}
	for _, a := range sorted(s.addresses, nil) {
		snap.Addresses = append(snap.Addresses, *a)
	}
	for _, t := range sorted(s.triggers, nil) {
		snap.UsageTriggers = append(snap.UsageTriggers, *t)
	}
	s.msg.snapshot(&snap)
	return snap
}
