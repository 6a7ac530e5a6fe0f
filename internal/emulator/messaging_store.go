package emulator

// Messaging v1 (messaging.twilio.com) and Trust Hub v1 (trusthub.twilio.com): a tenant's Messaging
// Services and sender pool, its toll-free verifications, and the US A2P 10DLC chain (end users,
// supporting documents, customer profiles, trust products, brand registrations, campaigns).
const (
	productMessaging = "messaging"
	productTrustHub  = "trusthub"
)

// trustHubCollections are the first path segments after /v1 that belong to Trust Hub v1.
var trustHubCollections = map[string]bool{
	"CustomerProfiles": true, "TrustProducts": true, "EndUsers": true, "SupportingDocuments": true,
	"EndUserTypes": true, "SupportingDocumentTypes": true, "Policies": true,
}

// messagingStore holds the Messaging v1 and Trust Hub v1 objects by SID. Each kind is owned by its own
// file, which defines the type, its handlers and its routes (registered in an init, as Serverless does).
type messagingStore struct {
	// services are Messaging Services and senders their sender pool members (messaging_services.go,
	// messaging_senders.go); tollfree are toll-free verifications (messaging_tollfree.go).
	services map[string]*MessagingService
	senders  map[string]*MessagingSender
	tollfree map[string]*TollfreeVerification
	// endUsers, documents and trustBundles are Trust Hub's (trusthub_*.go): customer profiles and trust
	// products are both bundles (SID prefix BU) with entity assignments and evaluations.
	endUsers     map[string]*TrustEndUser
	documents    map[string]*SupportingDocument
	trustBundles map[string]*TrustBundle
	// brands and campaigns are the A2P 10DLC registrations (a2p_brands.go, a2p_campaigns.go).
	brands    map[string]*BrandRegistration
	campaigns map[string]*Campaign
}

func newMessagingStore() *messagingStore {
	return &messagingStore{
		services: map[string]*MessagingService{}, senders: map[string]*MessagingSender{},
		tollfree: map[string]*TollfreeVerification{}, endUsers: map[string]*TrustEndUser{},
		documents: map[string]*SupportingDocument{}, trustBundles: map[string]*TrustBundle{},
		brands: map[string]*BrandRegistration{}, campaigns: map[string]*Campaign{},
	}
}

// dropAccount forgets a closed account's objects.
func (m *messagingStore) dropAccount(sid string) {
	dropOwned(m.services, sid)
	dropOwned(m.senders, sid)
	dropOwned(m.tollfree, sid)
	dropOwned(m.endUsers, sid)
	dropOwned(m.documents, sid)
	dropOwned(m.trustBundles, sid)
	dropOwned(m.brands, sid)
	dropOwned(m.campaigns, sid)
}

// snapshot copies the objects into snap in creation order.
func (m *messagingStore) snapshot(snap *Snapshot) {
	snap.MessagingServices = copyAll(m.services)
	snap.MessagingSenders = copyAll(m.senders)
	snap.TollfreeVerifications = copyAll(m.tollfree)
	snap.TrustEndUsers = copyAll(m.endUsers)
	snap.SupportingDocuments = copyAll(m.documents)
	snap.TrustBundles = copyAll(m.trustBundles)
	snap.BrandRegistrations = copyAll(m.brands)
	snap.Campaigns = copyAll(m.campaigns)
}

// owned is a stored object of one account; clone deep-copies it for a Snapshot.
type owned[T any] interface {
	*T
	ordered
	owner() string
	clone() T
	stampOf() *stamp
}

func dropOwned[T any, P owned[T]](m map[string]P, account string) {
	for k, v := range m {
		if v.owner() == account {
			delete(m, k)
		}
	}
}

// dates finds the creation and update dates of any Messaging or Trust Hub object by SID, for
// [Emulator.Backdate]; nil when there is none.
func (m *messagingStore) dates(sid string) *stamp {
	for _, st := range []*stamp{stampIn(m.services, sid), stampIn(m.senders, sid), stampIn(m.tollfree, sid),
		stampIn(m.endUsers, sid), stampIn(m.documents, sid), stampIn(m.trustBundles, sid), stampIn(m.brands, sid),
		stampIn(m.campaigns, sid)} {
		if st != nil {
			return st
		}
	}
	return nil
}

func stampIn[T any, P owned[T]](m map[string]P, sid string) *stamp {
	if v, ok := m[sid]; ok {
		return v.stampOf()
	}
	return nil
}

// copyAll copies the values in creation order.
func copyAll[T any, P owned[T]](m map[string]P) []T {
	var out []T
	for _, v := range sorted(m, nil) {
		out = append(out, v.clone())
	}
	return out
}
